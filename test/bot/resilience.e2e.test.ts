import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BACKOFF } from "../../src/bot/backoff.js";
import { LIMITS } from "../../src/bot/render/limits.js";
import { CHANNELS, slashCommand, user } from "../discord/world.js";
import { type Exchange, type Harness, messageCalls, startHarness } from "./harness.js";

/** REST failures and 429s, engine errors, long answers and a burst of 50 asks, end to end. */

const users = Array.from({ length: 20 }, (_, i) => ({
  user: user(`10000000000000001${String(i).padStart(2, "0")}`, `user${i}`),
}));
const [alice, bob] = users as [(typeof users)[0], (typeof users)[0]];
const QUESTION = "What did the CIS working group approve in February 2019?";
const LONG = "long answer please";
const FAIL = "please fail";
const ORIGINAL = "PATCH /webhooks/:app/:token/messages/@original";
const BURST = 3;

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    members: users,
    env: { RATE_LIMIT_PER_MINUTE: "6", RATE_LIMIT_BURST: String(BURST) },
    // The real engine, except for two questions that stand for a very long answer and a crash.
    wrapEngine: (engine) => ({
      ...engine,
      async ask(question, options) {
        if (question === FAIL) throw new Error("index file vanished");
        const answer = await engine.ask(question === LONG ? QUESTION : question, options);
        if (question !== LONG) return answer;
        const sentence = `${answer.citations[0]?.quote ?? ""} [1] Long answers go on, citing again [1, 2].`;
        // Paragraph breaks now and then, as a generated answer would have.
        const text = Array.from({ length: 60 }, (_, i) => `${sentence}${i % 7 === 6 ? "\n\n" : " "}`).join(
          "",
        );
        return { ...answer, question, answer: text };
      },
    }),
  });
});
afterAll(async () => h?.close());

const embedsOf = (ex: Exchange) => ex.messages.flatMap((m) => m.embeds ?? []);
const okCalls = (ex: Exchange, route: string) => ex.calls.filter((c) => c.route === route);

describe("Discord REST trouble", () => {
  it("retries a 500 after a growing, jittered wait and still delivers the answer", async () => {
    h.fake.failNext(ORIGINAL, 3, { status: 500 });
    const ex = await h.command("ask", { question: QUESTION }, alice);
    const calls = okCalls(ex, ORIGINAL);
    expect(calls.map((c) => c.status)).toEqual([500, 500, 500, 200]);
    expect(embedsOf(ex)[0].fields.length).toBeGreaterThan(0);
    // Waits of at least half of 500, 1000 and 2000 ms (equal jitter), so never back to back.
    const waits = calls.slice(1).map((c, i) => c.at - (calls[i]?.at ?? 0));
    const { baseMs } = DEFAULT_BACKOFF;
    waits.forEach((w, i) => {
      expect(w, `wait ${i + 1} of ${waits.join(", ")} ms`).toBeGreaterThanOrEqual((baseMs * 2 ** i) / 2 - 20);
    });
    expect(
      h.logs.filter((l) => l.msg.startsWith("Discord REST call failed; retrying")).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("waits out a 429 with retry-after, then delivers", async () => {
    h.fake.failNext(ORIGINAL, 1, { status: 429, retryAfter: 1 });
    const ex = await h.command("ask", { question: QUESTION }, bob);
    const [limited, delivered] = okCalls(ex, ORIGINAL);
    expect([limited?.status, delivered?.status]).toEqual([429, 200]);
    expect((delivered?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(h.logs.some((l) => l.msg.startsWith("Discord rate limit hit") && l.retryAfter >= 1000)).toBe(true);
  });

  it("gives up after the retries, logs it without the interaction token or the answer, and keeps answering", async () => {
    h.fake.failNext(ORIGINAL, 4, { status: 500 });
    const ex = await h.command("ask", { question: QUESTION }, users[2] ?? alice);
    expect(okCalls(ex, ORIGINAL).map((c) => c.status)).toEqual([500, 500, 500, 500]);
    const failed = h.logs.find((l) => l.msg === "interaction failed" && l.interaction);
    expect(failed?.err).toMatchObject({ status: 500, method: "PATCH" });
    const logs = h.rawLogs.join("");
    expect(logs).not.toContain(ex.token);
    expect(logs).not.toContain("approved the content of the first four sections");
    expect(logs).not.toContain(users[2]?.user.id);
    const after = await h.command("about", {}, users[2] ?? alice);
    expect(embedsOf(after)[0].title).toBe("About Footnote");
  });
});

describe("failures inside the bot", () => {
  it("turns an engine error into a short ephemeral message and a log line", async () => {
    const ex = await h.command("ask", { question: FAIL }, users[3] ?? alice);
    // The public "thinking…" is removed and the apology is only for the asker.
    expect(ex.calls.map((c) => c.route)).toEqual([
      "POST /interactions/:id/:token/callback",
      "DELETE /webhooks/:app/:token/messages/@original",
      "POST /webhooks/:app/:token",
    ]);
    expect(ex.calls[2]?.body).toMatchObject({
      flags: 64,
      content: expect.stringMatching(/^Sorry, something went wrong/),
    });
    const log = h.logs.find(
      (l) => l.msg === "interaction failed" && l.err?.message === "index file vanished",
    );
    expect(log).toBeDefined();
  });
});

describe("long answers", () => {
  it("are cut to one message of text (two with the sources) within every limit, citations intact", async () => {
    const ex = await h.command("ask", { question: LONG, private: true }, users[4] ?? alice);
    expect(ex.messages.length).toBeGreaterThanOrEqual(1);
    expect(ex.messages.length).toBeLessThanOrEqual(2);
    // Follow-ups keep the answer private, like the deferred original.
    for (const c of okCalls(ex, "POST /webhooks/:app/:token")) expect(c.body.flags).toBe(64);
    for (const m of ex.messages) {
      expect(m.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
      for (const e of m.embeds) {
        expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
        const total = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
        const fields = (e.fields ?? []).reduce(
          (s: number, f: { name: string; value: string }) => s + f.name.length + f.value.length,
          0,
        );
        expect(total + fields).toBeLessThanOrEqual(LIMITS.embedTotal);
        expect(e.fields?.length ?? 0).toBeLessThanOrEqual(3);
        // No marker is cut.
        expect(e.description ?? "").not.toMatch(/\[[\d, ]*…?$|^[\d, ]*\]/);
      }
    }
    const [first] = embedsOf(ex);
    expect(first.description).toMatch(/…$/);
    expect((first.description.match(/\[1, 2\]/g) ?? []).length).toBeGreaterThan(10);
    expect(ex.messages.at(-1).components[0].components).toHaveLength(4);
    for (const c of messageCalls(ex.calls)) expect(c.body.allowed_mentions.parse).toEqual([]);
  });
});

describe("/factcheck on the fixture books", () => {
  it("never supports a claim with its date changed, and names what the books give", async () => {
    const ex = await h.command(
      "factcheck",
      {
        claim:
          "The CIS working group approved the first four sections of the draft Strategy in February 2018",
      },
      users[5] ?? alice,
    );
    const [embed] = embedsOf(ex);
    expect(embed.title).not.toBe("✅ Supported");
    expect(embed.description).toContain("February 2018");
  });
});

describe("a burst of 50 /ask from 20 users within one second", () => {
  it("answers or politely rate-limits every one, loses none, and stays healthy", async () => {
    const askers = Array.from({ length: 50 }, (_, i) => users[(i * 7) % 20] ?? alice);
    const payloads = askers.map((m) =>
      slashCommand("ask", { question: QUESTION }, m, { channelId: CHANNELS.general }),
    );
    const started = Date.now();
    const results = await Promise.all(payloads.map((p) => h.interact(p)));
    expect(Date.now() - started).toBeLessThan(20_000);

    const answered = results.filter((r) => r.callback?.body.type === 5 && embedsOf(r)[0]?.fields?.length > 0);
    const limited = results.filter(
      (r) =>
        r.callback?.body.type === 4 &&
        r.callback.body.data.flags === 64 &&
        /^You're asking faster/.test(r.callback.body.data.content),
    );
    expect(answered.length + limited.length).toBe(50);
    // Per user: never more than the bucket holds; users who had not asked before get all of
    // theirs (up to the burst) answered — the limiter refuses only what exceeds the bucket.
    const count = (list: Exchange[], id: string) =>
      results.filter((r, i) => list.includes(r) && askers[i]?.user.id === id).length;
    for (const [i, m] of users.entries()) {
      const asks = askers.filter((a) => a === m).length;
      expect(count(answered, m.user.id)).toBeLessThanOrEqual(BURST);
      if (i >= 6) expect(count(answered, m.user.id), m.user.username).toBe(Math.min(asks, BURST));
    }
    expect(limited.length).toBeGreaterThan(0);

    const about = await h.command("about", {}, users[19] ?? alice);
    expect(embedsOf(about)[0].title).toBe("About Footnote");
    expect(h.bot.client.isReady()).toBe(true);
  });
});

describe("gateway drops", () => {
  it("reconnects at once after a drop, then waits longer after each refused attempt, and resumes", async () => {
    const g = await startHarness({ backoff: { baseMs: 200, maxMs: 5_000, restRetries: 3 } });
    try {
      const before = g.fake.gatewayConnections.length;
      g.fake.refuseNextConnections(4);
      const resumed = new Promise<void>((resolve) => g.bot.client.once("shardResume", () => resolve()));
      g.fake.dropGateway();
      await resumed;
      const opened = g.fake.gatewayConnections.slice(before);
      expect(opened).toHaveLength(5);
      // @discordjs/ws pauses 500 ms before every attempt; the backoff adds half to all of
      // 200, 400, 800 and 1600 ms after each failure in a row.
      const gaps = opened.slice(1).map((t, i) => t - (opened[i] as number));
      gaps.forEach((gap, i) => {
        expect(gap, `gap ${i + 1} of ${gaps.join(", ")} ms`).toBeGreaterThanOrEqual(
          500 + (200 * 2 ** i) / 2 - 20,
        );
      });
      expect(gaps[3] as number).toBeGreaterThan((gaps[0] as number) + 300);
      const ex = await g.command("about", {}, alice);
      expect(ex.messages[0].embeds[0].title).toBe("About Footnote");
    } finally {
      await g.close();
    }
  });
});
