import { describe, expect, it } from "vitest";
import { DuplicateDetector } from "../../src/search/duplicates.js";
import { CIS_TRADE, UNION_STATE } from "../answer/fixtures.js";

// The same article as another book prints it (004 re-translates 001): a few words differ.
const RETRANSLATED = CIS_TRADE.replace("consistently advocated", "always advocated")
  .replace("In the first seven months of", "In the first seven months of the year")
  .replace("the year-end figures show", "the results of the year show");

describe("DuplicateDetector", () => {
  it("collapses another book's copy into the first hit and keeps a different passage apart", () => {
    const d = new DuplicateDetector();
    const ranked = [
      { id: "001#2", text: CIS_TRADE },
      { id: "002#9", text: UNION_STATE },
      { id: "004#40", text: RETRANSLATED },
    ];
    const groups = d.collapse(ranked, (p) => p);
    expect(groups.map((g) => [g.item.id, g.duplicates.map((x) => x.id)])).toEqual([
      ["001#2", ["004#40"]],
      ["002#9", []],
    ]);
    // The same answer from the kept bigrams, whichever order the passages come in.
    expect(d.collapse([...ranked].reverse(), (p) => p).map((g) => g.duplicates.length)).toEqual([1, 0]);
  });
});
