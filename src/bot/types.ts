import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Engine } from "../engine.js";
import type { GapReport } from "../feedback/gaps.js";
import type { FeedbackStore } from "../feedback/store.js";
import type { IngestSummary } from "../types.js";

/**
 * Structural shapes of the dependencies the bot is handed. The bot never imports retrieval,
 * ingest or fact-check code; whoever starts it passes these in.
 */

export interface BotDeps {
  engine: Engine;
  reindex: () => Promise<IngestSummary>;
  /** Votes and coverage gaps (the store's). */
  feedback: FeedbackStore;
  /** The coverage-gap report for /gaps; omitted → /gaps says it is not available. */
  gaps?: () => Promise<GapReport>;
  logger: Logger;
}

/** The parts of the app config the bot reads. */
export type BotConfig = Pick<Config, "discord" | "search" | "feedback">;
