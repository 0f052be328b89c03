import type { Config } from "../config.js";
import { JsonlFeedbackStore } from "./jsonl.js";
import type { FeedbackStore } from "./store.js";

/** The configured feedback store: the JSONL log (FEEDBACK_LOG, rotated at FEEDBACK_LOG_MAX_MB). */
export function openFeedbackStore(config: Pick<Config, "feedback">): FeedbackStore {
  return new JsonlFeedbackStore(config.feedback.log, { maxBytes: config.feedback.maxBytes });
}
