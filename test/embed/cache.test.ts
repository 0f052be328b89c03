import { readdir, stat, truncate } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fileVectorCache, withEmbeddingCache } from "../../src/embed/cache.js";
import type { Embedder } from "../../src/embed/embedder.js";
import { createUseLiteEmbedder } from "../../src/embed/use-lite.js";
import { PARAGRAPHS, tempDir } from "../helpers/corpus.js";

/** The real model, counting what reaches it. */
class Counting implements Embedder {
  calls = 0;
  texts: string[] = [];
  constructor(
    private readonly inner: Embedder,
    readonly id = inner.id,
  ) {}
  get dimension() {
    return this.inner.dimension;
  }
  async embed(texts: string[]) {
    this.calls++;
    this.texts.push(...texts);
    return this.inner.embed(texts);
  }
  close() {
    return Promise.resolve();
  }
}

const TEXTS = Object.values(PARAGRAPHS);
const cacheFiles = async (dir: string) => (await readdir(join(dir, "embeddings"))).sort();

describe("withEmbeddingCache", () => {
  let model: Embedder;
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    model = await createUseLiteEmbedder({ workers: 1 });
  });
  afterAll(async () => {
    await model?.close();
  });
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("footnote-cache-"));
    return cleanup;
  });

  it("sends each new text to the model once and nothing on a repeat", async () => {
    const inner = new Counting(model);
    const cached = withEmbeddingCache(inner, fileVectorCache(dir, inner));
    const first = await cached.embed([...TEXTS, TEXTS[0] as string]);
    expect(inner.texts).toEqual(TEXTS); // the duplicate is embedded once
    expect(cached.misses).toBe(TEXTS.length);
    expect(first).toHaveLength(TEXTS.length + 1);
    expect(first.at(-1)).toEqual(first[0]);

    const again = await cached.embed([TEXTS[2] as string, TEXTS[0] as string]);
    expect(inner.calls).toBe(1);
    expect(cached.misses).toBe(TEXTS.length);
    expect(again).toEqual([first[2], first[0]]);
    // Vectors are the model's own.
    expect(again[0]).toEqual((await model.embed([TEXTS[2] as string]))[0]);
  });

  it("a new cache object on the same folder loads the vectors from disk", async () => {
    const first = await withEmbeddingCache(new Counting(model), fileVectorCache(dir, model)).embed(TEXTS);
    const inner = new Counting(model);
    const reopened = withEmbeddingCache(inner, fileVectorCache(dir, inner));
    expect(await reopened.embed(TEXTS)).toEqual(first);
    expect(inner.calls).toBe(0);
    expect(reopened.misses).toBe(0);
  });

  it("ignores a torn last record and re-embeds only that text", async () => {
    await withEmbeddingCache(new Counting(model), fileVectorCache(dir, model)).embed(TEXTS);
    const [file] = await cacheFiles(dir);
    const path = join(dir, "embeddings", file as string);
    await truncate(path, (await stat(path)).size - 100); // a crash in the middle of the last write

    const inner = new Counting(model);
    const reopened = withEmbeddingCache(inner, fileVectorCache(dir, inner));
    const vectors = await reopened.embed(TEXTS);
    expect(inner.texts).toEqual([TEXTS.at(-1)]);
    expect(vectors.at(-1)).toEqual((await model.embed([TEXTS.at(-1) as string]))[0]);
  });

  it("after a torn record, what is appended next is still readable by the next run", async () => {
    await withEmbeddingCache(new Counting(model), fileVectorCache(dir, model)).embed(TEXTS.slice(0, 3));
    const [file] = await cacheFiles(dir);
    const path = join(dir, "embeddings", file as string);
    await truncate(path, (await stat(path)).size - 100);
    // The next run re-embeds the torn text and appends it, and a new one, after the torn bytes.
    await withEmbeddingCache(new Counting(model), fileVectorCache(dir, model)).embed(TEXTS.slice(0, 5));

    const inner = new Counting(model);
    const third = withEmbeddingCache(inner, fileVectorCache(dir, inner));
    const vectors = await third.embed(TEXTS.slice(0, 5));
    expect(inner.texts).toEqual([]);
    expect(vectors).toEqual(await model.embed(TEXTS.slice(0, 5)));
  });

  it("keeps one file per embedder id", async () => {
    const a = new Counting(model);
    const b = new Counting(model, "other-model@1");
    await withEmbeddingCache(a, fileVectorCache(dir, a)).embed(TEXTS.slice(0, 2));
    await withEmbeddingCache(b, fileVectorCache(dir, b)).embed(TEXTS.slice(0, 2));
    expect(b.texts).toEqual(TEXTS.slice(0, 2)); // nothing shared across embedders
    expect(await cacheFiles(dir)).toEqual(["other-model_1.bin", "use-lite-512_0.2.0.bin"]);
    const reopenedB = new Counting(model, "other-model@1");
    await withEmbeddingCache(reopenedB, fileVectorCache(dir, reopenedB)).embed(TEXTS.slice(0, 2));
    expect(reopenedB.calls).toBe(0);
  });
});
