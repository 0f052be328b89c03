import { describe, expect, it } from "vitest";
import { citeAnswer, isRefusal, renumberMarkers } from "../../src/answer/citations.js";
import { buildPrompt, REFUSAL } from "../../src/answer/prompt.js";
import { CIS_PRESIDENCY, CIS_TRADE, hit, UNION_STATE } from "./fixtures.js";

describe("renumberMarkers", () => {
  it("removes unknown markers and renumbers the rest 1..k by first use", () => {
    const r = renumberMarkers(
      "Trade grew 25% [3]. It reached USD 164 billion [2][3]. Guess [7]. Zero [0].",
      3,
    );
    expect(r.text).toBe("Trade grew 25% [1]. It reached USD 164 billion [2][1]. Guess. Zero.");
    expect(r.order).toEqual([3, 2]);
  });

  it("splits grouped markers, keeps bracketed years as text", () => {
    const r = renumberMarkers("Last year [2017] trade grew [2, 1] and [2,9].", 2);
    expect(r.text).toBe("Last year [2017] trade grew [1][2] and [1].");
    expect(r.order).toEqual([2, 1]);
  });

  it("gives every prefix of a streamed answer the numbering of the final text", () => {
    const full = "A [3]. B [1][3]. C [2].";
    const final = renumberMarkers(full, 3).order;
    for (let i = 0; i <= full.length; i++) {
      const { order } = renumberMarkers(full.slice(0, i), 3);
      expect(final.slice(0, order.length)).toEqual(order);
    }
  });
});

describe("citeAnswer", () => {
  const result = [CIS_TRADE, UNION_STATE, CIS_PRESIDENCY].map((t, i) => hit(t, i + 1));
  const { passages } = buildPrompt("q", result, { contextTokens: 3000, maxTokens: 256 });

  it("cites exactly the passages used, each quoted by its best-supporting sentence", () => {
    const cited = citeAnswer(
      "The Belarusian presidency of the CIS will end in 2022 [3]. " +
        "Mutual trade within the CIS totalled USD 164 billion in 2017, an increase of 25% [1][9].",
      passages,
    );
    expect(cited.text).toBe(
      "The Belarusian presidency of the CIS will end in 2022 [1]. " +
        "Mutual trade within the CIS totalled USD 164 billion in 2017, an increase of 25% [2].",
    );
    expect(cited.citations.map((c) => [c.n, c.chunkId])).toEqual([
      [1, "chunk-3"],
      [2, "chunk-1"],
    ]);
    const [presidency, trade] = cited.citations;
    expect(presidency?.quote).toMatch(/^The presidency of the Republic of Belarus.*will end in 2022\.$/s);
    expect(trade?.quote).toContain("USD 164 billion, an increase of 25%");
    expect(trade?.quote).not.toContain("first seven months");
    for (const c of cited.citations) {
      expect(result.find((h) => h.chunk.id === c.chunkId)?.chunk.text).toContain(c.quote);
      expect(c).toMatchObject({ title: expect.stringMatching(/^Book \d$/), section: expect.any(String) });
    }
  });

  it("quotes two adjacent sentences when together they support the claim better", () => {
    const cited = citeAnswer("CIS mutual trade continues to grow: USD 164 billion in 2017 [1].", passages);
    expect(cited.citations[0]?.quote).toMatch(
      /^The Republic[\s\S]*continues to grow\. Last year \[2017\][\s\S]*25%"\.$/,
    );
  });

  it("takes the page from the page break before the quote", () => {
    const chunk = {
      ...hit(CIS_TRADE, 1).chunk,
      pageBreaks: [{ at: CIS_TRADE.indexOf("In the first"), page: 12 }],
    };
    const paged = buildPrompt("q", [{ chunk, score: 1, duplicates: [] }], {
      contextTokens: 3000,
      maxTokens: 256,
    });
    const early = citeAnswer("Trade totalled USD 164 billion, an increase of 25% [1].", paged.passages);
    const late = citeAnswer(
      "In the first seven months of 2018 mutual trade increased by 15% [1].",
      paged.passages,
    );
    expect(early.citations[0]?.page).toBe(chunk.pageStart);
    expect(late.citations[0]?.page).toBe(12);
  });

  it("has no citations when no marker names a given passage", () => {
    expect(citeAnswer("Trade grew by a quarter [4][12].", passages)).toEqual({
      text: "Trade grew by a quarter.",
      citations: [],
    });
  });
});

describe("isRefusal", () => {
  it("recognises answers that only say the passages hold no answer", () => {
    expect(isRefusal(REFUSAL)).toBe(true);
    expect(isRefusal("The provided passages do not mention the 2019 figures [1].")).toBe(true);
    expect(isRefusal("I don't know.")).toBe(true);
    expect(isRefusal("")).toBe(true);
  });

  it("does not mistake an answer, or one with a caveat, for a refusal", () => {
    expect(isRefusal("Trade did not fall; it grew by 25% to USD 164 billion [1].")).toBe(false);
    expect(isRefusal("Trade grew by 25% [1]. The passages do not mention 2019.")).toBe(false);
  });
});
