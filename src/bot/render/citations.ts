import type { APIEmbedField } from "discord.js";
import { documentLink } from "../../links.js";
import { distinctSection } from "../../text/labels.js";
import { escapeText } from "./escape.js";
import { field } from "./page.js";
import { trimQuote, truncate } from "./split.js";

export interface SourceLike {
  label: string;
  title: string;
  section: string;
  page: number;
  quote: string;
  chunkId: string;
  /** Link to the document (at the page, for PDFs): the page number becomes a masked link. */
  url?: string;
}

export interface SourceFieldOptions {
  /** Fields at most. @default 10 */
  max?: number;
  /** Longest quote. @default 300 */
  maxQuote?: number;
  /** Text already shown beside the sources (the answer): a quote it contains is not repeated. */
  shownIn?: string;
}

/** Budget shared by all source fields of one embed, leaving room for a title and footer. */
const SOURCES_BUDGET = 5200;
const MIN_QUOTE = 40;

/**
 * One field per source, never split: label, title, section, page (a link when the document has
 * a url) and chunk id stay whole; only the quote is trimmed (with an ellipsis) so that all
 * fields together stay within the budget. A section that repeats the title is left out.
 */
export function sourceFields(sources: SourceLike[], options: SourceFieldOptions = {}): APIEmbedField[] {
  const shown = sources.slice(0, options.max ?? 10);
  const maxQuote = options.maxQuote ?? 300;
  return shown.map((s) => {
    const name = `${s.label} ${escapeText(s.title)}`;
    const section = distinctSection(s.title, s.section);
    const page = s.url ? `[p. ${s.page}](${s.url})` : `p. ${s.page}`;
    const head = section ? `${escapeText(truncate(section, 150))} · ${page}` : page;
    const id = `\`${s.chunkId}\``;
    const fixed = Math.min(name.length, 256) + head.length + id.length + 8;
    const room = Math.floor(SOURCES_BUDGET / Math.max(1, shown.length)) - fixed;
    if (options.shownIn?.includes(s.quote.trim())) return field(name, `${head}\n${id}`);
    // Escape before trimming so the escapes count toward the budget.
    const quote = trimQuote(escapeText(s.quote), Math.max(MIN_QUOTE, Math.min(maxQuote, room)));
    return field(name, `${head}\n> ${quote}\n${id}`);
  });
}

/** A search hit as a source: its passage's first page and text, linked like a citation. */
export function hitSource(
  label: string,
  chunk: { title: string; section: string; pageStart: number; text: string; id: string; url?: string },
): SourceLike {
  const url = documentLink(chunk.url, chunk.pageStart);
  return {
    label,
    title: chunk.title,
    section: chunk.section,
    page: chunk.pageStart,
    quote: chunk.text,
    chunkId: chunk.id,
    ...(url ? { url } : {}),
  };
}
