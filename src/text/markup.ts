/**
 * Discord markup in a question (a pasted mention, @everyone, a custom emoji) is not part of what is
 * asked: left in, `<@123456789012345678>` reads as an 18-digit figure the books never state and
 * turns a found answer into "not found". Timestamps keep their meaning as a date.
 */
const MENTION = /<(?:@[!&]?|#)\d{17,20}>/g;
const SLASH_COMMAND = /<\/[\w -]{1,100}:\d{17,20}>/g;
const CUSTOM_EMOJI = /<a?:\w{2,32}:\d{17,20}>/g;
const TIMESTAMP = /<t:(-?\d{1,13})(?::[tTdDfFR])?>/g;
const EVERYONE = /(?<![\w.])@(?:everyone|here)\b/g;

export function stripDiscordMarkup(text: string): string {
  return text
    .replace(TIMESTAMP, (_, seconds: string) => new Date(Number(seconds) * 1000).toISOString().slice(0, 10))
    .replace(MENTION, " ")
    .replace(SLASH_COMMAND, " ")
    .replace(CUSTOM_EMOJI, " ")
    .replace(EVERYONE, " ")
    .replace(/\s+/g, " ")
    .trim();
}
