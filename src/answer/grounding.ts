import { extractQuantities, extractYears, type Quantity } from "../factcheck/numbers.js";
import { terms, tokens } from "../text/analyze.js";

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
/** Figures compare equal within this relative difference (rounding: "$164.3 billion" ≈ "$164 billion"). */
const FIGURE_TOLERANCE = 0.01;

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

function sameFigure(a: Quantity, b: Quantity): boolean {
  // A bare number matches a figure with a unit ("25" in "25%"); two units must agree.
  if (a.unit !== b.unit && a.unit !== "count" && b.unit !== "count") return false;
  const close = (x: number, y: number) =>
    Math.abs(x - y) <= FIGURE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
  if (close(a.value, b.value)) return true;
  // A figure inside a range the passage gives ("20–25%").
  return b.low !== undefined && b.high !== undefined && a.value >= b.low && a.value <= b.high;
}

function missingYears(sentence: string, text: string): string[] {
  const have = extractYears(text);
  return extractYears(sentence)
    .filter(
      (y) =>
        !have.some((h) => h.year === y.year || (h.to !== undefined && y.year >= h.year && y.year <= h.to)),
    )
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
