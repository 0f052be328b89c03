/**
 * Paces edits of a message that shows a streaming answer: Discord rate-limits message edits, and a
 * model writes tokens far faster than anyone reads them. Values pushed in between edits coalesce
 * (only the latest is sent), at most one edit is in flight, and each starts at least `intervalMs`
 * after the previous one settled — counted from when it settled, so the gap also holds on
 * Discord's side whatever the network latency.
 */

/** Default gap between edits: Discord allows about five edits per 5 s per message. */
export const STREAM_EDIT_INTERVAL_MS = 1_200;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface PacerOptions {
  intervalMs?: number;
  clock?: Clock;
  /** A failed edit is reported here and does not stop later ones. */
  onError?: (err: unknown) => void;
}

export interface StreamPacer<T> {
  /** Offers the latest value; it is sent at the next free slot unless a newer one replaces it. */
  push(value: T): void;
  /**
   * Stops the pacer: nothing pending is sent, no edit starts afterwards. Resolves once the edit
   * in flight settled and, if any edit was sent, the interval after it passed — so the caller's
   * own final edit keeps the pace.
   */
  close(): Promise<void>;
}

export function createStreamPacer<T>(
  send: (value: T) => Promise<unknown>,
  options: PacerOptions = {},
): StreamPacer<T> {
  const { intervalMs = STREAM_EDIT_INTERVAL_MS, clock = realClock, onError = () => {} } = options;
  // The first edit also waits an interval: a fast answer goes straight to its final form.
  let lastSettled = clock.now();
  let pending: { value: T } | undefined;
  let timer: unknown;
  let inFlight: Promise<void> | undefined;
  let sent = false;
  let closed = false;

  const schedule = () => {
    if (closed || !pending || timer !== undefined || inFlight) return;
    timer = clock.setTimeout(flush, Math.max(0, lastSettled + intervalMs - clock.now()));
  };

  const flush = () => {
    timer = undefined;
    if (closed || !pending) return;
    const { value } = pending;
    pending = undefined;
    sent = true;
    inFlight = send(value)
      .then(() => {}, onError)
      .finally(() => {
        lastSettled = clock.now();
        inFlight = undefined;
        schedule();
      });
  };

  return {
    push(value) {
      if (closed) return;
      pending = { value };
      schedule();
    },
    async close() {
      closed = true;
      pending = undefined;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      await inFlight;
      const wait = lastSettled + intervalMs - clock.now();
      if (sent && wait > 0) await new Promise<void>((resolve) => clock.setTimeout(resolve, wait));
    },
  };
}
