import { setTimeout as sleep } from "node:timers/promises";
import { createBotLogger } from "../../src/bot/logger.js";
import { startBot } from "../../src/bot/start.js";
import { loadConfig } from "../../src/config.js";
import { openStore } from "../../src/index/open-store.js";
import { openFixtureEngine } from "./engine-fixture.js";

/**
 * The bot as its own process, for the shutdown test: the fixture engine, logs as JSON on
 * stdout, SIGINT/SIGTERM handled by startBot. Test knobs: SLOW_ASK_MS delays every answer;
 * STRAY_REJECTION=1 leaves a rejected promise unhandled once the bot is ready.
 */
const fixture = await openFixtureEngine();
const config = loadConfig(process.env, fixture.dir);
const logger = createBotLogger("debug");
const slow = Number(process.env.SLOW_ASK_MS ?? 0);
const engine = {
  ...fixture.engine,
  async ask(...args: Parameters<typeof fixture.engine.ask>) {
    await sleep(slow);
    return fixture.engine.ask(...args);
  },
};
await startBot(
  config,
  { engine, reindex: fixture.reindex, feedback: (await openStore(config)).feedback(), logger },
  { onShutdown: () => fixture.close() },
);
if (process.env.STRAY_REJECTION === "1") void Promise.reject(new Error("stray rejection"));
