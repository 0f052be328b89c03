import type { Answer } from "../../types.js";
import { sourceFields } from "./citations.js";
import { answerButtons } from "./components.js";
import { escapeText } from "./escape.js";
import { LIMITS } from "./limits.js";
import { COLORS, layoutEmbeds, type Page, toPages } from "./page.js";
import { tail, truncate } from "./split.js";

/** Shows that the answer is still being written. */
const CURSOR = " ▌";

/**
 * Sources in the first message; the rest wait behind "More sources".
 * @default 3 — with 5, replies on the dev questions had a median first message of 2,133
 * characters; with 3, quotes of at most 200 and no quote the answer already shows, 1,313 (p90 1,504).
 */
export const FIRST_SOURCES = 3;
const FIRST_QUOTE = 200;

/**
 * The answer with its inline markers, escaped (nothing in it becomes Discord formatting), and its
 * first sources as fields, buttons under the last page. The text fits one embed description, so
 * an answer takes one message, or two when its sources do not fit beside it.
 */
export function renderAnswer(answer: Answer, stateId?: string): Page[] {
  const note = answer.note ? `\n\n*${escapeText(answer.note)}*` : "";
  const body = truncate(escapeText(answer.answer), LIMITS.description - note.length);
  const more = answer.citations.length - FIRST_SOURCES;
  const embeds = layoutEmbeds({
    title: escapeText(answer.question.replace(/\s+/g, " ")),
    color: answer.found ? COLORS.found : COLORS.notFound,
    text: `${body}${note}`.trim() || "No answer.",
    fields: sourceFields(
      answer.citations.slice(0, FIRST_SOURCES).map((c) => ({ ...c, label: `[${c.n}]` })),
      { maxQuote: FIRST_QUOTE, shownIn: answer.answer },
    ),
    fieldsTitle: answer.found ? "Sources" : "Closest passages",
    footer: `${answer.mode} answer${more > 0 ? ` · ${more} more source(s) under More sources` : ""} · /source id:<chunk id> shows a passage`,
  });
  return toPages(embeds, stateId ? answerButtons(stateId, answer.citations.length > 0) : undefined);
}

/**
 * A generated answer while it streams, as plain message content: once it outgrows a message only
 * its latest part shows. The text arrives with markers complete and renumbered; the tail never
 * starts inside one.
 */
export function renderPartialAnswer(text: string): string {
  return `${tail(escapeText(text), LIMITS.content - CURSOR.length, true)}${CURSOR}`;
}
