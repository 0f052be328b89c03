import type { APIEmbedField } from "discord.js";
import { escapeMarkdown } from "discord.js";
import { field } from "./page.js";
import { trimQuote, truncate } from "./split.js";

export interface SourceLike {
  label: string;
  title: string;
  section: string;
  page: number | string;
  quote: string;
  chunkId: string;
}

/** Budget shared by all source fields of one embed, leaving room for a title and footer. */
const SOURCES_BUDGET = 5200;
const MAX_QUOTE = 300;
const MIN_QUOTE = 40;

/**
 * One field per source, never split: label, title, section, page and chunk id stay whole; only
 * the quote is trimmed (with an ellipsis) so that all fields together stay within the budget.
 */
export function sourceFields(sources: SourceLike[], max = 10): APIEmbedField[] {
  const shown = sources.slice(0, max);
  return shown.map((s) => {
    const name = `${s.label} ${escapeMarkdown(s.title)}`;
    const head = `${escapeMarkdown(truncate(s.section, 150))} · p. ${s.page}`;
    const id = `\`${s.chunkId}\``;
    const fixed = Math.min(name.length, 256) + head.length + id.length + 8;
    const room = Math.floor(SOURCES_BUDGET / Math.max(1, shown.length)) - fixed;
    // Escape before trimming so the escapes count toward the budget.
    const quote = trimQuote(escapeMarkdown(s.quote), Math.max(MIN_QUOTE, Math.min(MAX_QUOTE, room)));
    return field(name, `${head}\n> ${quote}\n${id}`);
  });
}
