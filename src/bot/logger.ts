import pino, { type DestinationStream, type Logger } from "pino";

/** Paths pino censors wherever they appear in a log object, so a token that slips into one never prints. */
export const REDACT_PATHS = [
  "token",
  "*.token",
  "discord.token",
  "config.discord.token",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
];

export function createBotLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { name: "footnote-bot", level, redact: { paths: REDACT_PATHS, censor: "[redacted]" } },
    destination,
  );
}
