import { type ButtonInteraction, MessageFlags } from "discord.js";
import { type BotContext, recordGap } from "./context.js";
import { fromInteraction } from "./invocation.js";
import { dmAllowed } from "./preconditions/dm-allowed.js";
import { runPreconditions } from "./preconditions/precondition.js";
import { buttonRateLimit } from "./preconditions/rate-limit.js";
import { parseButtonId } from "./render/components.js";
import { NOTICES } from "./render/notices.js";
import { notice } from "./render/page.js";
import { renderPassage } from "./render/passage.js";
import { renderMoreCitations, renderMoreSources } from "./render/sources.js";
import { replyEphemeral, sendPages } from "./reply.js";

/** Buttons under an answer. Every response is ephemeral: it concerns the one who clicked. */
export async function onButton(i: ButtonInteraction, ctx: BotContext): Promise<void> {
  const parsed = parseButtonId(i.customId);
  if (!parsed) {
    ctx.logger.warn({ customId: i.customId.slice(0, 100) }, "unknown button");
    await replyEphemeral(i, notice(NOTICES.unknownButton));
    return;
  }
  // Every press counts against the limit, votes included, before anything is recorded.
  const verdict = runPreconditions([dmAllowed, buttonRateLimit], fromInteraction(i), ctx);
  if (!verdict.ok) {
    await replyEphemeral(i, notice(verdict.message));
    return;
  }
  const state = ctx.answers.get(parsed.stateId);
  if (!state) {
    await replyEphemeral(i, notice(NOTICES.expired));
    return;
  }
  const { action } = parsed;
  if (action === "up" || action === "down") {
    const outcome = await ctx.feedback.recordVote({
      answerId: parsed.stateId,
      user: ctx.pseudonym(i.user.id),
      vote: action,
      question: state.answer.question,
      answer: state.answer.answer,
      chunkIds: state.answer.citations.map((c) => c.chunkId),
    });
    if (action === "down" && outcome !== "unchanged")
      await recordGap(ctx, parsed.stateId, state.answer, "down", i.user.id);
    await replyEphemeral(i, notice(NOTICES.vote[outcome]));
    return;
  }
  // "More sources" searches, so it waits its turn in the work queue like a question.
  const slot = action === "more" ? ctx.work.reserve() : undefined;
  if (action === "more" && !slot) {
    await replyEphemeral(i, notice(NOTICES.busy(ctx.work.retryAfterMs())));
    return;
  }
  try {
    await i.deferReply({ flags: MessageFlags.Ephemeral });
  } catch (err) {
    slot?.release();
    throw err;
  }
  if (slot) {
    await slot.run(async () => {
      if (state.unshown.length > 0) {
        const citations = state.unshown;
        state.unshown = [];
        return sendPages(i, renderMoreCitations(state.answer.question, citations));
      }
      const offset = state.nextOffset;
      const result = await ctx.engine.search(state.question, { offset, topK: ctx.topK });
      state.nextOffset = offset + Math.max(result.hits.length, 1);
      await sendPages(i, renderMoreSources(state.answer.question, result, offset));
    });
  } else {
    const first = state.answer.citations[0];
    const passage = first && (await ctx.engine.passage(first.chunkId));
    await sendPages(
      i,
      passage ? renderPassage(passage) : [notice(NOTICES.notFoundPassage(first?.chunkId ?? ""))],
    );
  }
}
