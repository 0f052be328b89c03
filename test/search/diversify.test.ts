import { describe, expect, it } from "vitest";
import { diversify } from "../../src/search/diversify.js";

interface Item {
  id: string;
  score: number;
  matched: string[];
}
const run = (items: Item[], lambda: number) =>
  diversify(
    items,
    (i) => i.score,
    (i) => i.matched,
    (t) => (t === "2015" ? 3 : 1),
    { lambda, depth: 10 },
  ).map((i) => i.id);

const items: Item[] = [
  { id: "a", score: 0.9, matched: ["irkutsk", "trade", "2019"] },
  { id: "b", score: 0.85, matched: ["irkutsk", "trade", "2019"] },
  { id: "c", score: 0.8, matched: ["irkutsk", "trade", "2015"] },
  { id: "d", score: 0.2, matched: ["2015"] },
];

describe("diversify", () => {
  it("moves up a passage that covers a query term the ones above it lack, keeping the first hit", () => {
    expect(run(items, 0.3)).toEqual(["a", "c", "b", "d"]);
  });

  it("keeps the ranking when lambda is 0 or the novelty is too small to matter", () => {
    expect(run(items, 0)).toEqual(["a", "b", "c", "d"]);
    expect(run(items, 0.01)).toEqual(["a", "b", "c", "d"]);
  });

  it("leaves items below the depth untouched", () => {
    const long = Array.from({ length: 15 }, (_, i) => ({
      id: `x${i}`,
      score: 1 - i / 100,
      matched: [`t${i}`],
    }));
    const out = diversify(
      long,
      (i) => i.score,
      (i) => i.matched,
      () => 1,
      { lambda: 5, depth: 10 },
    );
    expect(out.slice(10).map((i) => i.id)).toEqual(long.slice(10).map((i) => i.id));
    expect(out[0]?.id).toBe("x0");
  });
});
