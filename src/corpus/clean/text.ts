import { SENTINELS } from "./sentinels.js";

/**
 * Inline repairs that need no context beyond the string itself. The cleaner applies them to whole
 * paragraphs and `normalizeForMatch` to short quotes, so both sides of a comparison change the same way.
 */

/** U+FFFD, control characters, zero-width and BOM characters left by the PDF converters. */
export function stripJunk(s: string): string {
  return s.replace(/(?![\n\r\t])[\p{Cc}\uFFFD\u200B-\u200D\u2060\uFEFF]/gu, "");
}

/** Markdown escapes (`\$`) and stray backslashes glued to a word (`\Belarus`). */
export function unescapeMarkdown(s: string): string {
  return s.replace(/\\(?=[\\`*_{}[\]()#+\-.!$<>A-Za-z])/g, "");
}

/** `**bold**`, `[label](url)` and `<url>` reduced to their visible text (bounded: linear on any input). */
export function unwrapMarkdown(s: string): string {
  return s
    .replace(/\*\*(.{0,1000}?)\*\*/gs, "$1")
    .replace(/\*\*/g, "")
    .replace(/\[([^[\]]{0,500})\]\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}\)/g, "$1")
    .replace(/<((?:https?|ftp):\/\/[^>\s]*)>/g, "$1");
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

export function superscriptValue(run: string): number {
  return Number([...run].map((c) => SUPERSCRIPT_DIGITS.indexOf(c)).join(""));
}

export function removeSuperscripts(s: string): string {
  return s.replace(SUPERSCRIPT_RUN, "");
}

const S = SENTINELS;

/**
 * Spacing defects of the conversions: runs of whitespace, a space before punctuation (`transport" .`),
 * sentence or list punctuation glued to the next word (`countries.In`, `circles,building`) and a number
 * glued to a capitalised word (`35Russian`). Sees through sentinels.
 */
export function repairSpacing(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .replace(new RegExp(` (${S}[.,;:!?](?:${S})(?=\\s|$|["”»)]))`, "g"), "$1")
    .replace(new RegExp(`(\\p{Ll}{2}["”»]?[.!?;,]${S})(\\p{Lu}\\p{Ll})`, "gu"), "$1 $2")
    .replace(new RegExp(`(\\p{Ll}{2},${S})(\\p{Ll}{2})`, "gu"), "$1 $2")
    .replace(/(?<![\d.,])(\d+)(?=\p{Lu}\p{Ll}{2})/gu, "$1 ")
    .replace(new RegExp(` (${S}) `, "g"), "$1 ")
    .replace(new RegExp(`(?<![.])\\.(${S})\\.(?![.])`, "g"), ".$1")
    .trim();
}
