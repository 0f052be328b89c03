import type { AskOptions } from "../engine.js";
import type { Answer } from "../types.js";
import type { PreconditionEnv } from "./preconditions/precondition.js";
import { renderAnswer, renderPartialAnswer } from "./render/answer.js";
import type { Page } from "./render/page.js";
import type { LiveReply } from "./reply.js";
import { type AnswerState, type Lru, shortId } from "./state.js";
import { createStreamPacer } from "./stream-pacer.js";
import type { BotDeps, FeedbackSink, ReindexSummary } from "./types.js";

/** Everything a handler needs, built once by startBot. */
export interface BotContext extends BotDeps, PreconditionEnv {
  topK: number;
  answers: Lru<AnswerState>;
  /** Earlier questions per bot-owned thread, for follow-ups. */
  threads: Lru<string[]>;
  feedback: FeedbackSink;
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

/**
 * Asks the engine and shows the answer on `live`. While a generated answer streams, its text so
 * far replaces the previous one at a paced rate; then the rendered pages replace it — the
 * extractive answer and its note too, when generation fell back. No partial edit follows the final one.
 */
export async function answerLive(
  ctx: BotContext,
  question: string,
  options: AskOptions,
  live: LiveReply,
): Promise<void> {
  const pacer = createStreamPacer((text: string) => live.show(renderPartialAnswer(text)), {
    onError: (err) => ctx.logger.warn({ err }, "could not show the partial answer"),
  });
  let answer: Answer;
  try {
    answer = await ctx.engine.ask(question, { ...options, onToken: (text) => pacer.push(text) });
  } finally {
    await pacer.close();
  }
  await live.finish(presentAnswer(ctx, answer, options.history));
}
