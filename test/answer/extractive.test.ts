import { describe, expect, it } from "vitest";
import { createExtractiveAnswerer, NOT_FOUND } from "../../src/answer/extractive.js";
import { CorpusReader } from "../../src/search/corpus-reader.js";
import { terms } from "../../src/text/analyze.js";
import { BOOKS, cleaned } from "../corpus/seeds.js";
import { CIS_PRESIDENCY, CIS_TRADE, hit, searchResult, UNION_STATE } from "./fixtures.js";

const answerer = createExtractiveAnswerer();
const ask = (question: string, texts?: string[]) => answerer.answer(question, searchResult(question, texts));
/** With the books' own vocabulary (their paragraphs' term frequencies), as the engine reads a question. */
const paragraphs = Object.values(BOOKS).flatMap((f) => cleaned(f).text.split("\n\n"));
const df = new Map<string, number>();
for (const p of paragraphs) for (const t of new Set(terms(p))) df.set(t, (df.get(t) ?? 0) + 1);
// A reader per question: the fixture passages reuse their ids, and a reader reads each id once.
const askBooks = (question: string, texts: string[]) =>
  answerer.answer(question, searchResult(question, texts), {
    reader: new CorpusReader({ termCounts: async () => ({ passages: paragraphs.length, df }) }),
  });

describe("extractive answers", () => {
  it("leads with the best sentence of the top passage, marked [1], quoted exactly with its page", async () => {
    const a = await ask("What was the volume of mutual trade among CIS states in 2017?");
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^.*USD 164 billion, an increase of 25%.*\[1\]/);
    const [first] = a.citations;
    expect(first).toMatchObject({ n: 1, chunkId: "chunk-1", page: 11 });
    expect(CIS_TRADE).toContain(first?.quote);
  });

  it("prefers the sentence about the year asked over one dated only by another year", async () => {
    const text =
      "In February 2019, the Working Group approved the first four sections of the draft Strategy. " +
      "The fifth section is to be discussed in April. " +
      "The need to update the Concept was discussed back in September 2018 in Dushanbe.";
    const a = await ask("What did the working group approve in 2018?", [text]);
    expect(a.citations[0]?.quote).toBe(
      "The need to update the Concept was discussed back in September 2018 in Dushanbe.",
    );
  });

  it("quotes two adjacent sentences when the second adds what the first lacks", async () => {
    const text = "Trade with Tatarstan grew steadily. In 2019 it reached $470 million.";
    const a = await ask("How much did trade with Tatarstan reach in 2019?", [text]);
    expect(a.citations[0]?.quote).toBe(text);
  });

  it("leads with a figure of the names asked about, not another's that states the kind asked", async () => {
    // Sentences of 002 (the figures of the second joined into it): the first is the exchange's
    // results, of no name asked; the second the milk asked about, "dried" for "powdered".
    const other =
      "On the other hand, according to the results of the first half of 2021, the turnover of agricultural products at the BUTB amounted to $111 million.";
    const asked =
      "In January 2021 the first batch of dried milk was also sold to the Chinese market through the BUTB. " +
      '"Two lots with the volume of 300 and 100 tons were sold for the amount of $940 thousand".';
    const a = await askBooks("first powdered milk sold to China through the exchange - how much was it?", [
      other,
      asked,
    ]);
    expect(a.found).toBe(true);
    expect(a.citations[0]?.quote, a.answer).toContain("dried milk");
  });

  it("reads a figure inside a company's name as no figure of the thing asked", async () => {
    const names =
      "And in November 2020, investment projects of the region were presented to such companies from the Chinese city as Tianjin Constant International Trade Co. and Bonyum International Trading Co. " +
      "The meeting drew 40 companies.";
    const trade =
      "In particular, since 2015, the trade turnover of Mogilev Region with the People's Republic of China has increased 13 times, amounting to nearly 95 million dollars in 2020.";
    const a = await askBooks("Mahilyow oblast trade with the PRC in 2020?", [names, trade]);
    expect(a.citations[0]?.quote).toContain("95 million dollars");
  });

  it("gives a reason said as 'far from accidental, as …'", async () => {
    const text =
      'In March 2021 the forum of the International Telecommunication Union "Smart sustainable cities" was held in Minsk. ' +
      "And in this regard, the choice of the venue for this forum of the International Telecommunication Union is far from accidental, as Belarus has a rather high level of infrastructure development.";
    const a = await askBooks("why was Minsk a good fit to host the ITU smart cities forum?", [text]);
    expect(a.found).toBe(true);
    expect(a.citations[0]?.quote).toContain("far from accidental");
  });

  it("adds a lower passage only when it matches about as well, and lists the rest as sources", async () => {
    const a = await ask("What was the volume of mutual trade among CIS states in 2017?");
    expect(a.answer).not.toContain("[2]");
    expect(a.citations.map((c) => c.chunkId)).toEqual(["chunk-1", "chunk-2", "chunk-3"]);
  });

  it("says not found, with the closest passages labelled, when the search found nothing relevant", async () => {
    const result = {
      query: "cake",
      found: false,
      hits: [UNION_STATE, CIS_PRESIDENCY].map((t, i) => hit(t, i + 1)),
    };
    const a = await answerer.answer("What is the recipe for a chocolate cake?", result);
    expect(a.found).toBe(false);
    expect(a.answer.startsWith(NOT_FOUND)).toBe(true);
    expect(a.answer).toContain("none of them answers the question");
    expect(a.citations).toHaveLength(2);
  });
});
