import { escapeMarkdown, TimestampStyles, time } from "discord.js";
import type { IndexInfo, IngestSummary } from "../../types.js";
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

/** The names of a list, as code, the first ten of them. */
const names = (list: string[]) =>
  list
    .slice(0, 10)
    .map((v) => `\`${truncate(v, 100).replaceAll("`", "'")}\``)
    .join("\n") || "—";

/** What a reindex changed: counts, whether a new index went live, the changed and skipped documents. */
export function renderReindex(summary: IngestSummary, ms: number): Page[] {
  const changed = (label: string, list: string[]) =>
    list.length > 0 ? [field(`${label} (${list.length})`, names(list), true)] : [];
  return toPages(
    layoutEmbeds({
      title: "Reindex finished",
      color: summary.warnings.length > 0 ? COLORS.bad : COLORS.ok,
      text: `Reindex took ${(ms / 1000).toFixed(1)} s. ${
        summary.rebuilt ? "The new index is live." : "Nothing changed; the index was kept as it is."
      }`,
      fields: [
        field("Documents", String(summary.documents), true),
        field("Chunks", String(summary.chunks), true),
        field("Embedded", String(summary.embedded), true),
        ...changed("Added", summary.added),
        ...changed("Updated", summary.updated),
        ...changed("Removed", summary.removed),
        field("Unchanged", String(summary.unchanged.length), true),
        ...(summary.warnings.length > 0
          ? [
              field(
                `Skipped (${summary.warnings.length})`,
                names(summary.warnings.map((w) => `${w.file}: ${w.reason}`)),
                false,
              ),
            ]
          : []),
      ],
    }),
  );
}
