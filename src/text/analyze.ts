import { stemmer } from "stemmer";
import { DEMONYMS } from "./demonyms.js";

/**
 * Term analysis shared by indexing and querying: lower-cased, stop words dropped, words
 * Porter-stemmed, numbers kept whole ("6.7", "164", "2020") because figures and years carry
 * most of the meaning in questions over reports like these.
 */

const STOP_WORDS = new Set(
  (
    "a an and are as at be been being but by can could did do does doing for from had has have having he her " +
    "hers him his how i if in into is it its itself just me more most my no nor not of off on once only or " +
    "other our ours out over own same she should so some such than that the their theirs them then there " +
    "these they this those through to too under until up very was we were what when where which while who " +
    "whom why will with would you your yours also about between within during after before again further " +
    "here any both each few all per via upon much many"
  ).split(" "),
);

const TOKEN = /[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*/gu;

/** Surface tokens (not stemmed), with thousands separators dropped from numbers. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let t = m[0].toLowerCase();
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
  return out;
}

/** Maps one surface token to its index term, or undefined for a stop word. */
export function term(token: string): string | undefined {
  if (STOP_WORDS.has(token)) return undefined;
  if (/^\d/.test(token)) return token;
  // A lone letter is a possessive "s" or an initial, not a word to match on.
  if (token.length === 1) return undefined;
  return stemmer(DEMONYMS.get(token) ?? token);
}

/** Index terms of a text, in order. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokens(text)) {
    const x = term(t);
    if (x) out.push(x);
  }
  return out;
}

export const isNumberTerm = (t: string): boolean => /^\d/.test(t);
