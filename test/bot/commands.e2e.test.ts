import { readFile } from "node:fs/promises";
import { GatewayIntentBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createBotLogger } from "../../src/bot/logger.js";
import { registerCommands } from "../../src/bot/register.js";
import { COLORS } from "../../src/bot/render/page.js";
import { loadConfig } from "../../src/config.js";
import { loadUserIdKey, pseudonymizer } from "../../src/feedback/pseudonym.js";
import { openStore } from "../../src/index/open-store.js";
import { ADMIN_ROLE, BOT_ID, BOT_TOKEN, buttonClick, CHANNELS, GUILD_ID, user } from "../discord/world.js";
import { type Exchange, type Harness, messageCalls, startHarness } from "./harness.js";

/** Slash commands and buttons, end to end: real discord.js client ↔ loopback Discord, real engine. */

const alice = { user: user("1000000000000000001", "alice") };
const bob = { user: user("1000000000000000002", "bob"), roles: [ADMIN_ROLE] };
const carol = { user: user("1000000000000000003", "carol"), manageGuild: true };
const QUESTION = "What did the CIS working group approve in February 2019?";
const EPHEMERAL = 64;

let h: Harness;
/** Reindex runs, as the bot logs them. */
const reindexRuns = () => h.logs.filter((l) => l.msg === "reindex finished").length;

beforeAll(async () => {
  h = await startHarness({
    members: [alice, bob, carol],
    env: {
      DISCORD_ALLOWED_CHANNELS: CHANNELS.general,
      DISCORD_ADMIN_ROLES: ADMIN_ROLE,
      RATE_LIMIT_PER_MINUTE: "600",
      RATE_LIMIT_BURST: "100",
    },
  });
});
afterAll(async () => h?.close());

const embedsOf = (ex: Exchange) => ex.messages.flatMap((m) => m.embeds ?? []);

describe("gateway session", () => {
  it("identifies with the intents the bot needs over uncompressed JSON, and logs ready once", () => {
    expect(h.fake.gatewayQueries[0]).toEqual({ v: "10", encoding: "json" });
    const identify = h.fake.identifies[0];
    const needed =
      GatewayIntentBits.Guilds |
      GatewayIntentBits.GuildMessages |
      GatewayIntentBits.MessageContent |
      GatewayIntentBits.DirectMessages;
    expect(identify.intents).toBe(needed);
    expect(identify.compress).toBeFalsy();
    expect(h.logs.filter((l) => l.msg === "Footnote is ready on Discord")).toEqual([
      expect.objectContaining({ user: "Footnote", guilds: 1, application: BOT_ID }),
    ]);
  });
});

describe("/ask", () => {
  it("defers publicly, then shows the answer with inline markers, sources and buttons", async () => {
    const ex = await h.command("ask", { question: QUESTION }, alice);
    expect(ex.callback?.body).toEqual({ type: 5, data: { flags: 0 } });
    const [embed] = embedsOf(ex);
    expect(embed.title).toBe(QUESTION);
    expect(embed.description).toMatch(/approved the content of the first four sections.*\[1\]/s);
    const first = embed.fields[0];
    expect(first.name).toBe("[1] Commonwealth of Independent States: Evolution of regional cooperation");
    // The section repeats the title and the quote is the answer itself: neither is shown twice.
    expect(first.value).toMatch(/^p\. \d+\n`[0-9a-f]{16}`$/);
    expect(embed.fields.length).toBeLessThanOrEqual(3);
    // Every cited chunk id resolves to a passage: the citation is real, not decoration.
    for (const f of embed.fields) {
      const id = /`([0-9a-f]+)`$/.exec(f.value)?.[1] ?? "";
      expect(h.fixture.engine.passage(id)).toBeDefined();
    }
    const ids = ex.messages.at(-1).components[0].components.map((c: { custom_id: string }) => c.custom_id);
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
  });

  it("answers privately (ephemeral) when asked to", async () => {
    const ex = await h.command("ask", { question: QUESTION, private: true }, alice);
    expect(ex.callback?.body.data.flags).toBe(EPHEMERAL);
    expect(embedsOf(ex)[0].fields.length).toBeGreaterThan(0);
  });

  it("never pings, whatever the question contains", async () => {
    const hostile =
      "@everyone <@1000000000000000002> <@&1400000000000000001> **what** did the `CIS` approve?";
    const ex = await h.command("ask", { question: hostile }, alice);
    expect(embedsOf(ex)[0].title).toContain("\\*\\*what\\*\\*");
    const calls = messageCalls(ex.calls);
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) expect(c.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("reads a question with pasted mentions, @everyone and emoji as the question alone", async () => {
    const pasted = `<@1000000000000000002> @everyone ${QUESTION} <:blobwave:1234567890123456789> <#${CHANNELS.general}>`;
    const ex = await h.command("ask", { question: pasted }, alice);
    const [embed] = embedsOf(ex);
    expect(embed.title).toBe(QUESTION);
    expect(embed.color).toBe(COLORS.found);
    expect(embed.description).toMatch(/approved the content of the first four sections.*\[1\]/s);
    const empty = await h.command("ask", { question: "<@1000000000000000002> @here" }, alice);
    expect(empty.messages[0].content).toMatch(/^There is no question left/);
  });

  it("links a citation to its document, at the page, when the document has a url", async () => {
    const ex = await h.command(
      "ask",
      {
        question:
          "What does the Action Plan to Create a Common Information Space of the Union State provide?",
      },
      alice,
    );
    const linked = embedsOf(ex)[0].fields.find((f: { name: string }) =>
      f.name.includes("Contours of union integration"),
    );
    expect(linked.value).toMatch(
      /\[p\. (\d+)\]\(https:\/\/books\.example\.org\/contours-of-union-integration\.pdf#page=\1\)/,
    );
  });

  it("politely refuses, ephemerally, outside the allowed channels", async () => {
    const ex = await h.command("ask", { question: QUESTION }, alice, { channelId: CHANNELS.random });
    expect(ex.callback?.body).toMatchObject({
      type: 4,
      data: { flags: EPHEMERAL, content: `I only answer in <#${CHANNELS.general}>. Please ask there.` },
    });
    expect(ex.calls).toHaveLength(1);
  });
});

describe("buttons under an answer", () => {
  let answer: Exchange;
  const click = (action: string, member = alice) => {
    const message = answer.messages.at(-1);
    const id = message.components[0].components.find((c: { custom_id: string }) =>
      c.custom_id.includes(`:${action}:`),
    ).custom_id;
    return h.interact(
      buttonClick(id, { ...message, id: "1500000000000099999", channel_id: CHANNELS.general }, member),
    );
  };

  beforeAll(async () => {
    answer = await h.command("ask", { question: QUESTION }, alice);
  });

  it("More sources shows the answer's other sources first, then pages on through the next passages, ephemerally", async () => {
    const own = await click("more");
    expect(own.callback?.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const [mine] = embedsOf(own);
    expect(mine.description).toMatch(/^The answer's sources 4–5/);
    expect(mine.fields.map((f: { name: string }) => f.name.slice(0, 4))).toEqual(["[4] ", "[5] "]);
    const first = await click("more");
    const [embed] = embedsOf(first);
    const topK = h.fixture.config.search.topK;
    expect(embed.description).toMatch(new RegExp(`^Passages ${topK + 1}–`));
    expect(embed.fields[0].name.startsWith(`#${topK + 1} `)).toBe(true);
    const shown = new Set(
      [...embedsOf(answer), mine].flatMap((e) =>
        e.fields.map((f: { value: string }) => f.value.split("`").at(-2)),
      ),
    );
    for (const f of embed.fields) expect(shown.has(f.value.split("`").at(-2))).toBe(false);
    const second = await click("more");
    expect(embedsOf(second)[0].title).toBe("No more sources");
  });

  it("Show passage shows the first cited passage with context", async () => {
    const ex = await click("passage");
    const firstId = embedsOf(answer)[0].fields[0].value.split("`")[1];
    expect(embedsOf(ex).at(-1).footer.text).toContain(`chunk ${firstId}`);
    expect(embedsOf(ex)[0].description).toContain("**Passage**");
  });

  it("👍 and 👎 are recorded once per user per answer, a second press changing it, users pseudonymised", async () => {
    const up = await click("up");
    expect(up.callback?.body).toMatchObject({
      type: 4,
      data: { flags: EPHEMERAL, content: "Thanks — your feedback was recorded." },
    });
    const again = await click("up");
    expect(again.callback?.body.data.content).toMatch(/^You already voted this way/);
    await click("down", carol);
    const changed = await click("up", carol);
    expect(changed.callback?.body.data.content).toBe("Thanks — your vote on this answer was changed.");
    const pseudonym = pseudonymizer(await loadUserIdKey(h.config.feedback));
    const lines = (await readFile(h.feedbackLog, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const votes = lines.filter((l) => l.kind === "vote");
    expect(votes.map((l) => [l.vote, l.user])).toEqual([
      ["up", pseudonym(alice.user.id)],
      ["down", pseudonym(carol.user.id)],
      ["up", pseudonym(carol.user.id)],
    ]);
    expect(JSON.stringify(lines)).not.toContain(alice.user.id);
    // The 👎 was a coverage gap while it stood; changed to 👍 it no longer is one.
    expect(
      lines.filter((l) => l.kind === "gap" && l.reason === "down").map((l) => [l.answerId, l.user]),
    ).toEqual([[votes[1].answerId, pseudonym(carol.user.id)]]);
    expect(await (await openStore(h.config)).feedback().gaps()).not.toContainEqual(
      expect.objectContaining({ reason: "down" }),
    );
    expect(h.rawLogs.join("")).not.toContain(alice.user.id);
    expect(votes[0].question).toBe(QUESTION);
    expect(votes[0].chunkIds.slice(0, 3)).toEqual(
      embedsOf(answer)[0].fields.map((f: { value: string }) => f.value.split("`").at(-2)),
    );
    expect(new Date(votes[0].time).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("rate-limits a user pressing 👎 over and over, and stores their vote once", async () => {
    const replies: string[] = [];
    for (let i = 0; i < 12; i++) replies.push((await click("down", bob)).callback?.body.data.content);
    expect(replies[0]).toBe("Thanks — your feedback was recorded.");
    expect(replies.slice(1, 10).every((r) => r.startsWith("You already voted this way"))).toBe(true);
    expect(replies.slice(10).every((r) => r.startsWith("You're asking faster"))).toBe(true);
    const pseudonym = pseudonymizer(await loadUserIdKey(h.config.feedback));
    const bobs = (await readFile(h.feedbackLog, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .filter((l) => l.user === pseudonym(bob.user.id));
    expect(bobs.map((l) => [l.kind, l.reason ?? l.vote])).toEqual([
      ["vote", "down"],
      ["gap", "down"],
    ]);
  });

  it("a button the bot does not know gets a short ephemeral notice", async () => {
    const ex = await h.interact(
      buttonClick("someone-elses:button", { ...answer.messages[0], channel_id: CHANNELS.general }, alice),
    );
    expect(ex.callback?.body).toMatchObject({
      type: 4,
      data: { flags: EPHEMERAL, content: expect.stringMatching(/^I don't recognise this button/) },
    });
  });

  it("a button whose state was forgotten explains instead of failing", async () => {
    const ex = await h.interact(
      buttonClick("fn:more:gone1234", { ...answer.messages[0], channel_id: CHANNELS.general }, alice),
    );
    expect(ex.callback?.body.data).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringContaining("too old"),
    });
  });
});

describe("/factcheck, /source, /about", () => {
  it("/factcheck shows the verdict, the element breakdown and the evidence quote", async () => {
    const supported = embedsOf(
      await h.command(
        "factcheck",
        { claim: "Mutual trade in the CIS totalled USD 164 billion in 2017." },
        alice,
      ),
    );
    expect(supported[0].title).toBe("✅ Supported");
    expect(supported[0].description).toContain("✓ figure: USD 164 billion");
    expect(supported[0].fields[0].value).toMatch(/^(.* · )?p\. \d+\n> /);
    expect(supported[0].fields[0].value).toContain("164 billion");

    const wrong = embedsOf(
      await h.command("factcheck", { claim: "Mutual trade in the CIS grew by 40% in 2017." }, alice),
    );
    expect(wrong[0].title).toBe("❌ Contradicted");
    expect(wrong[0].description).toContain("✗ figure: 40% — the books: 25%");
  });

  it("/source shows the whole passage, its page, context and footnote references", async () => {
    const asked = await h.command("ask", { question: QUESTION }, alice);
    const id = embedsOf(asked)[0].fields[0].value.split("`")[1];
    const passage = await h.fixture.engine.passage(id);
    expect(passage?.chunk.footnotes.length).toBeGreaterThan(0);
    const ex = await h.command("source", { id }, alice);
    const embeds = embedsOf(ex);
    const text = embeds.map((e) => e.description ?? "").join(" ");
    expect(text).toContain("approved the content of the first four sections");
    expect(text).toContain("*after…:*");
    const fields = embeds.flatMap((e) => e.fields ?? []);
    expect(fields.find((f) => f.name === "Document").value).toMatch(/p\. \d+/);
    const note = passage?.chunk.footnotes[0];
    const shown = fields.find((f) => f.name === `Footnote ${note?.n}`);
    expect(shown.value).toContain(note?.text.slice(0, 30));
    if (note?.url) expect(shown.value).toContain(note.url);
    const unknown = await h.command("source", { id: "nope" }, alice);
    expect(unknown.messages[0].content).toContain("No passage has the id `nope`");
  });

  it("/about lists the documents, chunk count, embedder and build time", async () => {
    const ex = await h.command("about", {}, alice);
    const [embed] = embedsOf(ex);
    const info = h.fixture.engine.about();
    for (const d of info.documents) expect(embed.description).toContain(`${d.title}** — ${d.chunks} chunks`);
    expect(embed.fields.map((f: { name: string }) => f.name)).toEqual(["Chunks", "Embedder", "Index built"]);
    expect(embed.fields[0].value).toBe(String(info.chunks));
  });
});

describe("/gaps", () => {
  it("shows admins the questions the books could not answer, grouped by topic; others are refused", async () => {
    for (const question of ["good recipe for draniki with potatoes?", "which sauce goes with draniki?"]) {
      const ex = await h.command("ask", { question }, alice);
      expect(embedsOf(ex)[0].color).toBe(COLORS.notFound);
    }
    const refused = await h.command("gaps", {}, alice);
    expect(refused.callback?.body.data).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/^Sorry, only/),
    });
    const ex = await h.command("gaps", {}, bob);
    expect(ex.callback?.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const [embed] = embedsOf(ex);
    expect(embed.title).toBe("Coverage gaps");
    const group = embed.fields.find((f: { name: string }) => f.name.includes("draniki"));
    expect(group.name).toMatch(/^\d+\. draniki — 2× \(2 not found\)$/);
    expect(group.value).toContain("• which sauce goes with draniki?");
    expect(group.value).toMatch(/nearest: \*.+\*, p\. \d+ · `[0-9a-f]+`/);
  });
});

describe("a command the bot does not know", () => {
  it("gets a short ephemeral notice instead of silence", async () => {
    const ex = await h.command("summarise", { text: "x" }, alice);
    expect(ex.callback?.body).toMatchObject({
      type: 4,
      data: { flags: EPHEMERAL, content: expect.stringMatching(/^I don't know the command \/summarise/) },
    });
    expect(h.logs.some((l) => l.msg.startsWith("unknown command") && l.command === "summarise")).toBe(true);
  });
});

describe("/reindex", () => {
  it("refuses a member without an admin role or Manage Server, politely and ephemerally", async () => {
    const before = reindexRuns();
    const ex = await h.command("reindex", {}, alice);
    expect(ex.callback?.body).toMatchObject({
      type: 4,
      data: { flags: EPHEMERAL, content: expect.stringMatching(/^Sorry, only/) },
    });
    expect(reindexRuns()).toBe(before);
  });

  it("runs for the admin role and for Manage Server, and reports what changed", async () => {
    for (const member of [bob, carol]) {
      const ex = await h.command("reindex", {}, member);
      expect(ex.callback?.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
      const [embed] = embedsOf(ex);
      expect(embed.title).toBe("Reindex finished");
      const fields = Object.fromEntries(
        embed.fields.map((f: { name: string; value: string }) => [f.name, f.value]),
      );
      // The fixture's seeds are indexed already: the run keeps the index and says so.
      expect(fields.Documents).toBe("3");
      expect(fields.Unchanged).toBe("3");
      expect(embed.description).toContain("Nothing changed");
    }
    expect(reindexRuns()).toBe(2);
  });
});

describe("register-commands", () => {
  it("bulk-overwrites the six commands to the guild, or globally without a guild id", async () => {
    const logger = createBotLogger("silent");
    const env = { DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: h.fake.apiUrl };
    await registerCommands(loadConfig({ ...env, DISCORD_GUILD_ID: GUILD_ID }), logger);
    await registerCommands(loadConfig(env), logger);
    const puts = h.fake.calls.filter((c) => c.method === "PUT" && c.path.includes("/commands"));
    expect(puts.map((c) => [c.route, c.status])).toEqual([
      ["PUT /applications/:app/guilds/:guild/commands", 200],
      ["PUT /applications/:app/commands", 200],
    ]);
    expect(puts[0]?.params).toEqual({ app: BOT_ID, guild: GUILD_ID });
    const ask = puts[0]?.body.find((c: { name: string }) => c.name === "ask");
    expect(puts[0]?.body.map((c: { name: string }) => c.name)).toEqual([
      "ask",
      "factcheck",
      "source",
      "reindex",
      "gaps",
      "about",
    ]);
    expect(
      ask.options.map((o: { name: string; type: number; required?: boolean }) => [
        o.name,
        o.type,
        o.required,
      ]),
    ).toEqual([
      ["question", 3, true],
      ["private", 5, false],
    ]);
  });
});

describe("health", () => {
  it("heartbeats are acknowledged and the token never reaches the logs", async () => {
    await vi.waitFor(() => expect(h.fake.heartbeats).toBeGreaterThan(0), { timeout: 3000 });
    expect(h.bot.client.ws.ping).toBeGreaterThanOrEqual(0);
    expect(h.rawLogs.join("")).not.toContain(BOT_TOKEN);
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
