/**
 * A bound on work in flight: at most `concurrency` answers are computed at once and at most
 * `maxQueued` wait for a turn. A place is reserved synchronously when an interaction arrives
 * (before its acknowledgement, so nothing is deferred that will not be answered); when none is
 * left the user is told at once how long to wait instead of getting a "thinking…" that never ends.
 */
export interface WorkQueueOptions {
  concurrency: number;
  maxQueued: number;
}

export interface Slot {
  /** Waits for a turn, runs `work`, and frees the place whatever happens. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Gives the place back unused (e.g. the acknowledgement failed). */
  release(): void;
}

/** Until the first answers are timed, the wait estimate assumes this per answer. */
const INITIAL_ESTIMATE_MS = 500;
/** Weight of the newest duration in the running average. */
const SMOOTHING = 0.2;

export class WorkQueue {
  #running = 0;
  #reserved = 0;
  readonly #waiting: (() => void)[] = [];
  #averageMs = INITIAL_ESTIMATE_MS;

  constructor(private readonly options: WorkQueueOptions) {}

  /** Places taken: answers running plus those waiting (or about to). */
  get size(): number {
    return this.#running + this.#reserved;
  }

  /** A place in the queue, or undefined when it is full. */
  reserve(): Slot | undefined {
    if (this.size >= this.options.concurrency + this.options.maxQueued) return undefined;
    this.#reserved++;
    let state: "reserved" | "used" | "released" = "reserved";
    return {
      run: async <T>(work: () => Promise<T>): Promise<T> => {
        if (state !== "reserved") throw new Error("a queue slot is used once");
        state = "used";
        await this.#turn();
        const started = performance.now();
        try {
          return await work();
        } finally {
          this.#averageMs += SMOOTHING * (performance.now() - started - this.#averageMs);
          this.#running--;
          this.#waiting.shift()?.();
        }
      },
      release: () => {
        if (state !== "reserved") return;
        state = "released";
        this.#reserved--;
      },
    };
  }

  /** How long until a place is likely free again, from the average answer time. */
  retryAfterMs(): number {
    const ahead = Math.max(1, this.size - this.options.concurrency + 1);
    return Math.ceil(ahead / this.options.concurrency) * this.#averageMs;
  }

  /** Resolves when this reservation may run (first come, first served). */
  #turn(): Promise<void> {
    const start = () => {
      this.#reserved--;
      this.#running++;
    };
    if (this.#running < this.options.concurrency && this.#waiting.length === 0) {
      start();
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.#waiting.push(() => {
        start();
        resolve();
      }),
    );
  }
}
