/** Fact-check entry point: claim → statement and facts → passages from search → verdict. */
import type { SearchResult } from "../types.js";
import { extractFacts } from "./facts.js";
import { type Conflict, type Evidence, judge, type Verdict } from "./verdict.js";

export type { Conflict, Evidence, Verdict };

/** The search port; the engine's hybrid search in production, an in-memory one in tests. */
export type Search = (query: string, opts?: { topK?: number }) => Promise<SearchResult>;

export interface FactCheck {
  claim: string;
  verdict: Verdict;
  explanation: string;
  evidence: Evidence[];
  conflicts: Conflict[];
}

const TOP_K = 8;

export async function checkClaim(claim: string, search: Search): Promise<FactCheck> {
  const facts = extractFacts(claim);
  if (facts.open) {
    return {
      claim,
      verdict: "not_found",
      explanation: "This is an open question, not a claim: there is no statement to check against the books.",
      evidence: [],
      conflicts: [],
    };
  }
  // The claim as written finds passages with its figures; its subject alone finds those giving other figures.
  const queries = [...new Set([facts.statement, facts.subject])];
  const results = await Promise.all(queries.map((q) => search(q, { topK: TOP_K })));
  const chunks = new Map(results.flatMap((r) => r.hits).map((h) => [h.chunk.id, h.chunk]));
  return { claim, ...judge(facts, [...chunks.values()]) };
}
