import type { FeedbackStore } from "../feedback/store.js";
import type { Chunk, PassageContext } from "../types.js";
import type { Manifest } from "./manifest.js";

/**
 * The Store port: where the index lives. Two adapters implement it — embedded files
 * (`files.ts`, the default) and Postgres with pgvector (`postgres/`). Ingest, the engine, hot
 * reload, feedback and the eval use only this; candidate scoring, features and fusion stay in
 * `search/`, the same code over both.
 */
export interface Store {
  readonly kind: "files" | "postgres";
  /** Id of the live generation, or undefined before the first ingest. Cheap: reloads poll it. */
  live(): Promise<string | undefined>;
  /** The live generation's manifest (ingest compares the seeds with it). */
  manifest(): Promise<Manifest | undefined>;
  /** Opens the live generation for reading; refuses one built by another embedder. */
  open(embedder: EmbedderId): Promise<IndexReader>;
  /**
   * Runs a whole update (read the live manifest, plan, build) as this store's writers must:
   * files hold the index folder's lock throughout; Postgres lets any number run at once.
   */
  writing<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` on a build of a new generation and, when every document of the plan is done,
   * makes it live in one step (readers see the old generation or the new one, never a mix).
   * Files: one writer per index folder. Postgres: other processes with the same plan join the
   * same build and share its documents.
   */
  ingest<T>(plan: BuildPlan, work: (build: Build) => Promise<T>): Promise<{ result: T; generation: string }>;
  /** Calls `onChange` when another generation may have gone live; returns a stop function. */
  watch(onChange: () => void): () => Promise<void>;
  /** Embeddings kept by (embedder id, text hash), so unchanged text is never embedded twice. */
  vectorCache(embedder: EmbedderId): Promise<VectorCache>;
  /** Votes and coverage gaps (files: the JSONL log; Postgres: tables beside the index). */
  feedback(): FeedbackStore;
  close(): Promise<void>;
}

export interface EmbedderId {
  id: string;
  dimension: number;
}

/** One generation, as search reads it; immutable once live. Labels are store-internal chunk handles. */
export interface IndexReader {
  readonly generation: string;
  readonly manifest: Manifest;
  /** BM25 candidates for the query, best first (the settings of `keywords.ts`, either store). */
  keywords(query: string, limit: number): Promise<Scored[]>;
  /** Nearest passages by cosine similarity, best first. */
  nearest(vector: Float32Array, limit: number): Promise<Similar[]>;
  /** Cosine similarity of the query vector to each labelled passage. */
  similarities(vector: Float32Array, labels: number[]): Promise<Map<number, number>>;
  chunks(labels: number[]): Promise<Map<number, Chunk>>;
  /** A chunk by id with its neighbours in the same document. */
  passage(id: string): Promise<PassageContext | undefined>;
  /**
   * Passage frequencies of `terms`, and of every indexed term within `maxEdits` of a `near`
   * term (spelling correction's candidates); either store may return more.
   */
  termCounts(terms: string[], near: { term: string; maxEdits: number }[]): Promise<TermCounts>;
}

export interface Scored {
  label: number;
  score: number;
}

export interface Similar {
  label: number;
  similarity: number;
}

/** Document frequencies over a generation's passages, for IDF weights. */
export interface TermCounts {
  passages: number;
  df: Map<string, number>;
}

/** What a new generation holds: every document, and which of them must be (re)processed. */
export interface BuildPlan {
  embedder: EmbedderId;
  chunking: Manifest["chunking"];
  /** All documents of the new generation, by id and content hash. */
  documents: { id: string; hash: string }[];
  /** Ids to clean, chunk and embed; the others are carried over from the live generation as they are. */
  process: string[];
}

/** A document of a build, claimed by one worker until it completes it or its lease runs out. */
export interface BuildTask {
  doc: string;
  hash: string;
}

export interface DocumentOutput {
  title: string;
  chunks: Chunk[];
  vectors: Float32Array[];
}

export interface Build {
  readonly id: string;
  /**
   * The next document to process, or undefined when none can be claimed now: all are done, or
   * the rest are claimed by other workers (Postgres: a claim whose lease ran out, its worker
   * gone, is handed out again).
   */
  claim(worker: string): Promise<BuildTask | undefined>;
  /** Stores the document's chunks and vectors in the build (not yet visible to readers). */
  complete(task: BuildTask, worker: string, output: DocumentOutput): Promise<void>;
  /**
   * Leaves a document that cannot be processed out of the generation (not carried over either):
   * the next ingest sees it as new and tries it again.
   */
  skip(task: BuildTask, worker: string): Promise<void>;
  /** Documents of the plan neither completed nor skipped yet (claimed by anyone, or waiting). */
  remaining(): Promise<number>;
}

/** Precomputed embeddings by key (embedder id + text hash). */
export interface VectorCache {
  get(keys: string[]): Promise<Map<string, Float32Array>>;
  put(entries: [key: string, vector: Float32Array][]): Promise<void>;
}
