import { describe, expect, it } from "vitest";
import { extractFacts, factsOf, toStatement } from "../../src/factcheck/facts.js";

describe("toStatement", () => {
  it.each([
    ["Is it true that CIS trade grew by 40%?", "CIS trade grew by 40%"],
    [
      "Is it correct that only about 50 Russian regions take part?",
      "Only about 50 Russian regions take part",
    ],
    ["Did mutual trade grow by 40% in 2017?", "Mutual trade grow by 40% in 2017"],
    [
      "Do Belarusian fertilizers make up half of the market?",
      "Belarusian fertilizers make up half of the market",
    ],
    ["Someone says the exchange was set up in 2015. Is that right?", "The exchange was set up in 2015"],
    ["CIS trade grew by 25% in 2017, right?", "CIS trade grew by 25% in 2017"],
    ["Mutual trade in the CIS grew by 40% in 2017.", "Mutual trade in the CIS grew by 40% in 2017."],
  ])("%s", (claim, statement) => {
    expect(toStatement(claim)).toEqual({ statement, open: false });
  });

  it("marks wh-questions as open: they assert nothing", () => {
    expect(toStatement("What was the inflation rate in Belarus in 2020?").open).toBe(true);
    expect(toStatement("How much did exports grow?").open).toBe(true);
  });
});

describe("extractFacts", () => {
  it("finds figures, years, entities and terms of a claim", () => {
    const f = extractFacts(
      "Is it true that mutual trade in the Commonwealth of Independent States grew by 40% in 2017?",
    );
    expect(f.figures).toMatchObject([{ value: 40, unit: "percent", direction: "up" }]);
    expect(f.years.map((y) => y.year)).toEqual([2017]);
    expect(f.entities).toEqual(["CIS"]);
    expect(f.terms).toEqual(["mutual", "trade"]);
  });

  it("folds aliases and demonyms onto one entity", () => {
    expect(factsOf("the Eurasian Economic Union and the EEU").entities).toEqual(["EAEU"]);
    expect(factsOf("Belarusian exporters in Belarus").entities).toEqual(["Belarus"]);
    expect(factsOf("the High-Tech Park (HTP)").entities).toEqual(["HTP"]);
    expect(factsOf("the EU and the EAEU").entities.sort()).toEqual(["EAEU", "EU"]);
  });

  it("keeps other capitalised names, but not a sentence's first word", () => {
    expect(factsOf("Trade between Belarus and the Irkutsk region").entities).toEqual(["Belarus", "irkutsk"]);
  });

  it("records a figure's direction and what a count counts", () => {
    const [fall] = factsOf(
      "the trade amounted to $244 million and fell by 6.7% compared to 2019",
    ).figures.slice(1);
    expect(fall).toMatchObject({ value: 6.7, direction: "down" });
    expect(factsOf("a figure 6.7% less than in 2019").figures[0]?.direction).toBe("down");
    expect(factsOf("more than 600 documents on cooperation").figures[0]?.counts).toEqual([
      "document",
      "cooper",
    ]);
  });

  it("reads question forms to the same facts as the statement", () => {
    const q = extractFacts("Did Belarus's trade with the Vladimir region fall by 6.7% in 2020?");
    const s = extractFacts("Belarus's trade with the Vladimir region fell by 6.7% in 2020.");
    expect(q.figures.map((f) => [f.value, f.direction])).toEqual(
      s.figures.map((f) => [f.value, f.direction]),
    );
    expect(q.entities).toEqual(s.entities);
    expect(q.terms).toEqual(s.terms);
  });
});
