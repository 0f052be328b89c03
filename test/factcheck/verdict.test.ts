import { describe, expect, it } from "vitest";
import type { ElementCheck } from "../../src/types.js";
import {
  AGROMASH,
  BALANCE,
  BASHKIR_ASSEMBLY,
  BASHKIR_TRACTORS,
  BASHKORTOSTAN_1999,
  CIS_TRADE,
  checkAgainst,
  FERROUS,
  GEELY,
  GOMEL_RATON,
  HTP_25,
  HTP_27,
  INNOVATION_2030,
  KABARDINO,
  KAZAKH_AGRI,
  MALAYSIA,
  MOGILEV_966,
  PROFAUTO,
  REGIONS_80,
  REGIONS_600,
  SAKHALIN,
  SAMARA_30,
  SPIMEX,
  STRATEGY_330,
  STRATEGY_332,
  TATARSTAN_2004,
  TOMSK_FORUM,
  VITEBSK_LODZ,
} from "./passages.js";

const check = checkAgainst;
const element = (r: ReturnType<typeof check>, kind: ElementCheck["kind"]) =>
  r.elements.find((e) => e.kind === kind);

describe("supported only when every element is borne out in one piece of evidence", () => {
  it("bears out paraphrased figures and dates, quoting the sentence", () => {
    const r = check("Mutual trade in the CIS totalled $164bn in 2017, a rise of a quarter.");
    expect(r.verdict).toBe("supported");
    expect(r.evidence[0]?.chunkId).toBe(CIS_TRADE.id);
    expect(CIS_TRADE.text).toContain(r.evidence[0]?.quote);
    expect(r.elements.filter((e) => e.kind === "figure").map((e) => e.status)).toEqual([
      "matched",
      "matched",
    ]);
  });

  it("never supports a claim with one element changed", () => {
    for (const claim of [
      "The High Tech Park's exports exceeded $3.5 billion in 2020.",
      "Of the 361 companies with Russian capital in Gomel region, 12 are residents of FEZ Mogilev.",
      "Belarusian potash fertilizers make up 40% of the Malaysian potash market.",
      "Belarus and Bashkortostan signed their agreement on trade, economic, scientific, technical and cultural cooperation in June 2003.",
    ]) {
      expect(check(claim).verdict, claim).not.toBe("supported");
    }
  });

  it("reports books that disagree and cites both", () => {
    const r = check("The EAEU strategy until 2025 includes 332 implementation mechanisms.", [
      STRATEGY_332,
      STRATEGY_330,
    ]);
    expect(r.verdict).toBe("supported");
    expect(r.conflicts[0]?.readings.map((x) => x.figure)).toEqual(["332", "330"]);
    expect(r.evidence.map((e) => e.chunkId)).toEqual([STRATEGY_332.id, STRATEGY_330.id]);
    const htp = check("The High Tech Park's exports exceeded $2.5 billion in 2020.", [HTP_25, HTP_27]);
    expect(htp.verdict).toBe("supported");
    expect(htp.conflicts[0]?.readings.map((x) => x.figure).sort()).toEqual(["$2.5 billion", "$2.7 billion"]);
  });

  it("compares a total with the total, not with a part of it said next", () => {
    const claim =
      "Belarusian regions have more than 600 cooperation documents with CIS regions, most of them with Russia.";
    expect(check(claim, [REGIONS_600]).verdict).toBe("supported");
    const wrong = check("Belarusian regions have only 300 cooperation documents with CIS regions.", [
      REGIONS_600,
    ]);
    expect(wrong.verdict).toBe("contradicted");
    expect(element(wrong, "figure")).toMatchObject({ status: "different", book: "600" });
  });
});

describe("contradicted when the evidence about the same thing states another value for one element", () => {
  it.each([
    ["number", "Mutual trade in the CIS grew by 40% in 2017.", CIS_TRADE, "figure", "25%"],
    // The only percent of a passage on the claim's subject, though the words right around it are few of the claim's.
    [
      "number",
      "Belarusian potash fertilizers make up about half of the Malaysian potash market.",
      MALAYSIA,
      "figure",
      "25%",
    ],
    [
      "number",
      "In November 2021, 50 production and trade enterprises of the Samara region were ready to use the BUCE.",
      SAMARA_30,
      "figure",
      "30",
    ],
    [
      "unit",
      "Nearly 800 companies trade ferrous metals on the Belarusian exchange daily, and one session can reach $2m.",
      FERROUS,
      "figure",
      "two million euros",
    ],
    [
      "direction",
      "At the end of 2020 Belarus's trade with Kabardino-Balkaria grew by more than a quarter to $8.6m.",
      KABARDINO,
      "figure",
      "a quarter",
    ],
    [
      "direction",
      "In January 2020 Belarus had a foreign trade surplus of $61.2m.",
      BALANCE,
      "figure",
      "$61.2 million",
    ],
    [
      "year",
      "Belarus and Bashkortostan signed an agreement on trade, economic, scientific, technical and cultural cooperation in June 2001.",
      BASHKORTOSTAN_1999,
      "period",
      "June 1999",
    ],
    [
      "date",
      "The Interstate Programme of Innovation Cooperation until 2030 was signed in October 2020.",
      INNOVATION_2030,
      "period",
      "November 6, 2020",
    ],
    [
      "place",
      "Of 361 companies with Russian capital in the Gomel region, 12 are residents of the Grodnoinvest free zone.",
      GOMEL_RATON,
      "name",
      "Raton",
    ],
    [
      "organisation",
      "Minsk Automobile Plant granted Georgia's Hermes Ltd exclusive rights to sell its vehicles in Georgia.",
      PROFAUTO,
      "organisation",
      "Profauto LLC",
    ],
    [
      "ordinal",
      "The agreement between Belarus and Tomsk Region was signed in 2016 at the Fifth Forum of Regions of Belarus and Russia.",
      TOMSK_FORUM,
      "rank",
      "Third",
    ],
    [
      "superlative",
      "The Mogilev region's $966 million of exports were the lowest for the last 5 years.",
      MOGILEV_966,
      "rank",
      "highest",
    ],
  ])("%s: %s", (_kind, claim, passage, kind, book) => {
    const r = check(claim, [passage]);
    expect(r.verdict, r.explanation).toBe("contradicted");
    const changed = r.elements.find((e) => e.status === "different");
    expect(changed?.kind === kind || (kind === "name" && changed?.kind === "organisation")).toBe(true);
    expect(changed?.book).toContain(book);
    expect(passage.text).toContain(r.evidence[0]?.quote);
  });

  it("relation: the distributor and the distributed reversed", () => {
    const r = check(
      "Gomselmash is the exclusive distributor of AgromashHolding KZ's products in Kazakhstan.",
      [AGROMASH],
    );
    expect(r.verdict, r.explanation).toBe("contradicted");
    expect(element(r, "relation")?.status).toBe("different");
  });

  it("negation: a denial in the sentence before outweighs a window that has the words only from it", () => {
    const claim = "Bashkortostan said it only needs a few dozen crawler tractors from Belarus.";
    const r = check(claim, [BASHKIR_TRACTORS, BASHKIR_ASSEMBLY]);
    expect(r.verdict, r.explanation).toBe("contradicted");
    expect(r.evidence[0]?.chunkId).toBe(BASHKIR_TRACTORS.id);
    // "As a result, … caterpillar tractors … has been raised" says neither "need" nor "dozens" itself.
    expect(check(claim, [BASHKIR_ASSEMBLY]).verdict).not.toBe("supported");
  });

  it("negation: the books deny what the claim asserts", () => {
    const r = check("The electric car developed by Belarusian scientists is essentially a Geely.", [GEELY]);
    expect(r.verdict, r.explanation).toBe("contradicted");
    expect(element(r, "negation")?.status).toBe("different");
  });
});

describe("dates: the earliest, the full date, another place's", () => {
  it("refutes 'only then' with the same act dated earlier, though it also happened then", () => {
    const only = check(
      "Vitebsk oblast and the Lodz voivodeship only signed their partnership agreement in March 2017.",
      [VITEBSK_LODZ],
    );
    expect(only.verdict).toBe("contradicted");
    expect(element(only, "period")).toMatchObject({ status: "different", book: "2009" });
    // Without "only", the March 2017 signing bears the claim out.
    const plain = check(
      "The districts of the Vitebsk Oblast and municipalities of the Lodz Voivodeship signed five cooperation agreements in March 2017.",
      [VITEBSK_LODZ],
    );
    expect(plain.verdict).toBe("supported");
    expect(plain.conflicts).toEqual([]);
  });

  it("bears out a claim worded its own way when the window gives its full date", () => {
    const claim =
      "The intergovernmental agreement that underpins Belarus-Tatarstan cooperation in trade, economy, science, technology and culture dates from 23 June 2004.";
    expect(check(claim, [TATARSTAN_2004, SAKHALIN]).verdict).toBe("supported");
    const wrong = check(claim.replace("2004", "2006"), [TATARSTAN_2004, SAKHALIN]);
    expect(wrong.verdict).toBe("contradicted");
    expect(element(wrong, "period")).toMatchObject({ book: "23 June 2004" });
  });

  it("does not refute a region's date with another region's, named where the date is", () => {
    // Tatarstan is said just before, but May 2021 is the Sakhalin Oblast's action plan.
    const r = check(
      "Belarus and Tatarstan signed their agreement on trade, economic, scientific, technical and cultural cooperation in June 2004.",
      [SAKHALIN],
    );
    expect(r.verdict).not.toBe("contradicted");
  });
});

describe("not found: on the subject but not the same fact", () => {
  it("does not refute a figure with one for another period", () => {
    // 15% is given for the first seven months of 2018, not for 2017 or for the whole of 2018.
    expect(check("Mutual trade in the CIS grew by 15% in the whole of 2018.", [CIS_TRADE]).verdict).not.toBe(
      "supported",
    );
    expect(check("Mutual trade in the CIS totalled $120 billion in 2019.", [CIS_TRADE]).verdict).toBe(
      "not_found",
    );
  });

  it("does not refute a total with a figure whose own words say nothing of what it measures", () => {
    // "$ 307.2 million" is agricultural and food trade in 2020; its own words are only "increased … reached".
    const r = check("Trade between Belarus and Kazakhstan came to roughly $920m in 2019.", [KAZAKH_AGRI]);
    expect(r.verdict, r.explanation).toBe("not_found");
  });

  it("names what was confirmed and what is missing", () => {
    const r = check(
      "About 80 Russian regions, led by Smolensk, take part in interregional cooperation with Belarus.",
      [REGIONS_80],
    );
    expect(r.verdict).toBe("not_found");
    expect(r.explanation).toContain("Smolensk");
    expect(r.elements.find((e) => e.claim === "Smolensk")?.status).toBe("missing");
  });

  it("finds nothing when the books do not speak of the subject", () => {
    expect(check("Is it true that Belarus's inflation was 5% in 2020?").verdict).toBe("not_found");
    expect(check("The Eurasian Economic Union adopted a common currency in 2020.").verdict).toBe("not_found");
    expect(
      check("The St. Petersburg International Mercantile Exchange was set up in 2008.", [SPIMEX]).verdict,
    ).toBe("supported");
    expect(
      check("Belarusian potash fertilizers make up a quarter of the Malaysian market.", [MALAYSIA]).verdict,
    ).toBe("supported");
  });
});
