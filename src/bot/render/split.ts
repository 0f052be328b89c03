/**
 * Splitting and trimming that respect prose: parts end at paragraph or sentence boundaries when
 * possible, then at spaces, and never inside a citation marker such as "[2]" or "[1, 3]". Only a
 * single "word" longer than the limit is cut mid-word, since there is no other way to fit it.
 */

const MARKER = /\[\d+(?:\s*[,–-]\s*\d+)*\]/g;
const PARAGRAPH = /\n[ \t]*\n\s*/g;
const SENTENCE = /[.!?…]["'”’)\]]*(?:\s*\[\d+(?:\s*[,–-]\s*\d+)*\])*\s+/g;
const LINE = /\n\s*/g;
const SPACE = /\s+/g;

export const ELLIPSIS = "…";

/** Spans [start, end) of citation markers, so no cut lands inside one. */
function markerSpans(text: string): [number, number][] {
  return [...text.matchAll(MARKER)].map((m) => [m.index, m.index + m[0].length]);
}

function insideMarker(spans: [number, number][], at: number): boolean {
  return spans.some(([s, e]) => at > s && at < e);
}

/**
 * The best place ≤ max to end a part of `text`: the last paragraph break, else sentence end,
 * else line break, else space — each only if it keeps the part at least `minShare` of max long.
 */
function cutPoint(text: string, max: number, minShare: number): number {
  const spans = markerSpans(text.slice(0, max + 64));
  const floor = Math.floor(max * minShare);
  for (const pattern of [PARAGRAPH, SENTENCE, LINE, SPACE]) {
    let best = -1;
    for (const m of text.slice(0, max + 1).matchAll(pattern)) {
      // A sentence ends after its punctuation; other boundaries end before the whitespace.
      const at = pattern === SENTENCE ? m.index + m[0].trimEnd().length : m.index;
      if (at > max) break;
      if (at >= floor && at > 0 && !insideMarker(spans, at)) best = at;
    }
    if (best > 0) return best;
  }
  return hardCut(text, max, spans);
}

/** A cut inside an over-long word: never inside a marker or a surrogate pair. */
function hardCut(text: string, max: number, spans: [number, number][]): number {
  let at = max;
  for (const [s, e] of spans) if (at > s && at < e) at = s;
  const code = text.charCodeAt(at - 1);
  if (code >= 0xd800 && code <= 0xdbff) at -= 1;
  return Math.max(1, at);
}

/** Splits `text` into parts of at most `max` characters (trimmed, none empty). */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const at = cutPoint(rest, max, 0.5);
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** `text` cut to at most `max` characters at a word boundary, with an ellipsis when anything was dropped. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const room = max - ELLIPSIS.length;
  const spans = markerSpans(text.slice(0, room + 64));
  let at = -1;
  for (const m of text.slice(0, room + 1).matchAll(SPACE)) {
    if (m.index > room) break;
    if (!insideMarker(spans, m.index)) at = m.index;
  }
  if (at < room * 0.6) at = hardCut(text, room, spans);
  return `${text.slice(0, at).replace(/[\s,;:]+$/, "")}${ELLIPSIS}`;
}

/** A quote on one line, trimmed to `max` with an ellipsis. */
export function trimQuote(quote: string, max: number): string {
  return truncate(quote.replace(/\s+/g, " ").trim(), max);
}

/**
 * The last `max` characters of `text`, prefixed with an ellipsis when cut: starting at a word,
 * never inside a citation marker or a surrogate pair. Whitespace is flattened unless `keepLines`.
 */
export function tail(text: string, max: number, keepLines = false): string {
  const flat = keepLines ? text.trim() : text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const start = flat.length - (max - ELLIPSIS.length);
  const spans = markerSpans(flat);
  const space = /\s+/g;
  space.lastIndex = start;
  let from = start;
  for (let m = space.exec(flat); m && m.index < start + max / 3; m = space.exec(flat)) {
    if (!insideMarker(spans, m.index)) {
      from = m.index + m[0].length;
      break;
    }
  }
  for (const [s, e] of spans) if (from > s && from < e) from = e;
  const code = flat.charCodeAt(from);
  if (code >= 0xdc00 && code <= 0xdfff) from += 1;
  return `${ELLIPSIS}${flat.slice(from).trimStart()}`;
}
