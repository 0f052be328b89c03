import { describe, expect, it } from "vitest";
import { groupGaps } from "../../src/feedback/gaps.js";
import type { GapRecord } from "../../src/feedback/store.js";
import { TermStats } from "../../src/search/term-stats.js";
import { BOOKS, cleaned } from "../corpus/seeds.js";

/** The dev set's 23 unanswerable questions (../shared/eval/dev.jsonl), as people asked them. */
const ASKED = [
  "What was the consumer price inflation rate in Belarus in 2020?",
  "What status does Belarus hold in the Shanghai Cooperation Organization, and since when?",
  "What was the total Belarus-Russia trade turnover for the whole of 2021?",
  "what was Belarus - Novosibirsk oblast trade turnover in 2021?",
  "how much did Belarus export to Austria in 2021?",
  "total value of deals signed at the Days of Belarus in Primorye (Vladivostok, Oct 2021)?",
  "Belarus exports to Malaysia for the full year 2017?",
  "how much did Homel oblast trade with Sichuan province in 2020?",
  "Belarus-Tatarstan turnover for the whole of 2020?",
  "how many Geometry C electric cars did BelGee actually build in 2021?",
  "what was the value of contracts signed at the 5th Belarus-Pakistan business council meeting (Oct 2021)?",
  "did Belarus-Georgia trade actually hit the $200m goal in 2020?",
  "how many MAZ buses does Kazan run?",
  "how much is the Piteravto order for Belarusian buses worth?",
  "what's the trade turnover between Vitebsk region and Lodz voivodeship?",
  "Belarus-Kyrgyzstan trade for all of 2018?",
  "Hi-Tech Park exports in 2021?",
  "Belarusian exports to Uzbekistan in 2021?",
  "what's the dollar value of Belarus's trade with Moscow oblast (Podmoskovye)?",
  "is BATE Borisov still in the Belarusian Premier League?",
  "what time does the Minsk metro close at night?",
  "good recipe for draniki with Belarusian potatoes?",
  "who coaches HC Dinamo Minsk this season?",
];

/** Every book's paragraphs: the corpus whose common words ("Belarus", "cooperation") name no topic. */
const corpus = TermStats.fromTexts(Object.values(BOOKS).flatMap((f) => cleaned(f).text.split("\n\n")));

const gap = (question: string, i: number, over: Partial<GapRecord> = {}): GapRecord => ({
  kind: "gap",
  time: `2024-05-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00.000Z`,
  answerId: `a${i}`,
  user: `u${i % 4}`,
  reason: i % 3 ? "not_found" : "down",
  question,
  passages: [{ chunkId: `c${i % 2}`, title: "Book", section: "Section", page: 10 + (i % 2), quote: "q" }],
  ...over,
});

const settings = { top: 50, examples: 10, passages: 3, minIdf: 0.5 };
const groupOf = (report: ReturnType<typeof groupGaps>, question: string) =>
  report.groups.find((g) => g.questions.includes(question));

describe("groupGaps on the dev set's unanswerable questions", () => {
  const report = groupGaps(
    ASKED.map((q, i) => gap(q, i)),
    corpus,
    settings,
  );

  it("puts questions about the same missing topic together, each question in one group", () => {
    const together = (...questions: string[]) => {
      const g = groupOf(report, questions[0] as string);
      for (const q of questions) expect(groupOf(report, q), q).toBe(g);
      return g;
    };
    expect(together(ASKED[4] as string, ASKED[16] as string, ASKED[17] as string)?.topic[0]).toBe("exports");
    expect(together(ASKED[12] as string, ASKED[13] as string)?.topic).toEqual(["buses"]);
    expect(together(ASKED[5] as string, ASKED[10] as string)?.topic).toContain("value");
    // Oblasts' trade: "oblast" is read as "region", common in the books, so "trade" heads the group.
    expect(together(ASKED[3] as string, ASKED[7] as string)?.topic).toEqual(["trade", "oblast"]);
    // Unrelated one-offs stay apart.
    expect(groupOf(report, ASKED[21] as string)?.count).toBe(1);
    expect(groupOf(report, ASKED[19] as string)?.count).toBe(1);
    expect(report.groups.reduce((n, g) => n + g.count, 0)).toBe(ASKED.length);
  });

  it("never names a group after a word the whole corpus uses, or a bare year", () => {
    const topics = report.groups.map((g) => g.topic[0]);
    expect(topics).not.toContain("Belarus");
    expect(topics).not.toContain("2021");
    expect(report.groups.filter((g) => g.count > 1).every((g) => (g.topic[0] ?? "").length > 2)).toBe(true);
  });

  it("counts questions, people and reasons, most asked first, and tallies the nearest passages", () => {
    expect(report.total).toBe(23);
    expect(report.reasons).toEqual({ not_found: 15, partial: 0, down: 8 });
    const counts = report.groups.map((g) => g.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const first = report.groups[0];
    expect(first?.people).toBeLessThanOrEqual(first?.count ?? 0);
    expect(first?.passages.reduce((n, p) => n + p.times, 0)).toBe(first?.count);
    expect(first?.lastAsked).toMatch(/^2024-05-/);
  });

  it("shows the top groups and says how many more there are", () => {
    const top = groupGaps(
      ASKED.map((q, i) => gap(q, i)),
      corpus,
      { ...settings, top: 3, examples: 2 },
    );
    expect(top.groups).toHaveLength(3);
    expect(top.more).toBe(report.groups.length - 3);
    for (const g of top.groups) expect(g.questions.length).toBeLessThanOrEqual(2);
  });
});
