import type { Answer } from "../types.js";
import type { FeedbackLog } from "./feedback.js";
import type { PreconditionEnv } from "./preconditions/precondition.js";
import { renderAnswer } from "./render/answer.js";
import type { Page } from "./render/page.js";
import { type AnswerState, type Lru, shortId } from "./state.js";
import type { BotDeps, ReindexSummary } from "./types.js";

/** Everything a handler needs, built once by startBot. */
export interface BotContext extends BotDeps, PreconditionEnv {
  topK: number;
  answers: Lru<AnswerState>;
  /** Earlier questions per bot-owned thread, for follow-ups. */
  threads: Lru<string[]>;
  feedback: FeedbackLog;
  /** The running reindex, so a second /reindex waits for it instead of starting another. */
  reindexing?: Promise<ReindexSummary>;
}

/** Remembers the answer for its buttons and renders it. */
export function presentAnswer(ctx: BotContext, answer: Answer, history: readonly string[] = []): Page[] {
  const id = shortId();
  ctx.answers.set(id, {
    question: [...history, answer.question].join("\n"),
    answer,
    nextOffset: Math.max(ctx.topK, answer.citations.length),
  });
  return renderAnswer(answer, id);
}
