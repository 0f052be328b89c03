import { z } from "zod";
import type { FactCheck, Verdict } from "../types.js";
import { readJsonl } from "./jsonl.js";

export const claimItemSchema = z.object({
  id: z.string(),
  claim: z.string().min(1),
  verdict: z.enum(["supported", "contradicted", "not_found"]),
  correct: z.string().optional(),
  changed: z.string().optional(),
  note: z.string().optional(),
  evidence: z
    .array(z.object({ file: z.string(), quote: z.string().min(1), hop: z.number().int() }))
    .default([]),
});
export type ClaimItem = z.infer<typeof claimItemSchema>;

/** Reads a claims file (one JSON object per line); a bad line is reported with its number. */
export const readClaimsFile = (path: string): Promise<ClaimItem[]> => readJsonl(path, claimItemSchema);

export interface ClaimOutcome {
  item: ClaimItem;
  check: FactCheck;
}

export interface ClaimsReport {
  claims: number;
  accuracy: number;
  /** Per gold verdict: how many, and how many got each verdict. */
  byVerdict: Record<Verdict, { n: number; right: number; got: Record<Verdict, number> }>;
  /** Per changed element of the contradicted claims: how many, and how many were called contradicted. */
  byChanged: Record<string, { n: number; right: number; got: Record<Verdict, number> }>;
  /** Claims that are false as stated but were called supported: the error a fact-checker must not make. */
  falseSupported: string[];
  failures: { id: string; claim: string; expected: Verdict; got: Verdict; explanation: string }[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const empty = (): Record<Verdict, number> => ({ supported: 0, contradicted: 0, not_found: 0 });

export function claimsReport(outcomes: ClaimOutcome[]): ClaimsReport {
  const byVerdict = {} as ClaimsReport["byVerdict"];
  const byChanged: ClaimsReport["byChanged"] = {};
  for (const v of ["supported", "contradicted", "not_found"] as const)
    byVerdict[v] = { n: 0, right: 0, got: empty() };
  for (const { item, check } of outcomes) {
    const right = check.verdict === item.verdict ? 1 : 0;
    const v = byVerdict[item.verdict];
    v.n++;
    v.right += right;
    v.got[check.verdict]++;
    if (item.verdict === "contradicted") {
      const key = item.changed ?? "(unstated)";
      byChanged[key] ??= { n: 0, right: 0, got: empty() };
      const c = byChanged[key];
      c.n++;
      c.right += right;
      c.got[check.verdict]++;
    }
  }
  const wrong = outcomes.filter((o) => o.check.verdict !== o.item.verdict);
  return {
    claims: outcomes.length,
    accuracy: round(outcomes.length === 0 ? 0 : (outcomes.length - wrong.length) / outcomes.length),
    byVerdict,
    byChanged,
    falseSupported: outcomes
      .filter((o) => o.item.verdict !== "supported" && o.check.verdict === "supported")
      .map((o) => o.item.id),
    failures: wrong.map((o) => ({
      id: o.item.id,
      claim: o.item.claim,
      expected: o.item.verdict,
      got: o.check.verdict,
      explanation: o.check.explanation,
    })),
  };
}
