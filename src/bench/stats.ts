import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

/**
 * Nearest-rank percentile (p in 0–100) of the values: the smallest value with at least p% of
 * the values at or below it. Undefined for an empty list.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export interface LatencySummary {
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

/** p50/p95/p99 of latencies in ms, rounded to 0.1 ms; null when there were none. */
export function latencySummary(ms: readonly number[]): LatencySummary {
  const at = (p: number) => {
    const v = percentile(ms, p);
    return v === undefined ? null : round(v, 1);
  };
  return { p50Ms: at(50), p95Ms: at(95), p99Ms: at(99) };
}

export interface Throughput {
  chunks: number;
  seconds: number;
  chunksPerSecond: number;
}

export function throughput(chunks: number, seconds: number): Throughput {
  return {
    chunks,
    seconds: round(seconds, 2),
    chunksPerSecond: seconds > 0 ? round(chunks / seconds, 1) : 0,
  };
}

export const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Total size in bytes of the files under a folder (recursively). */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}
