import { terms } from "../text/analyze.js";

/** Share of the smaller passage's word bigrams found in the other: re-translations share bigrams, rarely 3-grams (measured: 3-grams missed copies at 0.35–0.49). */
const DUPLICATE_OVERLAP = 0.5;
const SHINGLE = 2;

/**
 * Groups near-duplicate passages (the books repeat articles, sometimes re-translated): walking
 * the ranked list, an item whose word bigrams mostly appear in an earlier kept item joins it.
 * Bigram sets are kept per passage id: passages recur across queries, and analysing one costs
 * more than the rest of the comparison.
 */
export class DuplicateDetector {
  private readonly shingles = new Map<string, Set<string>>();

  constructor(private readonly limit = 20_000) {}

  collapse<T>(
    ranked: T[],
    passageOf: (item: T) => { id: string; text: string },
  ): { item: T; duplicates: T[] }[] {
    const kept: { item: T; duplicates: T[]; shingles: Set<string> }[] = [];
    for (const item of ranked) {
      const shingles = this.shinglesOf(passageOf(item));
      const twin = kept.find((k) => overlap(shingles, k.shingles) >= DUPLICATE_OVERLAP);
      if (twin) twin.duplicates.push(item);
      else kept.push({ item, duplicates: [], shingles });
    }
    return kept.map(({ item, duplicates }) => ({ item, duplicates }));
  }

  private shinglesOf(passage: { id: string; text: string }): Set<string> {
    let out = this.shingles.get(passage.id);
    if (!out) {
      const t = terms(passage.text);
      out = new Set<string>();
      for (let i = 0; i + SHINGLE <= t.length; i++) out.add(t.slice(i, i + SHINGLE).join(" "));
      if (this.shingles.size >= this.limit) this.shingles.clear();
      this.shingles.set(passage.id, out);
    }
    return out;
  }
}

function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let n = 0;
  for (const s of small) if (large.has(s)) n++;
  return n / small.size;
}
