import { pageInChunk } from "./chunk.js";
import { documentLink } from "./links.js";
import type { Span } from "./text/sentences.js";
import type { Chunk, QuoteSource } from "./types.js";

const QUOTES = /["“”«»]/g;
const OPENING = /^[\s"“«(,;:–—-]+/;
const CLOSING = /[\s"”»,;:–—-]+$/;

/**
 * The span of a quote cut cleanly: a quotation mark it opens or closes without its partner (the
 * books quote across sentence borders) and leading or trailing punctuation are left out.
 */
export function trimQuote(text: string, span: Span): Span {
  let { start, end } = span;
  const slice = () => text.slice(start, end);
  // An odd count of quotation marks means one of them pairs with a mark outside the quote.
  if ((slice().match(QUOTES)?.length ?? 0) % 2 === 1) {
    const lead = slice().match(/^\s*["“«]/)?.[0].length ?? 0;
    if (lead > 0) start += lead;
    else {
      const trail = slice().match(/["”»]\s*[.!?]?\s*$/);
      if (trail) end -= trail[0].length - (trail[0].match(/[.!?]/)?.[0].length ?? 0);
    }
  }
  start += slice().match(OPENING)?.[0].length ?? 0;
  const closing = slice().match(CLOSING)?.[0].length ?? 0;
  if (closing > 0 && end - closing > start) end -= closing;
  return { start, end: Math.max(start, end) };
}

/**
 * Where a quote stands: book, section, the page the quote itself starts on (not the passage's
 * first page), and a link to that page when the document has an address. Answers, generated
 * answers and fact-check evidence all cite through this one helper.
 */
export function quoteSource(chunk: Chunk, span: Span): QuoteSource {
  const { start, end } = trimQuote(chunk.text, span);
  const page = pageInChunk(chunk, start);
  const url = documentLink(chunk.url, page);
  return {
    doc: chunk.doc,
    title: chunk.title,
    section: chunk.section,
    page,
    quote: chunk.text.slice(start, end),
    chunkId: chunk.id,
    ...(url ? { url } : {}),
  };
}
