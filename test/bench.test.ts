import { describe, expect, it } from "vitest";
import { latencySummary, percentile, throughput } from "../src/bench/stats.js";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted

  it("picks the nearest-rank value of known arrays", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 95)).toBe(40);
  });

  it("handles a single value and an empty list", () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
  });

  it("does not reorder its input", () => {
    const xs = [3, 1, 2];
    percentile(xs, 50);
    expect(xs).toEqual([3, 1, 2]);
  });

  it("rejects an out-of-range percentile", () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe("latencySummary", () => {
  it("gives p50/p95/p99 rounded to 0.1 ms", () => {
    expect(latencySummary([1.04, 2.06, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ p50Ms: 5, p95Ms: 10, p99Ms: 10 });
    expect(latencySummary([2.06])).toEqual({ p50Ms: 2.1, p95Ms: 2.1, p99Ms: 2.1 });
  });

  it("gives nulls for no latencies", () => {
    expect(latencySummary([])).toEqual({ p50Ms: null, p95Ms: null, p99Ms: null });
  });
});

describe("throughput", () => {
  it("divides chunks by seconds and survives zero seconds", () => {
    expect(throughput(1000, 4)).toEqual({ chunks: 1000, seconds: 4, chunksPerSecond: 250 });
    expect(throughput(10, 0).chunksPerSecond).toBe(0);
  });
});
