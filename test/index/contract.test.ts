import { spawn } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { embeddingText } from "../../src/chunk.js";
import type { Config } from "../../src/config.js";
import { createEmbedder } from "../../src/embed/create.js";
import type { Embedder } from "../../src/embed/embedder.js";
import { openStore } from "../../src/index/open-store.js";
import type { Store } from "../../src/index/port.js";
import { runIngest } from "../../src/ingest.js";
import { type LoadedEngine, openEngine } from "../../src/open.js";
import { watchIndex } from "../../src/reload.js";
import { term } from "../../src/text/analyze.js";
import type { Chunk } from "../../src/types.js";
import {
  corpusConfig,
  corpusEnv,
  REPO,
  SMALL_BOOKS,
  seedHead,
  tempDir,
  writeSmallSeeds,
} from "../helpers/corpus.js";

/**
 * The store contract: the same cases against both adapters — embedded files, and Postgres
 * (PGlite with pgvector over its socket, reached with the real `pg` driver; see test/setup).
 */
const [B001, B002, B004] = SMALL_BOOKS.map((b) => b.file) as [string, string, string];
/** Words only the small 004 text holds. */
const ONLY_IN_004 = "Action Plan to Create a Common Information Space of the Union State";
const ARCTIC =
  "The Arctic shipping corridor agreement on icebreaker escorts for container vessels along the Northern Sea Route was signed in Murmansk.";

let schemas = 0;
const ADAPTERS = [
  { kind: "files", env: (): Record<string, string> => ({}) },
  {
    kind: "postgres",
    env: (): Record<string, string> => ({
      STORE: "postgres",
      DATABASE_URL: inject("databaseUrl"),
      PG_SCHEMA: `contract_${process.pid}_${++schemas}`,
      RELOAD_POLL_MS: "200",
    }),
  },
] as const;

describe.each(ADAPTERS)("store contract: $kind", (adapter) => {
  let embedder: Embedder;
  let cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    embedder = await createEmbedder(corpusConfig("/tmp").embedder);
  });
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups = [];
    await embedder?.close();
  });

  /** A fresh corpus of the three small books, with its own index (folder or schema). */
  async function fresh(
    extra: Record<string, string> = {},
  ): Promise<{ root: string; env: Record<string, string>; config: Config }> {
    const { dir: root, cleanup } = await tempDir(`footnote-contract-${adapter.kind}-`);
    cleanups.push(cleanup);
    const env = { ...adapter.env(), ...extra };
    const config = corpusConfig(root, env);
    await writeSmallSeeds(config.seedsDir);
    return { root, env: corpusEnv(root, env), config };
  }
  async function storeOf(config: Config): Promise<Store> {
    const store = await openStore(config);
    cleanups.push(() => store.close());
    return store;
  }

  it("ingest: every document's chunks, vectors, keywords, term counts and neighbours read back", async () => {
    const { config } = await fresh();
    const store = await storeOf(config);
    expect(await store.live()).toBeUndefined();
    await expect(store.open(embedder)).rejects.toThrow(/run `npm run ingest`/);
    const s = await runIngest(config, { embedder, store });
    expect(s).toMatchObject({ rebuilt: true, added: [B001, B002, B004], documents: 3 });
    expect(s.embedded).toBe(s.chunks);

    const reader = await store.open(embedder);
    expect(reader.generation).toBe(await store.live());
    expect(reader.manifest.documents.map((d) => d.id)).toEqual([B001, B002, B004]);
    expect(reader.manifest.documents.reduce((n, d) => n + d.chunks, 0)).toBe(s.chunks);
    expect(reader.manifest.embedder).toEqual({ id: embedder.id, dimension: embedder.dimension });

    const [kw] = await reader.keywords(ONLY_IN_004, 5);
    const chunks = await reader.chunks([kw?.label as number]);
    const top = chunks.get(kw?.label as number);
    expect(top?.doc).toBe(B004);
    expect(top?.text).toContain("Common Information Space");

    const [q] = await embedder.embed([embeddingText(top as Chunk)]);
    const [near] = await reader.nearest(q as Float32Array, 3);
    expect(near?.label).toBe(kw?.label);
    expect(near?.similarity).toBeCloseTo(1, 3);
    const sims = await reader.similarities(q as Float32Array, [kw?.label as number]);
    expect(sims.get(kw?.label as number)).toBeCloseTo(1, 3);

    // Spelling candidates: a corpus term with its last letter changed finds the term again.
    const integr = term("integration") as string;
    const misspelt = `${integr.slice(0, -1)}x`;
    const counts = await reader.termCounts(
      [term("union") as string, "zzzunknown"],
      [{ term: misspelt, maxEdits: 1 }],
    );
    expect(counts.passages).toBe(s.chunks);
    expect(counts.df.get(term("union") as string)).toBeGreaterThan(0);
    expect(counts.df.has("zzzunknown")).toBe(false);
    expect(counts.df.get(integr)).toBeGreaterThan(0);
  });

  it("incremental: a changed document re-embeds only new text, a removed one disappears, the rest stay as they were", async () => {
    const { config } = await fresh();
    const store = await storeOf(config);
    await runIngest(config, { embedder, store });
    const before = await store.open(embedder);
    const kept = await allChunks(embedder, before);

    await writeFile(join(config.seedsDir, B002), await seedHead(B002, 200));
    await rm(join(config.seedsDir, B004));
    await writeFile(join(config.seedsDir, "arctic.md"), `# Arctic\n\n${ARCTIC}\n`);
    const s = await runIngest(config, { embedder, store });
    expect(s).toMatchObject({ added: ["arctic.md"], updated: [B002], removed: [B004], unchanged: [B001] });
    const after = await store.open(embedder);
    const now = await allChunks(embedder, after);
    const changed = now.filter((c) => c.doc === B002);
    const novel = changed.filter((c) => !kept.some((k) => k.id === c.id));
    expect(s.embedded).toBeGreaterThan(0);
    expect(s.embedded).toBeLessThanOrEqual(novel.length + 1); // + the Arctic note's one chunk
    expect(now.filter((c) => c.doc === B001)).toEqual(kept.filter((c) => c.doc === B001));
    expect(now.some((c) => c.doc === B004)).toBe(false);
    expect(after.manifest.documents.map((d) => d.id).sort()).toEqual([B001, B002, "arctic.md"].sort());
    const hits = await after.keywords(ONLY_IN_004, 10);
    for (const c of (await after.chunks(hits.map((h) => h.label))).values()) expect(c.doc).not.toBe(B004);
    // Nothing changed: the live generation stays.
    const again = await runIngest(config, { embedder, store });
    expect(again).toMatchObject({ rebuilt: false, embedded: 0 });
    expect(await store.live()).toBe(after.generation);
  });

  it("atomic swap: a concurrent reader sees the old generation or the new one, never a mix, and never fails", async () => {
    const { config } = await fresh();
    const store = await storeOf(config);
    await runIngest(config, { embedder, store });
    const old = await store.open(embedder);
    const oldIds = new Set((await allChunks(embedder, old)).map((c) => c.id));
    await writeFile(join(config.seedsDir, "arctic.md"), `# Arctic\n\n${ARCTIC}\n`);
    await rm(join(config.seedsDir, B001));

    const views: { docs: string[]; chunks: number }[] = [];
    const failures: unknown[] = [];
    let reading = true;
    const reader = (async () => {
      const other = await storeOf(config); // another process's view: its own connections
      while (reading) {
        try {
          const r = await other.open(embedder);
          const all = await allChunks(embedder, r);
          views.push({ docs: [...new Set(all.map((c) => c.doc))].sort(), chunks: all.length });
          expect(all.length).toBe(r.manifest.chunks);
          // The reader opened before the swap keeps answering from its own generation.
          expect((await old.keywords("mutual trade CIS", 3)).length).toBeGreaterThan(0);
        } catch (err) {
          failures.push(err);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await runIngest(config, { embedder, store });
    await new Promise((r) => setTimeout(r, 300));
    reading = false;
    await reader;
    expect(failures).toEqual([]);
    const oldDocs = [B001, B002, B004].sort();
    const newDocs = [B002, B004, "arctic.md"].sort();
    expect(views.length).toBeGreaterThan(2);
    for (const v of views) expect([oldDocs, newDocs]).toContainEqual(v.docs);
    expect(views.at(-1)?.docs).toEqual(newDocs);
    const newer = await store.open(embedder);
    expect([...(await allChunks(embedder, newer))].some((c) => oldIds.has(c.id))).toBe(true); // unchanged documents carried over
  });

  it("crash mid-ingest: a killed ingest leaves the live generation intact, and the next ingest completes", async () => {
    // A short lease, so the dead worker's document comes back within the test.
    const { config, env } = await fresh(adapter.kind === "postgres" ? { INGEST_LEASE_SECONDS: "5" } : {});
    const store = await storeOf(config);
    await writeSmallSeeds(config.seedsDir, SMALL_BOOKS.slice(0, 1));
    await rm(join(config.seedsDir, B002));
    await rm(join(config.seedsDir, B004));
    await runIngest(config, { embedder, store });
    const live = await store.live();
    await writeSmallSeeds(config.seedsDir);

    // An ingest that completes its first document, then hangs inside the second one's embedding.
    const script = join(config.root, "crash.mts");
    await writeFile(
      script,
      `import { loadConfig } from ${JSON.stringify(join(REPO, "src/config.ts"))};
import { createEmbedder } from ${JSON.stringify(join(REPO, "src/embed/create.ts"))};
import { runIngest } from ${JSON.stringify(join(REPO, "src/ingest.ts"))};
const config = loadConfig(process.env, ${JSON.stringify(config.root)});
const real = await createEmbedder(config.embedder);
let docs = 0;
const embedder = { id: real.id, dimension: real.dimension, close: () => real.close(),
  async embed(texts) {
    if (++docs > 1) { process.stdout.write("hanging\\n"); await new Promise(() => setInterval(() => {}, 1000)); }
    return real.embed(texts);
  } };
await runIngest(config, { embedder });
`,
    );
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: REPO,
      env: { ...process.env, ...env },
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => d.toString().includes("hanging") && resolve());
      child.on("exit", (code) => reject(new Error(`child exited early (${code})`)));
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGKILL");
    await exited;

    expect(await store.live()).toBe(live);
    const reader = await store.open(embedder);
    expect(reader.manifest.documents.map((d) => d.id)).toEqual([B001]);
    expect((await allChunks(embedder, reader)).every((c) => c.doc === B001)).toBe(true);

    // Files: the dead process's lock is taken over. Postgres: the same plan joins the abandoned
    // build, keeps its finished document, and re-claims the other once its lease runs out.
    const s = await runIngest(config, { embedder, store, pollMs: 200 });
    expect(s).toMatchObject({ rebuilt: true, added: [B002, B004] });
    if (adapter.kind === "postgres") expect(s.embedded).toBeLessThan(s.chunks - 3);
    const done = await store.open(embedder);
    expect(done.manifest.documents.map((d) => d.id)).toEqual([B001, B002, B004]);
    expect(await allChunks(embedder, done)).toHaveLength(done.manifest.chunks);
  });

  it("two workers: concurrent ingest processes leave one consistent generation", async () => {
    const { config, env } = await fresh();
    const ingest = () =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--json"], {
          cwd: REPO,
          env: { ...process.env, ...env },
        });
        let out = "";
        let err = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d;
        });
        child.stderr.on("data", (d: Buffer) => {
          err += d;
        });
        child.on("exit", (code) => resolve({ code, out, err }));
      });
    // The second a moment later: lock.ts has a window between creating the lock file and writing
    // its pid in which a second process takes an empty lock for a dead one's (issue 11 fixes it).
    const first = ingest();
    await new Promise((r) => setTimeout(r, 1000));
    const [a, b] = await Promise.all([first, ingest()]);
    const store = await storeOf(config);
    const reader = await store.open(embedder);
    expect(reader.manifest.documents.map((d) => d.id)).toEqual([B001, B002, B004]);
    const all = await allChunks(embedder, reader);
    expect(all).toHaveLength(reader.manifest.chunks);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    const summaries = [a, b].filter((r) => r.code === 0).map((r) => JSON.parse(r.out));
    if (adapter.kind === "files") {
      // One writer per folder: the other is refused and changes nothing.
      expect(summaries.length).toBeGreaterThanOrEqual(1);
      const refused = [a, b].filter((r) => r.code !== 0);
      for (const r of refused) expect(r.err).toMatch(/Another ingest \(pid \d+\) is updating this index/);
    } else {
      // Both join the one build: each document is embedded once, by one of them (with a lease
      // longer than a document's embedding; the main thread's WASM model delays renewals).
      expect(summaries).toHaveLength(2);
      expect(summaries.reduce((n, s) => n + s.embedded, 0)).toBe(all.length);
    }
  });

  it("hot reload: two engines (replicas) both serve a new generation without a restart", async () => {
    const { config } = await fresh();
    await runIngest(config, { embedder });
    const engines: LoadedEngine[] = [];
    const stops: (() => Promise<void>)[] = [];
    const reloaded: number[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const engine = await openEngine(config, { embedder });
        engines.push(engine);
        stops.push(watchIndex(engine.store, engine, { info: () => reloaded.push(i), error: () => {} }));
      }
      const hasArctic = async (e: LoadedEngine) =>
        (await e.search("icebreaker escorts Northern Sea Route Murmansk")).hits.some((h) =>
          h.chunk.text.includes("icebreaker"),
        );
      for (const e of engines) expect(await hasArctic(e)).toBe(false);
      await writeFile(join(config.seedsDir, "arctic.md"), `# Arctic\n\n${ARCTIC}\n`);
      await runIngest(config, { embedder }); // a third process: its own store
      const deadline = Date.now() + 20_000;
      while (new Set(reloaded).size < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(new Set(reloaded).size).toBe(2);
      for (const e of engines) {
        expect(await hasArctic(e)).toBe(true);
        expect(e.about().documents.map((d) => d.id)).toContain("arctic.md");
        const [hit] = (await e.search("icebreaker escorts Murmansk")).hits;
        expect((await e.passage(hit?.chunk.id as string))?.chunk.doc).toBe("arctic.md");
      }
    } finally {
      for (const stop of stops) await stop();
      for (const e of engines) await e.close();
    }
  });
});

/** Every chunk of a generation: nearest neighbours of any text, with a limit above its size. */
async function allChunks(embedder: Embedder, reader: Awaited<ReturnType<Store["open"]>>) {
  const [v] = await embedder.embed(["trade and cooperation"]);
  const labels = (await reader.nearest(v as Float32Array, 10_000)).map((n) => n.label);
  return [...(await reader.chunks(labels)).values()].sort((a, b) =>
    a.doc === b.doc ? a.start - b.start : a.doc.localeCompare(b.doc),
  );
}
