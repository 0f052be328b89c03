import { createHash } from "node:crypto";
import { encode } from "gpt-tokenizer";
import { type Span, splitSentences } from "./text/sentences.js";
import type { Chunk, CleanDocument } from "./types.js";

export interface ChunkOptions {
  targetTokens: number;
  overlapTokens: number;
}

interface Unit extends Span {
  tokens: number;
  /** First unit of a paragraph: a preferred place to start a chunk. */
  paragraphStart: boolean;
  section: number;
}

/** What an embedder sees for a chunk: the section title gives short passages their topic. */
export const embeddingText = (c: Chunk): string => (c.section ? `${c.section}. ${c.text}` : c.text);

export const countTokens = (text: string): number => encode(text).length;

/**
 * Sentence-aware chunks of about `targetTokens`, never crossing a section border, preferring to
 * end at paragraph borders, with whole trailing sentences (up to `overlapTokens`) repeated at the
 * start of the next chunk. A sentence is cut only when it alone exceeds the target.
 */
export function chunkDocument(doc: CleanDocument, options: ChunkOptions): Chunk[] {
  const units = toUnits(doc, options.targetTokens);
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < units.length) {
    const first = units[i] as Unit;
    let j = i;
    let tokens = 0;
    let lastParagraphEnd = -1;
    while (j < units.length) {
      const u = units[j] as Unit;
      if (j > i && (u.section !== first.section || tokens + u.tokens > options.targetTokens)) break;
      if (j > i && u.paragraphStart) lastParagraphEnd = j;
      tokens += u.tokens;
      j++;
    }
    // Prefer a paragraph border if it keeps at least ~60% of the target.
    if (j < units.length && lastParagraphEnd > i && (units[j] as Unit).section === first.section) {
      const kept = sumTokens(units, i, lastParagraphEnd);
      if (kept >= options.targetTokens * 0.6) j = lastParagraphEnd;
    }
    chunks.push(makeChunk(doc, units[i] as Unit, units[j - 1] as Unit));
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
      const section = indexAtOrBefore(sectionStarts, sentence.start);
      for (const piece of splitLong(doc.text, sentence, maxTokens)) {
        const tokens = countTokens(doc.text.slice(piece.start, piece.end));
        // A heading offset inside a paragraph also marks a border.
        const paragraphStart = first || (units.length > 0 && (units.at(-1) as Unit).section !== section);
        units.push({ ...piece, tokens, paragraphStart, section });
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

/** Cuts an over-long sentence at word borders into pieces of at most `maxTokens`. */
function splitLong(text: string, span: Span, maxTokens: number): Span[] {
  const s = text.slice(span.start, span.end);
  if (s.length < maxTokens * 3 || countTokens(s) <= maxTokens) return [span];
  const pieces: Span[] = [];
  let pieceStart = span.start;
  let tokens = 0;
  for (const m of s.matchAll(/\S+\s*/g)) {
    const t = countTokens(m[0]);
    const at = span.start + (m.index as number);
    if (tokens + t > maxTokens && at > pieceStart) {
      pieces.push({ start: pieceStart, end: at });
      pieceStart = at;
      tokens = 0;
    }
    tokens += t;
  }
  pieces.push({ start: pieceStart, end: span.end });
  return pieces.map((p) => ({ start: p.start, end: trimEnd(text, p) }));
}

const trimEnd = (text: string, p: Span) => {
  let e = p.end;
  while (e > p.start && /\s/.test(text[e - 1] as string)) e--;
  return e;
};

/** Index of the last element ≤ x in an ascending array (−1 if none). */
function indexAtOrBefore(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Page number at an offset in a chunk's text. */
export function pageInChunk(chunk: Chunk, at: number): number {
  let page = chunk.pageStart;
  for (const b of chunk.pageBreaks ?? []) if (b.at <= at) page = b.page;
  return page;
}

/** Page number at a text offset. */
export function pageAt(doc: CleanDocument, offset: number): number {
  let page = doc.pages[0]?.page ?? 1;
  for (const p of doc.pages) {
    if (p.offset > offset) break;
    page = p.page;
  }
  return page;
}

function makeChunk(doc: CleanDocument, first: Unit, last: Unit): Chunk {
  const start = first.start;
  const end = last.end;
  const text = doc.text.slice(start, end);
  const footnotes = doc.footnotes
    .filter((f) => f.offset >= start && f.offset <= end)
    .map(({ n, text, url }) => (url ? { n, text, url } : { n, text }));
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
    pageBreaks: doc.pages
      .filter((p) => p.offset > start && p.offset < end)
      .map((p) => ({ at: p.offset - start, page: p.page })),
    footnotes,
  };
}
