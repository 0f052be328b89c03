import pino, { type DestinationStream, type Logger } from "pino";

/**
 * What never reaches a log line: the bot token, interaction and webhook tokens (a webhook URL
 * lets anyone post as the bot for 15 minutes), and request bodies (questions and answers).
 * Structured fields are censored by path; every finished line is also scrubbed, so a token that
 * slips into a message or an unexpected field does not print either.
 */
export const REDACT_PATHS = [
  "token",
  "*.token",
  "discord.token",
  "config.discord.token",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "requestBody",
  "*.requestBody",
  "err.requestBody",
  "err.rawError",
  "body",
  "*.body",
];

const CENSOR = "[redacted]";
/** The token part of interaction callback and webhook URLs (paths and full URLs alike). */
const URL_TOKEN = /(\/(?:webhooks|interactions)\/\d{17,20}\/)[^/?"\s\\]+/g;
/** A bot token: base64 id . timestamp . hmac. */
const BOT_TOKEN = /[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}/g;

export function scrubLine(line: string): string {
  return line.replace(URL_TOKEN, `$1${CENSOR}`).replace(BOT_TOKEN, CENSOR);
}

export function createBotLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      name: "footnote-bot",
      level,
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      hooks: { streamWrite: scrubLine },
    },
    destination,
  );
}
