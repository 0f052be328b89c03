import type { Answer } from "../types.js";

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
