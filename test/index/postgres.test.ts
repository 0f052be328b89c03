import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Config } from "../../src/config.js";
import { createEmbedder } from "../../src/embed/create.js";
import type { Embedder } from "../../src/embed/embedder.js";
import { openStore } from "../../src/index/open-store.js";
import type { IndexReader, Store } from "../../src/index/port.js";
import { Db } from "../../src/index/postgres/db.js";
import { SCHEMA_VERSION } from "../../src/index/postgres/schema.js";
import { IndexError } from "../../src/index/store.js";
import { runIngest } from "../../src/ingest.js";
import { corpusConfig, tempDir, writeSmallSeeds } from "../helpers/corpus.js";

/** What only the Postgres adapter has: its schema, its embedder binding, BM25 in SQL, votes. */
describe("postgres store", () => {
  const url = inject("databaseUrl");
  const schema = `pgstore_${process.pid}`;
  let embedder: Embedder;
  let config: Config;
  let files: Config;
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    let root: string;
    ({ dir: root, cleanup } = await tempDir("footnote-pg-"));
    config = corpusConfig(root, { STORE: "postgres", DATABASE_URL: url, PG_SCHEMA: schema });
    files = corpusConfig(root);
    await writeSmallSeeds(config.seedsDir);
    embedder = await createEmbedder(config.embedder);
    store = await openStore(config);
    await runIngest(config, { embedder, store });
    await runIngest(files, { embedder });
  });
  afterAll(async () => {
    await store?.close();
    await embedder?.close();
    await cleanup?.();
  });

  it("ranks keyword candidates with the same BM25 scores as the file store's minisearch", async () => {
    const fileStore = await openStore(files);
    try {
      const [pg, fs] = [await store.open(embedder), await fileStore.open(embedder)];
      for (const query of [
        "mutual trade within the CIS in 2017",
        "Eurasian Economic Union development center",
        "union state integration Belarus Russia",
        "trade trade cooperation", // a repeated word counts twice in both
      ]) {
        const [a, b] = [await ranked(pg, query), await ranked(fs, query)];
        expect(a.length).toBeGreaterThan(0);
        expect(a.map((h) => h.id)).toEqual(b.map((h) => h.id));
        a.forEach((h, i) => {
          expect(h.score).toBeCloseTo(b[i]?.score as number, 6);
        });
      }
    } finally {
      await fileStore.close();
    }
  });

  it("records the schema version and the embedder; another embedder is refused with a clear error", async () => {
    const db = new Db(url);
    try {
      const meta = await db.tx((q) =>
        q<{ key: string; value: unknown }>(`SELECT key, value FROM ${schema}.meta ORDER BY key`),
      );
      expect(meta.rows).toEqual([
        { key: "embedder", value: { id: embedder.id, dimension: 512 } },
        { key: "schema_version", value: SCHEMA_VERSION },
      ]);
      // Opening again migrates nothing and keeps the data.
      const again = await openStore(config);
      expect(await again.live()).toBe(await store.live());
      await again.close();

      const other = { id: "Xenova/all-MiniLM-L6-v2", dimension: 384 };
      const err = await store.open(other).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IndexError);
      expect((err as Error).message).toMatch(
        /holds vectors of embedder use-lite-512@0\.2\.0 \(512-d\) but Xenova\/all-MiniLM-L6-v2 \(384-d\)/,
      );
      const fresh = await openStore(config);
      await expect(fresh.vectorCache(other)).rejects.toThrow(/holds vectors of embedder/);
      await fresh.close();

      await db.tx((q) =>
        q(`UPDATE ${schema}.meta SET value = $1 WHERE key = 'schema_version'`, [SCHEMA_VERSION + 1]),
      );
      await expect(openStore(config)).rejects.toThrow(
        new RegExp(`version ${SCHEMA_VERSION + 1}.*upgrade Footnote`),
      );
      await db.tx((q) =>
        q(`UPDATE ${schema}.meta SET value = $1 WHERE key = 'schema_version'`, [SCHEMA_VERSION]),
      );
    } finally {
      await db.close();
    }
  });

  it("reports an unreachable database in one line naming it, without the password", async () => {
    const bad = corpusConfig("/tmp", {
      STORE: "postgres",
      DATABASE_URL: "postgres://footnote:secret@127.0.0.1:1/footnote",
    });
    const err = await openStore(bad).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(
      /^Cannot reach the database at postgres:\/\/footnote:\*\*\*@127\.0\.0\.1:1\/footnote: /,
    );
    expect((err as Error).message).not.toContain("secret");
    expect((err as Error).message).not.toContain("\n");
  });
});

async function ranked(reader: IndexReader, query: string) {
  const hits = await reader.keywords(query, 20);
  const chunks = await reader.chunks(hits.map((h) => h.label));
  return hits.map((h) => ({ id: chunks.get(h.label)?.id, score: h.score }));
}
