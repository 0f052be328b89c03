import { describe, expect, it } from "vitest";
import { TermStats } from "../../src/search/term-stats.js";
import { editDistance } from "../../src/text/spelling.js";

const stats = TermStats.fromTexts([
  "Trade between Belarus and the Vladimir region grew.",
  "The Vladimir region signed a cooperation agreement.",
  "Belarusian tractors are assembled in Vladivostok.",
]);

describe("TermStats", () => {
  it("weighs rare terms above common ones and unseen terms highest", () => {
    expect(stats.idf("vladivostok")).toBeGreaterThan(stats.idf("vladimir"));
    expect(stats.idf("cake")).toBeGreaterThan(stats.idf("vladivostok"));
    expect(stats.has("vladimir")).toBe(true);
    expect(stats.has("cake")).toBe(false);
  });

  it("corrects an unseen word to the most frequent corpus term one edit away", () => {
    expect(stats.correct("vladimr")).toBe("vladimir");
    expect(stats.correct("vladimir")).toBeUndefined(); // known words stay
    expect(stats.correct("cake")).toBeUndefined(); // too short to guess
    expect(stats.correct("chocolate")).toBeUndefined(); // nothing close
    expect(stats.correct("2021")).toBeUndefined(); // figures are never corrected
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions, and stops early past the bound", () => {
    expect(editDistance("vladimr", "vladimir", 2)).toBe(1);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("same", "same", 0)).toBe(0);
  });
});
