import { chunkDocument, embeddingText } from "./chunk.js";
import { createProgress } from "./cli/progress.js";
import type { Config } from "./config.js";
import { cleanDocument } from "./corpus/clean.js";
import { type LoadWarning, loadSeeds } from "./corpus/load.js";
import { withEmbeddingCache } from "./embed/cache.js";
import { createEmbedder } from "./embed/create.js";
import type { Embedder } from "./embed/embedder.js";
import { KeywordIndex } from "./index/keywords.js";
import { withIndexLock } from "./index/lock.js";
import { FORMAT_VERSION, type Manifest } from "./index/manifest.js";
import { readManifest, writeIndex } from "./index/store.js";
import { HnswVectorStore } from "./index/vectors.js";
import type { Chunk } from "./types.js";

export interface IngestSummary {
  documents: number;
  chunks: number;
  /** Chunks actually sent to the embedder in this run (the rest came from the cache). */
  embedded: number;
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
  warnings: LoadWarning[];
  seconds: number;
  /** False when nothing changed and the existing index was kept as it is. */
  rebuilt: boolean;
}

export interface IngestOptions {
  /** Rebuild even when nothing changed. */
  full?: boolean;
  progress?: boolean;
  /** An embedder to reuse (e.g. the running bot's); created from config otherwise. */
  embedder?: Embedder;
}

/**
 * seeds/ → clean → chunk → embed (cached by text hash) → index/, written as a new build and
 * swapped in atomically. Documents are compared with the last manifest by content hash, and a
 * run where nothing changed leaves the index untouched.
 */
export async function runIngest(config: Config, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  return withIndexLock(config.indexDir, async () => {
    const { docs, warnings } = await loadSeeds(config.seedsDir);
    const previous = await readManifest(config.indexDir).catch(() => undefined);
    const before = new Map(previous?.documents.map((d) => [d.id, d.hash]));
    const diff = {
      added: docs.filter((d) => !before.has(d.id)).map((d) => d.id),
      updated: docs.filter((d) => before.has(d.id) && before.get(d.id) !== d.hash).map((d) => d.id),
      unchanged: docs.filter((d) => before.get(d.id) === d.hash).map((d) => d.id),
      removed: [...before.keys()].filter((id) => !docs.some((d) => d.id === id)),
    };
    const seconds = () => Math.round((performance.now() - started) / 10) / 100;

    const base = options.embedder ?? (await createEmbedder(config.embedder));
    const closeBase = () => (options.embedder ? Promise.resolve() : base.close());
    try {
      const sameSettings =
        previous !== undefined &&
        previous.chunking.targetTokens === config.chunk.targetTokens &&
        previous.chunking.overlapTokens === config.chunk.overlapTokens &&
        previous.embedder.id === base.id;
      const nothingChanged = diff.added.length + diff.updated.length + diff.removed.length === 0;
      if (!options.full && sameSettings && nothingChanged && previous) {
        return {
          documents: docs.length,
          chunks: previous.chunks,
          embedded: 0,
          ...diff,
          warnings,
          seconds: seconds(),
          rebuilt: false,
        };
      }

      const chunks: Chunk[] = [];
      const documents: Manifest["documents"] = [];
      for (const seed of docs) {
        const doc = seed.kind === "text" ? cleanDocument(seed.id, seed.raw, seed.meta) : seed.doc;
        const docChunks = chunkDocument(doc, config.chunk);
        chunks.push(...docChunks);
        documents.push({ id: doc.id, title: doc.title, hash: seed.hash, chunks: docChunks.length });
      }

      const embedder = withEmbeddingCache(base, config.cacheDir);
      const vectors = await embedAll(embedder, chunks.map(embeddingText), options.progress ?? false);
      const manifest: Manifest = {
        formatVersion: FORMAT_VERSION,
        builtAt: new Date().toISOString(),
        embedder: { id: embedder.id, dimension: embedder.dimension },
        chunking: { ...config.chunk },
        documents,
        chunks: chunks.length,
      };
      await writeIndex(config.indexDir, {
        manifest,
        chunks,
        vectors: HnswVectorStore.build(embedder.dimension, vectors),
        keywords: KeywordIndex.build(chunks),
      });
      return {
        documents: docs.length,
        chunks: chunks.length,
        embedded: embedder.misses,
        ...diff,
        warnings,
        seconds: seconds(),
        rebuilt: true,
      };
    } finally {
      await closeBase();
    }
  });
}

async function embedAll(embedder: Embedder, texts: string[], progress: boolean): Promise<Float32Array[]> {
  const bar = createProgress("Embedding", texts.length, progress ? undefined : false);
  const out: Float32Array[] = [];
  const step = 256;
  try {
    for (let i = 0; i < texts.length; i += step) {
      const batch = texts.slice(i, i + step);
      out.push(...(await embedder.embed(batch)));
      bar.increment(batch.length);
    }
  } finally {
    bar.stop();
  }
  return out;
}
