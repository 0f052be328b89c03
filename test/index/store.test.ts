import { spawn } from "node:child_process";
import { readFileSync, readlinkSync } from "node:fs";
import { mkdir, open, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chunkDocument, embeddingText } from "../../src/chunk.js";
import type { Embedder } from "../../src/embed/embedder.js";
import { createUseLiteEmbedder } from "../../src/embed/use-lite.js";
import { KeywordIndex } from "../../src/index/keywords.js";
import { FORMAT_VERSION, type Manifest } from "../../src/index/manifest.js";
import {
  currentBuild,
  type IndexData,
  IndexError,
  loadIndex,
  readManifest,
  writeIndex,
} from "../../src/index/store.js";
import { HnswVectorStore, type VectorStore } from "../../src/index/vectors.js";
import type { Chunk } from "../../src/types.js";
import { buildDoc, PARAGRAPHS as P, REPO, tempDir } from "../helpers/corpus.js";

let embedder: Embedder;
let chunks: Chunk[];
let vectors: Float32Array[];
let dir: string;

function manifestFor(cs: Chunk[], e: { id: string; dimension: number } = embedder): Manifest {
  return {
    formatVersion: FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    embedder: { id: e.id, dimension: e.dimension },
    chunking: { targetTokens: 80, overlapTokens: 16, contextSentences: 2 },
    documents: [{ id: "test.txt", title: "Test book", hash: "h", chunks: cs.length }],
    chunks: cs.length,
  };
}

function indexData(cs = chunks, vs = vectors): IndexData {
  return {
    manifest: manifestFor(cs),
    chunks: cs,
    vectors: HnswVectorStore.build(embedder.dimension, vs),
    keywords: KeywordIndex.build(cs),
  };
}

const buildsIn = async (indexDir: string) => (await readdir(join(indexDir, "builds"))).sort();

beforeAll(async () => {
  embedder = await createUseLiteEmbedder({ workers: 1 });
  const doc = buildDoc([
    { text: P.cisTrade, section: "Evolution of regional cooperation" },
    { text: P.stavropol, section: "Belarus - Russia: Stavropol" },
    { text: P.cuba, section: "The EAEU and the Americas" },
    { text: P.parliament, section: "Parliamentary diplomacy" },
  ]);
  chunks = chunkDocument(doc, { targetTokens: 80, overlapTokens: 16, contextSentences: 2 });
  vectors = await embedder.embed(chunks.map(embeddingText));
});
afterAll(async () => {
  await embedder?.close();
});
beforeEach(async () => {
  const t = await tempDir("footnote-index-");
  dir = t.dir;
  return t.cleanup;
});

describe("writeIndex / loadIndex", () => {
  it("round-trips chunks, vectors and the keyword index", async () => {
    expect(chunks.length).toBeGreaterThan(6);
    const build = await writeIndex(dir, indexData());
    expect(await currentBuild(dir)).toBe(join(dir, "builds", build));
    expect((await readManifest(dir))?.chunks).toBe(chunks.length);

    const loaded = await loadIndex(dir, embedder);
    expect(loaded.chunks).toEqual(chunks);
    expect(loaded.vectors.size).toBe(chunks.length);
    expect(loaded.manifest).toMatchObject({
      chunks: chunks.length,
      embedder: { id: embedder.id, dimension: 512 },
    });
    // Every stored vector finds its own chunk first.
    vectors.forEach((v, label) => {
      const [top] = loaded.vectors.search(v, 3);
      expect(top?.label).toBe(label);
      expect(top?.similarity).toBeCloseTo(1, 4);
    });
    // A question finds the chunk that answers it.
    const [q] = await embedder.embed(["How much did the Stavropol trade turnover amount to in 2013?"]);
    const [best] = loaded.vectors.search(q as Float32Array, 1);
    expect(loaded.chunks[best?.label as number]?.section).toBe("Belarus - Russia: Stavropol");
    const [kw] = loaded.keywords.search("Cuba 417.5 million", 5);
    expect(loaded.chunks[kw?.label as number]?.text).toContain("$417.5 million");
    expect(
      loaded.keywords.search("parliamentarians", 5).map((h) => loaded.chunks[h.label]?.section),
    ).toContain("Parliamentary diplomacy");
  });

  it("says there is no index, and to run ingest, when nothing was built", async () => {
    expect(await currentBuild(dir)).toBeUndefined();
    await expect(loadIndex(dir, embedder)).rejects.toThrow(IndexError);
    await expect(loadIndex(dir, embedder)).rejects.toThrow(/No index in .*run `npm run ingest`/);
  });

  it.each([
    { id: "Xenova/all-MiniLM-L6-v2", dimension: 384 },
    { id: "other-embedder", dimension: 512 },
    { id: "use-lite-512@0.2.0", dimension: 384 },
  ])("refuses an index built by another embedder (%o) and says to re-run ingest", async (other) => {
    await writeIndex(dir, indexData());
    const err = await loadIndex(dir, other).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexError);
    expect((err as Error).message).toMatch(/re-run `npm run ingest`/);
    expect((err as Error).message).toContain(embedder.id);
  });

  it.each([
    ["unreadable JSON", "{ not json"],
    ["a manifest of the wrong shape", JSON.stringify({ formatVersion: 1, chunks: "many" })],
    ["an empty file", ""],
  ])("turns %s into an IndexError that says to re-run ingest", async (_, content) => {
    const build = await writeIndex(dir, indexData());
    await writeFile(join(dir, "builds", build, "manifest.json"), content);
    for (const attempt of [() => readManifest(dir), () => loadIndex(dir, embedder)]) {
      const err = await attempt().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IndexError);
      expect((err as Error).message).toMatch(/npm run ingest -- --full/);
      expect((err as Error).message).not.toContain("\n");
    }
  });

  it("refuses an unknown format version", async () => {
    const build = await writeIndex(dir, indexData());
    const file = join(dir, "builds", build, "manifest.json");
    const manifest = JSON.parse(await readFile(file, "utf8"));
    await writeFile(file, JSON.stringify({ ...manifest, formatVersion: FORMAT_VERSION + 1 }));
    const err = await loadIndex(dir, embedder).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexError);
    expect((err as Error).message).toMatch(
      new RegExp(`format ${FORMAT_VERSION + 1}.*re-run \`npm run ingest\``),
    );
  });

  it("reports a build with a missing vector file as damaged", async () => {
    const build = await writeIndex(dir, indexData());
    await rm(join(dir, "builds", build, "vectors.hnsw"));
    await expect(loadIndex(dir, embedder)).rejects.toThrow(/damaged.*npm run ingest -- --full/);
  });

  it("reports chunks and vectors that do not match the manifest as damaged", async () => {
    const build = await writeIndex(dir, indexData());
    await writeFile(join(dir, "builds", build, "chunks.json"), JSON.stringify(chunks.slice(1)));
    const err = await loadIndex(dir, embedder).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexError);
    expect((err as Error).message).toMatch(/damaged/);
  });
});

describe("atomic builds", () => {
  /** A vector store that gets as far as writing part of its file, then fails. */
  class FailingStore implements VectorStore {
    constructor(private readonly real: VectorStore) {}
    get dimension() {
      return this.real.dimension;
    }
    get size() {
      return this.real.size;
    }
    search(v: Float32Array, k: number) {
      return this.real.search(v, k);
    }
    vector(label: number) {
      return this.real.vector(label);
    }
    async save(file: string) {
      await writeFile(file, "partial");
      throw new Error("disk full");
    }
  }

  it("a write that fails midway leaves the previous build current and loadable", async () => {
    const first = chunks.slice(0, 4);
    const previous = await writeIndex(dir, indexData(first, vectors.slice(0, 4)));
    const data = indexData();
    await expect(writeIndex(dir, { ...data, vectors: new FailingStore(data.vectors) })).rejects.toThrow(
      "disk full",
    );
    expect(await currentBuild(dir)).toBe(join(dir, "builds", previous));
    const loaded = await loadIndex(dir, embedder);
    expect(loaded.chunks).toEqual(first);
    expect(loaded.vectors.size).toBe(4);
    // The half-written build was removed at once, as was its CURRENT file.
    expect(await buildsIn(dir)).toEqual([previous]);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const next = await writeIndex(dir, indexData());
    expect(await buildsIn(dir)).toEqual([next]);
    expect((await loadIndex(dir, embedder)).chunks).toEqual(chunks);
  });

  it("a process killed in the middle of writing leaves the previous build current and loadable", async () => {
    const previous = await writeIndex(dir, indexData(chunks.slice(0, 3), vectors.slice(0, 3)));
    const script = join(dir, "crash.mts");
    const store = JSON.stringify(join(REPO, "src/index/store.ts"));
    const keywords = JSON.stringify(join(REPO, "src/index/keywords.ts"));
    await writeFile(
      script,
      `import { writeFile } from "node:fs/promises";
import { writeIndex } from ${store};
import { KeywordIndex } from ${keywords};
const chunks = ${JSON.stringify(chunks)};
const vectors = {
  dimension: 512,
  size: chunks.length,
  search: () => [],
  vector: () => new Float32Array(512),
  async save(file) {
    await writeFile(file, "partial");
    process.stdout.write("saving\\n");
    await new Promise(() => setInterval(() => {}, 1000)); // never finishes: killed here
  },
};
const manifest = ${JSON.stringify(manifestFor(chunks))};
await writeIndex(${JSON.stringify(dir)}, { manifest, chunks, vectors, keywords: KeywordIndex.build(chunks) });
`,
    );
    const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: REPO });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        if (d.toString().includes("saving")) resolve();
      });
      child.on("exit", (code) => reject(new Error(`child exited early (${code})`)));
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGKILL");
    await exited;

    expect(await currentBuild(dir)).toBe(join(dir, "builds", previous));
    expect((await loadIndex(dir, embedder)).chunks).toEqual(chunks.slice(0, 3));
    expect(await buildsIn(dir)).toHaveLength(2);
  });

  it("a build that cannot be serialised is removed, and the previous one stays current", async () => {
    const previous = await writeIndex(dir, indexData(chunks.slice(0, 2), vectors.slice(0, 2)));
    // JSON.stringify throws on a BigInt: a failure after the vectors were already on disk.
    const bad = chunks.map((c, i) => (i === 1 ? { ...c, pageStart: 1n as unknown as number } : c));
    await expect(writeIndex(dir, { ...indexData(), chunks: bad })).rejects.toThrow(/BigInt/);
    expect(await buildsIn(dir)).toEqual([previous]);
    expect((await loadIndex(dir, embedder)).chunks).toEqual(chunks.slice(0, 2));
  });

  it("refuses to start a build the disk has no room for, naming the space free and needed", async () => {
    const previous = await writeIndex(dir, indexData(chunks.slice(0, 2), vectors.slice(0, 2)));
    const err = await writeIndex(dir, indexData(), { diskMarginBytes: 2 ** 60 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexError);
    expect((err as Error).message).toMatch(
      /^Not enough free disk space for a new index build in .*: [\d.]+ MB free, [\d.]+ MB needed .*The current index is unchanged/,
    );
    expect(await buildsIn(dir)).toEqual([previous]);
  });

  it("fsyncs every file of a build and its folder before CURRENT names it, and the index folder after", async () => {
    await writeIndex(dir, indexData(chunks.slice(0, 2), vectors.slice(0, 2)));
    // What was fsynced, in order, and whether CURRENT already named the new build at that moment.
    const synced: { path: string; live: string }[] = [];
    const probe = await open(join(dir, "CURRENT"), "r");
    const proto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
    await probe.close();
    const realSync = proto.sync;
    proto.sync = async function (this: { fd: number }) {
      synced.push({
        path: readlinkSync(`/proc/self/fd/${this.fd}`),
        live: readFileSync(join(dir, "CURRENT"), "utf8").trim(),
      });
      return realSync.call(this);
    };
    let build: string;
    try {
      build = await writeIndex(dir, indexData());
    } finally {
      proto.sync = realSync;
    }
    const buildDir = join(dir, "builds", build);
    const before = synced.filter((s) => s.live !== build).map((s) => s.path);
    for (const name of ["vectors.hnsw", "chunks.json", "keywords.bin", "manifest.json"]) {
      expect(before).toContain(join(buildDir, name));
    }
    expect(before).toContain(buildDir);
    expect(before).toContain(join(dir, `CURRENT.${build}.tmp`));
    expect(synced.filter((s) => s.live === build).map((s) => s.path)).toEqual([dir]);
  });

  it("a successful swap removes the older builds", async () => {
    await writeIndex(dir, indexData(chunks.slice(0, 2), vectors.slice(0, 2)));
    await mkdir(join(dir, "builds", "leftover-from-a-crash"), { recursive: true });
    const second = await writeIndex(dir, indexData());
    expect(await buildsIn(dir)).toEqual([second]);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect((await readFile(join(dir, "CURRENT"), "utf8")).trim()).toBe(second);
  });
});
