import { escapeMarkdown } from "discord.js";

/**
 * Text shown as itself in Discord, whatever it contains: bold, italics, code, spoilers, masked
 * links, headings, lists, block quotes and subtext are escaped. Bare URLs stay (Discord links
 * them); the answer layer has already removed those the passages do not hold.
 */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(/^([ \t]*)>/gm, "$1\\>")
    .replace(/^([ \t]*)-#/gm, "$1\\-#");
}
