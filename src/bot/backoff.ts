/**
 * Exponential backoff with jitter for the bot's retries: Discord 5xx answers and network errors
 * on REST calls, and repeated gateway reconnects. Without it discord.js retries a 5xx at once
 * and reconnects every 500 ms, hammering a Discord that is already struggling; with one delay
 * for every client, they would all retry in step.
 */
export interface BackoffSettings {
  /**
   * First delay; each further attempt doubles it.
   * @default 500 — one 5xx is usually a blip: half a second keeps a retried answer well inside
   * the 3 s an interaction allows, and 500 → 1000 → 2000 gives three REST retries in ≤ 3.5 s.
   */
  baseMs: number;
  /**
   * Longest delay.
   * @default 30000 — a gateway that keeps refusing is retried twice a minute, not twice a second.
   */
  maxMs: number;
  /**
   * REST retries after the first attempt (5xx and network errors; 429s are discord.js's own).
   * @default 3 — as discord.js's default `retries`.
   */
  restRetries: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 500, maxMs: 30_000, restRetries: 3 };

/**
 * The wait before retry number `attempt` (0-based): "equal jitter" — half of min(max, base·2^n)
 * fixed, half random — so retries spread out but never come sooner than half the step.
 */
export function backoffDelay(
  attempt: number,
  s: BackoffSettings,
  random: () => number = Math.random,
): number {
  const step = Math.min(s.maxMs, s.baseMs * 2 ** attempt);
  return step / 2 + (random() * step) / 2;
}

/** Sleeps `ms`, or stops early (rejecting) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
