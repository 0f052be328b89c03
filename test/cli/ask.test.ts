import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import { currentBuild } from "../../src/index/store.js";
import type { Chunk } from "../../src/types.js";
import { type Run, runScript } from "../helpers/cli.js";
import { corpusEnv, ingestSmallCorpus, tempDir } from "../helpers/corpus.js";

/** The real CLI, as `npm run ask` runs it, with only the given environment. */
const ask = (args: string[], env: Record<string, string>) => runScript("ask.ts", args, env);

/** stderr holds a readable error and no stack trace. */
function expectCleanError(run: Run): string[] {
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines[0]).toMatch(/^footnote: \S/);
  expect(run.stderr).not.toMatch(/^\s{4}at /m);
  expect(run.stdout).toBe("");
  return lines;
}

describe("npm run ask", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let config: Config;
  let env: Record<string, string>;
  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempDir("footnote-cli-"));
    ({ config } = await ingestSmallCorpus(root));
    env = corpusEnv(root);
  });
  afterAll(() => cleanup?.());

  it("--json prints one JSON answer whose quotes are exact substrings of the cited passages", async () => {
    const question = "What was the volume of mutual trade within the CIS in 2017?";
    const run = await ask(["--json", question], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines).toHaveLength(2); // one line of JSON, then the final newline
    expect(lines[1]).toBe("");
    const answer = JSON.parse(lines[0] as string);
    expect(answer).toMatchObject({ question, found: true, answer: expect.stringContaining("[1]") });
    expect(answer.citations.length).toBeGreaterThan(0);

    const build = (await currentBuild(config.indexDir)) as string;
    const chunks = JSON.parse(await readFile(join(build, "chunks.json"), "utf8")) as Chunk[];
    answer.citations.forEach((c: Record<string, unknown>, i: number) => {
      expect(Object.keys(c).sort()).toEqual([
        "chunkId",
        "doc",
        "n",
        "page",
        "quote",
        "score",
        "section",
        "title",
      ]);
      expect(c.n).toBe(i + 1);
      const chunk = chunks.find((x) => x.id === c.chunkId);
      expect(chunk, `citation ${i + 1} names an unknown chunk`).toBeDefined();
      expect(chunk?.text).toContain(c.quote);
      expect((c.quote as string).length).toBeGreaterThan(0);
      expect(c).toMatchObject({ doc: chunk?.doc, title: chunk?.title, section: chunk?.section });
      expect(c.page).toBeGreaterThanOrEqual(chunk?.pageStart as number);
      expect(c.page).toBeLessThanOrEqual(chunk?.pageEnd as number);
      expect(c.score).toBeGreaterThan(0);
      expect(c.score).toBeLessThanOrEqual(1);
    });
    // The first source is the passage with the 2017 figures.
    expect(answer.citations[0].doc).toBe("001_04d2d979b8eaaf9e.txt");
    expect(chunks.find((x) => x.id === answer.citations[0].chunkId)?.text).toContain("USD 164 billion");
  });

  it("--k limits the sources", async () => {
    const run = await ask(["--json", "--k", "1", "trade between Belarus and Kazakhstan"], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).citations.length).toBeLessThanOrEqual(1);
  });

  it.each([
    ["an empty question", ["--json", ""]],
    ["a blank question", ["   "]],
    ["an unknown flag", ["--bogus", "What about trade?"]],
    ["a bad --k", ["--k", "0", "What about trade?"]],
  ])("%s is a usage error: exit 2, a short message, no stack trace", async (_, args) => {
    const run = await ask(args, env);
    expect(run.code).toBe(2);
    const lines = expectCleanError(run);
    // The error line, then at most the usage line.
    expect(lines.length).toBeLessThanOrEqual(2);
    if (lines[1]) expect(lines[1]).toMatch(/^usage: npm run ask/);
  });

  it("an unknown flag is named in the message", async () => {
    const run = await ask(["--bogus", "What about trade?"], env);
    expect(run.stderr).toContain("--bogus");
  });

  it("with no index it fails with one line that says to run ingest", async () => {
    const { dir, cleanup: done } = await tempDir("footnote-cli-empty-");
    try {
      const run = await ask(["What about trade?"], { ...env, INDEX_DIR: join(dir, "index") });
      expect(run.code).toBe(1);
      const lines = expectCleanError(run);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("npm run ingest");
    } finally {
      await done();
    }
  });

  it("with a corrupt manifest it fails with one clear line", async () => {
    const { dir, cleanup: done } = await tempDir("footnote-cli-corrupt-");
    try {
      const indexDir = join(dir, "index");
      await cp(config.indexDir, indexDir, { recursive: true });
      const build = (await currentBuild(indexDir)) as string;
      await writeFile(join(build, "manifest.json"), '{"formatVersion": 1, "chunks": ');
      const run = await ask(["--json", "What about trade?"], { ...env, INDEX_DIR: indexDir });
      expect(run.code).toBe(1);
      const lines = expectCleanError(run);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/manifest .* (unreadable|corrupt).*npm run ingest -- --full/);
    } finally {
      await done();
    }
  });
});
