import { terms, tokens } from "../text/analyze.js";
import { agrees, extractQuantities, type Quantity } from "../text/numbers.js";
import { extractPeriods } from "../text/time.js";

/**
 * Whether a generated sentence says only what the passages it cites say: each of its figures
 * (with unit and scale), years, names and quotations must appear in them. A valid [1] on a
 * sentence with an invented figure or quote is not support. One small interface, so the reading
 * behind it can change (figures and names today; element-by-element alignment later).
 */
export interface Grounding {
  ok: boolean;
  /** What the sentence states that the passages do not, as written in it. */
  missing: string[];
}

/** Quotes shorter than this many words ("the so-called 'road map'") are names, checked as such. */
const QUOTE_WORDS = 4;

export function groundedIn(sentence: string, passages: readonly string[]): Grounding {
  const text = passages.join("\n");
  const missing = [
    ...missingFigures(sentence, text),
    ...missingYears(sentence, text),
    ...missingQuotes(sentence, text),
    ...missingNames(sentence, text),
  ];
  return { ok: missing.length === 0, missing };
}

function missingFigures(sentence: string, text: string): string[] {
  const have = extractQuantities(text);
  return extractQuantities(sentence)
    .filter((q) => !have.some((h) => sameFigure(q, h)))
    .map((q) => q.raw);
}

/** As fact-check compares them (rounding, bounds, ranges); a bare number may stand for a figure with a unit ("25" in "25%"). */
function sameFigure(a: Quantity, b: Quantity): boolean {
  if (a.unit !== b.unit && a.unit !== "count" && b.unit !== "count") return false;
  return agrees(a, b);
}

/** Calendar years the text dates by: a span gives every year in it. */
function yearSpans(text: string): { raw: string; from: number; to: number }[] {
  return extractPeriods(text).flatMap((p) =>
    p.year === undefined ? [] : [{ raw: p.raw, from: p.year, to: p.toYear ?? p.year }],
  );
}

function missingYears(sentence: string, text: string): string[] {
  const have = yearSpans(text);
  return yearSpans(sentence)
    .filter((y) => !have.some((h) => y.from >= h.from && y.to <= h.to))
    .map((y) => y.raw);
}

const QUOTED = /["“]([^"“”]{3,400})["”]/g;
const flat = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

function missingQuotes(sentence: string, text: string): string[] {
  const haystack = flat(text);
  return [...sentence.matchAll(QUOTED)]
    .map((m) => m[1] as string)
    .filter((q) => tokens(q).length >= QUOTE_WORDS && !haystack.includes(flat(q)))
    .map((q) => `“${q}”`);
}

/**
 * Capitalised words after the first (which any sentence capitalises) and all-capital
 * abbreviations are names; each must be in the passages, read through the shared analyzer so
 * "Belarusian" matches "Belarus" and "Uzbek" matches "Uzbekistan".
 */
function missingNames(sentence: string, text: string): string[] {
  const known = new Set(terms(text));
  const out: string[] = [];
  const words = [...sentence.replace(QUOTED, " ").matchAll(/\p{Lu}[\p{L}\p{M}'’-]*/gu)];
  for (const m of words) {
    const word = m[0];
    const first = sentence.slice(0, m.index).trim() === "";
    if (first && !/^\p{Lu}{2,}$/u.test(word)) continue;
    const wanted = terms(word);
    if (wanted.length > 0 && !wanted.every((t) => known.has(t)) && !out.includes(word)) out.push(word);
  }
  return out;
}
