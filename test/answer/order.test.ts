import { describe, expect, it } from "vitest";
import { createExtractiveAnswerer } from "../../src/answer/extractive.js";
import { answerFirst } from "../../src/answer/order.js";
import { CIS_PRESIDENCY, CIS_TRADE, searchResult, UNION_STATE } from "./fixtures.js";

const answerer = createExtractiveAnswerer();

describe("answerFirst: the sources a reader sees start with the one that answers", () => {
  it("moves the passage the answer quotes to the top, keeping the others in order", async () => {
    // The search ranked the Union State passage first; the asked figure is in the CIS trade one.
    const q = "What was the volume of mutual trade among CIS states in 2017?";
    const result = searchResult(q, [UNION_STATE, CIS_PRESIDENCY, CIS_TRADE]);
    const answer = await answerer.answer(q, result);
    expect(answer.answer).toContain("USD 164 billion");
    const ordered = answerFirst(result, answer);
    expect(ordered.hits.map((h) => h.chunk.text)).toEqual([CIS_TRADE, UNION_STATE, CIS_PRESIDENCY]);
    expect(ordered.hits).toHaveLength(result.hits.length);
  });

  it("leaves the order alone when the answer is not found or already quotes the first hit", async () => {
    const q = "What was the volume of mutual trade among CIS states in 2017?";
    const result = searchResult(q);
    expect(answerFirst(result, await answerer.answer(q, result))).toBe(result);
    const notFound = { ...result, found: false };
    expect(answerFirst(notFound, await answerer.answer(q, notFound))).toBe(notFound);
  });
});
