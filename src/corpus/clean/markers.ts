import { sentinel } from "./sentinels.js";
import { SUPERSCRIPT_RUN, superscriptValue } from "./text.js";

/**
 * Footnote numbers glued into the text (`services"1.`, `increased52by`, `In 912021`, `by 202011.`) told
 * apart from real figures by two signals: the glue context (a number stuck to a word or a closing quote,
 * which real figures never are) and the numbering sequence (markers rise 1, 2, 3… through a book, possibly
 * restarting at an article heading, so the next expected number is known). Figures such as `8.5%`,
 * `$164 billion`, `2.5 million` or a bare year never qualify.
 */
export interface MarkerContext {
  /** Footnote numbers present in footnote blocks; when non-empty a marker must be one of them. */
  known: Set<number>;
}

const TOKEN = /\uE001([\uE100-\uF8FF])|\uE003[\uE100-\uF8FF]|\d+/g;
const YEAR = "(?:19|20)\\d\\d";

interface Glue {
  letterBefore: boolean;
  letterAfter: boolean;
  quoteBefore: boolean;
  wordAfter: boolean;
  sentenceBefore: boolean;
}

function glueAt(s: string, start: number, end: number): Glue | undefined {
  const pre = s[start - 1] ?? " ";
  const pre2 = s[start - 2] ?? " ";
  const post = s[end] ?? " ";
  const post2 = s[end + 1] ?? " ";
  // Parts of figures: decimals, thousands, money, ranges, percentages, list items "1)".
  if (/[\d$€£№#/–-]/.test(pre) || (/[.,]/.test(pre) && /\d/.test(pre2))) return undefined;
  if ((/[.,]/.test(post) && /\d/.test(post2)) || /[%‰)/–-]/.test(post)) return undefined;
  return {
    letterBefore: /\p{L}/u.test(pre),
    letterAfter: /\p{L}/u.test(post),
    quoteBefore:
      /["”»)\]]/.test(pre) ||
      (pre === " " && /["”»\]]/.test(pre2)) ||
      (/[.,;:]/.test(pre) && /[\p{L}"”»%)]/u.test(pre2)),
    wordAfter: /\p{L}/u.test(post) && /\p{Ll}/u.test(post2),
    sentenceBefore: pre === " " && /[.!?]/.test(pre2) && /["“\p{Lu}]/u.test(post),
  };
}

export function createMarkerStripper(ctx: MarkerContext): (paragraph: string) => string {
  let expected = 1;
  let restart = true;

  const acceptable = (n: number, window: number) =>
    (ctx.known.size === 0 || ctx.known.has(n)) &&
    ((n >= expected && n <= expected + window) || (restart && n === 1));

  const take = (n: number) => {
    expected = n + 1;
    restart = false;
    return sentinel("marker", n);
  };

  /** The replacement for a digit run, or undefined when it is a real figure. */
  const interpret = (digits: string, g: Glue): string | undefined => {
    const glued = g.letterBefore || g.quoteBefore || g.wordAfter || g.sentenceBefore;
    const n = Number(digits);
    if (digits.length <= 3 && glued) {
      const window = g.letterBefore && g.letterAfter ? 20 : g.sentenceBefore && !g.quoteBefore ? 0 : 5;
      if (acceptable(n, window)) return take(n) + (g.letterBefore && g.letterAfter ? " " : "");
    }
    // A marker and a year glued together have at most 3 + 4 digits; longer runs are figures.
    if (digits.length > 7) return undefined;
    for (let cut = 1; cut < digits.length; cut++) {
      const a = Number(digits.slice(0, cut));
      const b = Number(digits.slice(cut));
      if (glued && b === a + 1 && acceptable(a, 3)) return take(a) + take(b);
    }
    const yearThenMarker = new RegExp(`^(${YEAR})(\\d{1,3})$`).exec(digits);
    if (yearThenMarker && acceptable(Number(yearThenMarker[2]), 5))
      return yearThenMarker[1] + take(Number(yearThenMarker[2]));
    const markerThenYear = new RegExp(`^(\\d{1,3})(${YEAR})$`).exec(digits);
    if (markerThenYear && acceptable(Number(markerThenYear[1]), 5))
      return take(Number(markerThenYear[1])) + markerThenYear[2];
    return undefined;
  };

  return (paragraph) =>
    paragraph.replace(TOKEN, (token, markerPayload: string | undefined, offset: number) => {
      if (markerPayload !== undefined) {
        expected = markerPayload.charCodeAt(0) - 0xe100 + 1;
        restart = false;
        return token;
      }
      if (token.startsWith("\uE003")) {
        restart = true;
        return token;
      }
      const g = glueAt(paragraph, offset, offset + token.length);
      return (g && interpret(token, g)) ?? token;
    });
}

/** Superscript footnote numbers (`²²`, 004) are unambiguous markers. */
export function superscriptMarkers(s: string): string {
  return s.replace(SUPERSCRIPT_RUN, (run) => sentinel("marker", superscriptValue(run)));
}
