/**
 * A reference that leaked into a paragraph (000 L1597–99: `... Belarus [Electronic resource]. - 2021. -
 * URL: https://...2021/.The`): its bibliographic tail and URL go, the sentence around it stays.
 */
const LEAKED =
  /\s*\[Electronic resource\][^\n]*?URL:\s*(?:https?|ftp):\/\/\S*?(?=\.?\p{Lu}\p{Ll}|\.?\s|\.?$)/gu;

export function removeLeakedReferences(paragraph: string): string {
  return paragraph.replace(LEAKED, "");
}
