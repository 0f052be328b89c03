import { term, terms, tokens } from "../text/analyze.js";
import type { Chunk } from "../types.js";

/**
 * BM25 over chunk text, with the section title as a lighter second field, in minisearch's form
 * (field length = distinct surface tokens; score × the number of query terms matched). The file
 * store runs it over `KeywordIndex`; the Postgres store computes the same formula in SQL from
 * the same `fieldPostings`, so both rank keyword candidates alike (test/index/postgres.test.ts).
 */
export interface Bm25Settings {
  /** @default 1.2 — term-frequency saturation (the usual BM25 value). */
  k: number;
  /** @default 0.75 — length normalisation. */
  b: number;
  /** @default 0 — no BM25+ floor: measured on dev and SciFact (0.644 → 0.652 nDCG@10 at d 0.5 → 0). */
  d: number;
  /** @default { text: 1, section: 0.4 } — headings help, but a heading match is not a text match. */
  boost: { text: number; section: number };
  /**
   * Multiply a passage's sum by the number of query terms it matches, as minisearch does.
   * @default false — plain BM25 (Lucene's, Anserini's): SciFact nDCG@10 0.651 → 0.680 without it
   * (k 1.2 / b 0.75; k 0.9–1.5, b 0.5–0.9 move it by < 0.004); dev.jsonl in docs/quality.md.
   */
  coordination: boolean;
}

export const BM25_SETTINGS: Bm25Settings = {
  k: 1.2,
  b: 0.75,
  d: 0,
  boost: { text: 1, section: 0.4 },
  coordination: false,
};

/** The fields in the order their numbers are stored (0 = text, 1 = section). */
export const FIELDS = ["text", "section"] as const;

/** The query's index terms, repeats kept: a word asked twice counts twice, as in minisearch. */
export const queryTerms = (query: string): string[] => terms(query);

export interface FieldPostings {
  field: number;
  /** BM25 field length: distinct surface tokens (as minisearch counts it). */
  length: number;
  /** Term → occurrences in the field. */
  tf: Map<string, number>;
}

/** What BM25 needs of one chunk, per field. */
export function fieldPostings(chunk: Pick<Chunk, "text" | "section">): FieldPostings[] {
  return FIELDS.map((name, field) => {
    const surface = tokens(chunk[name]);
    const tf = new Map<string, number>();
    for (const t of surface) {
      const x = term(t);
      if (x) tf.set(x, (tf.get(x) ?? 0) + 1);
    }
    return { field, length: new Set(surface).size, tf };
  });
}

export interface KeywordHit {
  label: number;
  score: number;
}

/**
 * The file store's inverted index: per field, each term's postings (chunk labels ascending, term
 * frequencies) in flat typed arrays, plus each chunk's field lengths. Stored as one binary file
 * that loads without parsing the postings: at 16× the corpus, minisearch's JSON index took
 * 0.7 s and ~130 MB to load, this about a tenth of both (docs/quality.md). Scores as minisearch's
 * BM25 does (test/index/keywords.test.ts holds it to minisearch's numbers).
 */
export class KeywordIndex {
  private readonly ids: Map<string, number>;
  private readonly avg: number[];

  private constructor(
    private readonly terms: string[],
    /** Per field: postings of term i at [start[i], start[i + 1]). */
    private readonly fields: { start: Uint32Array; label: Uint32Array; tf: Uint16Array; len: Uint16Array }[],
    private readonly passages: number,
    private readonly settings: Bm25Settings,
  ) {
    this.ids = new Map(terms.map((t, i) => [t, i]));
    this.avg = fields.map((f) => f.len.reduce((s, l) => s + l, 0) / (passages || 1));
  }

  static build(chunks: Chunk[], settings = BM25_SETTINGS): KeywordIndex {
    const analysed = chunks.map((c) => fieldPostings(c));
    const terms = [...new Set(analysed.flatMap((fs) => fs.flatMap((f) => [...f.tf.keys()])))].sort();
    const ids = new Map(terms.map((t, i) => [t, i]));
    const fields = FIELDS.map((_, field) => {
      const count = new Uint32Array(terms.length + 1);
      for (const fs of analysed)
        for (const t of (fs[field] as FieldPostings).tf.keys())
          (count[(ids.get(t) as number) + 1] as number)++;
      const start = new Uint32Array(terms.length + 1);
      for (let i = 0; i < terms.length; i++) start[i + 1] = (start[i] as number) + (count[i + 1] as number);
      const next = start.slice(0, terms.length);
      const size = start[terms.length] as number;
      const label = new Uint32Array(size);
      const tf = new Uint16Array(size);
      const len = new Uint16Array(chunks.length);
      analysed.forEach((fs, l) => {
        const f = fs[field] as FieldPostings;
        len[l] = Math.min(f.length, 0xffff);
        for (const [t, n] of f.tf) {
          const id = ids.get(t) as number;
          const at = (next[id] as number)++;
          label[at] = l;
          tf[at] = Math.min(n, 0xffff);
        }
      });
      return { start, label, tf, len };
    });
    return new KeywordIndex(terms, fields, chunks.length, settings);
  }

  /** Layout: u32 header length, header JSON {terms, passages, sizes}, then each field's arrays, 4-byte aligned. */
  toBuffer(): Buffer {
    const header = Buffer.from(
      JSON.stringify({
        terms: this.terms,
        passages: this.passages,
        sizes: this.fields.map((f) => f.label.length),
      }),
    );
    const parts: Buffer[] = [Buffer.alloc(4), header, Buffer.alloc((4 - ((4 + header.length) % 4)) % 4)];
    parts[0]?.writeUInt32LE(header.length);
    const pad = (b: Buffer) => [b, Buffer.alloc((4 - (b.length % 4)) % 4)];
    for (const f of this.fields)
      for (const a of [f.start, f.label, f.tf, f.len])
        parts.push(...pad(Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
    return Buffer.concat(parts);
  }

  static fromBuffer(buf: Buffer, settings = BM25_SETTINGS): KeywordIndex {
    const headerLength = buf.readUInt32LE(0);
    const header = JSON.parse(buf.toString("utf8", 4, 4 + headerLength)) as {
      terms: string[];
      passages: number;
      sizes: number[];
    };
    let at = 4 + headerLength;
    at += (4 - (at % 4)) % 4;
    // One copy into an aligned buffer of our own, then views into it.
    const body = new Uint8Array(buf.length - at);
    body.set(buf.subarray(at));
    let off = 0;
    const take = <T>(make: (b: ArrayBuffer, o: number, n: number) => T, bytes: number, n: number): T => {
      const view = make(body.buffer, off, n);
      off += n * bytes;
      off += (4 - (off % 4)) % 4;
      return view;
    };
    const T = header.terms.length;
    const fields = header.sizes.map((size) => ({
      start: take((b, o, n) => new Uint32Array(b, o, n), 4, T + 1),
      label: take((b, o, n) => new Uint32Array(b, o, n), 4, size),
      tf: take((b, o, n) => new Uint16Array(b, o, n), 2, size),
      len: take((b, o, n) => new Uint16Array(b, o, n), 2, header.passages),
    }));
    return new KeywordIndex(header.terms, fields, header.passages, settings);
  }

  /** Passages whose text holds each term (for IDF weights: the same counts TermStats makes from the texts). */
  textFrequencies(): Map<string, number> {
    const start = (this.fields[0] as { start: Uint32Array }).start;
    return new Map(this.terms.map((t, i) => [t, (start[i + 1] as number) - (start[i] as number)]));
  }

  /** BM25 candidates for a query (any term may match), best first; ties by label. */
  search(query: string, limit: number): KeywordHit[] {
    const { k, b, d, boost, coordination } = this.settings;
    const boosts = [boost.text, boost.section];
    const scores = new Map<number, { score: number; terms: Set<string> }>();
    for (const t of queryTerms(query)) {
      const id = this.ids.get(t);
      if (id === undefined) continue;
      this.fields.forEach((f, field) => {
        const from = f.start[id] as number;
        const to = f.start[id + 1] as number;
        if (to === from) return;
        const df = to - from;
        const idf = Math.log(1 + (this.passages - df + 0.5) / (df + 0.5));
        const avg = this.avg[field] as number;
        for (let p = from; p < to; p++) {
          const label = f.label[p] as number;
          const tf = f.tf[p] as number;
          const norm = 1 - b + (b * (f.len[label] as number)) / avg;
          const s = (boosts[field] as number) * idf * (d + (tf * (k + 1)) / (tf + k * norm));
          const r = scores.get(label);
          if (r) {
            r.score += s;
            r.terms.add(t);
          } else scores.set(label, { score: s, terms: new Set([t]) });
        }
      });
    }
    return [...scores]
      .map(([label, r]) => ({ label, score: coordination ? r.score * r.terms.size : r.score }))
      .sort((x, y) => y.score - x.score || x.label - y.label)
      .slice(0, limit);
  }
}
