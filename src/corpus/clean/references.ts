/**
 * References that leaked into paragraphs (000 L1597–99: `... Belarus [Electronic resource]. - 2021. -
 * URL: https://...2021/.The`, nested bracket citations `[2 [2]. 2]` in 002): the bibliographic tail, the URL and
 * bracket numbers go, the sentence around them stays. URLs belong in footnotes only.
 *
 * Every pattern runs in linear time on any input: leading whitespace is matched only from the
 * start of a whitespace run (`(?<!\s)`), repeats are bounded, and URLs are found by their scheme.
 */
const RESOURCE = /(?<!\s)\s*\[Electronic resource\s*\][^\n]{0,300}?(?:URL:|(?=(?:https?|ftp):\/\/))\s*/gu;
const URL_LABEL = /(?<!\s)\s*(?:(?:19|20)\d\d\.\s*)?(?:-\s*)?URL:\s*/g;
/** Only the nested form: a plain `[2017]` is an editor's insertion in a quote and stays. */
const BRACKET_CITATION = /(?<!\s)\s*\[\d{1,4}\s*\[\d{1,4}\][.,]?\s*\d{1,4}\]/g;
const SCHEME = /(?:https?|ftp):\/\//g;

export function removeLeakedReferences(paragraph: string): string {
  return removeUrls(paragraph.replace(RESOURCE, " ").replace(URL_LABEL, " ")).replace(BRACKET_CITATION, "");
}

/**
 * Removes each URL with the whitespace before it and whatever is glued to its front (`(http://…`),
 * up to a space, the end, or a next sentence glued to it (`…2021/.The` keeps `.The`).
 */
function removeUrls(text: string): string {
  let out = "";
  let kept = 0;
  for (let m = SCHEME.exec(text); m; m = SCHEME.exec(text)) {
    let start = m.index;
    while (start > kept && !isSpace(text, start - 1)) start--;
    while (start > kept && isSpace(text, start - 1)) start--;
    let end = m.index + m[0].length;
    while (!urlEndsAt(text, end)) end++;
    out += text.slice(kept, start);
    kept = end;
    SCHEME.lastIndex = end;
  }
  SCHEME.lastIndex = 0;
  return out + text.slice(kept);
}

const isSpace = (text: string, i: number) => /\s/.test(text.charAt(i));

/** A URL ends before whitespace, the end, or a capitalised word, each optionally after a full stop. */
function urlEndsAt(text: string, i: number): boolean {
  const stop = (k: number) =>
    k >= text.length ||
    isSpace(text, k) ||
    (/\p{Lu}/u.test(text.charAt(k)) && /\p{Ll}/u.test(text.charAt(k + 1)));
  return stop(i) || (text.charAt(i) === "." && stop(i + 1));
}
