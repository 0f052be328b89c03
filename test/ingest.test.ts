import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../src/config.js";
import { createEmbedder } from "../src/embed/create.js";
import type { Embedder } from "../src/embed/embedder.js";
import { currentBuild, loadIndex, readManifest } from "../src/index/store.js";
import { runIngest } from "../src/ingest.js";
import { openEngine } from "../src/open.js";
import type { Chunk } from "../src/types.js";
import { corpusConfig, SMALL_BOOKS, seedHead, tempDir, writeSmallSeeds } from "./helpers/corpus.js";

const [B001, B002, B004] = SMALL_BOOKS.map((b) => b.file) as [string, string, string];
const ALL = [B001, B002, B004];
const EMBEDDER = { id: "use-lite-512@0.2.0", dimension: 512 };
/** Words only the small 004 text holds. */
const ONLY_IN_004 = "Action Plan to Create a Common Information Space of the Union State";

const chunksOf = async (config: Config): Promise<Chunk[]> =>
  (await loadIndex(config.indexDir, EMBEDDER)).chunks;

/** The four runs build on each other, in order, over one temp corpus. */
describe("runIngest, run after run", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let config: Config;
  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempDir("footnote-ingest-"));
    config = corpusConfig(root);
    await writeSmallSeeds(config.seedsDir);
  });
  afterAll(() => cleanup?.());

  it("first run: adds every document and embeds every chunk", async () => {
    const s = await runIngest(config);
    expect(s).toMatchObject({
      documents: 3,
      added: ALL,
      updated: [],
      removed: [],
      unchanged: [],
      rebuilt: true,
    });
    expect(s.warnings).toEqual([]);
    expect(s.chunks).toBeGreaterThanOrEqual(6);
    expect(s.embedded).toBe(s.chunks);
    const manifest = await readManifest(config.indexDir);
    expect(manifest?.documents.map((d) => d.id)).toEqual(ALL);
    expect(manifest?.documents.reduce((n, d) => n + d.chunks, 0)).toBe(s.chunks);
    expect(manifest?.documents.map((d) => d.title)).toEqual(SMALL_BOOKS.map((b) => b.title));
    const chunks = await chunksOf(config);
    expect(chunks).toHaveLength(s.chunks);
    expect(new Set(chunks.map((c) => c.doc))).toEqual(new Set(ALL));
  });

  it("second run with nothing changed keeps the index as it is", async () => {
    const build = await currentBuild(config.indexDir);
    const s = await runIngest(config);
    expect(s).toMatchObject({
      rebuilt: false,
      embedded: 0,
      added: [],
      updated: [],
      removed: [],
      unchanged: ALL,
    });
    expect(await currentBuild(config.indexDir)).toBe(build);
  });

  it("a changed document is reported updated and only its new chunks are embedded", async () => {
    const before = await chunksOf(config);
    // The book's next pages arrive: its first chunks stay, new ones follow.
    await writeFile(join(config.seedsDir, B002), await seedHead(B002, 200));
    const s = await runIngest(config);
    expect(s).toMatchObject({
      rebuilt: true,
      added: [],
      updated: [B002],
      removed: [],
      unchanged: [B001, B004],
    });

    const after = await chunksOf(config);
    const changed = after.filter((c) => c.doc === B002);
    const manifest = await readManifest(config.indexDir);
    expect(manifest?.documents.find((d) => d.id === B002)?.chunks).toBe(changed.length);
    const newChunks = changed.filter((c) => !before.some((b) => b.id === c.id));
    expect(newChunks.length).toBeGreaterThan(0);
    expect(s.embedded).toBeGreaterThan(0);
    expect(s.embedded).toBeLessThanOrEqual(newChunks.length);
    expect(s.embedded).toBeLessThan(changed.length); // its unchanged opening came from the cache
    // The other documents' chunks are exactly as they were.
    const others = (cs: Chunk[]) => cs.filter((c) => c.doc !== B002);
    expect(others(after)).toEqual(others(before));
  });

  it("a removed document is reported removed and no longer found", async () => {
    const engine = await openEngine(config);
    try {
      const hitsBefore = (await engine.search(ONLY_IN_004, { topK: 5 })).hits;
      expect(hitsBefore[0]?.chunk.doc).toBe(B004);

      await rm(join(config.seedsDir, B004));
      await rm(join(config.seedsDir, `${B004}.meta.json`));
      const s = await runIngest(config);
      expect(s).toMatchObject({ rebuilt: true, embedded: 0, removed: [B004], unchanged: [B001, B002] });
      expect(s.documents).toBe(2);

      expect(await engine.reload()).toBe(true);
      const hits = (await engine.search(ONLY_IN_004, { topK: 10 })).hits;
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(h.chunk.doc).not.toBe(B004);
      expect((await chunksOf(config)).some((c) => c.doc === B004)).toBe(false);
      expect(engine.about().documents.map((d) => d.id)).toEqual([B001, B002]);
    } finally {
      await engine.close();
    }
  });

  it("--full rebuilds everything from the cache without embedding", async () => {
    const build = await currentBuild(config.indexDir);
    const before = await chunksOf(config);
    const s = await runIngest(config, { full: true });
    expect(s).toMatchObject({
      rebuilt: true,
      embedded: 0,
      added: [],
      updated: [],
      removed: [],
      unchanged: [B001, B002],
    });
    expect(await currentBuild(config.indexDir)).not.toBe(build);
    expect(await chunksOf(config)).toEqual(before);
  });

  it("a second ingest while one is running is refused, and the first completes", async () => {
    // The first run embeds afresh (an empty cache) and is held inside its first embedding, so the
    // second certainly arrives while the first holds the index.
    const model = await createEmbedder(config.embedder);
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let entered = () => {};
    const embedding = new Promise<void>((r) => {
      entered = r;
    });
    const held: Embedder = {
      id: model.id,
      dimension: model.dimension,
      embed: async (texts) => {
        entered();
        await gate;
        return model.embed(texts);
      },
      close: async () => {},
    };
    try {
      const first = runIngest(
        { ...config, cacheDir: join(root, "cold-cache") },
        { full: true, embedder: held },
      );
      await embedding;
      const second = await runIngest(config, { full: true, embedder: model }).catch((e: unknown) => e);
      release();
      expect((await first).rebuilt).toBe(true);
      expect((second as Error).message).toMatch(/Another ingest \(pid \d+\) is updating this index/);
      expect(await readFile(join(config.indexDir, "CURRENT"), "utf8")).toMatch(/\S/);
    } finally {
      release();
      await model.close();
    }
  });
});

describe("runIngest after the embedder changed", () => {
  // An index built by another embedder must be rebuilt, or loadIndex would refuse it while
  // ingest called it up to date.
  it("rebuilds an index that another embedder built, even though no document changed", async () => {
    const { dir, cleanup } = await tempDir("footnote-ingest-embedder-");
    try {
      const config = corpusConfig(dir);
      await writeSmallSeeds(config.seedsDir, SMALL_BOOKS.slice(0, 1));
      await runIngest(config);
      // As if the last ingest had run with EMBEDDER=transformers.
      const build = (await currentBuild(config.indexDir)) as string;
      const file = join(build, "manifest.json");
      const manifest = JSON.parse(await readFile(file, "utf8"));
      await writeFile(
        file,
        JSON.stringify({ ...manifest, embedder: { id: "Xenova/all-MiniLM-L6-v2", dimension: 384 } }),
      );

      const s = await runIngest(config);
      expect(s.rebuilt).toBe(true);
      expect((await readManifest(config.indexDir))?.embedder).toEqual(EMBEDDER);
    } finally {
      await cleanup();
    }
  });
});
