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
  private readonly shingles = new Map<string, Uint32Array>();

  constructor(private readonly limit = 20_000) {}

  collapse<T>(
    ranked: T[],
    passageOf: (item: T) => { id: string; text: string },
  ): { item: T; duplicates: T[] }[] {
    const kept: { item: T; duplicates: T[]; shingles: Uint32Array }[] = [];
    for (const item of ranked) {
      const shingles = this.shinglesOf(passageOf(item));
      const twin = kept.find((k) => overlap(shingles, k.shingles) >= DUPLICATE_OVERLAP);
      if (twin) twin.duplicates.push(item);
      else kept.push({ item, duplicates: [], shingles });
    }
    return kept.map(({ item, duplicates }) => ({ item, duplicates }));
  }

  /** A passage's bigrams as sorted distinct 32-bit hashes: ~1 KB a passage, compared by a merge. */
  private shinglesOf(passage: { id: string; text: string }): Uint32Array {
    let out = this.shingles.get(passage.id);
    if (!out) {
      const t = terms(passage.text);
      const hashes = new Set<number>();
      for (let i = 0; i + SHINGLE <= t.length; i++) hashes.add(fnv1a(t.slice(i, i + SHINGLE).join(" ")));
      out = Uint32Array.from(hashes).sort();
      if (this.shingles.size >= this.limit) this.shingles.delete(this.shingles.keys().next().value as string);
      this.shingles.set(passage.id, out);
    }
    return out;
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Share of the smaller sorted set found in the larger. */
function overlap(a: Uint32Array, b: Uint32Array): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length === 0) return 0;
  let n = 0;
  let j = 0;
  for (let i = 0; i < small.length; i++) {
    const x = small[i] as number;
    while (j < large.length && (large[j] as number) < x) j++;
    if (j < large.length && large[j] === x) n++;
  }
  return n / small.length;
}
