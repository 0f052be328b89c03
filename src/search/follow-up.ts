import { terms } from "../text/analyze.js";
import { replaceYears, yearsIn } from "../text/time.js";

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
  const [year] = yearsIn(question);
  if (year !== undefined && yearsIn(previous).length > 0) {
    const rest = replaceYears(question, "")
      .replace(FOLLOW_UP_OPENER, "")
      .replace(/\b(in|for|of)\s*\?*\s*$/i, "");
    const replaced = replaceYears(previous, String(year));
    return terms(rest).length > 0 ? `${replaced} ${rest.trim()}` : replaced;
  }
  return `${previous} ${question.replace(FOLLOW_UP_OPENER, "").trim()}`;
}
