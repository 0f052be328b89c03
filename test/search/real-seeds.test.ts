import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../../src/ingest.js";
import { type LoadedEngine, openEngine } from "../../src/open.js";
import { contextualQuery } from "../../src/search/follow-up.js";
import type { IngestSummary, SearchHit } from "../../src/types.js";
import { corpusConfig, REPO, SEEDS, tempDir } from "../helpers/corpus.js";

/**
 * The real seeds, ingested into a temp index. The embedding cache is the repo's own .cache, so
 * only the first run ever embeds (about a thousand chunks: a minute or two).
 */

const CIS_2017 = "What was the volume of mutual trade among CIS states in 2017?";
const B001 = "001_04d2d979b8eaaf9e.txt";

let engine: LoadedEngine;
let summary: IngestSummary;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const t = await tempDir("footnote-real-");
  cleanup = t.cleanup;
  const config = corpusConfig(t.dir, {
    SEEDS_DIR: SEEDS,
    CACHE_DIR: join(REPO, ".cache"),
    EMBED_WORKERS: "2",
  });
  summary = await runIngest(config);
  engine = await openEngine(config);
}, 600_000);
afterAll(async () => {
  await engine?.close();
  await cleanup?.();
});

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
/** Share of the smaller text's word 3-grams that the other text also has. */
function sharedShare(a: string, b: string): number {
  const grams = (t: string) => {
    const w = words(t);
    return new Set(w.slice(2).map((_, i) => `${w[i]} ${w[i + 1]} ${w[i + 2]}`));
  };
  const [x, y] = [grams(a), grams(b)];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let n = 0;
  for (const g of small) if (large.has(g)) n++;
  return small.size === 0 ? 0 : n / small.size;
}

describe("search over the real seeds", () => {
  it("ingested all five books", () => {
    expect(summary.documents).toBe(5);
    expect(summary.warnings).toEqual([]);
    expect(summary.chunks).toBeGreaterThan(500);
  });

  it("finds the 2017 CIS trade figures in the top three", async () => {
    const result = await engine.search(CIS_2017);
    expect(result.found).toBe(true);
    const hit = result.hits.slice(0, 3).find((h) => h.chunk.text.includes("164 billion"));
    expect(hit, result.hits.map((h) => h.chunk.text.slice(0, 80)).join("\n")).toBeDefined();
    expect(hit?.chunk.text).toContain("25%");
    expect(hit?.chunk.doc).toBe(B001);
  });

  it("the extractive answer cites that passage with an exact quote", async () => {
    const answer = await engine.ask(CIS_2017);
    expect(answer).toMatchObject({ found: true, mode: "extractive", question: CIS_2017 });
    const citation = answer.citations.find((c) => c.doc === B001);
    expect(citation).toBeDefined();
    const passage = await engine.passage(citation?.chunkId as string);
    expect(passage?.chunk.text).toContain("164 billion");
    expect(passage?.chunk.text).toContain(citation?.quote);
    expect(answer.answer).toContain(`[${citation?.n}]`);
    for (const c of answer.citations)
      expect((await engine.passage(c.chunkId))?.chunk.text).toContain(c.quote);
  });

  // The books mention "recipes" and "chocolate" (a confectionery concern's exports), but never
  // a cake recipe: no sentence holds enough of the question.
  it.each(["What is the recipe for a chocolate cake?", "Who won the 2018 FIFA World Cup?"])(
    "says Not found for an off-topic question: %s",
    async (question) => {
      const answer = await engine.ask(question);
      expect(answer.found).toBe(false);
      expect(answer.answer).toMatch(/^Not found in the corpus/);
    },
  );

  it("reads a misspelt name as the corpus term it is closest to", async () => {
    const result = await engine.search("How did Belarus trade with the Vladimr region in 2020?");
    expect(result.found).toBe(true);
    expect(result.hits.slice(0, 3).some((h) => h.chunk.text.includes("Vladimir"))).toBe(true);
  });

  const expectNoSharedText = (hits: SearchHit[]) => {
    expect(hits.length).toBeGreaterThan(3);
    for (const [i, a] of hits.entries()) {
      for (const b of hits.slice(i + 1)) {
        expect(sharedShare(a.chunk.text, b.chunk.text), `${a.chunk.id} vs ${b.chunk.id}`).toBeLessThan(0.5);
      }
    }
  };

  it.each([
    CIS_2017,
    "What did the Forum of Regions of Belarus and Russia discuss?",
    "parliamentary diplomacy",
  ])("collapses near-duplicates: no two hits share most of their text (%s)", async (query) => {
    expectNoSharedText((await engine.search(query, { topK: 10 })).hits);
  });

  // Re-translated copies of the Stavropol article (books 003 and 004/001) with different chunk
  // borders: they share few word 3-grams but most bigrams.
  it("collapses near-duplicates: no two hits share most of their text (Stavropol)", async () => {
    const query = "How did trade between the Stavropol Territory and Belarus develop?";
    expectNoSharedText((await engine.search(query, { topK: 10 })).hits);
  });

  it("the Stavropol article, printed in two books, comes back once with its twin as a duplicate", async () => {
    const { hits } = await engine.search(
      "Stavropol Territory trade turnover with Belarus 6.7 billion Russian rubles 2013",
      {
        topK: 10,
      },
    );
    const top = hits[0] as SearchHit;
    expect(top.chunk.text).toContain("6.7 billion Russian rubles");
    expect(top.duplicates.length).toBeGreaterThan(0);
    expect(hits.filter((h) => h.chunk.text.includes("6.7 billion Russian rubles"))).toHaveLength(1);
  });

  it("passage(id) returns the chunk with its neighbours from the same document", async () => {
    const { hits } = await engine.search(CIS_2017, { topK: 5 });
    for (const h of hits) {
      const p = await engine.passage(h.chunk.id);
      expect(p?.chunk).toEqual(h.chunk);
      for (const n of [p?.before, p?.after]) if (n) expect(n.doc).toBe(h.chunk.doc);
      if (p?.before) expect(p.before.start).toBeLessThan(h.chunk.start);
      if (p?.after) expect(p.after.start).toBeGreaterThan(h.chunk.start);
      expect(p?.before ?? p?.after).toBeDefined();
    }
    expect(await engine.passage("no-such-chunk")).toBeUndefined();
  });
});

describe("contextualQuery", () => {
  it("carries the previous question over to a short follow-up, with the new year", () => {
    const q = contextualQuery("and in 2019?", ["How did trade with the Vladimir region do in 2020?"]);
    expect(q).toContain("2019");
    expect(q).toContain("Vladimir");
    expect(q).not.toContain("2020");
  });

  it("leaves a self-contained question alone", () => {
    const q = "What did the Forum of Regions of Belarus and Russia discuss in 2019?";
    expect(contextualQuery(q, ["How did trade with the Vladimir region do in 2020?"])).toBe(q);
    expect(contextualQuery("and in 2019?", [])).toBe("and in 2019?");
  });
});
