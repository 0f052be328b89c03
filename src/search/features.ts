import { isNumberTerm, terms } from "../text/analyze.js";
import { type Span, splitSentences } from "../text/sentences.js";
import type { TermStats } from "./term-stats.js";

export interface PassageFeatures {
  /** IDF-weighted share of the query's terms found in the best window of consecutive sentences. */
  relevance: number;
  /** BM25 relative to the best candidate's. */
  bm25: number;
  dense: number;
  /** Query terms the best window (with the heading) holds. */
  matched: string[];
  /** The sentence (span in the passage) that holds the best window's first match. */
  best: Span;
}

interface AnalyzedPassage {
  sentences: Span[];
  sentenceTerms: Set<string>[];
}

const WINDOW = 2;
/** Figures and years name the fact asked about: a missing one weighs more than a missing word. */
const NUMBER_WEIGHT = 2;
/**
 * A word the corpus never uses ("cake", "FIFA", "inflation") says the question is about
 * something else: it weighs double, so such questions fall under the "not found" threshold.
 */
const UNSEEN_WEIGHT = 2;
const cache = new Map<string, AnalyzedPassage>();
const CACHE_LIMIT = 20_000;

/** How much a query term counts: its IDF, doubled for figures and years. */
export const termWeight = (stats: TermStats, t: string): number =>
  stats.idf(t) * (isNumberTerm(t) ? NUMBER_WEIGHT : 1) * (stats.has(t) ? 1 : UNSEEN_WEIGHT);

export function analyzePassage(text: string): AnalyzedPassage {
  let a = cache.get(text);
  if (!a) {
    const sentences = splitSentences(text);
    const sentenceTerms = sentences.map((s) => new Set(terms(text.slice(s.start, s.end))));
    a = { sentences, sentenceTerms };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, a);
  }
  return a;
}

/**
 * `section` is the passage's heading: its words hold for every sentence under it ("Belarus –
 * Vladimir Region" names the place a paragraph's "the region" refers to).
 */
export function passageFeatures(
  queryTerms: string[],
  text: string,
  section: string,
  stats: TermStats,
  bm25: number,
  dense: number,
): PassageFeatures {
  const p = analyzePassage(text);
  const heading = new Set(terms(section));
  const weight = (t: string) => termWeight(stats, t);
  const total = queryTerms.reduce((s, t) => s + weight(t), 0) || 1;
  const share = (has: (t: string) => boolean) =>
    queryTerms.reduce((s, t) => s + (has(t) ? weight(t) : 0), 0) / total;

  let relevance = 0;
  let matched: string[] = [];
  let best: Span = p.sentences[0] ?? { start: 0, end: text.length };
  const own = p.sentenceTerms.map((terms) => share((t) => terms.has(t)));
  for (let i = 0; i < p.sentenceTerms.length; i++) {
    const window = p.sentenceTerms.slice(i, i + WINDOW);
    const s = share((t) => heading.has(t) || window.some((w) => w.has(t)));
    if (s > relevance) {
      relevance = s;
      matched = queryTerms.filter((t) => heading.has(t) || window.some((w) => w.has(t)));
      // Of the window, the sentence that itself holds more of the query is the one to quote.
      const j = i + 1 < own.length && (own[i + 1] as number) > (own[i] as number) ? i + 1 : i;
      best = p.sentences[j] as Span;
    }
  }
  return { relevance, bm25, dense, matched, best };
}
