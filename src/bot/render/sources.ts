import { escapeMarkdown } from "discord.js";
import type { SearchResult } from "../../types.js";
import { sourceFields } from "./citations.js";
import { COLORS, layoutEmbeds, type Page, toPages } from "./page.js";

/** A page of further passages for "More sources"; numbering continues from `offset`. */
export function renderMoreSources(question: string, result: SearchResult, offset: number): Page[] {
  if (result.hits.length === 0) {
    return toPages(
      layoutEmbeds({
        title: "No more sources",
        color: COLORS.notFound,
        text: "Every relevant passage was shown.",
      }),
    );
  }
  return toPages(
    layoutEmbeds({
      title: `More sources: ${escapeMarkdown(question.replace(/\s+/g, " "))}`,
      color: COLORS.found,
      text: `Passages ${offset + 1}–${offset + result.hits.length}, next by relevance.`,
      fields: sourceFields(
        result.hits.map((h, i) => ({
          label: `#${offset + i + 1}`,
          title: h.chunk.title,
          section: h.chunk.section,
          page: h.chunk.pageStart,
          quote: h.chunk.text,
          chunkId: h.chunk.id,
        })),
      ),
    }),
  );
}
