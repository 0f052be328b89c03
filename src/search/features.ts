import type { Span } from "../text/sentences.js";
import { type AnswerScoring, answerScore, matchSentence, type SentenceMatch } from "../understand/match.js";
import type { PassageView } from "../understand/passage.js";
import type { QuestionAnalysis } from "../understand/question.js";

export interface PassageFeatures {
  /** IDF-weighted share of the question's known terms in the best window of consecutive sentences. */
  relevance: number;
  /** BM25 relative to the best candidate's. */
  bm25: number;
  dense: number;
  /** Query terms the best window (with the heading) holds. */
  matched: string[];
  /** The sentence (span in the passage) that holds the best window's first match. */
  best: Span;
  /** The sentence that best answers the question (states the asked type for the asked period and names); leading candidates only. */
  answer?: SentenceMatch;
  /** `answerScore` of that sentence (0 until computed). */
  answerScore: number;
}

/** Consecutive sentences a question's terms may be spread over (the heading counts for all). */
const WINDOW = 2;

/**
 * `view.heading` is the passage's section heading: its words hold for every sentence under it
 * ("Belarus – Vladimir Region" names the place a paragraph's "the region" refers to).
 */
export function passageFeatures(
  q: QuestionAnalysis,
  view: PassageView,
  weight: (term: string) => number,
  bm25: number,
  dense: number,
): PassageFeatures {
  const queryTerms = q.terms.filter((t) => !q.unknown.includes(t));
  const heading = view.heading.terms;
  const total = queryTerms.reduce((s, t) => s + weight(t), 0) || 1;
  const share = (has: (t: string) => boolean) =>
    queryTerms.reduce((s, t) => s + (has(t) ? weight(t) : 0), 0) / total;
  const sentenceTerms = view.sentences.map((s) => s.reading.terms);
  // A name stays in force once the passage has given it ("the region" two sentences later).
  const names = new Set(q.reading.names.flatMap((n) => n.tokens));
  const namedBy = sentenceTerms.map(
    (_, i) => new Set([...names].filter((t) => sentenceTerms.slice(0, i + 1).some((s) => s.has(t)))),
  );

  let relevance = 0;
  let matched: string[] = [];
  let best: Span = view.sentences[0] ?? { start: 0, end: 0 };
  const own = sentenceTerms.map((terms) => share((t) => terms.has(t)));
  for (let i = 0; i < sentenceTerms.length; i++) {
    const window = sentenceTerms.slice(i, i + WINDOW);
    const named = namedBy[Math.min(i + WINDOW, sentenceTerms.length) - 1] as Set<string>;
    const holds = (t: string) => heading.has(t) || named.has(t) || window.some((w) => w.has(t));
    const s = share(holds);
    if (s > relevance) {
      relevance = s;
      matched = queryTerms.filter(holds);
      // Of the window, the sentence that itself holds more of the query is the one to quote.
      const j = i + 1 < own.length && (own[i + 1] as number) > (own[i] as number) ? i + 1 : i;
      best = view.sentences[j] as Span;
    }
  }
  return { relevance, bm25, dense, matched, best, answerScore: 0 };
}

/** The passage's sentence that best answers the question, and its score. */
export function answerFeatures(
  q: QuestionAnalysis,
  view: PassageView,
  weight: (term: string) => number,
  scoring: AnswerScoring,
): { answer?: SentenceMatch; answerScore: number } {
  let answer: SentenceMatch | undefined;
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < view.sentences.length; i++) {
    const m = matchSentence(q, view, i, weight);
    const score = answerScore(m, scoring);
    if (score > best) {
      best = score;
      answer = m;
    }
  }
  return answer ? { answer, answerScore: best } : { answerScore: 0 };
}
