import type { Pseudonymize } from "../feedback/pseudonym.js";
import type { GapReason } from "../feedback/store.js";
import type { Answer, AskOptions, IngestSummary } from "../types.js";
import type { PreconditionEnv } from "./preconditions/precondition.js";
import { FIRST_SOURCES, renderAnswer, renderPartialAnswer } from "./render/answer.js";
import type { Page } from "./render/page.js";
import type { LiveReply } from "./reply.js";
import { type AnswerState, type Lru, shortId } from "./state.js";
import { createStreamPacer } from "./stream-pacer.js";
import type { BotDeps } from "./types.js";
import type { WorkQueue } from "./work-queue.js";

/** Everything a handler needs, built once by startBot. */
export interface BotContext extends BotDeps, PreconditionEnv {
  topK: number;
  answers: Lru<AnswerState>;
  /** Earlier questions per bot-owned thread, for follow-ups. */
  threads: Lru<string[]>;
  /** User ids as they may be stored or logged (keyed hash). */
  pseudonym: Pseudonymize;
  /** Bounds the answers computed or waiting at once. */
  work: WorkQueue;

  /** The running reindex, so a second /reindex waits for it instead of starting another. */
  reindexing?: Promise<IngestSummary>;
}

/** Who asked what, as the bot hands it to the engine. */
export interface AskRequest extends Pick<AskOptions, "history"> {
  question: string;
  /** The asker's Discord user id (only its pseudonym is stored). */
  userId: string;
}

/**
 * Remembers the answer for its buttons and renders it. An answer the books could not (fully)
 * give is recorded as a coverage gap, without holding up the reply.
 */
export function presentAnswer(ctx: BotContext, answer: Answer, request: AskRequest): Page[] {
  const id = shortId();
  const history = request.history ?? [];
  ctx.answers.set(id, {
    question: [...history, answer.question].join("\n"),
    answer,
    nextOffset: Math.max(ctx.topK, answer.citations.length),
    unshown: answer.citations.slice(FIRST_SOURCES),
  });
  const reason: GapReason | undefined = !answer.found ? "not_found" : answer.partial ? "partial" : undefined;
  if (reason) void recordGap(ctx, id, answer, reason, request.userId);
  return renderAnswer(answer, id);
}

/** Writes a gap record; a failure is logged, never shown (the answer itself went out). */
export async function recordGap(
  ctx: BotContext,
  answerId: string,
  answer: Answer,
  reason: GapReason,
  userId: string,
): Promise<void> {
  await ctx.feedback
    .recordGap({
      answerId,
      user: ctx.pseudonym(userId),
      reason,
      question: answer.question,
      passages: answer.citations.slice(0, 3).map(({ chunkId, title, section, page, quote }) => ({
        chunkId,
        title,
        section,
        page,
        quote,
      })),
    })
    .catch((err) => ctx.logger.error({ err }, "could not record a coverage gap"));
}

/**
 * Asks the engine and shows the answer on `live`. While a generated answer streams, its text so
 * far replaces the previous one at a paced rate; then the rendered pages replace it — the
 * extractive answer and its note too, when generation fell back. No partial edit follows the final one.
 */
export async function answerLive(ctx: BotContext, request: AskRequest, live: LiveReply): Promise<void> {
  const pacer = createStreamPacer((text: string) => live.show(renderPartialAnswer(text)), {
    onError: (err) => ctx.logger.warn({ err }, "could not show the partial answer"),
  });
  let answer: Answer;
  try {
    answer = await ctx.engine.ask(request.question, {
      history: request.history,
      topK: ctx.topK,
      onToken: (text) => pacer.push(text),
    });
  } finally {
    await pacer.close();
  }
  await live.finish(presentAnswer(ctx, answer, request));
}
