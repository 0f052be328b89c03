import type { Citation, SearchResult } from "../../types.js";
import { hitSource, sourceFields } from "./citations.js";
import { escapeText } from "./escape.js";
import { COLORS, layoutEmbeds, type Page, toPages } from "./page.js";

const moreTitle = (question: string) => `More sources: ${escapeText(question.replace(/\s+/g, " "))}`;

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
      title: moreTitle(question),
      color: COLORS.found,
      text: `Passages ${offset + 1}–${offset + result.hits.length}, next by relevance.`,
      fields: sourceFields(result.hits.map((h, i) => hitSource(`#${offset + i + 1}`, h.chunk))),
    }),
  );
}

/** The answer's own sources that its first message had no room for, with their quotes. */
export function renderMoreCitations(question: string, citations: Citation[]): Page[] {
  return toPages(
    layoutEmbeds({
      title: moreTitle(question),
      color: COLORS.found,
      text: `The answer's sources ${citations[0]?.n}–${citations.at(-1)?.n}; press again for passages beyond them.`,
      fields: sourceFields(citations.map((c) => ({ ...c, label: `[${c.n}]` }))),
    }),
  );
}
