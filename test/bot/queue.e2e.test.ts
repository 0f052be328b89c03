import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, slashCommand, user } from "../discord/world.js";
import { type Exchange, type Harness, startHarness } from "./harness.js";

/** The bounded work queue: with every place taken, the next asker is told to wait at once. */

const users = Array.from({ length: 10 }, (_, i) => ({
  user: user(`10000000000000002${String(i).padStart(2, "0")}`, `asker${i}`),
}));
const QUESTION = "What did the CIS working group approve in February 2019?";
/** Each answer takes this long, so the queue fills while the burst arrives. */
const SLOW_MS = 700;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    members: users,
    env: {
      BOT_MAX_IN_FLIGHT: "1",
      BOT_MAX_QUEUED: "2",
      RATE_LIMIT_PER_MINUTE: "600",
      RATE_LIMIT_BURST: "100",
    },
    wrapEngine: (engine) => ({
      ...engine,
      async ask(question, options) {
        await sleep(SLOW_MS);
        return engine.ask(question, options);
      },
    }),
  });
});
afterAll(async () => h?.close());

const isBusy = (r: Exchange) =>
  r.callback?.body.type === 4 &&
  r.callback.body.data.flags === 64 &&
  /^I'm answering a lot of questions right now — please ask again in \d+ s\.$/.test(
    r.callback.body.data.content,
  );
const isAnswered = (r: Exchange) =>
  r.callback?.body.type === 5 && r.messages.at(-1)?.embeds?.[0]?.fields?.length > 0;

describe("a burst larger than the work queue", () => {
  it("answers as many as it holds, tells the rest at once to come back, and loses none", async () => {
    const results = await Promise.all(
      users.map((m) =>
        h.interact(slashCommand("ask", { question: QUESTION }, m, { channelId: CHANNELS.general })),
      ),
    );
    // One computing and two waiting: the others are told right away (within Discord's 3 s).
    expect(results.filter(isAnswered)).toHaveLength(3);
    expect(results.filter(isBusy)).toHaveLength(7);
    for (const r of results) expect(r.callback?.status).toBeLessThan(300);
    expect(h.logs.filter((l) => l.msg === "busy: work queue full")).toHaveLength(7);
    // Once the queue has drained, questions are answered again.
    const later = await h.command("ask", { question: QUESTION }, users[0] ?? { user: user("1", "x") });
    expect(isAnswered(later)).toBe(true);
  });
});
