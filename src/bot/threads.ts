import { cleanContent, type Message, ThreadAutoArchiveDuration, type ThreadChannel } from "discord.js";
import { stripDiscordMarkup } from "../text/markup.js";
import { answerLive, type BotContext } from "./context.js";
import { fromMessage } from "./invocation.js";
import { allowedChannel } from "./preconditions/allowed-channel.js";
import { dmAllowed } from "./preconditions/dm-allowed.js";
import { runPreconditions } from "./preconditions/precondition.js";
import { rateLimit } from "./preconditions/rate-limit.js";
import { LIMITS } from "./render/limits.js";
import { NOTICES } from "./render/notices.js";
import { truncate } from "./render/split.js";
import { liveChannel, noMentions, type Sendable } from "./reply.js";

const THINKING = "🤔";
/** Discord shows "typing…" for about 10 s; renew it before it lapses. */
const TYPING_RENEW_MS = 8_000;
/** Earlier questions kept per thread as follow-up context. */
const HISTORY = 10;

/**
 * Mentions and threads: "@Footnote question" in a channel is answered in a new thread; any
 * message in a thread the bot started is a follow-up, answered with the thread's earlier
 * questions as history; a DM is answered in place. Everything else is ignored.
 */
export async function onMessage(message: Message, ctx: BotContext, botId: string): Promise<void> {
  if (message.author.bot || message.system) return;
  const channel = message.channel;
  const botThread = channel.isThread() && channel.ownerId === botId ? channel : undefined;
  const inDM = !message.inGuild();
  // users.has ignores @everyone, @here and role mentions: only a direct mention counts.
  if (!botThread && !inDM && !message.mentions.users.has(botId)) return;

  const verdict = runPreconditions([dmAllowed, allowedChannel, rateLimit], fromMessage(message), ctx);
  if (!verdict.ok) {
    ctx.logger.info({ reason: verdict.reason, channel: message.channelId }, "message refused");
    // Outside allowed places the bot stays silent; a rate-limited user is told to wait.
    if (verdict.reason === "rate-limited")
      await message.reply({ content: verdict.message, allowedMentions: noMentions() });
    return;
  }
  // The bot's own mention goes with the rest of the markup.
  const question = stripDiscordMarkup(message.content);
  if (!question) {
    await message.reply({ content: NOTICES.emptyQuestion, allowedMentions: noMentions() });
    return;
  }
  const slot = ctx.work.reserve();
  if (!slot) {
    ctx.logger.warn({ queued: ctx.work.size }, "busy: work queue full");
    await message.reply({ content: NOTICES.busy(ctx.work.retryAfterMs()), allowedMentions: noMentions() });
    return;
  }
  await slot.run(() => {
    if (botThread) return followUp(botThread, question, message.author.id, ctx);
    if (inDM || channel.isThread() || !("threads" in channel)) return answerHere(message, question, ctx);
    return answerInThread(message, question, ctx);
  });
}

async function answerInThread(message: Message, question: string, ctx: BotContext): Promise<void> {
  await message
    .react(THINKING)
    .catch((err) => ctx.logger.warn({ err }, "could not add the thinking reaction"));
  // Opened by the first partial answer, or by the final one when nothing streamed.
  let thread: Promise<Sendable> | undefined;
  const open = () =>
    (thread ??= (async () => {
      const name = truncate(cleanContent(question, message.channel).replace(/\s+/g, " "), LIMITS.threadName);
      const started = await message.startThread({
        name,
        autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
      });
      ctx.threads.set(started.id, [question]);
      return started;
    })());
  try {
    await answerLive(ctx, { question, userId: message.author.id }, liveChannel(open));
  } finally {
    await message.reactions.cache
      .get(THINKING)
      ?.users.remove(message.client.user.id)
      .catch((err) => ctx.logger.warn({ err }, "could not remove the thinking reaction"));
  }
}

async function followUp(
  thread: ThreadChannel,
  question: string,
  userId: string,
  ctx: BotContext,
): Promise<void> {
  // After a restart the memory is empty; the thread's name is its first question.
  const history = ctx.threads.get(thread.id) ?? [thread.name];
  const live = liveChannel(async () => thread);
  await whileTyping(thread, () => answerLive(ctx, { question, history, userId }, live));
  ctx.threads.set(thread.id, [...history, question].slice(-HISTORY));
}

async function answerHere(message: Message, question: string, ctx: BotContext): Promise<void> {
  const channel = message.channel as Sendable;
  const live = liveChannel(async () => channel);
  await whileTyping(channel, () => answerLive(ctx, { question, userId: message.author.id }, live));
}

async function whileTyping<T>(channel: Sendable, work: () => Promise<T>): Promise<T> {
  const typing = () => channel.sendTyping().catch(() => {});
  void typing();
  const timer = setInterval(typing, TYPING_RENEW_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/** A short notice in the channel when answering a message failed (messages cannot be ephemeral). */
export async function messageFailure(message: Message): Promise<void> {
  await message.reply({ content: NOTICES.error, allowedMentions: noMentions() });
}
