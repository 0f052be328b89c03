import {
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  Partials,
  RESTEvents,
} from "discord.js";
import type { BackoffSettings } from "./backoff.js";
import { onButton } from "./buttons.js";
import { commands } from "./commands/index.js";
import type { BotContext } from "./context.js";
import { backoffShardingStrategy } from "./gateway.js";
import { fromInteraction } from "./invocation.js";
import { allowedChannel } from "./preconditions/allowed-channel.js";
import { dmAllowed } from "./preconditions/dm-allowed.js";
import { runPreconditions } from "./preconditions/precondition.js";
import { NOTICES } from "./render/notices.js";
import { notice } from "./render/page.js";
import { noMentions, replyEphemeral, replyFailure } from "./reply.js";
import { retryingRequest } from "./rest-retry.js";
import { messageFailure, onMessage } from "./threads.js";
import type { BotConfig } from "./types.js";

export interface ClientOptions {
  backoff: BackoffSettings;
  /** Told about each REST retry (for a log line). */
  onRestRetry: Parameters<typeof retryingRequest>[1];
}

/**
 * The discord.js client: REST base URL from config, no pings by default, the intents the bot
 * needs, and our backoff for REST 5xx and gateway reconnects (discord.js's own REST retries are
 * off so a failure is not retried twice over).
 */
export function createClient(config: BotConfig, options: ClientOptions): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
      GatewayIntentBits.DirectMessages,
    ],
    // DM channels are not cached before their first message; without this, DMs are dropped.
    partials: [Partials.Channel],
    rest: {
      api: config.discord.apiUrl,
      retries: 0,
      makeRequest: retryingRequest(options.backoff, options.onRestRetry),
    },
    ws: { buildStrategy: (manager) => backoffShardingStrategy(manager, options.backoff) },
    allowedMentions: noMentions(),
  });
}

async function onInteraction(i: Interaction, ctx: BotContext): Promise<void> {
  if (i.isButton()) return onButton(i, ctx);
  if (!i.isChatInputCommand()) {
    // Context menus, select menus, modals: nothing the bot offers; autocomplete cannot be answered so.
    if (i.isRepliable()) await replyEphemeral(i, notice(NOTICES.unsupported));
    return;
  }
  const command = commands.get(i.commandName);
  if (!command) {
    ctx.logger.warn({ command: i.commandName }, "unknown command (re-run register-commands?)");
    return replyEphemeral(i, notice(NOTICES.unknownCommand(i.commandName)));
  }
  const verdict = runPreconditions(
    [dmAllowed, allowedChannel, ...command.preconditions],
    fromInteraction(i),
    ctx,
  );
  if (!verdict.ok) {
    ctx.logger.info(
      { command: command.name, reason: verdict.reason, user: ctx.pseudonym(i.user.id) },
      "command refused",
    );
    return replyEphemeral(i, notice(verdict.message));
  }
  // A place in the work queue first: when none is left, say so now rather than defer in vain.
  const slot = command.queued ? ctx.work.reserve() : undefined;
  if (command.queued && !slot) {
    ctx.logger.warn({ command: command.name, queued: ctx.work.size }, "busy: work queue full");
    return replyEphemeral(i, notice(NOTICES.busy(ctx.work.retryAfterMs())));
  }
  // Discord drops an interaction not acknowledged within 3 s; defer before any slow work.
  try {
    await i.deferReply(command.ephemeral(i) ? { flags: MessageFlags.Ephemeral } : {});
  } catch (err) {
    slot?.release();
    throw err;
  }
  const started = Date.now();
  await (slot ? slot.run(() => command.run(i, ctx)) : command.run(i, ctx));
  ctx.logger.info(
    { command: command.name, user: ctx.pseudonym(i.user.id), ms: Date.now() - started },
    "command answered",
  );
}

/** Runs the handler; a failure is logged and reported to the user, never thrown. */
async function handleInteraction(i: Interaction, ctx: BotContext): Promise<void> {
  const started = Date.now();
  try {
    await onInteraction(i, ctx);
  } catch (err) {
    ctx.logger.error({ err, interaction: i.id, type: i.type }, "interaction failed");
    if (i.isRepliable())
      await replyFailure(i).catch((e) => ctx.logger.warn({ err: e }, "could not report the failure"));
  }
  ctx.logger.debug({ interaction: i.id, ms: Date.now() - started }, "interaction done");
}

async function handleMessage(m: Message, ctx: BotContext, botId: string): Promise<void> {
  try {
    await onMessage(m, ctx, botId);
  } catch (err) {
    ctx.logger.error({ err, message: m.id, channel: m.channelId }, "message failed");
    await messageFailure(m).catch((e) => ctx.logger.warn({ err: e }, "could not report the failure"));
  }
  ctx.logger.debug({ message: m.id }, "message done");
}

/**
 * Wires events to handlers. Every handler runs through `track`, which catches and reports its
 * errors (so one failure never takes the bot down) and lets shutdown wait for work in flight.
 */
export function wireClient(client: Client, ctx: BotContext): { idle(timeoutMs: number): Promise<void> } {
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  client.on(Events.InteractionCreate, (i) => track(handleInteraction(i, ctx)));
  client.on(Events.MessageCreate, (m) => {
    if (client.user) track(handleMessage(m, ctx, client.user.id));
  });
  client.on(Events.Error, (err) => ctx.logger.error({ err }, "discord client error"));
  client.on(Events.ShardError, (err, shard) => ctx.logger.error({ err, shard }, "gateway error"));
  client.on(Events.ShardReconnecting, (shard) => ctx.logger.warn({ shard }, "gateway reconnecting"));
  client.on(Events.Warn, (message) => ctx.logger.warn({ message }, "discord warning"));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    ctx.logger.warn(
      { route: info.route, method: info.method, retryAfter: info.retryAfter, global: info.global },
      "Discord rate limit hit; discord.js retries after the wait",
    ),
  );

  return {
    async idle(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
