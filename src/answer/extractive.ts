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
  const minRelative = options.minRelativeScore ?? 0.75;
  return {
    mode: "extractive",
    async answer(question: string, result: SearchResult): Promise<Answer> {
      const queryTerms = [...new Set(terms(question))];
      const best = result.hits.map((hit, rank) => bestSentence(hit, rank, queryTerms));
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
      const top = Math.max(...best.map((c) => c.score));
      const chosen: Candidate[] = [];
      for (const c of [...best].sort((a, b) => b.score - a.score || a.rank - b.rank)) {
        if (chosen.length >= maxSentences || c.score < top * minRelative) break;
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

/** The sentence to quote from a passage: the one holding most of the question's terms, figures doubled. */
function bestSentence(hit: SearchHit, rank: number, queryTerms: string[]): Candidate {
  const text = hit.chunk.text;

  const weight = (t: string) => (isNumberTerm(t) ? 2 : 1);
  const total = queryTerms.reduce((s, t) => s + weight(t), 0) || 1;
  let best: Candidate | undefined;
  for (const span of splitSentences(text)) {
    const sentence = text.slice(span.start, span.end);
    const have = new Set(terms(sentence));
    // The search's highlight (IDF-weighted, heading-aware) breaks near-ties.
    const boost = hit.highlight?.start === span.start ? HIGHLIGHT_BOOST : 0;
    const score = queryTerms.reduce((s, t) => s + (have.has(t) ? weight(t) : 0), 0) / total + boost;
    if (!best || score > best.score) best = { hit, rank, span, text: sentence, score };
  }
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
