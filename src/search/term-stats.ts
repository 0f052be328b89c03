import { terms } from "../text/analyze.js";

/** Document frequencies over the passages, for IDF weights (BM25's form, always positive). */
export class TermStats {
  private constructor(
    private readonly df: Map<string, number>,
    readonly documents: number,
  ) {}

  static fromTexts(texts: string[]): TermStats {
    const df = new Map<string, number>();
    for (const text of texts) for (const t of new Set(terms(text))) df.set(t, (df.get(t) ?? 0) + 1);
    return new TermStats(df, texts.length);
  }

  idf(term: string): number {
    const n = this.df.get(term) ?? 0;
    return Math.log(1 + (this.documents - n + 0.5) / (n + 0.5));
  }
}
