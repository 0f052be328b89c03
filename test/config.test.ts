import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz012345";
const load = (env: Record<string, string>) => loadConfig(env, "/srv/footnote");

describe("loadConfig", () => {
  it("works with an empty environment: offline defaults, paths under the root, no Discord, no LLM", () => {
    const c = load({});
    expect(c.indexDir).toBe("/srv/footnote/index");
    expect(c.seedsDir).toBe("/srv/footnote/seeds");
    expect(c.embedder).toMatchObject({ provider: "use-lite", allowRemote: false });
    expect(c.chunk).toEqual({ targetTokens: 256, overlapTokens: 48, contextSentences: 2 });
    expect(c.discord.token).toBeUndefined();
    expect(c.discord.allowedChannels).toEqual([]);
    expect(c.llm).toBeUndefined();
  });

  it("reads lists, booleans, numbers and the optional LLM block", () => {
    const c = load({
      DISCORD_TOKEN: TOKEN,
      DISCORD_ALLOWED_CHANNELS: " 123456789012345678, 223456789012345678 ",
      DISCORD_ALLOW_DMS: "off",
      RATE_LIMIT_PER_MINUTE: "12",
      LLM_BASE_URL: "http://localhost:11434/v1",
      LLM_MODEL: "llama3.1",
    });
    expect(c.discord.token).toBe(TOKEN);
    expect(c.discord.allowedChannels).toEqual(["123456789012345678", "223456789012345678"]);
    expect(c.discord.allowDMs).toBe(false);
    expect(c.discord.rateLimit.perMinute).toBe(12);
    expect(c.llm).toMatchObject({
      baseUrl: "http://localhost:11434/v1",
      model: "llama3.1",
      timeoutMs: 30_000,
    });
  });

  it("treats blank optional values as unset", () => {
    const c = load({ DISCORD_TOKEN: "  ", LLM_BASE_URL: "", DISCORD_GUILD_ID: "" });
    expect(c.discord.token).toBeUndefined();
    expect(c.discord.guildId).toBeUndefined();
    expect(c.llm).toBeUndefined();
  });

  it.each([
    ["DISCORD_TOKEN", "not-a-token", /DISCORD_TOKEN: does not look like a bot token/],
    ["DISCORD_ALLOWED_CHANNELS", "general,123", /DISCORD_ALLOWED_CHANNELS.*Discord id/],
    ["DISCORD_GUILD_ID", "12ab", /DISCORD_GUILD_ID: must be a Discord id/],
    ["RATE_LIMIT_PER_MINUTE", "fast", /RATE_LIMIT_PER_MINUTE/],
    ["CHUNK_TOKENS", "-5", /CHUNK_TOKENS/],
    ["SEARCH_DENSE_WEIGHT", "1.5", /SEARCH_DENSE_WEIGHT/],
    ["EMBEDDER", "openai", /EMBEDDER/],
    ["LLM_BASE_URL", "localhost:11434", /LLM_BASE_URL/],
    ["DISCORD_ALLOW_DMS", "maybe", /DISCORD_ALLOW_DMS/],
    ["STORE", "sqlite", /STORE/],
    ["DATABASE_URL", "localhost:5432/footnote", /DATABASE_URL/],
    ["DATABASE_URL", "mysql://db/footnote", /DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/],
    ["PG_SCHEMA", "Footnote; DROP", /PG_SCHEMA: must be a lower-case SQL identifier/],
    ["RELOAD_POLL_MS", "0", /RELOAD_POLL_MS/],
  ])("rejects a bad %s with a message naming it", (name, value, message) => {
    expect(() => load({ [name]: value })).toThrow(ConfigError);
    expect(() => load({ [name]: value })).toThrow(message);
  });

  it("defaults to the file store and reads the Postgres store's settings", () => {
    expect(load({}).store).toEqual({ kind: "files", indexDir: "/srv/footnote/index" });
    expect(load({ STORE: "postgres", DATABASE_URL: "postgres://u:p@db:5432/footnote" }).store).toEqual({
      kind: "postgres",
      url: "postgres://u:p@db:5432/footnote",
      schema: "footnote",
      pollMs: 2000,
      leaseSeconds: 120,
    });
    expect(() => load({ STORE: "postgres" })).toThrow(/DATABASE_URL: required when STORE=postgres/);
  });

  it("rejects an overlap that is not smaller than the chunk size", () => {
    expect(() => load({ CHUNK_TOKENS: "64", CHUNK_OVERLAP_TOKENS: "64" })).toThrow(
      /CHUNK_OVERLAP_TOKENS: must be smaller than CHUNK_TOKENS \(64\)/,
    );
  });

  it("reads a blank value as the default, for numbers, booleans, paths and lists alike", () => {
    const blank = load({
      SEARCH_MIN_SCORE: "",
      RATE_LIMIT_BURST: "   ",
      DISCORD_ALLOW_DMS: "",
      FEEDBACK_LOG: "",
      DISCORD_ADMIN_ROLES: "",
      LLM_MAX_TOKENS: "",
    });
    const defaults = load({});
    expect(blank).toEqual(defaults);
    // No search override: the engine's measured default applies.
    expect(blank.search.minScore).toBeUndefined();
    expect(blank.discord.allowDMs).toBe(true);
    expect(blank.feedback.log).toBe("/srv/footnote/feedback.jsonl");
    // Surrounding spaces are not part of a value.
    expect(load({ RATE_LIMIT_BURST: " 7 " }).discord.rateLimit.burst).toBe(7);
  });

  it("rejects an answer budget that leaves no room for the prompt, naming both variables", () => {
    for (const max of ["3000", "2900"]) {
      expect(() => load({ LLM_BASE_URL: "http://localhost:11434/v1", LLM_MAX_TOKENS: max })).toThrow(
        /LLM_MAX_TOKENS: must leave at least 256 of LLM_CONTEXT_TOKENS \(3000\) for the prompt, i\.e\. be at most 2744/,
      );
    }
    expect(load({ LLM_BASE_URL: "http://localhost:11434/v1", LLM_MAX_TOKENS: "2744" }).llm?.maxTokens).toBe(
      2744,
    );
  });

  it("turns a bad setting into one line on stderr and exit code 1 in a CLI, without a stack trace", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/ask.ts", "question"], {
      env: { ...process.env, DISCORD_TOKEN: "nope" },
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^footnote: Invalid configuration — DISCORD_TOKEN/);
  });
});
