import { describe, expect, it } from "vitest";
import { analyzeQuestion, answerTypesOf, type Vocabulary } from "../../src/understand/question.js";

/** A corpus vocabulary of a few real words: enough to correct and to tell unknown words. */
const CORPUS = new Set([
  "kazakhstan",
  "belaru",
  "trade",
  "2016",
  "vladimir",
  "region",
  "student",
  "uzbekistan",
]);
const vocabulary: Vocabulary = {
  has: (t) => CORPUS.has(t),
  correct: (t) => (t === "vladimr" ? "vladimir" : undefined),
  weight: () => 1,
};

describe("answerTypesOf", () => {
  it.each([
    ["How many trolleybuses did Belarus deliver to Bishkek in August 2018?", ["count"]],
    ["How much did Belarusian food exports to Turkey grow in the first half of 2021?", ["change"]],
    ["What share of Minsk Oblast's foreign trade did China account for in 2020?", ["percent"]],
    ["What was the consumer price inflation rate in Belarus in 2020?", ["percent"]],
    ["How much potash did Belarus ship to Malaysia in 2016?", ["amount"]],
    ["that Malaysian defence expo Belarus exhibited at in 2017 - how big was it?", ["size"]],
    ["Hrodna region exports H1 2021 - how much?", ["amount"]],
    ["Mahilyow oblast trade with the PRC in 2020?", ["amount"]],
    ["How did Belarus's trade with Russia's Vladimir region do in 2020?", ["amount"]],
    ["EAEU tech platform #15 - when was it set up and who founded it?", ["date", "organisation"]],
    ["where did the Belarus tractor maker open its dealer centre in Dagestan?", ["place"]],
    ["why is Bashkortostan interested in how Belarus builds concrete roads?", ["reason"]],
    ["what's the point of the heat pump memorandum Minsk signed with a Shanghai company?", ["reason"]],
    ["Is it true that Minsk and Tbilisi became sister cities in 2015?", ["yesno"]],
    ["Did Bashkortostan say it only needs a few dozen crawler tractors from Belarus?", ["yesno"]],
    ["Belarusian shops in Astrakhan - what's there?", ["other"]],
    ["Great Stone park resident count: early 2021 vs later in 2021?", ["count"]],
    ["Does the tractor count as a Belarusian product?", ["yesno"]],
  ])("%s", (question, types) => {
    expect(answerTypesOf(question)).toEqual(types);
  });
});

describe("analyzeQuestion", () => {
  it("corrects misspellings to corpus terms and drops misspelt function words; unknown words stay but are marked", () => {
    const q = analyzeQuestion("wat was the kazakstan belarus trade in 2016", vocabulary);
    expect(q.text).not.toMatch(/\bwat\b/);
    expect(q.terms).toEqual(expect.arrayContaining(["kazakhstan", "belaru", "trade", "2016"]));
    expect(q.unknown).toEqual([]);
    expect(analyzeQuestion("trade with the Vladimr region", vocabulary).text).toContain("vladimir");
    expect(analyzeQuestion("good recipe for draniki", vocabulary).unknown).toContain("draniki");
    // An acronym is a name, never a typo of a function word.
    expect(analyzeQuestion("why was Minsk picked for the ITU forum?", vocabulary).text).toContain("ITU");
  });

  it("finds the focus of a figure question, the period and whether a part-year figure would answer", () => {
    const q = analyzeQuestion(
      "how many students from Uzbekistan are Belarusian unis taking in 2020/21?",
      vocabulary,
    );
    expect(q.focus).toEqual(["student"]);
    expect(q.reading.periods).toMatchObject([{ year: 2020, toYear: 2021 }]);
    // The topic before "how much", up to where a verb or preposition says more of it.
    expect(
      analyzeQuestion("first powdered milk sold to China through the exchange - how much was it?", vocabulary)
        .focus,
    ).toEqual(["first", "powder", "milk"]);
    // An amount asked in a currency is stated only by a figure in it.
    expect(
      analyzeQuestion("what's the dollar value of Belarus's trade with Moscow oblast?", vocabulary).currency,
    ).toBe("usd");
    expect(
      analyzeQuestion("how far was trade from the $1 billion potential?", vocabulary).currency,
    ).toBeUndefined();
    // The measure is of what follows "of": the volume of trade is trade.
    expect(
      analyzeQuestion("What was the volume of mutual trade among CIS states in 2018?", vocabulary).focus,
    ).toEqual(["mutual", "trade"]);
    expect(
      analyzeQuestion("Belarus-Novgorod trade last year (2020)?", vocabulary).reading.periods,
    ).toMatchObject([{ year: 2020 }]);
    expect(analyzeQuestion("Belarus-Tatarstan turnover for the whole of 2020?", vocabulary).flow).toBe(true);
    expect(analyzeQuestion("Pskov city bus tender 2020 - how many MAZ buses?", vocabulary).flow).toBe(false);
    expect(
      analyzeQuestion("how many electric cars did BelGee actually build in 2021?", vocabulary).actual,
    ).toBe(true);
  });
});
