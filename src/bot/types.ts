import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Engine } from "../engine.js";
import type { FeedbackEntry } from "./feedback.js";

/**
 * Structural shapes of the dependencies the bot is handed. The bot never imports retrieval,
 * ingest or fact-check code; whoever starts it passes these in.
 */

/** What a reindex reports. Only counts and lists of names are rendered; other fields are ignored. */
export type ReindexSummary = Record<string, unknown>;

export interface BotDeps {
  engine: Engine;
  /** Where votes go (the store's); a FEEDBACK_LOG file when not given. */
  feedback?: FeedbackSink;
  reindex: () => Promise<ReindexSummary>;
  logger: Logger;
}

export interface FeedbackSink {
  record(entry: FeedbackEntry): Promise<void>;
  flush(): Promise<void>;
}

/** The parts of the app config the bot reads. */
export type BotConfig = Pick<Config, "discord" | "search">;
