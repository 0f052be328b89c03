import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, truncateSync } from "node:fs";
import { join } from "node:path";
import type { Embedder } from "./embedder.js";

const KEY_BYTES = 16;

/** An Embedder wrapper that also reports how many texts really reached the model. */
export interface CachedEmbedder extends Embedder {
  /** Texts sent to the underlying model since creation. */
  readonly misses: number;
}

/**
 * Embeddings cached on disk by (embedder id, text hash): an append-only file of fixed-size
 * records per embedder, so an interrupted run loses at most its last write and a re-run, or a
 * chunking change that leaves most chunk texts the same, never re-embeds them.
 */
export function withEmbeddingCache(inner: Embedder, cacheDir: string): CachedEmbedder {
  const dir = join(cacheDir, "embeddings");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${inner.id.replace(/[^\w.-]+/g, "_")}.bin`);
  const recordBytes = KEY_BYTES + inner.dimension * 4;
  const cache = new Map<string, Float32Array>();
  try {
    const buf = readFileSync(file);
    const whole = buf.length - (buf.length % recordBytes);
    // Drop a torn last record, so that records appended from now on stay aligned.
    if (whole < buf.length) truncateSync(file, whole);
    for (let at = 0; at < whole; at += recordBytes) {
      const key = buf.toString("hex", at, at + KEY_BYTES);
      const vec = new Float32Array(inner.dimension);
      Buffer.from(vec.buffer).set(buf.subarray(at + KEY_BYTES, at + recordBytes));
      cache.set(key, vec);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  let misses = 0;
  const keyOf = (text: string) => createHash("sha256").update(text).digest().subarray(0, KEY_BYTES);

  return {
    id: inner.id,
    dimension: inner.dimension,
    get misses() {
      return misses;
    },
    async embed(texts) {
      const keys = texts.map(keyOf);
      const hex = keys.map((k) => k.toString("hex"));
      const todo = [...new Set(texts.filter((_, i) => !cache.has(hex[i] as string)))];
      if (todo.length > 0) {
        const vectors = await inner.embed(todo);
        misses += todo.length;
        const records: Buffer[] = [];
        todo.forEach((text, i) => {
          const key = keyOf(text);
          const vec = vectors[i] as Float32Array;
          cache.set(key.toString("hex"), vec);
          records.push(key, Buffer.from(vec.buffer, vec.byteOffset, vec.byteLength));
        });
        appendFileSync(file, Buffer.concat(records));
      }
      return hex.map((h) => cache.get(h) as Float32Array);
    },
    close: () => inner.close(),
  };
}
