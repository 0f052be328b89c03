import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ChunkOptions, chunkDocument, pageAt, pageInChunk } from "../src/chunk.js";
import { cleanDocument } from "../src/corpus/clean.js";
import { splitSentences } from "../src/text/sentences.js";
import { countTokens } from "../src/text/tokens.js";
import type { Chunk, CleanDocument } from "../src/types.js";
import { buildDoc, PARAGRAPHS as P, SEEDS } from "./helpers/corpus.js";

const SMALL: ChunkOptions = { targetTokens: 80, overlapTokens: 24, contextSentences: 2 };
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/;

/** Paragraph spans of a document's text, as "\n\n" separates them. */
function paragraphSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/\n\s*\n/g)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out.filter((p) => p.end > p.start);
}

const sentencesOf = (doc: CleanDocument) =>
  paragraphSpans(doc.text).flatMap((p) => splitSentences(doc.text.slice(p.start, p.end), p.start));

/** The sentence holding offset `at`, and whether it alone is over the target (so may be cut). */
function sentenceAt(doc: CleanDocument, at: number) {
  return sentencesOf(doc).find((s) => s.start <= at && at < s.end);
}
const isOverlong = (doc: CleanDocument, at: number, target: number) => {
  const s = sentenceAt(doc, at);
  return s !== undefined && countTokens(doc.text.slice(s.start, s.end)) > target;
};

/** Everything chunkDocument promises, checked on one document. */
function expectInvariants(
  doc: CleanDocument,
  chunks: Chunk[],
  { targetTokens, overlapTokens }: ChunkOptions,
) {
  expect(chunks.length).toBeGreaterThan(0);
  const paragraphEnds = new Set(paragraphSpans(doc.text).map((p) => p.end));
  const sentenceStarts = new Set(sentencesOf(doc).map((s) => s.start));
  const sectionStarts = doc.sections.map((s) => s.offset);
  for (const [i, c] of chunks.entries()) {
    const where = `chunk ${i} [${c.start}, ${c.end}) of ${doc.id}`;
    expect(c.text, where).toBe(doc.text.slice(c.start, c.end));
    expect(c.doc).toBe(doc.id);
    expect(c.title).toBe(doc.title);
    expect(c.text, where).toBe(c.text.trim());

    const tokens = countTokens(c.text);
    const cutSentence = isOverlong(doc, c.start, targetTokens) || isOverlong(doc, c.end - 1, targetTokens);
    if (!cutSentence) expect(tokens, `${where} has ${tokens} tokens`).toBeLessThanOrEqual(targetTokens);

    const endsWell = SENTENCE_END.test(c.text) || paragraphEnds.has(c.end);
    if (!endsWell) expect(isOverlong(doc, c.end - 1, targetTokens), `${where} ends mid-sentence`).toBe(true);
    if (!sentenceStarts.has(c.start)) {
      expect(isOverlong(doc, c.start, targetTokens), `${where} starts mid-sentence`).toBe(true);
    }

    for (const s of sectionStarts) {
      expect(s > c.start && s < c.end, `${where} crosses the section start at ${s}`).toBe(false);
    }
    expect(c.pageStart).toBe(pageAt(doc, c.start));
    expect(c.pageEnd).toBe(pageAt(doc, c.end - 1));

    const next = chunks[i + 1];
    if (!next) continue;
    expect(next.start, `${where} is followed by an earlier chunk`).toBeGreaterThan(c.start);
    expect(next.end).toBeGreaterThan(c.end);
    if (next.start < c.end) {
      // The overlap is whole sentences at the end of this chunk, repeated at the start of the next.
      const overlap = doc.text.slice(next.start, c.end);
      expect(sentenceStarts.has(next.start), `overlap after ${where} starts mid-sentence`).toBe(true);
      expect(SENTENCE_END.test(overlap) || paragraphEnds.has(c.end)).toBe(true);
      expect(countTokens(overlap), `overlap after ${where}`).toBeLessThanOrEqual(overlapTokens);
    } else {
      // No gap: only whitespace between consecutive chunks.
      expect(doc.text.slice(c.end, next.start).trim(), `gap after ${where}`).toBe("");
    }
  }
  expect(doc.text.slice(0, chunks[0]?.start).trim()).toBe("");
  expect(doc.text.slice(chunks.at(-1)?.end).trim()).toBe("");
}

const REAL: Array<keyof typeof P> = [
  "cisTrade",
  "stavropol",
  "cuba",
  "iran",
  "parliament",
  "forms",
  "chechnya",
];

describe("chunkDocument on real paragraphs", () => {
  const doc = buildDoc(REAL.map((k) => ({ text: P[k] })));

  it.each([
    { targetTokens: 80, overlapTokens: 24, contextSentences: 2 },
    { targetTokens: 128, overlapTokens: 32, contextSentences: 2 },
    { targetTokens: 256, overlapTokens: 48, contextSentences: 2 },
    { targetTokens: 40, overlapTokens: 0, contextSentences: 2 },
  ])("keeps every invariant at %o", (options) => {
    const chunks = chunkDocument(doc, options);
    expectInvariants(doc, chunks, options);
    if (options.targetTokens < 256) expect(chunks.length).toBeGreaterThan(REAL.length);
  });

  it("repeats whole trailing sentences in the next chunk of a long paragraph", () => {
    const chunks = chunkDocument(doc, SMALL);
    const overlapping = chunks.filter((c, i) => {
      const next = chunks[i + 1];
      return next !== undefined && next.start < c.end;
    });
    expect(overlapping.length).toBeGreaterThan(0);
  });

  it("gives stable ids that change with the text and with the document", () => {
    const a = chunkDocument(doc, SMALL);
    const b = chunkDocument(buildDoc(REAL.map((k) => ({ text: P[k] }))), SMALL);
    expect(b.map((c) => c.id)).toEqual(a.map((c) => c.id));
    expect(new Set(a.map((c) => c.id)).size).toBe(a.length);
    for (const c of a) expect(c.id).toMatch(/^[0-9a-f]{16}$/);

    const edited = chunkDocument(
      buildDoc(REAL.map((k) => ({ text: k === "cisTrade" ? P[k].replace("164", "165") : P[k] }))),
      SMALL,
    );
    const changed = edited.filter((c) => !a.some((x) => x.id === c.id));
    expect(changed.length).toBeGreaterThan(0);
    for (const c of changed) expect(c.text).toContain("165");
    const otherDoc = chunkDocument(
      buildDoc(
        REAL.map((k) => ({ text: P[k] })),
        "other.txt",
      ),
      SMALL,
    );
    for (const c of otherDoc) expect(a.map((x) => x.id)).not.toContain(c.id);
  });

  it("never starts a chunk inside one section and ends it in the next", () => {
    const sectioned = buildDoc([
      { text: P.cisTrade, section: "Commonwealth of Independent States: Evolution of regional cooperation" },
      { text: "Short closing remark." },
      { text: P.stavropol, section: "Belarus - Russia: Stavropol" },
      { text: P.cuba, section: "Eurasian Economic Union: the Americas" },
    ]);
    // A target big enough to swallow everything shows that only the sections split it.
    const options = { targetTokens: 1000, overlapTokens: 48, contextSentences: 2 };
    const chunks = chunkDocument(sectioned, options);
    expectInvariants(sectioned, chunks, options);
    expect(chunks.map((c) => c.section)).toEqual([
      "Commonwealth of Independent States: Evolution of regional cooperation",
      "Belarus - Russia: Stavropol",
      "Eurasian Economic Union: the Americas",
    ]);
    expect(chunks[0]?.text.endsWith("Short closing remark.")).toBe(true);
    expect(chunks[1]?.text).toBe(P.stavropol);
  });

  it("keeps the section's two sentences before a chunk as its context, never across a heading", () => {
    const sectioned = buildDoc([
      { text: P.cisTrade, section: "Commonwealth of Independent States" },
      { text: P.stavropol, section: "Belarus - Russia: Stavropol" },
    ]);
    const chunks = chunkDocument(sectioned, SMALL);
    const flat = (t: string) => t.replace(/\s+/g, " ").trim();
    const sectionStarts = new Map([
      ["Commonwealth of Independent States", sectioned.text.indexOf(P.cisTrade)],
      ["Belarus - Russia: Stavropol", sectioned.text.indexOf(P.stavropol)],
    ]);
    for (const c of chunks) {
      const sectionStart = sectionStarts.get(c.section) as number;
      if (c.start <= sectionStart) {
        expect(c.context, c.id).toBeUndefined();
        continue;
      }
      const before = flat(sectioned.text.slice(sectionStart, c.start));
      expect(before.endsWith(c.context as string), c.id).toBe(true);
      // Two sentences: at most two sentence ends inside it, the last being its own end.
      expect((c.context as string).match(/[.!?]["'”’»)\]]*(?=\s|$)/g)?.length ?? 0).toBeLessThanOrEqual(2);
    }
    expect(chunks.some((c) => c.context)).toBe(true);
    expect(
      chunkDocument(sectioned, { ...SMALL, contextSentences: 0 }).every((c) => c.context === undefined),
    ).toBe(true);
  });

  it("a chunk before the first heading has no section", () => {
    const d = buildDoc([{ text: P.iran }, { text: P.cuba, section: "Cuba" }]);
    const chunks = chunkDocument(d, { targetTokens: 1000, overlapTokens: 0, contextSentences: 2 });
    expect(chunks.map((c) => c.section)).toEqual(["", "Cuba"]);
  });
});

describe("chunkDocument pages and footnotes", () => {
  const doc = buildDoc([
    { text: P.cisTrade, footnote: { n: 3, text: "Results of the CIS Council meeting.", after: '25%"' } },
    { text: P.stavropol, page: { page: 17, at: "And it was only in 2016" } },
    {
      text: P.chechnya,
      page: { page: 18 },
      footnote: { n: 4, text: "Chechnya and Belarus.", url: "http://example.org/4", after: "July 2002." },
    },
  ]);
  it("pageStart, pageEnd and pageBreaks follow the constructed pages", () => {
    // Paragraph borders are only preferred, so check by content rather than by count.
    const all = chunkDocument(doc, { targetTokens: 2000, overlapTokens: 0, contextSentences: 2 });
    expect(all).toHaveLength(1);
    const whole = all[0] as Chunk;
    expect(whole.pageStart).toBe(1);
    expect(whole.pageEnd).toBe(18);
    const at17 = whole.text.indexOf("And it was only in 2016");
    const at18 = whole.text.indexOf(P.chechnya);
    expect(whole.pageBreaks).toEqual([
      { at: at17, page: 17 },
      { at: at18, page: 18 },
    ]);
    expect(pageInChunk(whole, 0)).toBe(1);
    expect(pageInChunk(whole, at17 - 1)).toBe(1);
    expect(pageInChunk(whole, at17)).toBe(17);
    expect(pageInChunk(whole, at18 + 5)).toBe(18);
  });

  it("a chunk inside one page has no page breaks; one that starts at a page border takes that page", () => {
    const small = chunkDocument(doc, SMALL);
    const onFirstPage = small.filter((c) => c.end <= doc.text.indexOf("And it was only in 2016"));
    expect(onFirstPage.length).toBeGreaterThan(0);
    for (const c of onFirstPage) {
      expect(c).toMatchObject({ pageStart: 1, pageEnd: 1, pageBreaks: [] });
    }
    const startsAt18 = small.find((c) => c.start === doc.text.indexOf(P.chechnya));
    expect(startsAt18).toMatchObject({ pageStart: 18, pageEnd: 18, pageBreaks: [] });
    const crossing = small.find((c) => c.pageStart === 1 && c.pageEnd === 17);
    expect(crossing?.pageBreaks).toEqual([
      { at: doc.text.indexOf("And it was only in 2016") - (crossing?.start ?? 0), page: 17 },
    ]);
    expectInvariants(doc, small, SMALL);
  });

  it("a chunk carries the footnotes whose markers fall inside it, with their urls", () => {
    const small = chunkDocument(doc, SMALL);
    for (const ref of doc.footnotes) {
      const holders = small.filter((c) => c.start <= ref.offset && ref.offset <= c.end);
      expect(holders.length).toBeGreaterThan(0);
      for (const c of small) expect(c.footnotes.some((f) => f.n === ref.n)).toBe(holders.includes(c));
    }
    const withNote = small.find((c) => c.footnotes.some((f) => f.n === 4));
    expect(withNote?.footnotes).toEqual([
      { n: 4, text: "Chechnya and Belarus.", url: "http://example.org/4" },
    ]);
    expect(small.find((c) => c.footnotes.some((f) => f.n === 3))?.text).toContain('25%"');
  });
});

describe("chunkDocument on over-long sentences", () => {
  it("cuts a 10,000-word sentence with no punctuation into pieces within the target", () => {
    const words = Array.from(
      { length: 10_000 },
      (_, i) => ["trade", "turnover", "region", "Belarus", "grew"][i % 5],
    );
    const sentence = words.map((w, i) => `${w}${i % 97 === 0 ? "s" : ""}`).join(" ");
    const doc = buildDoc([{ text: P.iran }, { text: sentence }, { text: P.cuba }]);
    const options = { targetTokens: 256, overlapTokens: 48, contextSentences: 2 };
    const chunks = chunkDocument(doc, options);
    const from = doc.text.indexOf(sentence);
    const to = from + sentence.length;
    const inside = chunks.filter((c) => c.end > from && c.start < to);
    expect(inside.length).toBeGreaterThan(10_000 / 256);
    for (const c of chunks) {
      expect(c.text).toBe(doc.text.slice(c.start, c.end));
      expect(countTokens(c.text)).toBeLessThanOrEqual(options.targetTokens);
      // Cut at word borders, never inside a word.
      if (c.start > from && c.start < to) expect(doc.text[c.start - 1]).toBe(" ");
      if (c.end > from && c.end < to) expect(doc.text[c.end]).toBe(" ");
    }
    expectInvariants(doc, chunks, options);
  });
});

describe("chunkDocument on a real cleaned book", () => {
  it.each(["001_04d2d979b8eaaf9e.txt", "004_f865b4ead9a1efb6.txt"])("%s keeps every invariant", (file) => {
    const doc = cleanDocument(file, readFileSync(join(SEEDS, file), "utf8"));
    const options = { targetTokens: 256, overlapTokens: 48, contextSentences: 2 };
    const chunks = chunkDocument(doc, options);
    expect(chunks.length).toBeGreaterThan(50);
    expectInvariants(doc, chunks, options);
    // Sections and footnotes of the book reach its chunks.
    expect(new Set(chunks.map((c) => c.section)).size).toBe(doc.sections.length);
    expect(chunks.reduce((n, c) => n + c.footnotes.length, 0)).toBeGreaterThanOrEqual(doc.footnotes.length);
  });
});

describe("chunkDocument on pathological input", () => {
  /** 2 MB without a single space: one letter, a run of dots, brackets, and printable noise. */
  const runs: [string, () => string][] = [
    ["letters", () => "a".repeat(2_000_000)],
    ["dots", () => ".".repeat(2_000_000)],
    ["brackets", () => "[".repeat(2_000_000)],
    [
      "noise",
      () => {
        let x = 1;
        return Array.from({ length: 2_000_000 }, () => {
          x = (x * 1103515245 + 12345) % 2147483648;
          return String.fromCharCode(33 + (x % 94));
        }).join("");
      },
    ],
  ];

  it.each(runs)("cleans and chunks 2 MB of %s without whitespace, every piece within the caps", (_, make) => {
    const raw = `${P.cuba}\n\n${make()}\n\n${P.iran}`;
    const doc = cleanDocument("noise.txt", raw);
    const options = { targetTokens: 256, overlapTokens: 48, contextSentences: 2 };
    const chunks = chunkDocument(doc, options);
    expect(chunks.length).toBeGreaterThan(100);
    // Contiguous pieces cover the whole text, each at most 8 characters per target token.
    for (const c of chunks) {
      expect(c.text).toBe(doc.text.slice(c.start, c.end));
      expect(c.text.length).toBeLessThanOrEqual(options.targetTokens * 8);
    }
    for (const c of chunks.slice(1, 40))
      expect(countTokens(c.text)).toBeLessThanOrEqual(options.targetTokens);
    expect(chunks.at(-1)?.text).toContain("Iran");
    expect(chunks[0]?.text).toContain("Cuba");
  });
});
