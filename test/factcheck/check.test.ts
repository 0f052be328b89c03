import { describe, expect, it } from "vitest";
import { checkClaim, type FactCheckSources } from "../../src/factcheck/check.js";
import { CorpusReader } from "../../src/search/corpus-reader.js";
import { terms } from "../../src/text/analyze.js";
import type { SearchResult } from "../../src/types.js";
import { ALL, CIS_TRADE, HTP_25, HTP_27, MALAYSIA, SPIMEX } from "./passages.js";

const reader = CorpusReader.fromChunks(ALL);

/** Ranks the real passages by shared terms: a stand-in for the engine's search over the same text. */
function overlapSearch(queries: string[] = []): FactCheckSources["search"] {
  return async (query, opts): Promise<SearchResult> => {
    queries.push(query);
    const q = new Set(terms(query));
    const hits = ALL.map((chunk) => ({
      chunk,
      score: new Set(terms(chunk.text).filter((t) => q.has(t))).size,
    }))
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, opts?.topK ?? 5)
      .map((h) => ({ chunk: h.chunk, score: h.score / q.size, duplicates: [] }));
    return { query, found: hits.length > 0, hits };
  };
}
const sources = (queries?: string[]): FactCheckSources => ({ search: overlapSearch(queries), reader });

describe("checkClaim", () => {
  it("supports a true claim with an exact quote, its source and the page the quote is on", async () => {
    const r = await checkClaim(
      "Is it true that CIS mutual trade totalled USD 164 billion in 2017?",
      sources(),
    );
    expect(r.verdict).toBe("supported");
    const [e] = r.evidence;
    expect(e).toMatchObject({ doc: CIS_TRADE.doc, chunkId: CIS_TRADE.id, page: CIS_TRADE.pageStart });
    expect(CIS_TRADE.text).toContain(e?.quote);
    expect(r.elements.map((x) => [x.kind, x.status])).toContainEqual(["figure", "matched"]);
  });

  it("contradicts a wrong figure asked as a yes/no question, naming the book's", async () => {
    const r = await checkClaim("Did mutual trade in the CIS grow by 40% in 2017?", sources());
    expect(r.verdict).toBe("contradicted");
    expect(r.explanation).toContain("25%, not 40%");
    expect(r.evidence[0]?.chunkId).toBe(CIS_TRADE.id);
  });

  it("searches for the subject without the claim's figures too", async () => {
    const queries: string[] = [];
    await checkClaim(
      "Do Belarusian potash fertilizers make up about half of the Malaysian potash market?",
      sources(queries),
    );
    expect(queries).toContain(
      "Belarusian potash fertilizers make up about half of the Malaysian potash market",
    );
    expect(queries.some((q) => !q.includes("half"))).toBe(true);
    const r = await checkClaim(
      "Belarusian potash fertilizers make up a quarter of the Malaysian market.",
      sources(),
    );
    expect(r).toMatchObject({ verdict: "supported", evidence: [{ chunkId: MALAYSIA.id }] });
  });

  it("contradicts a wrong founding year", async () => {
    const r = await checkClaim(
      "Someone says the St. Petersburg International Mercantile Exchange was only set up in 2015. Is that right?",
      sources(),
    );
    expect(r).toMatchObject({ verdict: "contradicted", evidence: [{ chunkId: SPIMEX.id }] });
  });

  it("finds nothing for subjects the books do not cover, and for open questions", async () => {
    for (const claim of [
      "Is it true that consumer price inflation in Belarus was 5.5% in 2020?",
      "What was the consumer price inflation rate in Belarus in 2020?",
      "Did Belarus export 3 million tonnes of grain to Egypt in 2021?",
    ]) {
      const r = await checkClaim(claim, sources());
      expect(r.verdict, claim).toBe("not_found");
    }
  });

  it("reads the other books' copies collapsed into a hit when it can resolve their ids", async () => {
    // The hit is an unrelated passage; the copy collapsed into it is the one that speaks.
    const search: FactCheckSources["search"] = async (query) => ({
      query,
      found: true,
      hits: [{ chunk: MALAYSIA, score: 1, duplicates: [CIS_TRADE.id] }],
    });
    const claim = "Mutual trade in the CIS grew by 40% in 2017.";
    expect((await checkClaim(claim, { search, reader })).verdict).toBe("not_found");
    const r = await checkClaim(claim, {
      search,
      reader,
      passage: async (id) => (id === CIS_TRADE.id ? CIS_TRADE : undefined),
    });
    expect(r.verdict).toBe("contradicted");
    expect(r.evidence[0]?.chunkId).toBe(CIS_TRADE.id);
  });

  it("reports both books' readings when they disagree", async () => {
    const r = await checkClaim("High Tech Park exports reached $2.5 billion in 2020.", sources());
    expect(r.verdict).toBe("supported");
    expect(r.conflicts[0]?.readings.map((x) => x.evidence.chunkId).sort()).toEqual(
      [HTP_25.id, HTP_27.id].sort(),
    );
  });
});
