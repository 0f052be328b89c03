import { once } from "node:events";
import { type Client, Events } from "discord.js";
import { loadUserIdKey, pseudonymizer } from "../feedback/pseudonym.js";
import { type BackoffSettings, DEFAULT_BACKOFF } from "./backoff.js";
import { createClient, wireClient } from "./client.js";
import type { BotContext } from "./context.js";
import { RateLimiter } from "./rate-limit.js";
import { type AnswerState, Lru } from "./state.js";
import type { BotConfig, BotDeps } from "./types.js";
import { WorkQueue } from "./work-queue.js";

export interface StartOptions {
  /**
   * The bot owns the process (default true; in-process tests turn it off): it stops and exits on
   * SIGINT/SIGTERM and is the only unhandledRejection listener.
   */
  ownsProcess?: boolean;
  /** Runs after stop() when a signal ends the process, e.g. to close the engine. */
  onShutdown?: () => Promise<void>;
  /** How long shutdown waits for answers in flight. */
  drainMs?: number;
  /** Per-answer button state kept at most. */
  answerCapacity?: number;
  /** Waits between REST retries and gateway reconnects. */
  backoff?: BackoffSettings;
}

export interface RunningBot {
  client: Client;
  stop(): Promise<void>;
}

/**
 * Logs in, waits until the guilds have arrived, and answers until stop(). Errors in handlers
 * are reported to the user and logged; an unhandled rejection is logged instead of killing the process.
 */
export async function startBot(
  config: BotConfig,
  deps: BotDeps,
  options: StartOptions = {},
): Promise<RunningBot> {
  const { token } = config.discord;
  if (!token) throw new Error("DISCORD_TOKEN is not set: the bot cannot log in (see docs/discord.md).");
  const { logger } = deps;
  const ctx: BotContext = {
    ...deps,
    config: config.discord,
    topK: config.search.topK,
    limiter: new RateLimiter(config.discord.rateLimit),
    answers: new Lru<AnswerState>(options.answerCapacity ?? 1000),
    threads: new Lru<string[]>(1000),
    pseudonym: pseudonymizer(await loadUserIdKey(config.feedback)),
    buttonLimiter: new RateLimiter(config.discord.buttonRateLimit),
    work: new WorkQueue(config.discord.work),
  };
  const client = createClient(config, {
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    onRestRetry: (info) => logger.warn(info, "Discord REST call failed; retrying after a backoff"),
  });
  const wiring = wireClient(client, ctx);

  const ownsProcess = options.ownsProcess !== false;
  const onRejection = (reason: unknown) =>
    logger.error({ err: reason }, "unhandled rejection (bot keeps running)");
  // Emscripten builds (the USE-lite embedder's) add a listener that rethrows, which would kill
  // the bot on any stray rejection; the bot takes those over while it runs.
  const displaced = ownsProcess ? process.listeners("unhandledRejection") : [];
  for (const listener of displaced) process.off("unhandledRejection", listener);
  process.on("unhandledRejection", onRejection);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info("shutting down: finishing answers in flight");
      client.removeAllListeners(Events.InteractionCreate).removeAllListeners(Events.MessageCreate);
      await wiring.idle(options.drainMs ?? 10_000);
      await ctx.feedback.flush();
      await client.destroy();
      process.off("unhandledRejection", onRejection);
      for (const listener of displaced) process.on("unhandledRejection", listener);
      for (const signal of signals) process.off(signal, onSignal);
      logger.info("stopped");
    })();
    return stopping;
  };
  const signals = ownsProcess ? (["SIGINT", "SIGTERM"] as const) : [];
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "signal received");
    stop()
      .then(() => options.onShutdown?.())
      .then(
        () => process.exit(0),
        (err) => {
          logger.error({ err }, "shutdown failed");
          process.exit(1);
        },
      );
  };
  for (const signal of signals) process.on(signal, onSignal);

  try {
    const ready = once(client, Events.ClientReady);
    await client.login(token);
    await ready;
  } catch (err) {
    await stop();
    throw new Error(
      `Discord refused the login (${(err as Error).message}) — check DISCORD_TOKEN and DISCORD_API_URL (docs/discord.md).`,
    );
  }
  // A close code the gateway will not recover from (token reset, intents withdrawn) leaves the
  // bot connected to nothing: stop and exit non-zero, so a supervisor sees it and restarts or alerts.
  client.on(Events.ShardDisconnect, (event, shard) => {
    logger.fatal({ code: event.code, shard }, "Discord closed the gateway for good; stopping");
    if (!ownsProcess) return;
    stop()
      .then(() => options.onShutdown?.())
      .finally(() => process.exit(1));
  });
  logger.info(
    {
      user: client.user?.tag,
      application: client.application?.id,
      guilds: client.guilds.cache.size,
      api: config.discord.apiUrl,
      allowedChannels: config.discord.allowedChannels.length || "all",
      dms: config.discord.allowDMs,
    },
    "Footnote is ready on Discord",
  );
  return { client, stop };
}
