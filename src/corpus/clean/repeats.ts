/**
 * A sentence repeated in capitals right after itself (a pull quote flattened into the text, 000 L922–924):
 * the capitalised run is dropped when its letters repeat the text just before it.
 */
const CAPS_RUN =
  /(?:\b[\p{Lu}\d$.,%'"-]*\p{Lu}{2}[\p{Lu}\d$.,%'"-]*\s+){4,}[\p{Lu}\d$.,%'"-]*\p{Lu}{2}\p{Lu}*/gu;
const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}]/gu, "");

export function removeCapitalisedRepeats(paragraph: string): string {
  let removed = false;
  const out = paragraph.replace(CAPS_RUN, (run, offset: number) => {
    const before = letters(paragraph.slice(Math.max(0, offset - run.length * 2), offset));
    removed ||= before.includes(letters(run));
    return before.includes(letters(run)) ? "" : run;
  });
  // The repeat's own full stop now doubles the original's.
  return removed ? out.replace(/\.\s*((?:[\uE000-\uE003][\uE100-\uF8FF])*)\s*\./g, ".$1") : out;
}
