import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { FeedbackStore, GapRecord } from "../../src/feedback/store.js";
import { openStore } from "../../src/index/open-store.js";
import type { Store } from "../../src/index/port.js";
import { corpusConfig, tempDir } from "../helpers/corpus.js";

/**
 * The feedback contract, the same cases for both stores' feedback: the files store's JSONL log
 * and the Postgres tables (PGlite over its socket, real `pg` driver).
 */
const ADAPTERS = [
  { kind: "files", env: (): Record<string, string> => ({}) },
  {
    kind: "postgres",
    env: (): Record<string, string> => ({
      STORE: "postgres",
      DATABASE_URL: inject("databaseUrl"),
      PG_SCHEMA: `feedback_${process.pid}`,
    }),
  },
] as const;

const vote = (answerId: string, user: string, v: "up" | "down") => ({
  answerId,
  user,
  vote: v,
  question: `question of ${answerId}`,
  answer: "an answer [1]",
  chunkIds: ["c1", "c2"],
});

const gap = (
  answerId: string,
  user: string,
  reason: GapRecord["reason"],
): Omit<GapRecord, "kind" | "time"> => ({
  answerId,
  user,
  reason,
  question: `question of ${answerId}`,
  passages: [{ chunkId: "c1", title: "Book", section: "S", page: 3, quote: "a quote" }],
});

describe.each(ADAPTERS)("feedback contract: $kind", (adapter) => {
  let store: Store;
  let feedback: FeedbackStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    let root: string;
    ({ dir: root, cleanup } = await tempDir("footnote-feedback-contract-"));
    store = await openStore(corpusConfig(root, adapter.env()));
    feedback = store.feedback();
  });
  afterAll(async () => {
    await store?.close();
    await cleanup?.();
  });

  it("keeps one vote per user per answer: a repeat changes nothing, the other vote replaces it", async () => {
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await feedback.recordVote(vote("a1", "u1", "up")));
    expect(outcomes).toEqual(["recorded", "unchanged", "unchanged", "unchanged", "unchanged"]);
    expect(await feedback.recordVote(vote("a1", "u1", "down"))).toBe("changed");
    expect(await feedback.recordVote(vote("a1", "u1", "down"))).toBe("unchanged");
    expect(await feedback.recordVote(vote("a1", "u2", "down"))).toBe("recorded");
    expect(await feedback.recordVote(vote("a2", "u1", "up"))).toBe("recorded");
  });

  it("lists the gaps still standing, oldest first: each once, a 👎 only while the vote stands", async () => {
    await feedback.recordGap(gap("g1", "u1", "not_found"));
    await feedback.recordGap(gap("g1", "u1", "not_found"));
    await feedback.recordVote(vote("g2", "u1", "down"));
    await feedback.recordGap(gap("g2", "u1", "down"));
    await feedback.recordVote(vote("g2", "u1", "up")); // changed their mind
    await feedback.recordVote(vote("g3", "u2", "down"));
    await feedback.recordGap(gap("g3", "u2", "down"));
    await feedback.recordGap(gap("g4", "u2", "partial"));
    await feedback.flush();
    const gaps = await feedback.gaps();
    expect(gaps.map((g) => [g.answerId, g.reason])).toEqual([
      ["g1", "not_found"],
      ["g3", "down"],
      ["g4", "partial"],
    ]);
    expect(gaps[0]).toMatchObject({
      user: "u1",
      question: "question of g1",
      passages: gap("g1", "u1", "not_found").passages,
    });
    expect(Date.parse(gaps[0]?.time ?? "")).not.toBeNaN();
  });
});
