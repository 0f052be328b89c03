/** Fact-check entry point: claim → statement and facts → passages from search → verdict. */
import type { Engine } from "../engine.js";
import type { Chunk, SearchResult } from "../types.js";
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

/** Resolves a chunk id: lets the checker read the other books' copies collapsed into a hit. */
export type PassageLookup = (id: string) => Promise<Chunk | undefined>;

export async function checkClaim(claim: string, search: Search, passage?: PassageLookup): Promise<FactCheck> {
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
  // A copy in another book may word the subject as the claim does, so copies are read too.
  const found = await Promise.all(
    results.flatMap((r) => r.hits.flatMap((h) => [h.chunk, ...(passage ? h.duplicates.map(passage) : [])])),
  );
  const chunks = new Map(found.filter((c): c is Chunk => c !== undefined).map((c) => [c.id, c]));
  return { claim, ...judge(facts, [...chunks.values()]) };
}

/** The fact-checker over an engine: its hybrid search, and its chunks for collapsed copies. */
export const engineFactChecker =
  (engine: Pick<Engine, "search" | "passage">) =>
  (claim: string): Promise<FactCheck> =>
    checkClaim(
      claim,
      (q, o) => engine.search(q, o),
      async (id) => (await engine.passage(id))?.chunk,
    );
