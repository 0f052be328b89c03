import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  hitRank,
  holdsQuote,
  leadStatesGoldFigure,
  type QaItem,
  type QaOutcome,
  qaReport,
  readQaFile,
} from "../../src/eval/qa.js";
import type { Chunk } from "../../src/types.js";
import { PARAGRAPHS, tempDir } from "../helpers/corpus.js";

const CIS = PARAGRAPHS.cisTrade;
const CIS_FILE = "001_04d2d979b8eaaf9e.txt";

function item(id: string, evidence: QaItem["evidence"] = [], type = "factoid"): QaItem {
  return { id, question: `question ${id}`, type, evidence };
}

describe("holdsQuote", () => {
  it("finds an exact quote, and one differing only in whitespace, case or a markdown escape", () => {
    expect(holdsQuote(CIS, "trade totalled USD 164 billion, an increase of 25%")).toBe(true);
    expect(holdsQuote(CIS, "Trade  totalled\nUSD 164\tbillion")).toBe(true);
    expect(
      holdsQuote(
        'the trade turnover "amounted to $244 million and fell by 6.7% compared to 2019"',
        'the trade turnover "amounted to \\$244 million and fell by 6.7%',
      ),
    ).toBe(true);
  });

  it("counts a quote cut at a chunk border when most of it is there", () => {
    const passage = "Last year [2017], trade totalled USD 164 billion, an increase";
    // 9 of the quote's 13 bigrams are in the passage.
    expect(
      holdsQuote(passage, "Last year 2017 trade totalled USD 164 billion an increase of 25% in 2018"),
    ).toBe(true);
    // 3 of 13: only the opening words.
    expect(
      holdsQuote(
        "Last year 2017 trade",
        "Last year 2017 trade totalled USD 164 billion an increase of 25% in 2018",
      ),
    ).toBe(false);
  });

  it("rejects an unrelated passage and an empty quote", () => {
    expect(holdsQuote(PARAGRAPHS.cuba, "trade totalled USD 164 billion")).toBe(false);
    expect(holdsQuote(CIS, "  ")).toBe(false);
  });
});

describe("hitRank", () => {
  const passage = (doc: string, text: string, copies: { doc: string; text: string }[] = []) => ({
    doc,
    texts: [{ doc, text }, ...copies],
  });
  const twoHops = item("multi", [
    { file: CIS_FILE, quote: "trade totalled USD 164 billion", hop: 1 },
    { file: "002.txt", quote: "granted observer status with the EAEU", hop: 2 },
  ]);

  it("needs every hop of a multi-hop question, at the rank the last one is covered", () => {
    const ranked = [
      passage(`seeds/${CIS_FILE}`, CIS),
      passage("002.txt", PARAGRAPHS.iran),
      passage("002.txt", PARAGRAPHS.cuba),
    ];
    expect(hitRank(twoHops, ranked)).toBe(3);
    expect(hitRank(twoHops, ranked.slice(0, 2))).toBeUndefined();
  });

  it("accepts any alternative within a hop", () => {
    const alternatives = item("alt", [
      { file: "004.txt", quote: "not this one", hop: 1 },
      { file: CIS_FILE, quote: "trade totalled USD 164 billion", hop: 1 },
    ]);
    expect(hitRank(alternatives, [passage("002.txt", PARAGRAPHS.iran), passage(CIS_FILE, CIS)])).toBe(2);
  });

  it("does not count the quote found in another file", () => {
    const one = item("one", [{ file: CIS_FILE, quote: "trade totalled USD 164 billion", hop: 1 }]);
    expect(hitRank(one, [passage("004_f865b4ead9a1efb6.txt", CIS)])).toBeUndefined();
    expect(hitRank(item("none"), [passage(CIS_FILE, CIS)])).toBeUndefined();
  });

  it("counts a near-duplicate collapsed into a hit as that hit", () => {
    const one = item("one", [{ file: CIS_FILE, quote: "trade totalled USD 164 billion", hop: 1 }]);
    const hit = passage("004_f865b4ead9a1efb6.txt", PARAGRAPHS.stavropol, [{ doc: CIS_FILE, text: CIS }]);
    expect(hitRank(one, [passage("002.txt", PARAGRAPHS.iran), hit])).toBe(2);
  });
});

describe("qaReport", () => {
  const chunk = (doc: string, text: string): Chunk => ({
    id: `${doc}#1`,
    doc,
    title: doc,
    section: "",
    pageStart: 4,
    pageEnd: 4,
    start: 0,
    end: text.length,
    text,
    footnotes: [],
  });
  const evidence = [{ file: CIS_FILE, quote: "trade totalled USD 164 billion", hop: 1 }];
  const outcome = (
    id: string,
    rank: number | undefined,
    found: boolean,
    type = "factoid",
    answer = found ? "Trade totalled USD 164 billion. [1]" : "Not found in the corpus.",
    gold = "USD 164 billion",
  ): QaOutcome => ({
    item: { ...item(id, type === "unanswerable" ? [] : evidence, type), answer: gold },
    rank,
    result: {
      query: id,
      found,
      hits: [{ chunk: chunk("002.txt", PARAGRAPHS.iran), score: 1, duplicates: [] }],
    },
    answer: { question: id, found, answer, citations: [], mode: "extractive" },
  });

  it("computes recall, MRR@10, not-found rates and lists the failures", () => {
    const report = qaReport([
      outcome("a1", 1, true),
      outcome("a2", 3, true),
      outcome("a3", 7, true),
      outcome("a4", undefined, true),
      outcome("a5", 1, false),
      outcome("u1", undefined, false, "unanswerable"),
      outcome("u2", undefined, true, "unanswerable"),
    ]);
    expect(report).toMatchObject({
      questions: 7,
      "recall@1": 0.4,
      "recall@5": 0.6,
      "recall@10": 0.8,
      "mrr@10": 0.495, // (1 + 1/3 + 1/7 + 0 + 1) / 5
      notFound: { correct: 0.5, falseRefusals: 0.2 },
    });
    expect(report.failures.map((f) => f.id)).toEqual(["a2", "a3", "a4", "a5", "u2"]);
    const refused = report.failures.find((f) => f.id === "a5");
    expect(refused?.expected).toEqual([`${CIS_FILE}: trade totalled USD 164 billion`]);
    expect(refused?.got[0]).toBe("answer (not found): Not found in the corpus.");
    expect(refused?.got[1]).toMatch(/^002\.txt p\.4: In Asia/);
  });

  it("grades the composed answers: not-found from what users see, and whether the lead states a gold figure", () => {
    const report = qaReport([
      outcome("a1", 1, true),
      outcome("a2", 1, true, "factoid", "In 2018 trade grew by 15%. [1] Trade totalled USD 164 billion. [2]"),
      outcome("a3", 1, true, "explanatory", "Because of demand. [1]", "Because demand grew."),
    ]);
    // a3's gold states no figure: it does not count.
    expect(report.leadFigure).toBe(0.5);
    expect(leadStatesGoldFigure("USD 164 billion, up 25%", "Trade totalled $164bn. [1]")).toBe(true);
    expect(leadStatesGoldFigure("USD 164 billion", "Trade grew. [1] It totalled $164bn. [2]")).toBe(false);
    expect(leadStatesGoldFigure("Because of demand", "Anything. [1]")).toBeUndefined();
  });

  it("does not count a hit below 10 in MRR@10", () => {
    expect(qaReport([outcome("a", 11, true)])["mrr@10"]).toBe(0);
  });
});

describe("readQaFile", () => {
  it("reads one item a line, skipping blank lines, and names the line of a bad one", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const good = JSON.stringify({ id: "Q1", question: "Why?", type: "explanatory" });
      const path = join(dir, "qa.jsonl");
      await writeFile(path, `${good}\r\n\r\n${good}\n`);
      expect(await readQaFile(path)).toEqual([
        { id: "Q1", question: "Why?", type: "explanatory", evidence: [] },
        { id: "Q1", question: "Why?", type: "explanatory", evidence: [] },
      ]);
      await writeFile(path, `${good}\n{"id": "Q2",\n`);
      await expect(readQaFile(path)).rejects.toThrow(`${path}:2: not valid JSON`);
      await writeFile(path, `${good}\n\n${JSON.stringify({ id: "Q3", type: "factoid" })}\n`);
      await expect(readQaFile(path)).rejects.toThrow(/qa\.jsonl:3: question: /);
      await writeFile(
        path,
        `${JSON.stringify({ id: "Q4", question: "Is it?", type: "fact_check", verdict: "yes" })}\n`,
      );
      await expect(readQaFile(path)).rejects.toThrow(/qa\.jsonl:1: verdict: /);
    } finally {
      await cleanup();
    }
  });
});
