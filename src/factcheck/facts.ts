/**
 * What a piece of text asserts, in checkable parts: figures (quantities with their direction and
 * the words they count), years, named entities and key terms. Used for claims and book sentences alike
 * so both sides are read the same way.
 */
import { stemmer } from "stemmer";
import { extractQuantities, extractYears, type Quantity, type YearMention } from "./numbers.js";

/** How far either side of a figure or year its subject words are looked for, in characters. */
const NEAR_CHARS = 50;

export interface Figure extends Quantity {
  /** "up" for increases ("grew by", "an increase of"), "down" for falls; undefined when unstated. */
  direction?: "up" | "down";
  /** Stems of the words right after a count ("600 cooperation documents" → cooper, document). */
  counts: string[];
  /** Stems of the words around it: what the figure is about. */
  near: string[];
  /** A count of part of a total given before ("430 of these agreements"), not a total itself. */
  part: boolean;
}

export interface Dated extends YearMention {
  /** Stems of the words around it: what happened that year ("set up in 2008" → found). */
  near: string[];
}

export interface Facts {
  figures: Figure[];
  years: Dated[];
  /** Canonical entity keys ("CIS", "EAEU", "Belarus"…) and stems of other names ("irkutsk"). */
  entities: string[];
  /** Stems of the remaining content words, without entities, numbers and framing words. */
  terms: string[];
  /** The text with figures and years blanked: what it speaks about, for searching the books. */
  subject: string;
}

export interface ClaimFacts extends Facts {
  claim: string;
  /** The claim as a statement: "Is it true that X?" → "X". */
  statement: string;
  /** An open (wh-) question asserts nothing, so there is nothing to verify. */
  open: boolean;
}

/** Organisations: a claim about one is never borne out by a passage about another. */
export const ORGANISATIONS = new Set([
  "CIS",
  "EAEU",
  "EU",
  "BUCE",
  "SPIMEX",
  "HTP",
  "SCO",
  "FEZ",
  "Union State",
]);

/** Names the books write in several ways; demonyms count as their country. */
const ENTITY_ALIASES: [string, RegExp][] = [
  ["CIS", /\bCIS\b|Commonwealth of Independent States/g],
  ["EAEU", /\bEA?EU\b|Eurasian Economic Union/g],
  ["EU", /\bEU\b|European Union/g],
  ["BUCE", /\bBU(?:CE|OTB|TB)\b|Belarusian Universal Commodity Exchange/g],
  ["SPIMEX", /\bSPIMEX\b|Petersburg International Mercantile Exchange/gi],
  ["HTP", /\bHTP\b|\bHi(?:gh)?[- ]Tech(?:nologies)? Park\b/gi],
  ["SCO", /\bSCO\b|Shanghai Cooperation Organi[sz]ation/g],
  ["FEZ", /\bFEZs?\b|\bfree economic zones?\b/gi],
  ["Union State", /\bUnion State\b/g],
  ["Belarus", /\bBelarus(?:ian)?s?\b/g],
  ["Russia", /\bRussia(?:n Federation|ns?)?\b/g],
  ["Kazakhstan", /\bKazakh(?:stan|stani)?\b/g],
  ["Uzbekistan", /\bUzbek(?:istan)?\b/g],
  ["Kyrgyzstan", /\bKyrgyz(?:stan)?\b/g],
  ["Tajikistan", /\bTajik(?:istan)?\b/g],
  ["Armenia", /\bArmenian?\b/g],
  ["Azerbaijan", /\bAzerbaijani?\b/g],
  ["Moldova", /\bMoldovan?\b/g],
  ["Ukraine", /\bUkrain(?:e|ian)\b/g],
  ["China", /\bChin(?:a|ese)\b|\bPRC\b/g],
  ["Turkey", /\bTurk(?:ey|ish)\b/g],
  ["Malaysia", /\bMalaysian?\b/g],
  ["Vietnam", /\bViet ?nam(?:ese)?\b/g],
];

const STOPWORDS = new Set(
  (
    "a an the and or but of in on at to for from by with as is are was were be been being it its this that these those " +
    "there their they them he she his her we our you your i do does did done has have had having not no nor so than then " +
    "too very can could will would shall should may might must also just only into onto over under about above below " +
    "more most less least some such any each all both other another which who whom whose what when where why how " +
    "while during since until up down out off again further once here same own per cent percent times year years " +
    "true correct right wrong false really indeed say says said claim claims someone somebody fact case accurate " +
    "make makes made take takes part among between around almost nearly approximately roughly exceed exceeded " +
    "first half quarter third whole total"
  ).split(" "),
);

/** Verbs of change: their meaning is kept as a figure's direction, not as a term. */
const UP_RE =
  /\b(?:increas\w*|gr[eo]w\w*|rise|rose|risen|rising|gain\w*|jump\w*|climb\w*|higher|doubled|tripled)\b/i;
const DOWN_RE =
  /\b(?:decreas\w*|fell|fall\w*|declin\w*|drop\w*|reduc\w*|lower|shrank|shrunk|contract\w*|halved)\b/i;
const CHANGE_WORDS = new RegExp(`${UP_RE.source}|${DOWN_RE.source}`, "gi");

/** Words the books use interchangeably, folded onto one stem. */
const SYNONYMS: Record<string, string> = {
  transact: "deal",
  establish: "found",
  creat: "found",
  set: "found",
  oblast: "region",
  territori: "region",
  krai: "region",
  agreement: "document",
  turnov: "trade",
  sale: "export",
};

const WORD_RE = /[A-Za-z][A-Za-z'’-]*/g;

export function stem(word: string): string {
  const s = stemmer(word.toLowerCase().replace(/['’]s$/, ""));
  return SYNONYMS[s] ?? s;
}

function entitiesIn(text: string): { keys: string[]; rest: string } {
  const keys = new Set<string>();
  let rest = text;
  for (const [key, re] of ENTITY_ALIASES) {
    rest = rest.replace(re, () => {
      keys.add(key);
      return " ";
    });
  }
  return { keys: [...keys], rest };
}

/** Content-word stems of `text` (entities and numbers already removed by the caller). */
export function termsOf(text: string): string[] {
  const out = new Set<string>();
  for (const [w] of text.replace(CHANGE_WORDS, " ").matchAll(WORD_RE)) {
    for (const part of w.split(/-/)) {
      const lower = part.toLowerCase();
      if (lower.length < 2 || STOPWORDS.has(lower)) continue;
      const s = stem(lower);
      if (s) out.add(s);
    }
  }
  return [...out];
}

function directionOf(before: string, after: string): Figure["direction"] {
  // "6.7% less than in 2019": a comparative right after the figure wins over an earlier verb.
  if (/^\s*(?:less|lower|down)\b/i.test(after)) return "down";
  if (/^\s*(?:more|higher|up)\b/i.test(after)) return "up";
  const up = before.search(new RegExp(`${UP_RE.source}(?![\\s\\S]*${UP_RE.source})`, "i"));
  const down = before.search(new RegExp(`${DOWN_RE.source}(?![\\s\\S]*${DOWN_RE.source})`, "i"));
  if (up < 0 && down < 0) return undefined;
  return up > down ? "up" : "down";
}

/** Content stems within NEAR_CHARS of a span, not crossing a sentence or clause end. */
function nearTerms(text: string, index: number, length: number): string[] {
  const before =
    text
      .slice(Math.max(0, index - NEAR_CHARS), index)
      .split(/[.;:!?]\s/)
      .pop() ?? "";
  const after = text.slice(index + length, index + length + NEAR_CHARS).split(/[.;:!?]\s/)[0] ?? "";
  return termsOf(`${before} ${after}`);
}

/** "430 of these agreements", "out of them": a count of part of something counted before. */
const PART_RE = /^\s*(?:out\s+)?of\s+(?:these|those|them|which)\b/i;

/** Figures with their direction (looked for since the previous figure, within 60 chars) and counted words. */
export function figuresOf(text: string): Figure[] {
  const quantities = extractQuantities(text);
  return quantities.map((q, i) => {
    const prev = quantities[i - 1];
    const from = Math.max(prev ? prev.index + prev.raw.length : 0, q.index - 60);
    const after = text.slice(q.index + q.raw.length, q.index + q.raw.length + 60);
    const counts =
      q.unit === "count" ? termsOf(entitiesIn(after.split(/[,.;:()"“”]/)[0] ?? "").rest).slice(0, 3) : [];
    const near = nearTerms(text, q.index, q.raw.length);
    const part = q.unit === "count" && PART_RE.test(after);
    return { ...q, direction: directionOf(text.slice(from, q.index), after), counts, near, part };
  });
}

/** Checkable facts of any text. */
export function factsOf(text: string): Facts {
  const figures = figuresOf(text);
  const years = extractYears(text).map((y) => ({ ...y, near: nearTerms(text, y.index, y.raw.length) }));
  let rest = text;
  for (const span of [...figures, ...years].sort((a, b) => b.index - a.index)) {
    rest = `${rest.slice(0, span.index)} ${rest.slice(span.index + span.raw.length)}`;
  }
  const { keys, rest: words } = entitiesIn(rest);
  // Other capitalised words are names too ("Irkutsk", "Gomselmash"); the first word of a sentence may not be.
  const names = [...words.matchAll(/(?<![.!?"“]\s*|^\s*)\b[A-Z][A-Za-z]+/g)].map((m) => stem(m[0]));
  const entities = [...new Set([...keys, ...names.filter((n) => n && !STOPWORDS.has(n))])];
  return { figures, years, entities, terms: termsOf(words), subject: rest.replace(/\s+/g, " ").trim() };
}

const OPEN_RE = /^(?:what|which|who|whom|whose|when|where|why|how)\b/i;
const AUX_RE = /^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\s+/i;
const FRAMES: RegExp[] = [
  /^(?:is|was)\s+it\s+(?:true|correct|right|accurate|the\s+case|so)\s+that\s+/i,
  /^(?:(?:someone|somebody|people|they|an?\s+\w+)\s+(?:says?|claims?|said|claimed|writes?|wrote)\s+(?:that\s+)?)/i,
  /^(?:it\s+is\s+(?:said|claimed)\s+that\s+)/i,
  /^(?:true\s+or\s+false|fact[- ]check|check)\s*[:,-]\s*/i,
];
const TAIL_RE =
  /[\s.,;:—–-]*(?:(?:is|was)\s+(?:that|this|it)\s+(?:right|true|correct|so|accurate)|right|true|correct|isn't\s+it|is\s+that\s+so)\s*\?*\s*$/i;

/** "Is it true that X?" / "Someone says X. Is that right?" / "Did X grow by 40%?" → X as a statement. */
export function toStatement(claim: string): { statement: string; open: boolean } {
  let s = claim.trim().replace(TAIL_RE, "");
  for (const frame of FRAMES) s = s.replace(frame, "");
  const question = /\?\s*$/.test(s);
  s = s.replace(/[\s?]+$/, "");
  const open = question && OPEN_RE.test(s);
  if (question && !open) s = s.replace(AUX_RE, "");
  return { statement: s.charAt(0).toUpperCase() + s.slice(1), open };
}

export function extractFacts(claim: string): ClaimFacts {
  const { statement, open } = toStatement(claim);
  return { claim, statement, open, ...factsOf(statement) };
}
