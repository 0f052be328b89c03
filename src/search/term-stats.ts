import { terms } from "../text/analyze.js";
import { editDistance } from "../text/spelling.js";

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

  /** Over stored frequencies: a whole corpus's, or (Postgres) one query's terms and their spelling neighbours. */
  static fromCounts(df: Map<string, number>, documents: number): TermStats {
    return new TermStats(df, documents);
  }

  /**
   * The corpus term a misspelt one most likely means: one edit away (two for long words), the
   * most frequent such term; undefined when the term is known or nothing is close.
   */
  correct(term: string): string | undefined {
    const max = correctionDistance(term);
    if (this.df.has(term) || max === 0) return undefined;
    let best: string | undefined;
    let bestDf = 0;
    for (const [candidate, n] of this.df) {
      if (Math.abs(candidate.length - term.length) > max || n <= bestDf) continue;
      if (editDistance(term, candidate, max) <= max) {
        best = candidate;
        bestDf = n;
      }
    }
    return best;
  }

  has(term: string): boolean {
    return this.df.has(term);
  }

  idf(term: string): number {
    const n = this.df.get(term) ?? 0;
    return Math.log(1 + (this.documents - n + 0.5) / (n + 0.5));
  }
}

/** How many edits a misspelt term may be from the one it means: 0 (never corrected) for short words and figures. */
export function correctionDistance(term: string): number {
  if (term.length < 5 || /^\d/.test(term)) return 0;
  return term.length >= 8 ? 2 : 1;
}
