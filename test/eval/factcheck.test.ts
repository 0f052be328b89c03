import { describe, expect, it } from "vitest";
import {
  expectedVerdict,
  type FactCheckOutcome,
  factCheckFailures,
  factCheckReport,
} from "../../src/eval/factcheck.js";
import type { QaItem } from "../../src/eval/qa.js";
import type { Verdict } from "../../src/types.js";

const item = (id: string, type: string, verdict?: "true" | "false"): QaItem => ({
  id,
  question: `claim ${id}`,
  type,
  verdict,
  evidence: [],
});

describe("expectedVerdict", () => {
  it("maps gold true/false claims and unanswerable questions; other items are not checked", () => {
    expect(expectedVerdict(item("a", "fact_check", "true"))).toBe("supported");
    expect(expectedVerdict(item("b", "fact_check", "false"))).toBe("contradicted");
    expect(expectedVerdict(item("c", "unanswerable"))).toBe("not_found");
    expect(expectedVerdict(item("d", "fact_check"))).toBeUndefined();
    expect(expectedVerdict(item("e", "factoid"))).toBeUndefined();
  });
});

describe("factCheckReport", () => {
  const outcome = (id: string, expected: Verdict, got: Verdict): FactCheckOutcome => ({
    item: item(id, "fact_check"),
    expected,
    got,
    explanation: `${got} because`,
  });
  const outcomes = [
    outcome("s1", "supported", "supported"),
    outcome("s2", "supported", "not_found"),
    outcome("c1", "contradicted", "contradicted"),
    outcome("c2", "contradicted", "supported"),
    outcome("c3", "contradicted", "contradicted"),
    outcome("n1", "not_found", "not_found"),
    outcome("n2", "not_found", "contradicted"),
  ];

  it("gives overall and per-class accuracy and counts false claims called supported", () => {
    expect(factCheckReport(outcomes)).toEqual({
      questions: 7,
      accuracy: 0.571, // 4 of 7
      supported: 0.5,
      contradicted: 0.667,
      notFound: 0.5,
      wrongSupported: 1,
    });
  });

  it("lists the wrong verdicts", () => {
    expect(factCheckFailures(outcomes).map((o) => o.item.id)).toEqual(["s2", "c2", "n2"]);
  });

  it("reports zeros, not NaN, with nothing to check", () => {
    expect(factCheckReport([])).toEqual({
      questions: 0,
      accuracy: 0,
      supported: 0,
      contradicted: 0,
      notFound: 0,
      wrongSupported: 0,
    });
  });
});
