import pino from "pino";

/** Structured logs to stderr (stdout stays clean for --json output); secrets are redacted. */
export function createLogger(level: string, name = "footnote") {
  return pino(
    {
      name,
      level,
      redact: {
        paths: [
          "token",
          "*.token",
          "config.discord.token",
          "apiKey",
          "*.apiKey",
          "authorization",
          "*.authorization",
        ],
        censor: "[redacted]",
      },
    },
    pino.destination(2),
  );
}

export type Logger = ReturnType<typeof createLogger>;
