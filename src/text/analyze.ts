import { stemmer } from "stemmer";
import { phraseKeys, WORD_VARIANTS } from "./aliases.js";

/**
 * Term analysis shared by indexing, querying, answers and fact-check: lower-cased, stop words
 * dropped, variants folded (aliases.ts), words Porter-stemmed, numbers kept whole ("6.7", "164",
 * "2020") because figures and years carry most of the meaning in questions over reports like these.
 */

/** General English function words: nothing here is specific to the books. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be been being but by can could did do does doing for from had has have having he her " +
    "hers him his how i if in into is it its itself just me more most my no nor not of off on once only or " +
    "other our ours out over own same she should so some such than that the their theirs them then there " +
    "these they this those through to too under until up very was we were what when where which while who " +
    "whom why will with would you your yours also about between within during after before again further " +
    "here any both each few all per via upon much many although though however whereas thus hence yet " +
    "still even already whether among amongst across against along around toward towards"
  ).split(" "),
);

const TOKEN = /[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*/gu;

/** "Łódź" → "lodz", "Vitebsk" stays: letters without their diacritics, as readers type them. */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[łŁ]/g, (c) => (c === "ł" ? "l" : "L"))
    .replace(/[øØ]/g, (c) => (c === "ø" ? "o" : "O"))
    .replace(/ß/g, "ss");
}

/** The auxiliary a contraction's stem stands for where dropping "n't" does not give it. */
const CONTRACTED: Record<string, string> = { wo: "will", ca: "can", sha: "shall", ai: "is" };

/**
 * "don't pay" → "do not pay", "won't" → "will not": the auxiliary and "not" are stop words, so a
 * typed contraction leaves no word ("don", "t") that no passage uses. Negation is read from the
 * raw text (`NEGATION_RE`), not from tokens.
 */
export function expandContractions(text: string): string {
  return text.replace(
    /\b([a-z]+?)n['’]t\b/gi,
    (_, stem: string) => `${CONTRACTED[stem.toLowerCase()] ?? stem} not`,
  );
}

/**
 * Surface tokens (not stemmed): contractions expanded, diacritics folded, thousands separators dropped from numbers,
 * ordinal suffixes dropped ("15th" → "15"), plus alias keys of multi-word names.
 */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of foldDiacritics(expandContractions(text)).matchAll(TOKEN)) {
    let t = m[0].toLowerCase();
    if (/^\d+(?:st|nd|rd|th)$/.test(t)) t = t.replace(/\D+$/, "");
    // "$100.2m", "5.5-fold", "2021-2023": the figure and its unit or second year are terms apart.
    const glued = t.match(/^(\d[\d.,]*)(?:-?([a-z]+)|-(\d[\d.,]*))$/);
    if (glued) {
      out.push(glued[1] as string, (glued[2] ?? glued[3]) as string);
      continue;
    }
    if (/^\d/.test(t)) {
      // "164,000" → "164000"; "1,5" (decimal comma) → "1.5"; "6.7" stays.
      t = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)
        ? t.replace(/,/g, "")
        : t.replace(/^(\d+),(\d{1,2})$/, "$1.$2");
      out.push(t);
      continue;
    }
    for (const part of t.split(/[-'’.,]/)) if (part) out.push(part);
  }
  // "Minsk Tractor Works" also yields "mtz", so it matches "MTZ" and "Minsk Tractor Plant".
  out.push(...phraseKeys(out));
  return out;
}

/** Words ending like British spellings that are not ("enterprise", "promise", "raise"). */
const NOT_BRITISH = new Set(
  (
    "enterprise enterprises exercise exercises expertise otherwise premise premises promise promised promises " +
    "compromise surprise surprised advise advised advises comprise comprised comprises revise revised devise " +
    "devised supervise supervised franchise merchandise concise precise paradise treatise demise disguise " +
    "despise televise televised improvise excise incise raise raised raises praise praised noise cruise rise " +
    "arise arises arisen wise likewise clockwise advertise advertised advertising exercised"
  ).split(" "),
);
const BRITISH: [RegExp, string][] = [
  [/isation(s?)$/, "ization$1"],
  [/is(e|ed|es|ing)$/, "iz$1"],
  [/ys(e|ed|es|ing)$/, "yz$1"],
  [/^(cent|met|lit|theat|fib|calib|sepulch)re(s?)$/, "$1er$2"],
  [
    /^(colo|favo|labo|hono|neighbo|behavio|harbo|rumo|vapo|flavo|humo|savo|armo|endeavo)ur(s|ed|ing|able)?$/,
    "$1r$2",
  ],
  [/^(defen|licen|offen|preten)ce(s?)$/, "$1se$2"],
  [/^(catalo|dialo|analo)gue(s?)$/, "$1g$2"],
  [/^programme(s?)$/, "program$1"],
  [/^tonne(s?)$/, "ton$1"],
];

/** British spellings folded onto American ones, so "organisation" matches "organization". */
function americanSpelling(token: string): string {
  if (token.length < 6 || NOT_BRITISH.has(token)) return token;
  for (const [re, to] of BRITISH) if (re.test(token)) return token.replace(re, to);
  return token;
}

/** Maps one surface token to its index term, or undefined for a stop word. */
export function term(token: string): string | undefined {
  if (STOP_WORDS.has(token)) return undefined;
  if (/^\d/.test(token)) return token;
  // A lone letter is a possessive "s" or an initial, not a word to match on.
  if (token.length === 1) return undefined;
  return stemmer(WORD_VARIANTS.get(token) ?? americanSpelling(token));
}

/** Index terms of a text, in order (alias keys of multi-word names last). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokens(text)) {
    const x = term(t);
    if (x) out.push(x);
  }
  return out;
}

export const isNumberTerm = (t: string): boolean => /^\d/.test(t);
