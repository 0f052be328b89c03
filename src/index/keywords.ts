import MiniSearch from "minisearch";
import { term, tokens } from "../text/analyze.js";
import type { Chunk } from "../types.js";

/** BM25 over chunk text, with the section title as a lighter second field (minisearch). */
const OPTIONS = {
  fields: ["text", "section"],
  idField: "label",
  tokenize: tokens,
  processTerm: (t: string) => term(t) ?? null,
  searchOptions: { boost: { text: 1, section: 0.4 }, bm25: { k: 1.2, b: 0.75, d: 0 } },
};

export interface KeywordHit {
  label: number;
  score: number;
}

export class KeywordIndex {
  private constructor(private readonly ms: MiniSearch) {}

  static build(chunks: Chunk[]): KeywordIndex {
    const ms = new MiniSearch(OPTIONS);
    ms.addAll(chunks.map((c, label) => ({ label, text: c.text, section: c.section })));
    return new KeywordIndex(ms);
  }

  static fromJSON(json: string): KeywordIndex {
    return new KeywordIndex(MiniSearch.loadJSON(json, OPTIONS));
  }

  toJSON(): string {
    return JSON.stringify(this.ms);
  }

  /** BM25 candidates for a query (any term may match), best first. */
  search(query: string, limit: number): KeywordHit[] {
    return this.ms
      .search(query, { combineWith: "OR" })
      .slice(0, limit)
      .map((r) => ({ label: r.id as number, score: r.score }));
  }
}
