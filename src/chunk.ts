import { createHash } from "node:crypto";
import { type Span, splitSentences } from "./text/sentences.js";
import { countTokens } from "./text/tokens.js";
import type { Chunk, CleanDocument } from "./types.js";

export interface ChunkOptions {
  targetTokens: number;
  overlapTokens: number;
  /**
   * Sentences of the section just before a chunk kept with it as `context` (never quoted): the
   * names and dates its first sentences leave to them ("In June 2021 Gomselmash signed … / The
   * essence of the issue is that the Kazakh side requested 570 units this year").
   * @default 2 — as many as a sentence's own context (understand/passage.ts) reaches back.
   */
  contextSentences: number;
}

/** Characters of `context` at most: two sentences of the books, not a page. */
const MAX_CONTEXT_CHARS = 600;

interface Unit extends Span {
  tokens: number;
  /** First unit of a paragraph: a preferred place to start a chunk. */
  paragraphStart: boolean;
  section: number;
}

/** What an embedder sees for a chunk: the section title gives short passages their topic. */
export const embeddingText = (c: Chunk): string => (c.section ? `${c.section}. ${c.text}` : c.text);

/**
 * Hard caps that keep chunking linear on any input (a 2 MB run without whitespace took over
 * 400 s before): the tokenizer's BPE is quadratic in the length of one word, so it sees at most
 * a sentence of MAX_CHARS_PER_TOKEN characters per target token at once (prose runs at about 4–5)
 * and, beyond that, pieces of whitespace-free runs no longer than MAX_RUN_CHARS; no chunk is
 * longer than that many characters either.
 */
const MAX_RUN_CHARS = 64;
const MAX_CHARS_PER_TOKEN = 8;

/**
 * Sentence-aware chunks of about `targetTokens`, never crossing a section border, preferring to
 * end at paragraph borders, with whole trailing sentences (up to `overlapTokens`) repeated at the
 * start of the next chunk. A sentence is cut only when it alone exceeds the target.
 */
export function chunkDocument(doc: CleanDocument, options: ChunkOptions): Chunk[] {
  const units = toUnits(doc, options.targetTokens);
  const maxChars = options.targetTokens * MAX_CHARS_PER_TOKEN;
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < units.length) {
    const first = units[i] as Unit;
    let j = i;
    let tokens = 0;
    let lastParagraphEnd = -1;
    while (j < units.length) {
      const u = units[j] as Unit;
      const full = tokens + u.tokens > options.targetTokens || u.end - first.start > maxChars;
      if (j > i && (u.section !== first.section || full)) break;
      if (j > i && u.paragraphStart) lastParagraphEnd = j;
      tokens += u.tokens;
      j++;
    }
    // Prefer a paragraph border if it keeps at least ~60% of the target.
    if (j < units.length && lastParagraphEnd > i && (units[j] as Unit).section === first.section) {
      const kept = sumTokens(units, i, lastParagraphEnd);
      if (kept >= options.targetTokens * 0.6) j = lastParagraphEnd;
    }
    chunks.push(
      makeChunk(doc, units[i] as Unit, units[j - 1] as Unit, contextBefore(doc, units, i, options)),
    );
    if (j >= units.length) break;
    i = nextStart(units, i, j, options.overlapTokens);
  }
  return chunks;
}

/** Back off from `end` by whole sentences worth at most `overlap` tokens, within the section. */
function nextStart(units: Unit[], start: number, end: number, overlap: number): number {
  const next = units[end] as Unit;
  if (next.paragraphStart || (units[end - 1] as Unit).section !== next.section) return end;
  let k = end;
  let tokens = 0;
  while (k - 1 > start && tokens + (units[k - 1] as Unit).tokens <= overlap) {
    tokens += (units[k - 1] as Unit).tokens;
    k--;
    if ((units[k] as Unit).paragraphStart) break;
  }
  return k;
}

function sumTokens(units: Unit[], from: number, to: number): number {
  let t = 0;
  for (let k = from; k < to; k++) t += (units[k] as Unit).tokens;
  return t;
}

function toUnits(doc: CleanDocument, maxTokens: number): Unit[] {
  const units: Unit[] = [];
  const sectionStarts = doc.sections.map((s) => s.offset);
  for (const para of paragraphs(doc.text)) {
    let first = true;
    for (const sentence of splitSentences(doc.text.slice(para.start, para.end), para.start)) {
      const section = indexAtOrBefore(sectionStarts, sentence.start, (x) => x);
      for (const piece of splitLong(doc.text, sentence, maxTokens)) {
        // A heading offset inside a paragraph also marks a border.
        const paragraphStart = first || (units.length > 0 && (units.at(-1) as Unit).section !== section);
        units.push({ ...piece, paragraphStart, section });
        first = false;
      }
    }
  }
  return units;
}

function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/\n\s*\n/g)) {
    out.push({ start, end: m.index as number });
    start = (m.index as number) + m[0].length;
  }
  out.push({ start, end: text.length });
  return out.filter((p) => p.end > p.start);
}

/**
 * A sentence as pieces of at most `maxTokens` tokens (and MAX_CHARS_PER_TOKEN × that many
 * characters), with their token counts: whole when it fits, else cut at word borders, and a run
 * without whitespace longer than MAX_RUN_CHARS is cut inside, since there is nowhere else to cut.
 */
function splitLong(text: string, span: Span, maxTokens: number): (Span & { tokens: number })[] {
  const s = text.slice(span.start, span.end);
  const maxChars = maxTokens * MAX_CHARS_PER_TOKEN;
  // Up to maxChars the whole sentence is counted at once (BPE on a 2,048-character word is ~6 ms).
  if (s.length <= maxChars) {
    const tokens = countTokens(s);
    if (tokens <= maxTokens) return [{ ...span, tokens }];
  }
  const pieces: (Span & { tokens: number })[] = [];
  let pieceStart = span.start;
  let tokens = 0;
  for (const m of s.matchAll(/\S+\s*/g)) {
    const wordStart = span.start + (m.index as number);
    for (const [from, to] of runPieces(text, wordStart, wordStart + m[0].length)) {
      const t = countTokens(text.slice(from, to));
      if ((tokens + t > maxTokens || to - pieceStart > maxChars) && from > pieceStart) {
        pieces.push({ start: pieceStart, end: from, tokens });
        pieceStart = from;
        tokens = 0;
      }
      tokens += t;
    }
  }
  pieces.push({ start: pieceStart, end: span.end, tokens });
  return pieces.map((p) => ({ ...p, end: trimEnd(text, p) }));
}

/** [from, to) pieces of one word (with its trailing whitespace), each at most MAX_RUN_CHARS long. */
function runPieces(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let at = from;
  while (to - at > MAX_RUN_CHARS) {
    let cut = at + MAX_RUN_CHARS;
    // Never between the two halves of a surrogate pair.
    if (/[\uDC00-\uDFFF]/.test(text.charAt(cut))) cut--;
    out.push([at, cut]);
    at = cut;
  }
  out.push([at, to]);
  return out;
}

const trimEnd = (text: string, p: Span) => {
  let e = p.end;
  while (e > p.start && /\s/.test(text[e - 1] as string)) e--;
  return e;
};

/** Index of the last element whose key is ≤ x in an ascending array (−1 if none). */
function indexAtOrBefore<T>(sorted: readonly T[], x: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid] as T) <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Items (ascending by key) with from < key < to, or from ≤ key ≤ to when `inclusive`; by binary search. */
function between<T>(
  sorted: readonly T[],
  from: number,
  to: number,
  key: (item: T) => number,
  inclusive: boolean,
) {
  // The first item past the lower end: after every key < from (inclusive) or ≤ from (exclusive).
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const k = key(sorted[mid] as T);
    if (inclusive ? k < from : k <= from) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length; i++) {
    const k = key(sorted[i] as T);
    if (inclusive ? k > to : k >= to) break;
    out.push(sorted[i] as T);
  }
  return out;
}

const offsetOf = (x: { offset: number }) => x.offset;

/** Page number at an offset in a chunk's text. */
export function pageInChunk(chunk: Chunk, at: number): number {
  let page = chunk.pageStart;
  for (const b of chunk.pageBreaks ?? []) if (b.at <= at) page = b.page;
  return page;
}

/** Page number at a text offset. */
export function pageAt(doc: CleanDocument, offset: number): number {
  return doc.pages[Math.max(0, indexAtOrBefore(doc.pages, offset, offsetOf))]?.page ?? 1;
}

/** The sentences of the section right before unit `i`, as one text (empty at a section's start). */
function contextBefore(doc: CleanDocument, units: Unit[], i: number, options: ChunkOptions): string {
  const first = units[i] as Unit;
  let k = i;
  while (k > 0 && i - k < options.contextSentences && (units[k - 1] as Unit).section === first.section) k--;
  if (k === i) return "";
  const text = doc.text
    .slice((units[k] as Unit).start, first.start)
    .replace(/\s+/g, " ")
    .trim();
  return text.length <= MAX_CONTEXT_CHARS
    ? text
    : text.slice(text.length - MAX_CONTEXT_CHARS).replace(/^\S*\s/, "");
}

function makeChunk(doc: CleanDocument, first: Unit, last: Unit, context: string): Chunk {
  const start = first.start;
  const end = last.end;
  const text = doc.text.slice(start, end);
  // Pages and footnotes are found by binary search: a scan per chunk was quadratic on long inputs.
  const footnotes = between(doc.footnotes, start, end, offsetOf, true).map(({ n, text, url }) =>
    url ? { n, text, url } : { n, text },
  );
  return {
    id: createHash("sha256").update(`${doc.id}\n${text}`).digest("hex").slice(0, 16),
    doc: doc.id,
    title: doc.title,
    section: first.section >= 0 ? (doc.sections[first.section]?.title ?? "") : "",
    pageStart: pageAt(doc, start),
    pageEnd: pageAt(doc, Math.max(start, end - 1)),
    start,
    end,
    text,
    pageBreaks: between(doc.pages, start, end, offsetOf, false).map((p) => ({
      at: p.offset - start,
      page: p.page,
    })),
    footnotes,
    ...(context ? { context } : {}),
    ...(doc.url ? { url: doc.url } : {}),
  };
}
