import { terms } from "../text/analyze.js";

const YEAR = /\b(19[5-9]\d|20[0-4]\d)\b/g;
const FOLLOW_UP_OPENER = /^\s*(and|but|what about|how about|also|then|so)\b/i;

/**
 * Makes a follow-up in a conversation ("and in 2019?") searchable on its own: short or
 * "and …"-style questions borrow the previous question's words, with its years replaced by the
 * follow-up's own.
 */
export function contextualQuery(question: string, history: string[]): string {
  const previous = history.at(-1);
  if (!previous) return question;
  const isFollowUp = FOLLOW_UP_OPENER.test(question) || terms(question).length < 3;
  if (!isFollowUp) return question;
  const years = question.match(YEAR);
  if (years && YEAR.test(previous)) {
    const rest = question
      .replace(YEAR, "")
      .replace(FOLLOW_UP_OPENER, "")
      .replace(/\b(in|for|of)\s*\?*\s*$/i, "");
    const replaced = previous.replace(YEAR, years[0]);
    return terms(rest).length > 0 ? `${replaced} ${rest.trim()}` : replaced;
  }
  return `${previous} ${question.replace(FOLLOW_UP_OPENER, "").trim()}`;
}
