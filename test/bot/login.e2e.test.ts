import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "../discord/fake-discord.js";
import { BOT_ID } from "../discord/world.js";
import { runScript } from "../helpers/cli.js";
import { corpusEnv, SMALL_BOOKS, tempDir, writeSmallSeeds } from "../helpers/corpus.js";

/** `npm start` with a token Discord rejects: it must end, non-zero, with one clear line. */

/** Shaped like a bot token (it passes config validation), but not the one the stand-in accepts. */
const WRONG_TOKEN = `${Buffer.from(BOT_ID).toString("base64url")}.GwrongT.${"y".repeat(27)}`;

let fake: FakeDiscord;
let root: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  fake = await FakeDiscord.start();
  ({ dir: root, cleanup } = await tempDir("footnote-login-"));
  await writeSmallSeeds(join(root, "seeds"), SMALL_BOOKS.slice(0, 1));
});
afterAll(async () => {
  await fake?.close();
  await cleanup?.();
});

describe("npm start with a rejected DISCORD_TOKEN", () => {
  it("closes everything and exits 1 with one line naming the cause", async () => {
    // Without the fix the watcher and the engine kept the process alive for ever.
    const run = await runScript(
      "start.ts",
      [],
      {
        ...corpusEnv(root),
        DISCORD_TOKEN: WRONG_TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        FEEDBACK_LOG: join(root, "feedback.jsonl"),
        USER_ID_SECRET_FILE: join(root, "secret"),
      },
      90_000,
    );
    expect(run.signal, run.stderr).toBeNull();
    expect(run.code, run.stderr).toBe(1);
    const errors = run.stderr.split("\n").filter((l) => l.startsWith("footnote:"));
    expect(errors).toEqual([
      "footnote: Discord refused the login (An invalid token was provided.) — check DISCORD_TOKEN and DISCORD_API_URL (docs/discord.md).",
    ]);
    expect(run.stderr).not.toMatch(/^\s{4}at /m);
    expect(run.stderr).not.toContain(WRONG_TOKEN);
  });
});
