import type { Verdict } from "../types.js";
import type { QaItem } from "./qa.js";

/**
 * The verdict a QA item asks of the fact-checker: a gold "true"/"false" claim is supported/contradicted,
 * an unanswerable question is not found; other items are not fact-check items.
 */
export function expectedVerdict(item: QaItem): Verdict | undefined {
  if (item.type === "unanswerable") return "not_found";
  if (item.type === "fact_check" && item.verdict)
    return item.verdict === "true" ? "supported" : "contradicted";
  return undefined;
}

export interface FactCheckOutcome {
  item: QaItem;
  expected: Verdict;
  got: Verdict;
  explanation: string;
}

export interface FactCheckReport {
  questions: number;
  accuracy: number;
  /** Per-class accuracy: share of the items expecting that verdict that got it. */
  supported: number;
  contradicted: number;
  notFound: number;
  /** Claims called supported whose gold is false: the error a fact-checker must not make. */
  wrongSupported: number;
}

export function factCheckReport(outcomes: FactCheckOutcome[]): FactCheckReport {
  const accuracy = (xs: FactCheckOutcome[]) =>
    xs.length === 0 ? 0 : round(xs.filter((o) => o.got === o.expected).length / xs.length);
  const expecting = (v: Verdict) => accuracy(outcomes.filter((o) => o.expected === v));
  return {
    questions: outcomes.length,
    accuracy: accuracy(outcomes),
    supported: expecting("supported"),
    contradicted: expecting("contradicted"),
    notFound: expecting("not_found"),
    wrongSupported: outcomes.filter((o) => o.expected === "contradicted" && o.got === "supported").length,
  };
}

export const factCheckFailures = (outcomes: FactCheckOutcome[]) =>
  outcomes.filter((o) => o.got !== o.expected);

const round = (x: number) => Math.round(x * 1000) / 1000;
