import MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/chunk.js";
import { cleanDocument } from "../../src/corpus/clean.js";
import { loadSeeds } from "../../src/corpus/load.js";
import { BM25_SETTINGS, KeywordIndex } from "../../src/index/keywords.js";
import { TermStats } from "../../src/search/term-stats.js";
import { term, tokens } from "../../src/text/analyze.js";
import type { Chunk } from "../../src/types.js";
import { SEEDS } from "../helpers/corpus.js";

/** minisearch, as the file store used it before, is the reference BM25 for our own index. */
function reference(chunks: Chunk[]): MiniSearch {
  const ms = new MiniSearch({
    fields: ["text", "section"],
    idField: "label",
    tokenize: tokens,
    processTerm: (t: string) => term(t) ?? null,
    searchOptions: {
      boost: { ...BM25_SETTINGS.boost },
      bm25: { k: BM25_SETTINGS.k, b: BM25_SETTINGS.b, d: BM25_SETTINGS.d },
    },
  });
  ms.addAll(chunks.map((c, label) => ({ label, text: c.text, section: c.section })));
  return ms;
}

const QUERIES = [
  "What was the volume of mutual trade among CIS states in 2017?",
  "Stavropol Territory trade turnover 6.7 billion rubles",
  "parliamentary diplomacy foreign policy",
  "Eurasian Economic Union Cuba observer status",
  "trade trade trade",
  "Vladimir Region Belarus cooperation agreement",
  "no-such-word-anywhere",
];

describe("KeywordIndex over the real seeds", () => {
  let chunks: Chunk[];
  let index: KeywordIndex;
  beforeAll(async () => {
    const { docs } = await loadSeeds(SEEDS);
    chunks = docs.flatMap((s) =>
      chunkDocument(s.kind === "text" ? cleanDocument(s.id, s.raw, s.meta) : s.doc, {
        targetTokens: 256,
        overlapTokens: 48,
        contextSentences: 2,
      }),
    );
    index = KeywordIndex.build(chunks);
  });

  it("with coordination, ranks and scores exactly as minisearch's BM25", () => {
    const ms = reference(chunks);
    const coordinated = KeywordIndex.build(chunks, { ...BM25_SETTINGS, coordination: true });
    for (const q of QUERIES) {
      const want = ms.search(q, { combineWith: "OR" }).slice(0, 100);
      const got = coordinated.search(q, 100);
      expect(got.map((h) => h.label)).toEqual(want.map((r) => r.id));
      got.forEach((h, i) => {
        expect(h.score).toBeCloseTo(want[i]?.score as number, 9);
      });
    }
  });

  it("by default is plain BM25: minisearch's sum without its factor for the terms matched", () => {
    const ms = reference(chunks);
    for (const q of QUERIES) {
      const want = ms
        .search(q, { combineWith: "OR" })
        .map((r) => ({ id: r.id as number, score: r.score / r.terms.length }))
        .sort((x, y) => y.score - x.score || x.id - y.id)
        .slice(0, 100);
      const got = index.search(q, 100);
      expect(got.map((h) => h.label)).toEqual(want.map((r) => r.id));
      got.forEach((h, i) => {
        expect(h.score).toBeCloseTo(want[i]?.score as number, 9);
      });
    }
  });

  it("round-trips through its binary file and counts passage frequencies as TermStats does", () => {
    const loaded = KeywordIndex.fromBuffer(index.toBuffer());
    for (const q of QUERIES) expect(loaded.search(q, 50)).toEqual(index.search(q, 50));
    const stats = TermStats.fromTexts(chunks.map((c) => c.text));
    const df = loaded.textFrequencies();
    const fromDf = TermStats.fromCounts(df, chunks.length);
    for (const t of ["trade", "stavropol", "2017", "cooper", "vladimir", "cake"].map(
      (w) => term(w) as string,
    )) {
      expect(fromDf.idf(t)).toBeCloseTo(stats.idf(t), 12);
      expect(fromDf.has(t)).toBe(stats.has(t));
    }
    expect(fromDf.correct("vladimr")).toBe(stats.correct("vladimr"));
  });
});
