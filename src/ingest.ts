import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { chunkDocument, embeddingText } from "./chunk.js";
import { createProgress } from "./cli/progress.js";
import type { Config } from "./config.js";
import { cleanDocument } from "./corpus/clean.js";
import { loadSeeds, type SeedDocument } from "./corpus/load.js";
import { withEmbeddingCache } from "./embed/cache.js";
import { createEmbedder } from "./embed/create.js";
import type { Embedder } from "./embed/embedder.js";
import { openStore } from "./index/open-store.js";
import type { BuildPlan, BuildTask, DocumentOutput, Store } from "./index/port.js";
import type { Chunk, IngestSummary } from "./types.js";

export interface IngestOptions {
  /** Rebuild even when nothing changed. */
  full?: boolean;
  progress?: boolean;
  /** An embedder to reuse (e.g. the running bot's); created from config otherwise. */
  embedder?: Embedder;
  /** A store to reuse (e.g. the running bot's); opened from config otherwise. */
  store?: Store;
  /** How long a worker waits before asking again while other workers hold the remaining documents. */
  pollMs?: number;
}

/**
 * seeds/ → clean → chunk → embed (cached by text hash) → the store, as a new generation made live
 * in one step. Documents are compared with the live generation by content hash: only new and
 * changed ones are processed, the rest are carried over, and a run where nothing changed leaves
 * the index untouched. With the Postgres store, every process running this with the same seeds
 * works on the same build, each claiming the next document.
 */
export async function runIngest(config: Config, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 10) / 100;
  const store = options.store ?? (await openStore(config));
  try {
    return await store.writing(() => ingestLocked(config, store, options, seconds));
  } finally {
    if (!options.store) await store.close();
  }
}

async function ingestLocked(
  config: Config,
  store: Store,
  options: IngestOptions,
  seconds: () => number,
): Promise<IngestSummary> {
  const base = options.embedder ?? (await createEmbedder(config.embedder));
  try {
    const { docs, warnings } = await loadSeeds(config.seedsDir);
    const previous = await store.manifest().catch(() => undefined);
    const before = new Map(previous?.documents.map((d) => [d.id, d.hash]));
    const diff = {
      added: docs.filter((d) => !before.has(d.id)).map((d) => d.id),
      updated: docs.filter((d) => before.has(d.id) && before.get(d.id) !== d.hash).map((d) => d.id),
      unchanged: docs.filter((d) => before.get(d.id) === d.hash).map((d) => d.id),
      removed: [...before.keys()].filter((id) => !docs.some((d) => d.id === id)),
    };
    const sameSettings =
      previous !== undefined &&
      previous.chunking.targetTokens === config.chunk.targetTokens &&
      previous.chunking.overlapTokens === config.chunk.overlapTokens &&
      previous.chunking.contextSentences === config.chunk.contextSentences &&
      previous.embedder.id === base.id;
    const nothingChanged = diff.added.length + diff.updated.length + diff.removed.length === 0;
    const summary = { documents: docs.length, ...diff, warnings };
    if (!options.full && sameSettings && nothingChanged && previous) {
      return { ...summary, chunks: previous.chunks, embedded: 0, seconds: seconds(), rebuilt: false };
    }

    const plan: BuildPlan = {
      embedder: { id: base.id, dimension: base.dimension },
      chunking: { ...config.chunk },
      documents: docs.map((d) => ({ id: d.id, hash: d.hash })),
      process: options.full || !sameSettings ? docs.map((d) => d.id) : [...diff.added, ...diff.updated],
    };
    const embedder = withEmbeddingCache(base, await store.vectorCache(base));
    const seeds = new Map(docs.map((d) => [d.id, d]));
    const skipped = new Set<string>();
    await buildGeneration(store, plan, {
      progress: options.progress,
      pollMs: options.pollMs,
      async produce(task) {
        const seed = seeds.get(task.doc) as SeedDocument;
        let title: string;
        let chunks: Chunk[];
        try {
          const doc = seed.kind === "text" ? cleanDocument(seed.id, seed.raw, seed.meta) : seed.doc;
          title = doc.title;
          chunks = chunkDocument(doc, config.chunk);
        } catch (err) {
          throw new DocumentSkipped(`cannot clean or chunk: ${message(err)}`, err);
        }
        try {
          return { title, chunks, vectors: await embedAll(embedder, chunks.map(embeddingText)) };
        } catch (err) {
          throw new DocumentSkipped(`cannot embed: ${message(err)}`, err);
        }
      },
      onSkip(task, reason) {
        skipped.add(task.doc);
        warnings.push({ file: task.doc, reason });
      },
    });
    // A skipped document is reported among the warnings, not as added or updated.
    summary.added = diff.added.filter((id) => !skipped.has(id));
    summary.updated = diff.updated.filter((id) => !skipped.has(id));
    const manifest = await store.manifest();
    return {
      ...summary,
      chunks: manifest?.chunks ?? 0,
      embedded: embedder.misses,
      seconds: seconds(),
      rebuilt: true,
    };
  } finally {
    if (!options.embedder) await base.close();
  }
}

/** A document that cannot be used: it is left out of the generation, with `reason` as its warning. */
export class DocumentSkipped extends Error {
  override name = "DocumentSkipped";
  constructor(
    readonly reason: string,
    override readonly cause: unknown,
  ) {
    super(reason);
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface BuildOptions {
  /** Turns a claimed document into its chunks and vectors; throws DocumentSkipped for one it cannot use. */
  produce(task: BuildTask): Promise<DocumentOutput>;
  /** Told of each skipped document (the store has left it out). */
  onSkip?(task: BuildTask, reason: string): void;
  progress?: boolean;
  /** How long a worker waits before asking again while other workers hold the remaining documents. */
  pollMs?: number;
}

/**
 * Builds a generation through the store: claims documents until none is left, producing each,
 * and the store makes the generation live once all are done (whichever process finishes last).
 */
export async function buildGeneration(store: Store, plan: BuildPlan, options: BuildOptions): Promise<string> {
  const worker = `${hostname()}#${process.pid}`;
  const bar = createProgress(
    "Ingesting documents",
    plan.process.length,
    options.progress ? undefined : false,
  );
  const skipped: DocumentSkipped[] = [];
  let completed = 0;
  try {
    const { generation } = await store.ingest(plan, async (build) => {
      for (;;) {
        const task = await build.claim(worker);
        if (!task) {
          if ((await build.remaining()) === 0) break;
          // Other workers hold the rest; a crashed one's claims come back when their lease runs out.
          await sleep(options.pollMs ?? 1000);
          continue;
        }
        let output: DocumentOutput;
        try {
          output = await options.produce(task);
        } catch (err) {
          if (!(err instanceof DocumentSkipped)) throw err;
          await build.skip(task, worker);
          options.onSkip?.(task, err.reason);
          skipped.push(err);
          bar.increment(1);
          continue;
        }
        await build.complete(task, worker, output);
        completed++;
        bar.increment(1);
      }
      // Every document this worker took failed: the embedder (or the cleaner) itself is broken.
      // Throwing here keeps the live generation as it is.
      const [first] = skipped;
      if (first && completed === 0) {
        const stage = first.reason.startsWith("cannot embed") ? "embedding" : "processing";
        throw new Error(
          `${stage} failed for every document (${message(first.cause)}); the index was not changed`,
        );
      }
    });
    return generation;
  } finally {
    bar.stop();
  }
}

/** Embeds in slices, so one long document does not hold every vector's batch in flight at once. */
export async function embedAll(embedder: Embedder, texts: string[]): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  const step = 256;
  for (let i = 0; i < texts.length; i += step) out.push(...(await embedder.embed(texts.slice(i, i + step))));
  return out;
}
