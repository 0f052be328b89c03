/** Per-key token bucket: `burst` tokens at most, refilled at `perMinute` per minute. Pure; the clock is injected. */
export interface RateLimitOptions {
  perMinute: number;
  burst: number;
  /** Keys tracked at most; the least recently seen is forgotten first (it then starts with a full bucket). */
  maxKeys?: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #perMs: number;
  readonly #burst: number;
  readonly #maxKeys: number;

  constructor(
    options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.#perMs = options.perMinute / 60_000;
    this.#burst = options.burst;
    this.#maxKeys = options.maxKeys ?? 10_000;
  }

  take(key: string): RateLimitDecision {
    const now = this.now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at: now };
    const tokens = Math.min(this.#burst, bucket.tokens + Math.max(0, now - bucket.at) * this.#perMs);
    this.#buckets.delete(key);
    if (tokens >= 1) {
      this.#remember(key, { tokens: tokens - 1, at: now });
      return { allowed: true };
    }
    this.#remember(key, { tokens, at: now });
    return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) / this.#perMs) };
  }

  #remember(key: string, bucket: { tokens: number; at: number }): void {
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.#maxKeys) {
      this.#buckets.delete(this.#buckets.keys().next().value as string);
    }
  }
}
