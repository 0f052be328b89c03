import { escapeMarkdown } from "discord.js";
import type { SearchResult } from "../../types.js";
import type { FactCheckLike } from "../types.js";
import { sourceFields } from "./citations.js";
import { COLORS, layoutEmbeds, type Page, toPages } from "./page.js";
import { truncate } from "./split.js";

const VERDICTS: Record<FactCheckLike["verdict"], { label: string; color: number }> = {
  supported: { label: "✅ Supported", color: COLORS.ok },
  contradicted: { label: "❌ Contradicted", color: COLORS.bad },
  not_found: { label: "❔ Not found in the books", color: COLORS.notFound },
};

function claimLine(claim: string): string {
  return `> ${escapeMarkdown(truncate(claim.replace(/\s+/g, " "), 1000))}`;
}

/** A fact-check verdict with its evidence quotes. */
export function renderFactCheck(result: FactCheckLike): Page[] {
  const verdict = VERDICTS[result.verdict];
  const conflicts = Array.isArray(result.conflicts) ? result.conflicts.length : 0;
  const text = [
    claimLine(result.claim),
    escapeMarkdown(result.explanation),
    conflicts > 0 ? `*The books disagree: ${conflicts} conflicting passage(s).*` : "",
  ]
    .filter(Boolean)
    .join("\n\n");
  return toPages(
    layoutEmbeds({
      title: verdict.label,
      color: verdict.color,
      text,
      fields: sourceFields(result.evidence.map((e, i) => ({ ...e, label: `[${i + 1}]` }))),
      fieldsTitle: "Evidence",
    }),
  );
}

/** Without a fact-checker: the closest passages, so the reader can judge the claim. */
export function renderClosestPassages(claim: string, result: SearchResult): Page[] {
  const found = result.found && result.hits.length > 0;
  return toPages(
    layoutEmbeds({
      title: found ? "🔎 Closest passages (not verified)" : VERDICTS.not_found.label,
      color: found ? COLORS.found : COLORS.notFound,
      text: `${claimLine(claim)}\n\n${
        found
          ? "No fact-checker is configured; these are the passages closest to the claim."
          : "Nothing in the books is close enough to this claim."
      }`,
      fields: sourceFields(
        result.hits.map((h, i) => ({
          label: `[${i + 1}]`,
          title: h.chunk.title,
          section: h.chunk.section,
          page: h.chunk.pageStart,
          quote: h.chunk.text,
          chunkId: h.chunk.id,
        })),
      ),
      fieldsTitle: "Passages",
    }),
  );
}
