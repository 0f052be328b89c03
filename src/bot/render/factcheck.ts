import { escapeMarkdown } from "discord.js";
import { describeElements } from "../../factcheck/describe.js";
import type { FactCheck } from "../../types.js";
import { sourceFields } from "./citations.js";
import { COLORS, layoutEmbeds, type Page, toPages } from "./page.js";
import { truncate } from "./split.js";

const VERDICTS: Record<FactCheck["verdict"], { label: string; color: number }> = {
  supported: { label: "✅ Supported", color: COLORS.ok },
  contradicted: { label: "❌ Contradicted", color: COLORS.bad },
  not_found: { label: "❔ Not found in the books", color: COLORS.notFound },
};

/** Elements shown at most: a claim rarely has more, and the breakdown must leave room for the evidence. */
const MAX_ELEMENTS = 8;

function claimLine(claim: string): string {
  return `> ${escapeMarkdown(truncate(claim.replace(/\s+/g, " "), 1000))}`;
}

/** A fact-check verdict: the claim, why, the element-by-element breakdown, and the evidence quotes. */
export function renderFactCheck(result: FactCheck): Page[] {
  const verdict = VERDICTS[result.verdict];
  const breakdown = describeElements(result)
    .slice(0, MAX_ELEMENTS)
    .map((line) => `• ${escapeMarkdown(truncate(line, 200))}`)
    .join("\n");
  const text = [claimLine(result.claim), escapeMarkdown(result.explanation), breakdown]
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
