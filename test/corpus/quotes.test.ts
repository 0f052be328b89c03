import { describe, expect, it } from "vitest";
import { containsQuote } from "./quotes.js";

describe("containsQuote", () => {
  const text =
    "trade increased by 15% ($102 billion) compared to the previous year, and the year-end figures";
  it("finds exact and nearly exact quotes, in order", () => {
    expect(containsQuote(text, "increased by 15% ($102 billion)")).toBe(true);
    expect(
      containsQuote(text, "increased by 15% ($102 billion) compared to the previous year and the year-end"),
    ).toBe(true);
  });
  it("rejects quotes whose words are missing or out of order", () => {
    expect(containsQuote(text, "decreased sharply by 40% ($2 billion) in 2019")).toBe(false);
    expect(containsQuote(text, "the year-end figures compared to the previous year trade increased")).toBe(
      false,
    );
  });
});
