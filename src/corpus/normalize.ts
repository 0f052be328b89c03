import {
  removeSuperscripts,
  repairSpacing,
  stripJunk,
  unescapeMarkdown,
  unwrapMarkdown,
} from "./clean/text.js";

/**
 * The cleaner's context-free inline repairs applied to a short quote (whitespace, `\` escapes, `**`,
 * superscript markers, U+FFFD, spacing), so a quote taken from a raw file can be found in cleaned text.
 */
export function normalizeForMatch(s: string): string {
  return repairSpacing(removeSuperscripts(unwrapMarkdown(unescapeMarkdown(stripJunk(s)))));
}
