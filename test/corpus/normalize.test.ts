import { describe, expect, it } from "vitest";
import { normalizeForMatch } from "../../src/corpus/normalize.js";

describe("normalizeForMatch", () => {
  it("applies the cleaner's inline repairs to a quote out of context", () => {
    expect(normalizeForMatch("amounted to \\$121 million and increased by 12% compared to 2018²⁴.")).toBe(
      "amounted to $121 million and increased by 12% compared to 2018.",
    );
    expect(normalizeForMatch("one should remember **Irkutsk Region**, where  an agreement")).toBe(
      "one should remember Irkutsk Region, where an agreement",
    );
    expect(normalizeForMatch("the economies of the CIS countries.In 2021, thanks to\nthe chairmanship")).toBe(
      "the economies of the CIS countries. In 2021, thanks to the chairmanship",
    );
    expect(normalizeForMatch("Vitebsk region - Łód\uFFFD voivodship")).toBe(
      "Vitebsk region - Łód voivodship",
    );
  });

  it("leaves figures alone", () => {
    const s = "grew by 8.5% to $164 billion in 2021, 2.5 million tons, 14.3 percent";
    expect(normalizeForMatch(s)).toBe(s);
  });
});
