import { describeElements } from "../factcheck/describe.js";
import { type GapReport, reasonSummary } from "../feedback/gaps.js";
import { distinctSection } from "../text/labels.js";
import type { Answer, FactCheck, QuoteSource } from "../types.js";

/** Where a quote stands, as a line starts: "Title — Section, p. 12" (a section repeating the title left out). */
export function sourceLine(s: Pick<QuoteSource, "title" | "section" | "page">): string {
  const where = [distinctSection(s.title, s.section), `p. ${s.page}`].filter(Boolean).join(", ");
  return `${s.title} — ${where}`;
}

/**
 * Human-readable answer: the text with [n] markers, then one line per source with its passage
 * id (for `/source <id>` in the chat) and its link when the document has one.
 */
export function formatAnswer(answer: Answer): string {
  const lines = [answer.answer, ""];
  if (answer.note) lines.push(`(${answer.note})`, "");
  if (answer.citations.length > 0)
    lines.push(answer.found ? "Sources:" : "Closest passages (not an answer):");
  for (const c of answer.citations) {
    lines.push(`[${c.n}] ${sourceLine(c)} (passage ${c.chunkId}): "${c.quote}"${c.url ? ` ${c.url}` : ""}`);
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
    citations: answer.citations.map(({ n, doc, title, section, page, quote, chunkId, score, url }) => ({
      n,
      doc,
      title,
      section,
      page,
      quote,
      chunkId,
      score,
      ...(url ? { url } : {}),
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
    lines.push(`[${i + 1}] ${sourceLine(e)} (passage ${e.chunkId}): "${e.quote}"${e.url ? ` ${e.url}` : ""}`);
  });
  for (const c of check.conflicts)
    lines.push(
      `The books disagree on ${c.about}: ${c.readings.map((r) => `${r.figure} (${r.evidence.title}, p. ${r.evidence.page})`).join(" vs ")}`,
    );
  return lines.join("\n");
}

/** `npm run gaps`: the groups, most asked first, each with examples and the nearest passages. */
export function formatGaps(report: GapReport): string {
  if (report.total === 0)
    return "No coverage gaps recorded yet: every answer so far was found, and none got a 👎.";
  const lines = [
    `${report.total} question(s) the books could not answer (${reasonSummary(report.reasons)}); top ${report.groups.length} topic(s), most asked first:`,
  ];
  report.groups.forEach((g, i) => {
    lines.push(
      "",
      `${i + 1}. ${g.topic.join(" · ") || "(no shared topic)"} — ${g.count} question(s) from ${g.people} person(s) (${reasonSummary(g.reasons)}), last ${g.lastAsked.slice(0, 10)}`,
    );
    for (const q of g.questions) lines.push(`   ? ${q}`);
    for (const p of g.passages)
      lines.push(`   nearest: ${sourceLine(p)} (id ${p.chunkId}${p.times > 1 ? `, ${p.times}×` : ""})`);
  });
  if (report.more > 0)
    lines.push(
      "",
      `… and ${report.more} more topic(s): --top ${report.groups.length + report.more} shows all.`,
    );
  return lines.join("\n");
}
