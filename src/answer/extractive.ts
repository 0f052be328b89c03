import { pageInChunk } from "../chunk.js";
import { isNumberTerm, terms } from "../text/analyze.js";
import { type Span, splitSentences } from "../text/sentences.js";
import type { Answer, Citation, SearchHit, SearchResult } from "../types.js";
import type { Answerer } from "./answerer.js";

export const NOT_FOUND = "Not found in the corpus.";

export interface ExtractiveOptions {
  /** Sentences in the composed answer. */
  maxSentences?: number;
  /** A sentence from a lower passage joins the answer if it scores at least this share of the best. */
  minRelativeScore?: number;
}

interface Candidate {
  hit: SearchHit;
  rank: number;
  span: Span;
  text: string;
  score: number;
}

/**
 * The offline answerer: it invents nothing. It picks the sentences of the top passages that
 * best match the question, strings them together with [n] markers, and lists the passages as
 * sources, each quoted by its chosen sentence (an exact substring of the passage).
 */
export function createExtractiveAnswerer(options: ExtractiveOptions = {}): Answerer {
  const maxSentences = options.maxSentences ?? 3;
  const minRelative = options.minRelativeScore ?? 0.9;
  return {
    mode: "extractive",
    async answer(question: string, result: SearchResult): Promise<Answer> {
      const queryTerms = [...new Set(terms(question))];
      const best = result.hits.map((hit, rank) => bestSentence(hit, rank, question, queryTerms));
      if (!result.found || best.length === 0) {
        const citations = best.slice(0, 3).map((c, i) => toCitation(c, i + 1));
        const closest =
          citations.length > 0
            ? " The closest passages are listed below, but none of them answers the question."
            : "";
        return {
          question: result.query,
          found: false,
          answer: `${NOT_FOUND}${closest}`,
          citations,
          mode: "extractive",
        };
      }
      // The search ranked the passages with IDF, headings and embeddings, so the best passage
      // leads; others join when their quote matches the question about as well.
      const lead = best[0] as Candidate;
      const chosen: Candidate[] = [lead];
      const top = Math.max(...best.map((c) => c.score));
      for (const c of best.slice(1).sort((a, b) => b.score - a.score || a.rank - b.rank)) {
        if (chosen.length >= maxSentences || c.score < top * minRelative) break;
        if (c.hit.score < lead.hit.score * minRelative) continue;
        if (chosen.some((x) => similar(x.text, c.text))) continue;
        chosen.push(c);
      }
      // Cited passages first, in answer order; the remaining hits follow as further sources,
      // minus those quoting a sentence already shown (overlapping chunks share sentences).
      const rest = best.filter((c) => !chosen.includes(c));
      const order = [
        ...chosen,
        ...rest.filter((c, i) => ![...chosen, ...rest.slice(0, i)].some((x) => x.text === c.text)),
      ];
      const citations = order.map((c, i) => toCitation(c, i + 1));
      const answer = chosen.map((c, i) => `${c.text} [${i + 1}]`).join(" ");
      return { question: result.query, found: true, answer, citations, mode: "extractive" };
    },
  };
}

const HIGHLIGHT_BOOST = 0.15;
/** A quote dated only by other years than the question's is about another time. */
const OTHER_YEAR_FACTOR = 0.4;
/** A second sentence joins the quote only if it adds this much of the question. */
const PAIR_GAIN = 0.15;
const YEAR = /\b(19[5-9]\d|20[0-4]\d)\b/g;

/**
 * The quote for a passage: the sentence — or two adjacent ones, when the second adds to it
 * ("Mutual trade within the CIS continues to grow. Last year [2017], trade totalled…") — that
 * holds most of the question's terms, figures doubled, the question's years preferred.
 */
function bestSentence(hit: SearchHit, rank: number, question: string, queryTerms: string[]): Candidate {
  const text = hit.chunk.text;
  const weight = (t: string) => (isNumberTerm(t) ? 2 : 1);
  const total = queryTerms.reduce((s, t) => s + weight(t), 0) || 1;
  const years = new Set(question.match(YEAR));
  const spans = splitSentences(text);
  const termSets = spans.map((sp) => new Set(terms(text.slice(sp.start, sp.end))));
  /** Sentences from..to are dated, but only by years the question does not ask about. */
  const otherYear = (from: number, to: number) => {
    const dated = text.slice((spans[from] as Span).start, (spans[to] as Span).end).match(YEAR) ?? [];
    return years.size > 0 && dated.length > 0 && !dated.some((y) => years.has(y));
  };
  const score = (from: number, to: number) => {
    const have = (t: string) => termSets.slice(from, to + 1).some((set) => set.has(t));
    const share = queryTerms.reduce((s, t) => s + (have(t) ? weight(t) : 0), 0) / total;
    // The search's highlight (IDF-weighted, heading-aware) breaks near-ties.
    const boost =
      hit.highlight &&
      hit.highlight.start >= (spans[from] as Span).start &&
      hit.highlight.start <= (spans[to] as Span).start
        ? HIGHLIGHT_BOOST
        : 0;
    return share * (otherYear(from, to) ? OTHER_YEAR_FACTOR : 1) + boost;
  };
  let best: Candidate | undefined;
  spans.forEach((span, i) => {
    const single = score(i, i);
    const next = spans[i + 1];
    // A neighbour that brings in another year than the question's changes the subject.
    const pair = next && !otherYear(i + 1, i + 1) ? score(i, i + 1) : Number.NEGATIVE_INFINITY;
    // Both sentences must contribute: the pair has to beat each of them alone.
    const alone = next ? Math.max(single, score(i + 1, i + 1)) : single;
    const [value, end] = pair >= alone + PAIR_GAIN && next ? [pair, next.end] : [single, span.end];
    if (!best || value > best.score) {
      best = { hit, rank, span: { start: span.start, end }, text: text.slice(span.start, end), score: value };
    }
  });
  return best ?? { hit, rank, span: { start: 0, end: text.length }, text, score: 0 };
}

function toCitation(c: Candidate, n: number): Citation {
  const { chunk } = c.hit;
  return {
    n,
    doc: chunk.doc,
    title: chunk.title,
    section: chunk.section,
    page: pageInChunk(chunk, c.span.start),
    quote: c.text,
    chunkId: chunk.id,
    score: c.hit.score,
  };
}

function similar(a: string, b: string): boolean {
  const ta = new Set(terms(a));
  const tb = new Set(terms(b));
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / Math.max(1, Math.min(ta.size, tb.size)) > 0.7;
}
