import { describe, expect, it } from "vitest";
import { NOT_FOUND } from "../../src/answer/extractive.js";
import { answerFromCheck } from "../../src/answer/verdict.js";
import { CIS_TRADE, checkAgainst, STRATEGY_330, STRATEGY_332 } from "../factcheck/passages.js";

const check = checkAgainst;

describe("a yes/no question answered by its check", () => {
  it("'Yes.' leads with the sentence that bears the claim out, cited [1]", () => {
    const a = answerFromCheck(check("Mutual trade in the CIS totalled $164bn in 2017, a rise of a quarter."));
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^Yes\. .*USD 164 billion, an increase of 25%.* \[1\]$/);
    expect(a.citations[0]?.chunkId).toBe(CIS_TRADE.id);
    expect(CIS_TRADE.text).toContain(a.citations[0]?.quote);
  });

  it("keeps the note that the books disagree", () => {
    const a = answerFromCheck(
      check("The EAEU strategy until 2025 includes 332 implementation mechanisms.", [
        STRATEGY_332,
        STRATEGY_330,
      ]),
    );
    expect(a.answer).toMatch(
      /^Yes\. .*332 implementation mechanisms.*\[1\] The books disagree: 332 .* vs 330/,
    );
  });

  it("'No.' leads with the book's value against the claim's; not found is no answer", () => {
    const no = answerFromCheck(check("Mutual trade in the CIS grew by 40% in 2017.", [CIS_TRADE]));
    expect(no.found).toBe(true);
    expect(no.answer).toMatch(/^No\. The books say 25%, not 40%.* \[1\]$/);
    const none = answerFromCheck(
      check("Mutual trade in the CIS totalled $120 billion in 2019.", [CIS_TRADE]),
    );
    expect(none.found).toBe(false);
    expect(none.answer.startsWith(NOT_FOUND)).toBe(true);
  });
});
