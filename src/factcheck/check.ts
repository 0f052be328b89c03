/** Fact-check entry point: claim → elements → passages from search → windows aligned → verdict. */
import type { CorpusReader } from "../search/corpus-reader.js";
import type { Chunk, FactCheck, SearchResult } from "../types.js";
import type { Vocabulary } from "../understand/question.js";
import { type AlignSettings, alignWindow, DEFAULT_ALIGN_SETTINGS } from "./align.js";
import { analyzeClaim, type ClaimAnalysis, withPassages } from "./claim.js";
import { DEFAULT_VERDICT_SETTINGS, judge, type VerdictSettings } from "./verdict.js";

/** Every tuning value of the fact-check, with the measurement behind it (docs/quality.md). */
export interface FactCheckSettings {
  /** Passages read per query (the claim as written, and its subject without figures). @default 8 */
  topK: number;
  /**
   * A claim's name whose IDF over the passages is below this may go unsaid in evidence (a passage
   * about Belarus says "the republic"). @default 1.5 — "Belarus" 0.4, "Russia" 1.0, "Tomsk" 5.6.
   */
  impliedIdf: number;
  /**
   * A claim with this many words the corpus never uses is about something else; one may be a
   * spelling the books do not share. @default 2 — as for questions (answer/extractive.ts).
   */
  maxUnknown: number;
  align: AlignSettings;
  verdict: VerdictSettings;
}

export const DEFAULT_FACTCHECK_SETTINGS: FactCheckSettings = {
  topK: 8,
  impliedIdf: 1.5,
  maxUnknown: 2,
  align: DEFAULT_ALIGN_SETTINGS,
  verdict: DEFAULT_VERDICT_SETTINGS,
};

export interface FactCheckSources {
  /** The engine's hybrid search. */
  search: (query: string, opts?: { topK?: number }) => Promise<SearchResult>;
  /** Resolves a chunk id, so the other books' copies collapsed into a hit are read too. */
  passage?: (id: string) => Promise<Chunk | undefined>;
  /** The generation's reader: the corpus vocabulary and passages read once. */
  reader: CorpusReader;
}

export async function checkClaim(
  claim: string,
  sources: FactCheckSources,
  settings: FactCheckSettings = DEFAULT_FACTCHECK_SETTINGS,
): Promise<FactCheck> {
  const { reader } = sources;
  const c = analyzeClaim(claim);
  if (c.open) {
    return {
      claim,
      verdict: "not_found",
      explanation: "This is an open question, not a claim: there is no statement to check against the books.",
      elements: [],
      evidence: [],
      conflicts: [],
    };
  }
  // The claim as written finds passages with its figures; its subject alone finds those giving other figures.
  const queries = [...new Set([c.statement, c.subject].filter((q) => q.trim().length > 0))];
  const results = await Promise.all(queries.map((q) => sources.search(q, { topK: settings.topK })));
  // A copy in another book may word the subject as the claim does, so copies are read too.
  const { passage } = sources;
  const found = await Promise.all(
    results.flatMap((r) => r.hits.flatMap((h) => [h.chunk, ...(passage ? h.duplicates.map(passage) : [])])),
  );
  const chunks = [
    ...new Map(found.filter((x): x is Chunk => x !== undefined).map((x) => [x.id, x])).values(),
  ];
  // IDF weights for the claim's words and the passages' (what a book figure stands among).
  const vocabulary = await reader.vocabularyFor(c.statement, chunks.map((x) => x.text).join("\n"));
  // Words of its subject the corpus never uses, more than one: the claim is about something the books do not cover.
  const unknown = [...c.terms, ...c.names.flatMap((n) => n.tokens)].filter((t) => !vocabulary.has(t));
  if (unknown.length >= settings.maxUnknown) {
    return {
      claim,
      verdict: "not_found",
      explanation: `The books never use these words of the claim: ${unknown.slice(0, 3).join(", ")}.`,
      elements: [],
      evidence: [],
      conflicts: [],
    };
  }
  const read = withPassages(
    c,
    chunks.map((x) => x.text),
  );
  return { claim, ...judgeClaim(read, chunks, reader, vocabulary, settings) };
}

/**
 * Judges an analysed claim against passages: every window of one or two sentences of each is
 * aligned element by element, and the verdict taken from the alignments.
 */
export function judgeClaim(
  c: ClaimAnalysis,
  chunks: Chunk[],
  reader: CorpusReader,
  vocabulary: Pick<Vocabulary, "weight">,
  settings: FactCheckSettings = DEFAULT_FACTCHECK_SETTINGS,
): Omit<FactCheck, "claim"> {
  const alignments = chunks.flatMap((chunk) => {
    const view = reader.view(chunk);
    return view.sentences.flatMap((_, i) =>
      [i, i + 1]
        .filter((to) => to < view.sentences.length)
        .map((to) => alignWindow(c, chunk, view, i, to, vocabulary.weight, settings.align)),
    );
  });
  // A name the corpus uses everywhere (Belarus, Russia) can be implied by a passage; a rare one cannot.
  const implied = (raw: string) => {
    const name = c.names.find((n) => n.raw === raw);
    return name?.tokens.every((t) => vocabulary.weight(t) < settings.impliedIdf) ?? false;
  };
  return judge(c, alignments, implied, settings.verdict);
}
