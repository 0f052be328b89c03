import { quoteSource } from "../quote.js";
import { terms } from "../text/analyze.js";
import { type Span, splitSentences } from "../text/sentences.js";
import type { Citation } from "../types.js";
import type { PackedPassage } from "./prompt.js";

/** Checks a generated answer's [n] markers against the passages given and builds its citations. */

// One to three digits: "[2017]" in a quoted sentence is a year, not a citation. "[1, 3]" is two.
const MARKER = /[ \t]*\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

export interface Renumbered {
  /** The text with unknown markers removed and the rest renumbered 1..k by first use. */
  text: string;
  /** Given passage numbers in order of first citation: new marker k stands for `order[k - 1]`. */
  order: number[];
}

/** Pure and prefix-stable, so it can also clean the partial text while an answer streams. */
export function renumberMarkers(text: string, passageCount: number): Renumbered {
  const order: number[] = [];
  const renumbered = text.replace(MARKER, (marker: string, list: string) => {
    const cited = [...new Set(list.split(",").map(Number))].filter((n) => n >= 1 && n <= passageCount);
    if (cited.length === 0) return "";
    const lead = marker.slice(0, marker.indexOf("["));
    return (
      lead +
      cited
        .map((n) => {
          if (!order.includes(n)) order.push(n);
          return `[${order.indexOf(n) + 1}]`;
        })
        .join("")
    );
  });
  return { text: renumbered.trim(), order };
}

export interface CitedAnswer {
  text: string;
  citations: Citation[];
}

/** Validates and renumbers the markers, quoting for each cited passage its best-supporting sentences. */
export function citeAnswer(text: string, passages: PackedPassage[]): CitedAnswer {
  const { text: cleaned, order } = renumberMarkers(text, passages.length);
  const answerSentences = sentences(cleaned);
  const citations = order.map((given, i): Citation => {
    const passage = passages[given - 1] as PackedPassage;
    const marker = `[${i + 1}]`;
    const claim = answerSentences.filter((s) => s.includes(marker)).join(" ");
    const { chunk, score } = passage.hit;
    const quote = bestQuote(chunk.text, passage.sentences, claim);
    return { n: i + 1, ...quoteSource(chunk, quote), score };
  });
  return { text: cleaned, citations };
}

/**
 * The passage sentence sharing the most words with the claim, or two adjacent sentences when the
 * pair covers strictly more of it than either alone; the first sentence when nothing overlaps.
 */
function bestQuote(text: string, spans: Span[], claim: string): Span {
  const wanted = new Set(terms(claim));
  const score = (span: Span) =>
    new Set(terms(text.slice(span.start, span.end)).filter((t) => wanted.has(t))).size;
  const candidates = spans.flatMap((single, i) => {
    const next = spans[i + 1];
    const pair = next && { start: single.start, end: next.end };
    return pair && score(pair) > Math.max(score(single), score(next)) ? [single, pair] : [single];
  });
  // Ties keep the earlier (and single) candidate.
  return candidates.reduce((a, b) => (score(b) > score(a) ? b : a));
}

/** True when every sentence of the answer only says the passages hold no answer. */
export function isRefusal(text: string): boolean {
  const plain = text.replace(MARKER, "").trim();
  return sentences(plain).every(isRefusalSentence);
}

/** The given passage numbers a sentence's markers name (1-based, unknown ones left out). */
export function markersIn(sentence: string, passageCount: number): number[] {
  const out = new Set<number>();
  for (const m of sentence.matchAll(MARKER)) {
    for (const n of (m[1] as string).split(",").map(Number)) if (n >= 1 && n <= passageCount) out.add(n);
  }
  return [...out];
}

/** A sentence without its markers. */
export const withoutMarkers = (sentence: string): string => sentence.replace(MARKER, "").trim();

/** A sentence that only says the passages hold no answer (nothing in it to verify). */
export function isRefusalSentence(s: string): boolean {
  if (/^(i|we) (do not|don't|cannot|can't) (know|answer|say|tell)\b/i.test(s)) return true;
  return (
    /\b(not|no|nothing|cannot|neither|nor|unable)\b|n't\b/i.test(s) &&
    /\b(corpus|passages?|context|sources?|documents?|texts?|books?|information)\b/i.test(s) &&
    /\b(contain|mention|includ|provid|answer|say|said|state|specif|address|discuss|indicat|cover)/i.test(s)
  );
}

function sentences(text: string): string[] {
  return splitSentences(text).map(({ start, end }) => text.slice(start, end));
}
