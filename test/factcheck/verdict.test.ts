import { describe, expect, it } from "vitest";
import { extractFacts, extractFacts as facts } from "../../src/factcheck/facts.js";
import { agrees, judge } from "../../src/factcheck/verdict.js";
import {
  ALL,
  BUCE,
  CIS_TRADE,
  HTP_25,
  HTP_27,
  MALAYSIA,
  REGIONS_80,
  REGIONS_600,
  SPIMEX,
  STRATEGY_330,
  STRATEGY_332,
} from "./passages.js";

const check = (claim: string, chunks = ALL) => judge(extractFacts(claim), chunks);
const figure = (text: string) => {
  const f = facts(text).figures[0];
  if (!f) throw new Error(`no figure in ${text}`);
  return f;
};

describe("agrees", () => {
  it("allows rounding and approximation, not a different figure", () => {
    expect(agrees(figure("164 billion dollars"), figure("USD 164 billion"))).toBe(true);
    expect(agrees(figure("14%"), figure("14.3 percent"))).toBe(true);
    expect(agrees(figure("about 60%"), figure("57%"))).toBe(true);
    expect(agrees(figure("40%"), figure("25%"))).toBe(false);
    expect(agrees(figure("$300 million"), figure("$280 million"))).toBe(false);
  });

  it("reads bounds and ranges", () => {
    expect(agrees(figure("more than 500 documents"), figure("more than 600 documents"))).toBe(true);
    expect(agrees(figure("more than 700 documents"), figure("600 documents"))).toBe(false);
    expect(agrees(figure("22%"), figure("20–25%"))).toBe(true);
    expect(agrees(figure("30%"), figure("20–25%"))).toBe(false);
  });

  it("does not let a fall bear out a rise", () => {
    expect(agrees(figure("grew by 6.7%"), figure("fell by 6.7%"))).toBe(false);
  });
});

describe("judge on real passages", () => {
  it("supports a claim whose figures and year match, quoting the sentence", () => {
    const r = check("Mutual trade in the CIS totalled $164 billion in 2017, 25% more.");
    expect(r.verdict).toBe("supported");
    expect(r.evidence[0]?.chunkId).toBe(CIS_TRADE.id);
    expect(CIS_TRADE.text).toContain(r.evidence[0]?.quote);
    expect(r.evidence[0]?.quote).toContain("USD 164 billion");
  });

  it("contradicts a different figure for the same subject and says which", () => {
    const r = check("Mutual trade in the CIS grew by 40% in 2017.");
    expect(r.verdict).toBe("contradicted");
    expect(r.explanation).toContain("the books say 25%, not 40%");
  });

  it("does not refute a figure with one for another period", () => {
    // 15% is given for the first seven months of 2018, not for 2017.
    expect(check("Mutual trade in the CIS grew by 15% in 2017.", [CIS_TRADE]).verdict).toBe("contradicted");
    expect(check("Mutual trade in the CIS grew by 15% in 2018.", [CIS_TRADE]).verdict).toBe("supported");
  });

  it("reads a fraction claim against a percent", () => {
    const r = check("Do Belarusian potash fertilizers make up about half of the Malaysian potash market?");
    expect(r.verdict).toBe("contradicted");
    expect(r.evidence[0]?.chunkId).toBe(MALAYSIA.id);
    expect(r.explanation).toContain("25%");
  });

  it("contradicts a year for the same event", () => {
    const r = check(
      "Someone says the St. Petersburg International Mercantile Exchange, the BUCE's new partner, was only set up in 2015. Is that right?",
    );
    expect(r.verdict).toBe("contradicted");
    expect(r.evidence[0]?.chunkId).toBe(SPIMEX.id);
    expect(r.explanation).toContain("2008");
    expect(check("The St. Petersburg International Mercantile Exchange was set up in 2008.").verdict).toBe(
      "supported",
    );
  });

  it("names the subject from the preceding sentence or the section heading", () => {
    expect(
      check("Export deals on the BUCE rose by 80% to $369 million in the first half of 2021.").verdict,
    ).toBe("supported");
    expect(
      check("Export deals on the BUCE rose by 80% to $400 million in the first half of 2021.").verdict,
    ).toBe("contradicted");
    expect(
      check("Only about 50 Russian regions take part in interregional cooperation with Belarus.").verdict,
    ).toBe("contradicted");
    expect(
      check("About 80 Russian regions take part in interregional cooperation with Belarus.", [REGIONS_80])
        .verdict,
    ).toBe("supported");
    expect(check("BUCE export transactions grew by 80 percent.", [BUCE]).verdict).toBe("supported");
  });

  it("compares a total with the total, not with a part of it said next", () => {
    const claim =
      "Is it true that Belarusian regions have more than 600 cooperation documents with CIS regions, most of them with Russia?";
    expect(figure("over 430 of these agreements").part).toBe(true);
    expect(figure("more than 600 documents on cooperation").part).toBe(false);
    const r = check(claim, [REGIONS_600]);
    expect(r.verdict).toBe("supported");
    expect(r.explanation).toContain("the books give 600");
    expect(r.evidence[0]?.quote).toContain("more than 600 documents");
    // Nor does a part refute the total when the passage gives no total.
    const noTotal = {
      ...REGIONS_600,
      text: REGIONS_600.text.replace("have more than 600 documents", "have many documents"),
    };
    expect(check(claim, [noTotal]).verdict).toBe("not_found");
    // The total still refutes a wrong total.
    const wrong = check("Belarusian regions have only 300 cooperation documents with CIS regions.", [
      REGIONS_600,
    ]);
    expect(wrong.verdict).toBe("contradicted");
    expect(wrong.explanation).toContain("the books say 600, not 300");
  });

  it("lets the figure the passage states win over a different one in the next sentence", () => {
    // Without "of these", 430 reads as another count of the same documents; the 600 before it decides.
    const edited = {
      ...REGIONS_600,
      text: REGIONS_600.text.replace("430 of these agreements", "430 agreements"),
    };
    const claim =
      "Belarusian regions have more than 600 cooperation documents with CIS regions, most of them with Russia.";
    expect(check(claim, [edited]).verdict).toBe("supported");
  });

  it("never supports a claim whose figure differs from the book's", () => {
    for (const claim of [
      "The High Tech Park's exports exceeded $3.5 billion in 2020.",
      "Mutual trade in the CIS totalled $120 billion in 2017.",
      "Belarusian potash fertilizers make up 40% of the Malaysian potash market.",
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
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]?.readings.map((x) => x.figure)).toEqual(["332", "330"]);
    expect(r.evidence.map((e) => e.chunkId)).toEqual([STRATEGY_332.id, STRATEGY_330.id]);

    const htp = check("Is it true that the High Tech Park's exports exceeded $2.5 billion in 2020?", [
      HTP_25,
      HTP_27,
    ]);
    expect(htp.verdict).toBe("supported");
    expect(htp.conflicts[0]?.readings.map((x) => x.figure).sort()).toEqual(["$2.5 billion", "$2.7 billion"]);
  });

  it("finds nothing when the books do not speak of the subject", () => {
    expect(check("Is it true that Belarus's inflation was 5% in 2020?").verdict).toBe("not_found");
    expect(check("The Eurasian Economic Union adopted a common currency in 2020.").verdict).toBe("not_found");
    expect(check("Mutual trade among EAEU members grew by 20%.").verdict).toBe("not_found");
  });
});
