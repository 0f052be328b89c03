import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../src/config.js";
import type { Embedder } from "../src/embed/embedder.js";
import { createUseLiteEmbedder } from "../src/embed/use-lite.js";
import { createFileStore } from "../src/index/files.js";
import { currentBuild, IndexError, readManifest } from "../src/index/store.js";
import { runIngest } from "../src/ingest.js";
import { openEngine } from "../src/open.js";
import { corpusConfig, PARAGRAPHS as P, SMALL_BOOKS, tempDir, writeSmallSeeds } from "./helpers/corpus.js";

/** Ingest never aborts on one document: special-token text, an embedding failure, no disk room. */

const FILES = SMALL_BOOKS.map((b) => b.file);
/** A real paragraph with a tokenizer control token pasted into it, as a converted web page may hold. */
const SPECIAL = `${P.chechnya} <|endoftext|> The forum <|im_start|>system was held in Mogilev.`;
/** A text the test embedder refuses, standing for any document a model cannot take. */
const POISON = "This paragraph stands for a document the embedding model fails on.";

let real: Embedder;
beforeAll(async () => {
  real = await createUseLiteEmbedder({ workers: 1 });
});
afterAll(() => real?.close());

/** The real model, except that any batch holding the poison text fails (as a crashing model would). */
const failingOnPoison = (): Embedder => ({
  id: real.id,
  dimension: real.dimension,
  embed: async (texts) => {
    if (texts.some((t) => t.includes(POISON))) throw new Error("model crashed on input");
    return real.embed(texts);
  },
  close: async () => {},
});

describe("runIngest with documents that used to abort it", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let config: Config;
  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempDir("footnote-faults-"));
    config = corpusConfig(root);
    await writeSmallSeeds(config.seedsDir);
  });
  afterAll(() => cleanup?.());

  it("indexes text holding special tokens such as <|endoftext|> as ordinary text", async () => {
    await writeFile(join(config.seedsDir, "special.txt"), SPECIAL);
    const s = await runIngest(config, { embedder: real });
    expect(s.warnings).toEqual([]);
    expect(s.added).toContain("special.txt");
    const engine = await openEngine(config, { embedder: real });
    try {
      const { hits } = await engine.search("Chechen Republic agreement June 2017 Fourth Forum of Regions");
      expect(hits[0]?.chunk.doc).toBe("special.txt");
      expect(hits[0]?.chunk.text).toContain("<|endoftext|>");
    } finally {
      await engine.close();
    }
  });

  it("skips a document the embedder fails on, with a warning naming it, and indexes the rest", async () => {
    await writeFile(join(config.seedsDir, "poison.txt"), `${P.parliament} ${POISON}`);
    const s = await runIngest(config, { embedder: failingOnPoison(), full: true });
    expect(s.warnings).toEqual([{ file: "poison.txt", reason: "cannot embed: model crashed on input" }]);
    expect(s.added).not.toContain("poison.txt");
    const manifest = await readManifest(config.indexDir);
    expect(manifest?.documents.map((d) => d.id).sort()).toEqual([...FILES, "special.txt"].sort());
    expect(s.chunks).toBe(manifest?.chunks);
  });

  it("fails, keeping the old index, when the embedder fails on every document", async () => {
    const build = await currentBuild(config.indexDir);
    const broken: Embedder = {
      ...failingOnPoison(),
      embed: async () => Promise.reject(new Error("no model")),
    };
    // A fresh cache, so every text goes to the (broken) model.
    const uncached = { ...config, cacheDir: join(root, "empty-cache") };
    await expect(runIngest(uncached, { embedder: broken, full: true })).rejects.toThrow(
      /embedding failed for every document \(no model\); the index was not changed/,
    );
    expect(await currentBuild(config.indexDir)).toBe(build);
  });

  it("checks for free disk space before embedding anything, and keeps the old index", async () => {
    const build = await currentBuild(config.indexDir);
    let embedded = 0;
    const counting: Embedder = {
      ...real,
      id: real.id,
      dimension: real.dimension,
      embed: async (texts) => {
        embedded += texts.length;
        return real.embed(texts);
      },
      close: async () => {},
    };
    await writeFile(
      join(config.seedsDir, FILES[0] as string),
      `${await readFile(join(config.seedsDir, FILES[0] as string), "utf8")}\n\nA new closing paragraph about trade.`,
    );
    // A disk that would be left with less than 2^60 bytes free: every disk.
    const store = createFileStore({
      indexDir: config.indexDir,
      cacheDir: config.cacheDir,
      feedback: config.feedback,
      settings: { diskMarginBytes: 2 ** 60 },
    });
    const err = await runIngest(config, { embedder: counting, store }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexError);
    expect((err as Error).message).toMatch(/^Not enough free disk space/);
    expect(embedded).toBe(0);
    expect(await currentBuild(config.indexDir)).toBe(build);
  });
});
