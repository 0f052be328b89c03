import { escapeMarkdown } from "discord.js";
import { type GapReport, reasonSummary } from "../../feedback/gaps.js";
import { COLORS, field, layoutEmbeds, type Page, toPages } from "./page.js";
import { trimQuote, truncate } from "./split.js";

/** /gaps: one field per topic, most asked first, with example questions and the nearest passage. */
export function renderGaps(report: GapReport): Page[] {
  if (report.total === 0) {
    return toPages(
      layoutEmbeds({
        title: "Coverage gaps",
        color: COLORS.ok,
        text: "No gaps recorded yet: every answer so far was found, and none got a 👎.",
      }),
    );
  }
  const fields = report.groups.map((g, i) => {
    const examples = g.questions.slice(0, 3).map((q) => `• ${escapeMarkdown(trimQuote(q, 160))}`);
    const nearest = g.passages[0];
    const where = nearest
      ? `nearest: *${escapeMarkdown(truncate(nearest.title, 80))}*, p. ${nearest.page} · \`${nearest.chunkId}\``
      : "";
    return field(
      `${i + 1}. ${g.topic.join(" · ") || "—"} — ${g.count}× (${reasonSummary(g.reasons)})`,
      [...examples, where].filter(Boolean).join("\n"),
    );
  });
  const more = report.more > 0 ? ` ${report.more} more topic(s): \`npm run gaps -- --top 50\`.` : "";
  return toPages(
    layoutEmbeds({
      title: "Coverage gaps",
      color: COLORS.notFound,
      text: `${report.total} question(s) the books could not answer (${reasonSummary(report.reasons)}), by topic, most asked first.${more}`,
      fields,
      fieldsTitle: "Coverage gaps",
    }),
  );
}
