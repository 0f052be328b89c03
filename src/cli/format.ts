import { describeElements } from "../factcheck/describe.js";
import type { Answer, FactCheck } from "../types.js";

/** Human-readable answer: the text with [n] markers, then one line per source. */
export function formatAnswer(answer: Answer): string {
  const lines = [answer.answer, ""];
  if (answer.note) lines.push(`(${answer.note})`, "");
  if (answer.citations.length > 0)
    lines.push(answer.found ? "Sources:" : "Closest passages (not an answer):");
  for (const c of answer.citations) {
    const where = [c.section, `p. ${c.page}`].filter(Boolean).join(", ");
    lines.push(`[${c.n}] ${c.title} — ${where}: "${c.quote}"`);
  }
  return lines.join("\n");
}

/** The JSON contract of `ask --json`. */
export function answerJson(answer: Answer) {
  return {
    question: answer.question,
    found: answer.found,
    answer: answer.answer,
    mode: answer.mode,
    ...(answer.note ? { note: answer.note } : {}),
    citations: answer.citations.map(({ n, doc, title, section, page, quote, chunkId, score }) => ({
      n,
      doc,
      title,
      section,
      page,
      quote,
      chunkId,
      score,
    })),
  };
}

const VERDICT_LABELS: Record<FactCheck["verdict"], string> = {
  supported: "SUPPORTED",
  contradicted: "CONTRADICTED",
  not_found: "NOT FOUND",
};

/** Human-readable fact-check: verdict and why, the element breakdown, evidence, and disagreements between books. */
export function formatCheck(check: FactCheck): string {
  const lines = [`${VERDICT_LABELS[check.verdict]} — ${check.explanation}`];
  for (const line of describeElements(check)) lines.push(`  ${line}`);
  check.evidence.forEach((e, i) => {
    const where = [e.section, `p. ${e.page}`].filter(Boolean).join(", ");
    lines.push(`[${i + 1}] ${e.title} — ${where}: "${e.quote}"`);
  });
  for (const c of check.conflicts)
    lines.push(
      `The books disagree on ${c.about}: ${c.readings.map((r) => `${r.figure} (${r.evidence.title}, p. ${r.evidence.page})`).join(" vs ")}`,
    );
  return lines.join("\n");
}
