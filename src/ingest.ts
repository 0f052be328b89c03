import { chunkDocument, embeddingText } from "./chunk.js";
import { createProgress } from "./cli/progress.js";
import type { Config } from "./config.js";
import { cleanDocument } from "./corpus/clean.js";
import { type LoadWarning, loadSeeds, type SeedDocument } from "./corpus/load.js";
import { withEmbeddingCache } from "./embed/cache.js";
import { createEmbedder } from "./embed/create.js";
import type { Embedder } from "./embed/embedder.js";
import { KeywordIndex } from "./index/keywords.js";
import { withIndexLock } from "./index/lock.js";
import { FORMAT_VERSION, type Manifest } from "./index/manifest.js";
import {
  currentBuildBytes,
  DEFAULT_STORE_SETTINGS,
  ensureFreeSpace,
  readManifest,
  type StoreSettings,
  writeIndex,
} from "./index/store.js";
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
  store?: StoreSettings;
}

/**
 * seeds/ → clean → chunk → embed (cached by text hash) → index/, written as a new build and
 * swapped in atomically. Documents are compared with the last manifest by content hash, and a
 * run where nothing changed leaves the index untouched. A document that fails at any stage is
 * skipped with a warning naming it and the rest is indexed; only when no document can be
 * embedded at all (the embedder itself is broken) does the ingest fail, keeping the old index.
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

      const store = options.store ?? DEFAULT_STORE_SETTINGS;
      // Before minutes of embedding: a build about the size of the last one must fit.
      await ensureFreeSpace(config.indexDir, await currentBuildBytes(config.indexDir), store);

      const prepared: Prepared[] = [];
      for (const seed of docs) {
        try {
          const doc = seed.kind === "text" ? cleanDocument(seed.id, seed.raw, seed.meta) : seed.doc;
          prepared.push({ seed, title: doc.title, chunks: chunkDocument(doc, config.chunk) });
        } catch (err) {
          warnings.push({ file: seed.id, reason: `cannot clean or chunk: ${message(err)}` });
        }
      }

      const embedder = withEmbeddingCache(base, config.cacheDir);
      const embedded = await embedDocuments(embedder, prepared, options.progress ?? false, warnings);
      const chunks: Chunk[] = embedded.flatMap((d) => d.chunks);
      const vectors = embedded.flatMap((d) => d.vectors);
      const documents: Manifest["documents"] = embedded.map((d) => ({
        id: d.seed.id,
        title: d.title,
        hash: d.seed.hash,
        chunks: d.chunks.length,
      }));
      // A skipped document is reported among the warnings, not as added or updated.
      const indexed = new Set(documents.map((d) => d.id));
      diff.added = diff.added.filter((id) => indexed.has(id));
      diff.updated = diff.updated.filter((id) => indexed.has(id));
      const manifest: Manifest = {
        formatVersion: FORMAT_VERSION,
        builtAt: new Date().toISOString(),
        embedder: { id: embedder.id, dimension: embedder.dimension },
        chunking: { ...config.chunk },
        documents,
        chunks: chunks.length,
      };
      await writeIndex(
        config.indexDir,
        {
          manifest,
          chunks,
          vectors: HnswVectorStore.build(embedder.dimension, vectors),
          keywords: KeywordIndex.build(chunks),
        },
        store,
      );
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

interface Prepared {
  seed: SeedDocument;
  title: string;
  chunks: Chunk[];
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Texts per embedding call: enough to keep every worker busy, small enough for a smooth progress bar. */
const EMBED_STEP = 256;

/**
 * Embeds the documents' chunks in batches of whole documents. When a batch fails, its documents
 * are embedded one by one so only the failing ones are skipped (with a warning naming them);
 * when every document fails, the embedder is broken and the error is thrown.
 */
async function embedDocuments(
  embedder: Embedder,
  docs: Prepared[],
  progress: boolean,
  warnings: LoadWarning[],
): Promise<(Prepared & { vectors: Float32Array[] })[]> {
  const total = docs.reduce((n, d) => n + d.chunks.length, 0);
  const bar = createProgress("Embedding", total, progress ? undefined : false);
  const embedTexts = async (texts: string[]) => {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += EMBED_STEP)
      out.push(...(await embedder.embed(texts.slice(i, i + EMBED_STEP))));
    return out;
  };
  const done: (Prepared & { vectors: Float32Array[] })[] = [];
  let firstError: unknown;
  try {
    for (let i = 0; i < docs.length; ) {
      const batch: Prepared[] = [];
      let size = 0;
      while (
        i < docs.length &&
        (batch.length === 0 || size + (docs[i] as Prepared).chunks.length <= EMBED_STEP)
      ) {
        batch.push(docs[i] as Prepared);
        size += (docs[i] as Prepared).chunks.length;
        i++;
      }
      try {
        const vectors = await embedTexts(batch.flatMap((d) => d.chunks.map(embeddingText)));
        let at = 0;
        for (const d of batch) {
          done.push({ ...d, vectors: vectors.slice(at, at + d.chunks.length) });
          at += d.chunks.length;
        }
        bar.increment(size);
      } catch (batchError) {
        for (const d of batch) {
          try {
            done.push({ ...d, vectors: await embedTexts(d.chunks.map(embeddingText)) });
          } catch (err) {
            firstError ??= err;
            warnings.push({ file: d.seed.id, reason: `cannot embed: ${message(err)}` });
          }
          bar.increment(d.chunks.length);
        }
        firstError ??= batchError;
      }
    }
  } finally {
    bar.stop();
  }
  if (done.length === 0 && docs.some((d) => d.chunks.length > 0) && firstError !== undefined) {
    throw new Error(
      `embedding failed for every document (${message(firstError)}); the index was not changed`,
    );
  }
  return done;
}
