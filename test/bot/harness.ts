import { EventEmitter } from "node:events";
import { join } from "node:path";
import type { BackoffSettings } from "../../src/bot/backoff.js";
import { createBotLogger } from "../../src/bot/logger.js";
import { type RunningBot, startBot } from "../../src/bot/start.js";
import { type Config, loadConfig } from "../../src/config.js";
import type { Engine } from "../../src/engine.js";
import { gapReport } from "../../src/feedback/report.js";
import { openStore } from "../../src/index/open-store.js";
import { FakeDiscord, type Json, type RecordedCall } from "../discord/fake-discord.js";
import {
  BOT_TOKEN,
  CHANNELS,
  type Member,
  type SlashOption,
  slashCommand,
  type Where,
} from "../discord/world.js";
import { waitFor } from "../helpers/wait-for.js";
import { type FixtureEngine, openFixtureEngine } from "./engine-fixture.js";

/**
 * Starts the loopback Discord, the real engine over the fixture corpus and the real bot
 * (startBot → discord.js Client) against it, and offers helpers to act as Discord users.
 */

export interface HarnessOptions {
  env?: Record<string, string>;
  /** Settings of the engine only (e.g. LLM_BASE_URL). */
  engineEnv?: Record<string, string>;
  /** Wraps the engine, e.g. to count calls or inject a failure. */
  wrapEngine?: (engine: Engine) => Engine;
  members?: Member[];
  backoff?: BackoffSettings;
}

export interface Harness {
  fake: FakeDiscord;
  bot: RunningBot;
  fixture: FixtureEngine;
  /** The bot's config (Discord settings from `env`, files under the fixture's folder). */
  config: Config;
  /** Every log line the bot wrote, parsed. */
  logs: Json[];
  rawLogs: string[];
  feedbackLog: string;
  /** Sends a slash command; resolves once the bot is done with it (answered, refused or failed). */
  command(
    name: string,
    options: Record<string, SlashOption>,
    member: Member,
    where?: Where,
  ): Promise<Exchange>;
  /** Dispatches any INTERACTION_CREATE and waits until the bot is done with it. */
  interact(payload: { id: string; token: string; channel_id?: string }): Promise<Exchange>;
  /** Dispatches MESSAGE_CREATE and waits until the bot is done with it. */
  message(payload: { id: string; channel_id: string }): Promise<RecordedCall[]>;
  waitForLog(match: (line: Json) => boolean, timeoutMs?: number): Promise<Json>;
  close(): Promise<void>;
}

/** What Discord received for one interaction. */
export interface Exchange {
  token: string;
  calls: RecordedCall[];
  /** The interaction callback (defer or immediate reply). */
  callback?: RecordedCall;
  /** Messages shown: the edited original first, then follow-ups. */
  messages: Json[];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fixture = await openFixtureEngine(options.engineEnv);
  const fake = await FakeDiscord.start({ members: options.members?.map((m) => m.user) });
  const rawLogs: string[] = [];
  const logs: Json[] = [];
  const logEvents = new EventEmitter().setMaxListeners(500);
  const logger = createBotLogger("debug", {
    write(line: string) {
      rawLogs.push(line);
      const parsed = JSON.parse(line);
      logs.push(parsed);
      logEvents.emit("line", parsed);
    },
  });
  const feedbackLog = join(fixture.dir, "feedback.jsonl");
  const config = loadConfig(
    {
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      FEEDBACK_LOG: feedbackLog,
      INDEX_DIR: "index",
      ...options.env,
    },
    fixture.dir,
  );
  const engine = options.wrapEngine ? options.wrapEngine(fixture.engine) : fixture.engine;
  const feedback = (await openStore(config)).feedback();
  const bot = await startBot(
    config,
    {
      engine,
      reindex: fixture.reindex,
      feedback,
      gaps: () => gapReport(feedback, fixture.engine.reader()),
      logger,
    },
    { ownsProcess: false, backoff: options.backoff },
  );

  const waitForLog = (match: (line: Json) => boolean, timeoutMs = 15_000) =>
    waitFor(logs, logEvents, "line", match, timeoutMs, "log line");

  const exchange = (token: string): Exchange => {
    const calls = fake.calls.filter((c) => c.params.token === token);
    const callback = calls.find(
      (c) => c.route === "POST /interactions/:id/:token/callback" && c.status < 300,
    );
    const ok = calls.filter((c) => c.status < 300);
    const original = ok.filter((c) => c.route === "PATCH /webhooks/:app/:token/messages/@original").at(-1);
    const followUps = ok.filter((c) => c.route === "POST /webhooks/:app/:token");
    const immediate = callback?.body?.type === 4 ? [callback.body.data] : [];
    return {
      token,
      calls,
      callback,
      messages: [...immediate, ...(original ? [original.body] : []), ...followUps.map((c) => c.body)],
    };
  };

  const interact: Harness["interact"] = async (payload) => {
    const done = waitForLog((l) => l.msg === "interaction done" && l.interaction === payload.id);
    fake.interact(payload);
    await done;
    return exchange(payload.token);
  };

  return {
    fake,
    bot,
    fixture,
    config,
    logs,
    rawLogs,
    feedbackLog,
    interact,
    command: (name, opts, member, where = { channelId: CHANNELS.general }) =>
      interact(slashCommand(name, opts, member, where)),
    async message(payload) {
      const before = fake.calls.length;
      const done = waitForLog((l) => l.msg === "message done" && l.message === payload.id);
      fake.dispatch("MESSAGE_CREATE", payload);
      await done;
      return fake.calls.slice(before);
    },
    waitForLog,
    async close() {
      await bot.stop();
      await fake.close();
      await fixture.close();
    },
  };
}

/** Calls that carry message content (as opposed to defers, typing, reactions). */
export function messageCalls(calls: RecordedCall[]): RecordedCall[] {
  const body = (c: RecordedCall) =>
    c.route === "POST /interactions/:id/:token/callback" ? c.body?.data : c.body;
  return calls.filter((c) => {
    const b = body(c);
    return b && (b.content !== undefined || b.embeds !== undefined);
  });
}
