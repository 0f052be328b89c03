/**
 * A sentence repeated in capitals right after itself (a pull quote flattened into the text, 000 L922–924,
 * worded slightly differently): the capitalised run is dropped when nearly all its words occur just before.
 */
// Bounded repeats keep the scan linear on any input (a 2 MB run of dashes or capitals).
const CAPS_WORD = "[\\p{Lu}\\d$.,%'\"-]{0,40}\\p{Lu}[\\p{Lu}\\d$.,%'\"-]{0,40}";
/** Six or more capitalised words, figures among them. */
const CAPS_RUN = new RegExp(
  `(?<![\\p{L}\\d])${CAPS_WORD}(?:\\s+(?:${CAPS_WORD}|[$\\d.,%]{1,40})){5,}(?![\\p{L}\\d])`,
  "gu",
);
const words = (s: string) => s.toLowerCase().match(/\p{L}+|\d+(?:[.,]\d+)*/gu) ?? [];

export function removeCapitalisedRepeats(paragraph: string): string {
  let removed = false;
  const out = paragraph.replace(CAPS_RUN, (run, offset: number) => {
    const before = new Set(words(paragraph.slice(Math.max(0, offset - run.length * 2), offset)));
    const own = words(run);
    const repeated = own.filter((w) => before.has(w)).length >= own.length * 0.8;
    removed ||= repeated;
    return repeated ? "" : run;
  });
  // The repeat's own full stop now doubles the original's.
  return removed ? out.replace(/\.\s*((?:[\uE000-\uE003][\uE100-\uF8FF])*)\s*\./g, ".$1") : out;
}
