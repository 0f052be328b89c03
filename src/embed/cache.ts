import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, truncateSync } from "node:fs";
import { join } from "node:path";
import type { EmbedderId, VectorCache } from "../index/port.js";
import type { Embedder } from "./embedder.js";

const KEY_BYTES = 16;

/** An Embedder wrapper that also reports how many texts really reached the model. */
export interface CachedEmbedder extends Embedder {
  /** Texts sent to the underlying model since creation. */
  readonly misses: number;
}

/** The cache key of a text: its sha256, cut to 16 bytes, in hex. */
export const textKey = (text: string): string =>
  createHash("sha256").update(text).digest().subarray(0, KEY_BYTES).toString("hex");

/**
 * Embeddings looked up in a cache by text hash before the model sees them (the store's cache:
 * a file per embedder, or a table shared by every ingest worker), so a re-run, or a chunking
 * change that leaves most chunk texts the same, never re-embeds them.
 */
export function withEmbeddingCache(inner: Embedder, cache: VectorCache): CachedEmbedder {
  let misses = 0;
  return {
    id: inner.id,
    dimension: inner.dimension,
    get misses() {
      return misses;
    },
    async embed(texts) {
      const keys = texts.map(textKey);
      const found = await cache.get([...new Set(keys)]);
      const todo = new Map<string, string>();
      texts.forEach((text, i) => {
        const key = keys[i] as string;
        if (!found.has(key)) todo.set(key, text);
      });
      if (todo.size > 0) {
        const vectors = await inner.embed([...todo.values()]);
        misses += todo.size;
        const entries = [...todo.keys()].map((key, i): [string, Float32Array] => [
          key,
          vectors[i] as Float32Array,
        ]);
        for (const [key, vec] of entries) found.set(key, vec);
        await cache.put(entries);
      }
      return keys.map((k) => found.get(k) as Float32Array);
    },
    close: () => inner.close(),
  };
}

/**
 * The file store's cache: an append-only file of fixed-size records per embedder, so an
 * interrupted run loses at most its last write.
 */
export function fileVectorCache(cacheDir: string, embedder: EmbedderId): VectorCache {
  const dir = join(cacheDir, "embeddings");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${embedder.id.replace(/[^\w.-]+/g, "_")}.bin`);
  const recordBytes = KEY_BYTES + embedder.dimension * 4;
  const cache = new Map<string, Float32Array>();
  try {
    const buf = readFileSync(file);
    const whole = buf.length - (buf.length % recordBytes);
    // Drop a torn last record, so that records appended from now on stay aligned.
    if (whole < buf.length) truncateSync(file, whole);
    for (let at = 0; at < whole; at += recordBytes) {
      const key = buf.toString("hex", at, at + KEY_BYTES);
      const vec = new Float32Array(embedder.dimension);
      Buffer.from(vec.buffer).set(buf.subarray(at + KEY_BYTES, at + recordBytes));
      cache.set(key, vec);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  return {
    async get(keys) {
      const out = new Map<string, Float32Array>();
      for (const k of keys) {
        const v = cache.get(k);
        if (v) out.set(k, v);
      }
      return out;
    },
    async put(entries) {
      const records: Buffer[] = [];
      for (const [key, vec] of entries) {
        if (cache.has(key)) continue;
        cache.set(key, vec);
        records.push(Buffer.from(key, "hex"), Buffer.from(vec.buffer, vec.byteOffset, vec.byteLength));
      }
      if (records.length > 0) appendFileSync(file, Buffer.concat(records));
    },
  };
}
