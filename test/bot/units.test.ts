import { PermissionFlagsBits, PermissionsBitField } from "discord.js";
import { describe, expect, it } from "vitest";
import { createBotLogger } from "../../src/bot/logger.js";
import { adminOnly } from "../../src/bot/preconditions/admin-only.js";
import { allowedChannel } from "../../src/bot/preconditions/allowed-channel.js";
import { dmAllowed } from "../../src/bot/preconditions/dm-allowed.js";
import type { Invocation, PreconditionEnv } from "../../src/bot/preconditions/precondition.js";
import { rateLimit } from "../../src/bot/preconditions/rate-limit.js";
import { RateLimiter } from "../../src/bot/rate-limit.js";
import { applicationIdFromToken } from "../../src/bot/register.js";
import { Lru } from "../../src/bot/state.js";
import { loadConfig } from "../../src/config.js";
import { BOT_ID, BOT_TOKEN } from "../discord/world.js";

describe("RateLimiter", () => {
  it("allows a burst, then refills at the per-minute rate", () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 6, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => limiter.take("u").allowed)).toEqual([true, true, true]);
    expect(limiter.take("u")).toEqual({ allowed: false, retryAfterMs: 10_000 });
    expect(limiter.take("other").allowed).toBe(true);
    now = 9_999;
    expect(limiter.take("u").allowed).toBe(false);
    now = 20_000;
    expect(limiter.take("u").allowed).toBe(true);
    now = 10 * 60_000;
    expect([1, 2, 3, 4].map(() => limiter.take("u").allowed)).toEqual([true, true, true, false]);
  });

  it("stays bounded in memory", () => {
    const limiter = new RateLimiter({ perMinute: 1, burst: 1, maxKeys: 2 }, () => 0);
    for (const key of ["a", "b", "c"]) limiter.take(key);
    // "a" was forgotten, so it starts again with a full bucket; "c" is still tracked.
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("c").allowed).toBe(false);
  });
});

describe("Lru", () => {
  it("evicts the least recently used", () => {
    const lru = new Lru<number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    lru.get("a");
    lru.set("c", 3);
    expect([lru.get("a"), lru.get("b"), lru.get("c"), lru.size]).toEqual([1, undefined, 3, 2]);
  });
});

describe("preconditions", () => {
  const config = loadConfig({
    DISCORD_ALLOWED_CHANNELS: "1300000000000000001",
    DISCORD_ADMIN_ROLES: "1400000000000000001",
    DISCORD_ALLOW_DMS: "false",
  }).discord;
  const env: PreconditionEnv = {
    config,
    limiter: new RateLimiter({ perMinute: 1, burst: 1 }, () => 0),
    buttonLimiter: new RateLimiter({ perMinute: 1, burst: 1 }, () => 0),
  };
  const inv = (over: Partial<Invocation>): Invocation => ({
    userId: "u",
    guildId: "1200000000000000001",
    channelId: "1300000000000000001",
    parentId: null,
    roles: [],
    permissions: new PermissionsBitField(PermissionFlagsBits.SendMessages),
    ...over,
  });

  it("allowed-channel admits listed channels and their threads only", () => {
    expect(allowedChannel(inv({}), env).ok).toBe(true);
    expect(allowedChannel(inv({ channelId: "9", parentId: "1300000000000000001" }), env).ok).toBe(true);
    const refused = allowedChannel(inv({ channelId: "1300000000000000002" }), env);
    expect(refused).toMatchObject({ ok: false, reason: "channel-not-allowed" });
    expect(
      allowedChannel(inv({ channelId: "2" }), { ...env, config: { ...config, allowedChannels: [] } }).ok,
    ).toBe(true);
  });

  it("dm-allowed refuses DMs when they are off", () => {
    expect(dmAllowed(inv({ guildId: null }), env)).toMatchObject({ ok: false, reason: "dms-off" });
    expect(dmAllowed(inv({}), env).ok).toBe(true);
    expect(dmAllowed(inv({ guildId: null }), { ...env, config: { ...config, allowDMs: true } }).ok).toBe(
      true,
    );
  });

  it("admin-only admits an admin role or Manage Server, politely refuses others", () => {
    expect(adminOnly(inv({ roles: ["1400000000000000001"] }), env).ok).toBe(true);
    expect(
      adminOnly(inv({ permissions: new PermissionsBitField(PermissionFlagsBits.ManageGuild) }), env).ok,
    ).toBe(true);
    expect(
      adminOnly(inv({ permissions: new PermissionsBitField(PermissionFlagsBits.Administrator) }), env).ok,
    ).toBe(true);
    const refused = adminOnly(inv({ roles: ["5"] }), env);
    expect(refused).toMatchObject({ ok: false, reason: "not-admin" });
    expect(refused.ok || refused.message).toMatch(/^Sorry, only server managers/);
  });

  it("rate-limit says when to come back", () => {
    expect(rateLimit(inv({ userId: "r" }), env).ok).toBe(true);
    const refused = rateLimit(inv({ userId: "r" }), env);
    expect(refused.ok || refused.message).toBe(
      "You're asking faster than I can keep up — please try again in 60 s.",
    );
  });
});

describe("small helpers", () => {
  it("the logger redacts tokens wherever they are nested", () => {
    const lines: string[] = [];
    const logger = createBotLogger("info", { write: (l: string) => lines.push(l) });
    logger.info(
      {
        token: BOT_TOKEN,
        config: { discord: { token: BOT_TOKEN } },
        headers: { authorization: `Bot ${BOT_TOKEN}` },
      },
      "x",
    );
    expect(lines.join("")).not.toContain(BOT_TOKEN);
    expect(lines.join("")).toContain("[redacted]");
  });

  it("the logger keeps interaction tokens and request bodies out of every line", () => {
    const lines: string[] = [];
    const logger = createBotLogger("info", { write: (l: string) => lines.push(l) });
    const token = `aW50ZXJhY3Rpb246MTUwMDAwMDAwMDAwMDAwMDAwMTpzZWNyZXQ${"x".repeat(80)}`;
    const url = `http://127.0.0.1:1234/api/v10/webhooks/${BOT_ID}/${token}/messages/@original`;
    // As discord.js's HTTPError and DiscordAPIError carry them.
    const err = Object.assign(new Error("Internal Server Error"), {
      url,
      method: "PATCH",
      status: 500,
      requestBody: { json: { content: "What did the CIS approve?" }, files: [] },
      rawError: { message: "x", code: 0 },
    });
    logger.error({ err }, "interaction failed");
    logger.warn({ route: `/interactions/1500000000000000001/${token}/callback` }, `retrying ${url}`);
    const out = lines.join("");
    expect(out).not.toContain(token);
    expect(out).not.toContain("What did the CIS approve?");
    expect(out).toContain(`/webhooks/${BOT_ID}/[redacted]/messages/@original`);
    expect(out).toContain("/interactions/1500000000000000001/[redacted]/callback");
    expect(JSON.parse(lines[0] as string).err).toMatchObject({ status: 500, method: "PATCH" });
  });

  it("reads the application id from a bot token", () => {
    expect(applicationIdFromToken(BOT_TOKEN)).toBe(BOT_ID);
  });
});
