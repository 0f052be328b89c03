import { escapeMarkdown } from "discord.js";
import type { Answer } from "../../types.js";
import { sourceFields } from "./citations.js";
import { answerButtons } from "./components.js";
import { LIMITS } from "./limits.js";
import { COLORS, layoutEmbeds, type Page, toPages } from "./page.js";
import { tail } from "./split.js";

/** Shows that the answer is still being written. */
const CURSOR = " ▌";

/** The answer with its inline markers as embed pages, sources as fields, buttons under the last page. */
export function renderAnswer(answer: Answer, stateId?: string): Page[] {
  const text = answer.note ? `${answer.answer}\n\n*${escapeMarkdown(answer.note)}*` : answer.answer;
  const embeds = layoutEmbeds({
    title: escapeMarkdown(answer.question.replace(/\s+/g, " ")),
    color: answer.found ? COLORS.found : COLORS.notFound,
    text: text.trim() || "No answer.",
    fields: sourceFields(answer.citations.map((c) => ({ ...c, label: `[${c.n}]` }))),
    fieldsTitle: answer.found ? "Sources" : "Closest passages",
    footer: `${answer.mode} answer · /source id:<chunk id> shows a whole passage`,
  });
  return toPages(embeds, stateId ? answerButtons(stateId, answer.citations.length > 0) : undefined);
}

/**
 * A generated answer while it streams, as plain message content: once it outgrows a message only
 * its latest part shows. The text arrives with markers complete and renumbered; the tail never
 * starts inside one.
 */
export function renderPartialAnswer(text: string): string {
  return `${tail(text, LIMITS.content - CURSOR.length, true)}${CURSOR}`;
}
