import { describe, expect, it } from "vitest";
import { createExtractiveAnswerer, NOT_FOUND } from "../../src/answer/extractive.js";
import { CIS_PRESIDENCY, CIS_TRADE, hit, searchResult, UNION_STATE } from "./fixtures.js";

const answerer = createExtractiveAnswerer();
const ask = (question: string, texts?: string[]) => answerer.answer(question, searchResult(question, texts));

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
