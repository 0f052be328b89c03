import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanDocument } from "../../src/corpus/clean.js";
import { normalizeForMatch } from "../../src/corpus/normalize.js";
import { containsQuote } from "./quotes.js";
import { BOOKS, cleaned, pageAt, readSeed } from "./seeds.js";

const ALL = Object.values(BOOKS);

describe("whole seeds", () => {
  it.each(ALL)("%s: no junk, no stamps, no URLs in the body, no runaway paragraph", (file) => {
    const doc = cleaned(file);
    expect(doc.text).not.toMatch(/\uFFFD|FOR (AUTHOR )?USE ONLY|https?:\/\/|[\uE000-\uF8FF]/);
    expect(Math.max(...doc.text.split("\n\n").map((p) => p.length))).toBeLessThan(6000);
    expect(doc.text).not.toMatch(/\n{3,}| {2,}/);
    for (const list of [doc.pages, doc.sections, doc.footnotes]) {
      const offsets = list.map((x) => x.offset);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    }
    expect(doc.pages[0]?.offset).toBe(0);
  });

  it("titles, authors and years", () => {
    expect(cleaned(BOOKS.b004)).toMatchObject({
      title:
        "Contours of union integration: Evolution of cooperation between the regions of Belarus and Russia",
      author: "Boris Zalessky",
      year: 2023,
    });
    expect(cleaned(BOOKS.b000).title).toBe(
      "Commonwealth of Independent States: and free trade in services, and innovation cooperation",
    );
    expect(cleaned(BOOKS.b001).title).toBe(
      "Commonwealth of Independent States: Evolution of regional cooperation",
    );
    expect(cleaned(BOOKS.b002).title).toBe(
      "Eurasian Economic Union: the goal is to become a significant center of development",
    );
    expect(cleaned(BOOKS.b003).title).toBe("Global challenges and parliamentary diplomacy");
    expect(cleanDocument(BOOKS.b003, readSeed(BOOKS.b003), { title: "Given" }).title).toBe("Given");
  });

  it("headings of every book, without repeating the title in the body", () => {
    const titles = (file: string) => cleaned(file).sections.map((s) => s.title);
    expect(titles(BOOKS.b000)).toEqual(
      expect.arrayContaining([
        "Belarus - Russia: Forum of Regions as a generator of new ideas",
        "Belarus - Kazakhstan: plans for the future - in the roadmap",
      ]),
    );
    expect(titles(BOOKS.b001)).toContain("Belarus-North Caucasus: Current Issues of Interaction");
    expect(titles(BOOKS.b002)).toContain("Belarus: the project of the future is realized today");
    expect(titles(BOOKS.b003)).toContain("Belarus - Kazakhstan: parliamentary diplomacy");
    expect(titles(BOOKS.b004)).toEqual([
      "Chapter 1: Topical issues of Belarus-Russia regional interaction",
      "Chapter 2: Regions expand partnerships",
      "Chapter 3: Orientation towards mutually beneficial cooperation",
      "Chapter 4: Forum of the regions as a generator of new ideas",
      "Chapter 5: Direct regional partnerships as a tool to strengthen economic interaction",
      "Chapter 6: A factor of trust and cooperation",
    ]);
    for (const file of ALL) {
      const doc = cleaned(file);
      expect(doc.sections.length).toBeGreaterThanOrEqual(6);
      for (const s of doc.sections)
        expect(doc.text.slice(s.offset, s.offset + s.title.length)).not.toBe(s.title);
    }
  });

  it("001: pages follow the printed page numbers", () => {
    const doc = cleaned(BOOKS.b001);
    // "10" is printed at the foot of the page ending with this sentence (L518–L531).
    expect(pageAt(doc, doc.text.indexOf("competent authorities of the parties"))).toBe(10);
    expect(pageAt(doc, doc.text.indexOf("The practical implementation of the provisions of all these"))).toBe(
      11,
    );
    // "152" at L8317; the next page starts "from low-power to power-packed ones."
    expect(pageAt(doc, doc.text.indexOf("from low-power to power-packed ones"))).toBe(153);
  });

  it("002: pages follow the printed page numbers; 000 and 003 count page breaks", () => {
    const doc = cleaned(BOOKS.b002);
    expect(pageAt(doc, doc.text.indexOf("Among the major joint projects implemented recently"))).toBe(17);
    expect(cleaned(BOOKS.b000).pages.length).toBeGreaterThan(40);
    expect(cleaned(BOOKS.b003).pages.length).toBeGreaterThan(35);
  });

  it("004: pages estimated from the contents, chapters on their listed pages", () => {
    const doc = cleaned(BOOKS.b004);
    expect(doc.pagesEstimated).toBe(true);
    expect(doc.pages[0]).toEqual({ offset: 0, page: 2 });
    const chapter2 = doc.sections[1]?.offset as number;
    expect(pageAt(doc, chapter2)).toBe(11);
    expect(pageAt(doc, chapter2 - 1)).toBe(10);
    expect(doc.pages.at(-1)?.page).toBe(75);
  });

  it("004: publisher boilerplate, contents, literature and ads are gone", () => {
    const doc = cleaned(BOOKS.b004);
    expect(doc.text.startsWith("Back in May 2016, the Council of Ministers")).toBe(true);
    expect(doc.text).not.toMatch(
      /ISBN|Imprint|OmniScriptum|He has almost fifty years|CHAPTER|^Contents$|^Literature$/m,
    );
    expect(doc.text).not.toMatch(/Buy your books|morebooks|omnascriptum/i);
    expect(doc.text.trimEnd().endsWith("from design to farm start-up.")).toBe(true);
  });

  it("003: LAP Lambert front matter is gone", () => {
    const doc = cleaned(BOOKS.b003);
    expect(doc.text.startsWith("In September 2016, the Parliament of the sixth convocation")).toBe(true);
    expect(doc.text).not.toMatch(/Dear reader|ISBN|LAP Lambert/i);
  });

  it("footnotes are kept with number, text and URL", () => {
    const counts = ALL.map((f) => cleaned(f).footnotes.length);
    expect(counts[0]).toBe(0); // 000 has markers but no footnote blocks
    for (const c of counts.slice(1)) expect(c).toBeGreaterThan(40);
    const doc = cleaned(BOOKS.b002);
    const f52 = doc.footnotes.find((f) => f.n === 52);
    expect(f52?.url).toMatch(/^https?:\/\//);
    expect(doc.text.slice((f52?.offset as number) - 9, f52?.offset)).toBe("increased");
    for (const f of ALL.flatMap((file) => cleaned(file).footnotes)) {
      expect(f.url ?? "").not.toMatch(/^https?:\/\/https?:|\s/);
    }
  });

  it("cleans all five books fast", () => {
    const raws = ALL.map(readSeed);
    const start = performance.now();
    for (const [i, raw] of raws.entries()) cleanDocument(ALL[i] as string, raw);
    // Well under a second on an idle machine (~300 ms); the bound leaves room for a loaded CI runner.
    expect(performance.now() - start).toBeLessThan(1500);
  });
});

const DEV = join(import.meta.dirname, "../../../shared/eval/dev.jsonl");

describe.skipIf(!existsSync(DEV))("dev.jsonl evidence quotes", () => {
  it("occur in the cleaned text of their book (≥ 95%)", () => {
    const lines = readFileSync(DEV, "utf8").split("\n").filter(Boolean);
    const evidence = lines.flatMap(
      (l) => (JSON.parse(l) as { evidence: { file: string; quote: string }[] }).evidence,
    );
    const misses = evidence.filter((e) => {
      const text = cleaned(e.file).text.replace(/\s+/g, " ");
      return !containsQuote(text, normalizeForMatch(e.quote));
    });
    if (misses.length > 0) console.log("quotes not found:", misses);
    expect(evidence.length).toBeGreaterThan(20);
    expect(1 - misses.length / evidence.length).toBeGreaterThanOrEqual(0.95);
  });
});
