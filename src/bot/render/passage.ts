import { escapeMarkdown } from "discord.js";
import { documentLink } from "../../links.js";
import type { Chunk, PassageContext } from "../../types.js";
import { COLORS, field, layoutEmbeds, type Page, toPages } from "./page.js";
import { tail, trimQuote } from "./split.js";

const CONTEXT_CHARS = 400;
const MAX_FOOTNOTES = 10;

function pages(chunk: Chunk): string {
  return chunk.pageStart === chunk.pageEnd
    ? `p. ${chunk.pageStart}`
    : `pp. ${chunk.pageStart}–${chunk.pageEnd}`;
}

/** The file and pages, linked to the document (at its first page, for a PDF) when it has a url. */
function documentField(chunk: Chunk): string {
  const url = documentLink(chunk.url, chunk.pageStart);
  return `${escapeMarkdown(chunk.doc)} · ${url ? `[${pages(chunk)}](${url})` : pages(chunk)}`;
}

/** The whole passage (split over pages if long) between trimmed neighbours, with its footnotes. */
export function renderPassage(ctx: PassageContext): Page[] {
  const { chunk, before, after } = ctx;
  const text = [
    before && `*…before:* ${escapeMarkdown(tail(before.text, CONTEXT_CHARS))}`,
    `**Passage** (${pages(chunk)})`,
    escapeMarkdown(chunk.text),
    after && `*after…:* ${escapeMarkdown(trimQuote(after.text, CONTEXT_CHARS))}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  const footnotes = chunk.footnotes.slice(0, MAX_FOOTNOTES).map((f) => {
    const body = escapeMarkdown(trimQuote(f.text, 400));
    return field(`Footnote ${f.n}`, f.url ? `${body}\n<${f.url}>` : body);
  });
  const more = chunk.footnotes.length - footnotes.length;
  return toPages(
    layoutEmbeds({
      title: escapeMarkdown(`${chunk.title} — ${chunk.section}`),
      color: COLORS.found,
      text,
      fields: [field("Document", documentField(chunk), true), ...footnotes],
      fieldsTitle: "Footnotes",
      footer: `chunk ${chunk.id}${more > 0 ? ` · ${more} more footnote(s) not shown` : ""}`,
    }),
  );
}
