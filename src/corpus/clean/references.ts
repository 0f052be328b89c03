/**
 * References that leaked into paragraphs (000 L1597–99: `... Belarus [Electronic resource]. - 2021. -
 * URL: https://...2021/.The`, nested bracket citations `[2 [2]. 2]` in 002): the bibliographic tail, the URL and
 * bracket numbers go, the sentence around them stays. URLs belong in footnotes only.
 */
const RESOURCE = /\s*\[Electronic resource\s*\][^\n]*?(?:URL:|(?=(?:https?|ftp):\/\/))\s*/gu;
const URL_LABEL = /\s*(?:(?:19|20)\d\d\.\s*)?-?\s*URL:\s*/g;
const URL = /\s*\S*(?:https?|ftp):\/\/\S*?(?=\.?\p{Lu}\p{Ll}|\.?\s|\.?$)/gu;
/** Only the nested form: a plain `[2017]` is an editor's insertion in a quote and stays. */
const BRACKET_CITATION = /\s*\[\d+\s*\[\d+\][.,]?\s*\d+\]/g;

export function removeLeakedReferences(paragraph: string): string {
  return paragraph
    .replace(RESOURCE, " ")
    .replace(URL_LABEL, " ")
    .replace(URL, "")
    .replace(BRACKET_CITATION, "");
}
