import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "../discord/fake-discord.js";
import { BOT_TOKEN, CHANNELS, slashCommand, user } from "../discord/world.js";

/** The bot as a real process: survives an unhandled rejection, drains and exits cleanly on SIGTERM. */

const alice = { user: user("1000000000000000001", "alice") };
let fake: FakeDiscord;
let child: ChildProcess;
const logs: Record<string, unknown>[] = [];
let exited: Promise<number | null>;

function waitForLog(msg: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${msg}" log within ${timeoutMs} ms`)), timeoutMs);
    const check = setInterval(() => {
      const found = logs.find((l) => l.msg === msg);
      if (!found) return;
      clearTimeout(timer);
      clearInterval(check);
      resolve(found);
    }, 20);
  });
}

beforeAll(async () => {
  fake = await FakeDiscord.start({ members: [alice.user] });
  child = spawn(process.execPath, ["--import", "tsx", "test/bot/run-bot.ts"], {
    cwd: new URL("../..", import.meta.url).pathname,
    env: {
      ...process.env,
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      SLOW_ASK_MS: "700",
      STRAY_REJECTION: "1",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
    try {
      logs.push(JSON.parse(line));
    } catch {
      logs.push({ msg: line });
    }
  });
  await waitForLog("Footnote is ready on Discord");
});
afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await fake?.close();
});

describe("the bot process", () => {
  it("logs an unhandled rejection instead of dying", async () => {
    const log = await waitForLog("unhandled rejection (bot keeps running)");
    expect(log.err).toMatchObject({ message: "stray rejection" });
    expect(child.exitCode).toBeNull();
  });

  it("on SIGTERM finishes the answer in flight, closes the gateway normally and exits 0", async () => {
    const ask = slashCommand(
      "ask",
      { question: "What did the CIS working group approve in February 2019?" },
      alice,
      {
        channelId: CHANNELS.general,
      },
    );
    fake.interact(ask);
    await fake.waitForCall(
      (c) => c.route === "POST /interactions/:id/:token/callback" && c.params.token === ask.token,
    );
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const answer = fake.calls.find(
      (c) => c.route === "PATCH /webhooks/:app/:token/messages/@original" && c.params.token === ask.token,
    );
    expect(answer?.body.embeds[0].fields.length).toBeGreaterThan(0);
    expect(fake.closeCodes).toContain(1000);
    const order = ["signal received", "shutting down: finishing answers in flight", "stopped"];
    expect(logs.filter((l) => order.includes(l.msg as string)).map((l) => l.msg)).toEqual(order);
    expect(JSON.stringify(logs)).not.toContain(BOT_TOKEN);
  });
});
