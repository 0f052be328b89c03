import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskOptions } from "../../src/types.js";
import type { RecordedCall } from "../discord/fake-discord.js";
import { BOT_ID, BOT_USER, CHANNELS, DM_CHANNEL, user, userMessage } from "../discord/world.js";
import { type Harness, messageCalls, startHarness } from "./harness.js";

/** Mentions, threads with follow-up history, DMs off and the message-path rate limit, end to end. */

const alice = { user: user("1000000000000000001", "alice") };
const dave = { user: user("1000000000000000004", "dave") };
const erin = { user: user("1000000000000000005", "erin") };
const QUESTION = "What was the volume of mutual trade among CIS states in 2017?";
const THINKING = encodeURIComponent("🤔");

let h: Harness;
const asked: { question: string; options?: AskOptions }[] = [];

beforeAll(async () => {
  h = await startHarness({
    members: [alice, dave, erin],
    env: { DISCORD_ALLOW_DMS: "false", RATE_LIMIT_PER_MINUTE: "1", RATE_LIMIT_BURST: "3" },
    wrapEngine: (engine) => ({
      ...engine,
      ask(question, options) {
        asked.push({ question, options });
        return engine.ask(question, options);
      },
    }),
  });
});
afterAll(async () => h?.close());

const routes = (calls: RecordedCall[]) => calls.map((c) => `${c.method} ${c.path}`);

describe("@Footnote in a channel", () => {
  let threadId: string;

  it("reacts 🤔, answers in a new thread named after the question, then removes the reaction", async () => {
    const msg = userMessage(`<@${BOT_ID}> ${QUESTION}`, alice.user, CHANNELS.general, [BOT_USER]);
    const calls = await h.message(msg);
    threadId = msg.id;
    expect(routes(calls)).toEqual([
      `PUT /channels/${CHANNELS.general}/messages/${msg.id}/reactions/${THINKING}/@me`,
      `POST /channels/${CHANNELS.general}/messages/${msg.id}/threads`,
      `POST /channels/${threadId}/messages`,
      `DELETE /channels/${CHANNELS.general}/messages/${msg.id}/reactions/${THINKING}/@me`,
    ]);
    expect(calls[1]?.body).toMatchObject({ name: QUESTION, auto_archive_duration: 1440 });
    const [embed] = calls[2]?.body.embeds ?? [];
    expect(embed.title).toBe(QUESTION);
    expect(embed.description).toContain("[1]");
    expect(embed.fields[0].name).toMatch(/^\[1\] /);
    expect(asked.at(-1)).toMatchObject({ question: QUESTION });
  });

  it("answers a follow-up in the thread with the earlier questions as history", async () => {
    const calls = await h.message(userMessage("and in 2018?", alice.user, threadId));
    expect(routes(calls)).toEqual([
      `POST /channels/${threadId}/typing`,
      `POST /channels/${threadId}/messages`,
    ]);
    expect(asked.at(-1)).toMatchObject({ question: "and in 2018?", options: { history: [QUESTION] } });
    const [embed] = calls[1]?.body.embeds ?? [];
    expect(embed.title).toBe("and in 2018?");
    // The history made the follow-up a question about CIS trade in 2018: the books give only
    // January–July 2018 for it, and the answer says so, from the same book.
    expect(embed.description).toContain("do not give this for the whole of 2018");
    expect(embed.description).toContain("first seven months of 2018");
    expect(embed.fields[0].name).toContain("Commonwealth of Independent States");

    await h.message(userMessage("what about the fifth section?", alice.user, threadId));
    expect(asked.at(-1)?.options?.history).toEqual([QUESTION, "and in 2018?"]);
  });

  it("ignores messages that do not mention it, and @everyone alone", async () => {
    const before = asked.length;
    expect(await h.message(userMessage("just chatting about the CIS", alice.user, CHANNELS.general))).toEqual(
      [],
    );
    expect(await h.message(userMessage("@everyone meeting at five", alice.user, CHANNELS.general))).toEqual(
      [],
    );
    expect(asked.length).toBe(before);
  });

  it("never pings, and asks only the question: other mentions and @everyone are set aside", async () => {
    const msg = userMessage(
      `<@${BOT_ID}> @everyone <@1000000000000000004> **what** did the CIS approve in 2019?`,
      erin.user,
      CHANNELS.random,
      [BOT_USER, dave.user],
    );
    const calls = await h.message(msg);
    const thread = calls.find((c) => c.route === "POST /channels/:channel/messages/:message/threads");
    expect(asked.at(-1)?.question).toBe("**what** did the CIS approve in 2019?");
    expect(thread?.body.name).toBe("**what** did the CIS approve in 2019?");
    const sent = messageCalls(calls);
    expect(sent.length).toBeGreaterThan(0);
    for (const c of sent) expect(c.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});

describe("limits on the message path", () => {
  it("tells a user who asks too fast to wait, without pinging them", async () => {
    const replies: RecordedCall[][] = [];
    for (let i = 0; i < 4; i++) {
      replies.push(
        await h.message(
          userMessage(`<@${BOT_ID}> question ${i} about the CIS`, dave.user, CHANNELS.general, [BOT_USER]),
        ),
      );
    }
    expect(replies.slice(0, 3).every((calls) => calls.some((c) => c.route.endsWith("/threads")))).toBe(true);
    const [limited] = replies[3] ?? [];
    expect(replies[3]).toHaveLength(1);
    expect(limited?.body).toMatchObject({
      content: expect.stringMatching(
        /^You're asking faster than I can keep up — please try again in \d+ s\.$/,
      ),
      allowed_mentions: { parse: [], replied_user: false },
      message_reference: { message_id: expect.any(String) },
    });
  });

  it("stays silent on DMs and refuses /ask in DMs, ephemerally, when DMs are off", async () => {
    expect(await h.message(userMessage("hello, what is the CIS?", alice.user, DM_CHANNEL))).toEqual([]);
    expect(h.logs.at(-2)).toMatchObject({ msg: "message refused", reason: "dms-off" });
    const ex = await h.command("ask", { question: QUESTION }, alice, {});
    expect(ex.callback?.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: expect.stringContaining("direct messages") },
    });
  });
});
