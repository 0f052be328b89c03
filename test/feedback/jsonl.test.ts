import { createHash } from "node:crypto";
import { appendFile, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { JsonlFeedbackStore } from "../../src/feedback/jsonl.js";
import { loadUserIdKey, pseudonymizer } from "../../src/feedback/pseudonym.js";
import type { GapRecord } from "../../src/feedback/store.js";
import { tempDir } from "../helpers/corpus.js";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir("footnote-feedback-"));
});
afterEach(() => cleanup());

const lines = async (file: string) =>
  (await readFile(file, "utf8"))
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

const vote = (answerId: string, user: string, v: "up" | "down") => ({
  answerId,
  user,
  vote: v,
  question: `question of ${answerId}`,
  answer: "an answer [1]",
  chunkIds: ["c1"],
});

const gap = (
  answerId: string,
  user: string,
  reason: GapRecord["reason"],
  question = "q",
): Omit<GapRecord, "kind" | "time"> => ({
  answerId,
  user,
  reason,
  question,
  passages: [{ chunkId: "c1", title: "Book", section: "S", page: 3, quote: "a quote" }],
});

describe("JsonlFeedbackStore", () => {
  it("writes one line per vote that counts: a repeat writes nothing, the other vote replaces it", async () => {
    const store = new JsonlFeedbackStore(join(dir, "sub", "feedback.jsonl"), {
      maxBytes: 1 << 20,
      now: () => new Date("2024-05-01T00:00:00Z"),
    });
    for (let i = 0; i < 30; i++) await store.recordVote(vote("a1", "u1", "up"));
    await store.recordVote(vote("a1", "u1", "down"));
    await store.recordVote(vote("a1", "u2", "down"));
    const written = await lines(store.path);
    expect(written.map((l) => [l.answerId, l.user, l.vote])).toEqual([
      ["a1", "u1", "up"],
      ["a1", "u1", "down"],
      ["a1", "u2", "down"],
    ]);
    expect(written[0]).toEqual({ kind: "vote", time: "2024-05-01T00:00:00.000Z", ...vote("a1", "u1", "up") });
  });

  it("never interleaves concurrent writes", async () => {
    const store = new JsonlFeedbackStore(join(dir, "feedback.jsonl"), { maxBytes: 1 << 20 });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.recordGap(gap(`a${i}`, "u", "not_found", `q${i}`))),
    );
    expect((await lines(store.path)).map((l) => l.question)).toEqual(
      Array.from({ length: 50 }, (_, i) => `q${i}`),
    );
  });

  it("rotates by size, keeps three older files, and still reads the gaps in all of them", async () => {
    const store = new JsonlFeedbackStore(join(dir, "feedback.jsonl"), { maxBytes: 600 });
    for (let i = 0; i < 40; i++) await store.recordGap(gap(`a${i}`, "u", "not_found", `question ${i}`));
    for (const f of ["feedback.jsonl", "feedback.jsonl.1", "feedback.jsonl.2", "feedback.jsonl.3"]) {
      expect((await stat(join(dir, f))).size).toBeLessThanOrEqual(600);
    }
    await expect(stat(join(dir, "feedback.jsonl.4"))).rejects.toThrow();
    const kept = (await store.gaps()).map((g) => g.question);
    // The newest ones survive, oldest first, none twice; the oldest files were dropped.
    expect(kept.at(-1)).toBe("question 39");
    expect(kept.length).toBeGreaterThanOrEqual(8);
    expect(kept.length).toBeLessThan(40);
    expect(kept).toEqual([...kept].sort((a, b) => Number(a.split(" ")[1]) - Number(b.split(" ")[1])));
  });

  it("counts a 👎 as a gap only while it stands, once, and skips torn lines", async () => {
    const path = join(dir, "feedback.jsonl");
    const store = new JsonlFeedbackStore(path, { maxBytes: 1 << 20 });
    await store.recordGap(gap("a1", "u1", "not_found"));
    await store.recordGap(gap("a1", "u1", "not_found"));
    await store.recordVote(vote("a2", "u1", "down"));
    await store.recordGap(gap("a2", "u1", "down"));
    await store.recordVote(vote("a2", "u1", "up")); // changed their mind
    await store.recordVote(vote("a3", "u2", "down"));
    await store.recordGap(gap("a3", "u2", "down"));
    await appendFile(path, '{"kind":"gap","answerId":"torn');
    await appendFile(path, "\nnot json\n");
    expect((await store.gaps()).map((g) => [g.answerId, g.reason])).toEqual([
      ["a1", "not_found"],
      ["a3", "down"],
    ]);
  });
});

describe("user pseudonyms", () => {
  it("are keyed hashes: not the plain sha256 of the public id, and different under another key", () => {
    const a = pseudonymizer("k".repeat(32));
    const b = pseudonymizer("j".repeat(32));
    expect(a("1000000000000000001")).toMatch(/^[0-9a-f]{32}$/);
    expect(a("1000000000000000001")).toBe(a("1000000000000000001"));
    expect(a("1000000000000000001")).not.toBe(b("1000000000000000001"));
    const plain = createHash("sha256").update("1000000000000000001").digest("hex");
    expect(plain.startsWith(a("1000000000000000001"))).toBe(false);
  });

  it("use USER_ID_SECRET, else a key generated once into USER_ID_SECRET_FILE (mode 0600) and kept", async () => {
    const config = loadConfig({ USER_ID_SECRET_FILE: "state/secret" }, dir);
    const first = await loadUserIdKey(config.feedback);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(join(dir, "state/secret"))).mode & 0o777).toBe(0o600);
    expect(await loadUserIdKey(config.feedback)).toBe(first);
    expect(await loadUserIdKey(loadConfig({ USER_ID_SECRET: "s".repeat(20) }, dir).feedback)).toBe(
      "s".repeat(20),
    );
    await writeFile(join(dir, "state/secret"), "short\n");
    await expect(loadUserIdKey(config.feedback)).rejects.toThrow(/USER_ID_SECRET_FILE\) holds no usable key/);
  });
});
