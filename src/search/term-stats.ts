import { term, terms } from "../text/analyze.js";
import { editDistance } from "../text/spelling.js";

/**
 * Document frequencies over the passages, for IDF weights (BM25's form, always positive), and which
 * terms the passages write in lower case (common words, not names).
 */
export class TermStats {
  private constructor(
    private readonly df: Map<string, number>,
    readonly documents: number,
    private readonly lowercase: Set<string>,
  ) {}

  static fromTexts(texts: string[]): TermStats {
    const df = new Map<string, number>();
    const lowercase = new Set<string>();
    for (const text of texts) {
      for (const t of new Set(terms(text))) df.set(t, (df.get(t) ?? 0) + 1);
      for (const [w] of text.matchAll(/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{Ll}'’-]*/gu)) {
        const t = term(w);
        if (t) lowercase.add(t);
      }
    }
    return new TermStats(df, texts.length, lowercase);
  }

  /** The passages write this term in lower case somewhere: a common word, even when it opens a sentence. */
  common(term: string): boolean {
    return this.lowercase.has(term);
  }

  /**
   * The corpus term a misspelt one most likely means: one edit away (two for long words), the
   * most frequent such term; undefined when the term is known or nothing is close.
   */
  correct(term: string): string | undefined {
    if (this.df.has(term) || term.length < 5 || /^\d/.test(term)) return undefined;
    const max = term.length >= 8 ? 2 : 1;
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
