import { fileVectorCache } from "../embed/cache.js";
import { JsonlFeedbackStore } from "../feedback/jsonl.js";
import { watchDebounced } from "../reload.js";
import type { Chunk, PassageContext } from "../types.js";
import { KeywordIndex } from "./keywords.js";
import { withIndexLock } from "./lock.js";
import { FORMAT_VERSION, type Manifest } from "./manifest.js";
import type { Build, BuildPlan, BuildTask, DocumentOutput, IndexReader, Store } from "./port.js";
import {
  currentBuild,
  currentBuildBytes,
  DEFAULT_STORE_SETTINGS,
  ensureFreeSpace,
  type IndexData,
  IndexError,
  loadIndex,
  readManifest,
  type StoreSettings,
  writeIndex,
} from "./store.js";
import { dot, HnswVectorStore } from "./vectors.js";

export interface FileStoreOptions {
  indexDir: string;
  cacheDir: string;
  /** The JSONL feedback log and the size it is rotated at. */
  feedback: { log: string; maxBytes: number };
  /** Disk margins (store.ts); the measured defaults otherwise. */
  settings?: StoreSettings;
}

/**
 * The embedded store: builds under `index/` (see store.ts), one writer at a time (lock.ts), the
 * whole live build loaded into memory by each reader. Needs nothing but a disk.
 */
export function createFileStore(options: FileStoreOptions): Store {
  const { indexDir } = options;
  const settings = options.settings ?? DEFAULT_STORE_SETTINGS;
  let feedback: JsonlFeedbackStore | undefined;
  return {
    kind: "files",
    live: () => currentBuild(indexDir),
    manifest: () => readManifest(indexDir),
    async open(embedder) {
      const build = (await currentBuild(indexDir)) ?? "";
      return new FileReader(build, await loadIndex(indexDir, embedder));
    },
    writing: (work) => withIndexLock(indexDir, work),
    async ingest(plan, work) {
      // Before minutes of embedding: a build about the size of the live one must fit.
      await ensureFreeSpace(indexDir, await currentBuildBytes(indexDir), settings);
      const build = new FileBuild(plan);
      const result = await work(build);
      const generation = await writeIndex(indexDir, await build.assemble(indexDir), settings);
      return { result, generation };
    },
    // CURRENT is replaced by a rename; a null name means the platform could not tell which file changed.
    watch: (onChange) =>
      watchDebounced(indexDir, async () => onChange(), {
        debounceMs: 300,
        accept: (name) => name === null || name === "CURRENT",
      }),
    vectorCache: async (embedder) => fileVectorCache(options.cacheDir, embedder),
    feedback() {
      feedback ??= new JsonlFeedbackStore(options.feedback.log, { maxBytes: options.feedback.maxBytes });
      return feedback;
    },
    close: async () => {
      await feedback?.flush();
    },
  };
}

/** A loaded build: labels are chunk positions. */
class FileReader implements IndexReader {
  readonly manifest: Manifest;
  private readonly byId: Map<string, number>;
  private readonly df: Map<string, number>;

  constructor(
    readonly generation: string,
    private readonly index: IndexData,
  ) {
    this.manifest = index.manifest;
    this.byId = new Map(index.chunks.map((c, i) => [c.id, i]));
    // The index's own postings give the passage frequencies: no re-analysis of every text at start-up.
    this.df = index.keywords.textFrequencies();
  }

  async keywords(query: string, limit: number) {
    return this.index.keywords.search(query, limit);
  }

  async nearest(vector: Float32Array, limit: number) {
    return this.index.vectors.search(vector, limit);
  }

  async similarities(vector: Float32Array, labels: number[]) {
    return new Map(labels.map((l) => [l, dot(vector, this.index.vectors.vector(l))]));
  }

  async chunks(labels: number[]) {
    return new Map(labels.map((l) => [l, this.index.chunks[l] as Chunk]));
  }

  async passage(id: string): Promise<PassageContext | undefined> {
    const { chunks } = this.index;
    const i = this.byId.get(id);
    if (i === undefined) return undefined;
    const chunk = chunks[i] as Chunk;
    const sameDoc = (c: Chunk | undefined) => (c && c.doc === chunk.doc ? c : undefined);
    return { chunk, before: sameDoc(chunks[i - 1]), after: sameDoc(chunks[i + 1]) };
  }

  /** Every term's frequency is in memory: the whole vocabulary answers any query. */
  async termCounts() {
    return { passages: this.index.chunks.length, df: this.df };
  }
}

/** Documents handed out in plan order; the build is assembled in memory and written at the end. */
class FileBuild implements Build {
  readonly id = "pending";
  private readonly queue: BuildTask[];
  private readonly done = new Map<string, DocumentOutput>();
  private readonly skipped = new Set<string>();
  private claimed = 0;

  constructor(private readonly plan: BuildPlan) {
    const hashes = new Map(plan.documents.map((d) => [d.id, d.hash]));
    this.queue = plan.process.map((doc) => ({ doc, hash: hashes.get(doc) as string }));
  }

  async claim() {
    const task = this.queue.shift();
    if (task) this.claimed++;
    return task;
  }

  async complete(task: BuildTask, _worker: string, output: DocumentOutput) {
    this.done.set(task.doc, output);
  }

  async skip(task: BuildTask) {
    this.skipped.add(task.doc);
  }

  async remaining() {
    return this.queue.length + this.claimed - this.done.size - this.skipped.size;
  }

  /** The new build: processed documents as output, the others carried over from the live build. */
  async assemble(indexDir: string): Promise<IndexData> {
    if ((await this.remaining()) > 0) throw new IndexError("The build still has documents in progress.");
    const kept = this.plan.documents.filter((d) => !this.skipped.has(d.id));
    const carried = kept.filter((d) => !this.done.has(d.id));
    const previous =
      carried.length > 0 ? carriedOver(await loadIndex(indexDir, this.plan.embedder)) : undefined;
    const chunks: Chunk[] = [];
    const vectors: Float32Array[] = [];
    const documents: Manifest["documents"] = [];
    for (const { id, hash } of kept) {
      const out = this.done.get(id) ?? previous?.get(id);
      if (!out) continue;
      chunks.push(...out.chunks);
      vectors.push(...out.vectors);
      documents.push({ id, title: out.title, hash, chunks: out.chunks.length });
    }
    return {
      manifest: {
        formatVersion: FORMAT_VERSION,
        builtAt: new Date().toISOString(),
        embedder: { ...this.plan.embedder },
        chunking: { ...this.plan.chunking },
        documents,
        chunks: chunks.length,
      },
      chunks,
      vectors: HnswVectorStore.build(this.plan.embedder.dimension, vectors),
      keywords: KeywordIndex.build(chunks),
    };
  }
}

/** The previous build's documents, as they would come out of processing them again. */
function carriedOver(previous: IndexData): Map<string, DocumentOutput> {
  const out = new Map<string, DocumentOutput>(
    previous.manifest.documents.map((d) => [d.id, { title: d.title, chunks: [], vectors: [] }]),
  );
  previous.chunks.forEach((c, label) => {
    const doc = out.get(c.doc);
    doc?.chunks.push(c);
    doc?.vectors.push(previous.vectors.vector(label));
  });
  return out;
}
