import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type Embedder, normalize } from "./embedder.js";

/**
 * Universal Sentence Encoder lite (512-d, English), shipped inside an npm package, so it works
 * offline. Its WASM backend computes synchronously, so the model never runs on the caller's
 * thread: every batch, a single query included, goes to a worker thread (one model each). The
 * bot's event loop thus keeps acknowledging interactions while a question is embedded. The pool
 * starts one worker at once (its model loads while the caller goes on, e.g. reads the index; the
 * first batch waits for it) and grows up to `workers` while batches wait longer than `growAfterMs`.
 */
export const USE_LITE_ID = "use-lite-512@0.2.0";
const DIMENSION = 512;

export interface UseLiteOptions {
  /** Most worker threads; 0 = one per core (at most 4). */
  workers?: number;
  batchSize?: number;
  /**
   * How long a batch waits with every worker busy before another worker (another model, ~145 MB)
   * starts. @default 100 — a query embeds in ~20 ms, so a fact-check's two queries or a follow-up
   * never start a second model (serving RSS 526 → 382 MB on the five books), while an ingest or a
   * burst of questions, whose batches wait seconds, still gets one per core.
   */
  growAfterMs?: number;
}

export async function createUseLiteEmbedder(options: UseLiteOptions = {}): Promise<Embedder> {
  const batchSize = options.batchSize ?? 32;
  const pool = new WorkerPool(
    new URL("./use-lite.worker.mjs", import.meta.url),
    options.workers || Math.min(4, availableParallelism()),
    options.growAfterMs ?? 500,
  );
  // A worker that cannot start fails the batches waiting for it; nothing else to report here.
  pool.start().catch(() => {});
  return {
    id: USE_LITE_ID,
    dimension: DIMENSION,
    async embed(texts) {
      if (texts.length === 0) return [];
      const batches: string[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) batches.push(texts.slice(i, i + batchSize));
      const results = await Promise.all(batches.map((b) => pool.run(b)));
      return results.flat().map(normalize);
    },
    close: () => pool.close(),
  };
}

interface Job {
  id: number;
  texts: string[];
  queuedAt: number;
  resolve: (v: Float32Array[]) => void;
  reject: (e: Error) => void;
}

/** Workers fed from one queue, each holding one job at a time; more are started while jobs wait. */
class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private starting = 0;
  private nextId = 0;
  private failure?: Error;
  private closed = false;
  private growing?: NodeJS.Timeout;

  constructor(
    private readonly url: URL,
    private readonly size: number,
    private readonly growAfterMs: number,
  ) {}

  /** Starts the first worker; resolves once its model is loaded. */
  start(): Promise<void> {
    return new Promise((resolve, reject) => this.spawn(resolve, reject));
  }

  run(texts: string[]): Promise<Float32Array[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error("the embedder was closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, texts, queuedAt: performance.now(), resolve, reject });
      this.pump();
    });
  }

  private spawn(onReady?: () => void, onError?: (err: Error) => void) {
    // The worker is plain JavaScript: no loader hooks of the parent (tsx) needed, ~0.3 s saved.
    const worker = new Worker(this.url, { execArgv: [] });
    this.all.push(worker);
    this.starting++;
    let ready = false;
    worker.on(
      "message",
      (msg: { ready?: boolean; id?: number; vectors?: Float32Array[]; error?: string }) => {
        if (msg.ready) {
          ready = true;
          this.starting--;
          onReady?.();
        } else {
          const job = this.running.get(worker);
          this.running.delete(worker);
          if (msg.error) job?.reject(new Error(`embedding worker failed: ${msg.error}`));
          else job?.resolve(msg.vectors ?? []);
        }
        // An idle worker never keeps the process alive; a busy one does (see pump).
        worker.unref();
        this.idle.push(worker);
        this.pump();
      },
    );
    worker.on("error", (err) => {
      if (!ready) onError?.(err);
      this.fail(err);
    });
    worker.on("exit", (code) => {
      if (!this.closed && code !== 0) this.fail(new Error(`embedding worker exited with code ${code}`));
    });
  }

  private pump() {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const job = this.queue.shift() as Job;
      this.running.set(worker, job);
      worker.ref();
      worker.postMessage({ id: job.id, texts: job.texts });
    }
    // A job still waiting with every worker busy for a while: one more, up to the size (one model per worker).
    if (!this.shouldGrow()) {
      clearTimeout(this.growing);
      this.growing = undefined;
    } else if (!this.growing) this.armGrowth();
  }

  private armGrowth() {
    const waited = performance.now() - (this.queue[0] as Job).queuedAt;
    this.growing = setTimeout(
      () => {
        this.growing = undefined;
        if (!this.shouldGrow()) return;
        if (performance.now() - (this.queue[0] as Job).queuedAt >= this.growAfterMs) this.spawn();
        else this.armGrowth();
      },
      Math.max(0, this.growAfterMs - waited),
    );
    this.growing.unref();
  }

  private shouldGrow(): boolean {
    return this.queue.length > this.starting && this.all.length < this.size && !this.closed;
  }

  private fail(err: Error) {
    this.failure = err;
    for (const job of [...this.queue, ...this.running.values()]) job.reject(err);
    this.queue.length = 0;
    this.running.clear();
  }

  async close() {
    this.closed = true;
    clearTimeout(this.growing);
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
