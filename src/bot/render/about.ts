import { escapeMarkdown, TimestampStyles, time } from "discord.js";
import type { IndexInfo } from "../../engine.js";
import type { ReindexSummary } from "../types.js";
import { COLORS, field, layoutEmbeds, type Page, toPages } from "./page.js";
import { truncate } from "./split.js";

function builtAt(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${time(date, TimestampStyles.LongDateTime)} (${iso})`;
}

/** Corpus documents, chunk count, embedder and index build time. */
export function renderAbout(info: IndexInfo): Page[] {
  const docs = info.documents.map((d) => `• **${escapeMarkdown(d.title)}** — ${d.chunks} chunks`).join("\n");
  return toPages(
    layoutEmbeds({
      title: "About Footnote",
      color: COLORS.found,
      text: `Answers come only from these ${info.documents.length} documents, with citations:\n\n${docs}`,
      fields: [
        field("Chunks", String(info.chunks), true),
        field("Embedder", escapeMarkdown(info.embedder), true),
        field("Index built", builtAt(info.builtAt), true),
      ],
    }),
  );
}

/** What a reindex changed: numbers and flags as they are, lists as a count and their first items (as code). */
export function renderReindex(summary: ReindexSummary, ms: number): Page[] {
  const fields = Object.entries(summary).flatMap(([key, value]) => {
    if (typeof value === "number") return [field(key, String(value), true)];
    if (typeof value === "boolean") return [field(key, value ? "yes" : "no", true)];
    if (Array.isArray(value)) {
      const names = value
        .slice(0, 10)
        .map(
          (v) =>
            `\`${truncate(typeof v === "object" ? JSON.stringify(v) : String(v), 100).replaceAll("`", "'")}\``,
        )
        .join("\n");
      return [field(`${key} (${value.length})`, names || "—", true)];
    }
    return [];
  });
  return toPages(
    layoutEmbeds({
      title: "Reindex finished",
      color: COLORS.ok,
      text: `Reindex took ${(ms / 1000).toFixed(1)} s.`,
      fields,
    }),
  );
}
