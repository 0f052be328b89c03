import { describe, expect, it } from "vitest";
import { groundedIn } from "../../src/answer/grounding.js";
import { sanitizeGenerated } from "../../src/answer/sanitize.js";
import { CIS_PRESIDENCY, CIS_TRADE, UNION_STATE } from "./fixtures.js";

describe("groundedIn", () => {
  it("accepts a sentence whose figures, years and names the cited passage states, however written", () => {
    for (const s of [
      "Mutual trade within the CIS totalled $164 bn in 2017, up 25 percent.",
      "Belarusian presidency of the CIS ends in 2022.",
      "Trade among CIS member states rose by about 20% by the end of 2018.",
    ]) {
      expect(groundedIn(s, [CIS_TRADE, CIS_PRESIDENCY]), s).toEqual({ ok: true, missing: [] });
    }
  });

  it("names each figure, year, name and quotation the passages do not hold", () => {
    expect(groundedIn("In 2019 CIS trade reached USD 170 billion.", [CIS_TRADE]).missing).toEqual([
      "USD 170 billion",
      "2019",
    ]);
    expect(groundedIn("Trade with Kazakhstan grew by 25%.", [CIS_TRADE]).missing).toEqual(["Kazakhstan"]);
    expect(
      groundedIn('Officials called it "the largest increase in the history of the Commonwealth".', [
        CIS_TRADE,
      ]).missing,
    ).toEqual(["“the largest increase in the history of the Commonwealth”"]);
    // A quotation the passage does hold is fine, as is a figure of another passage it does not cite.
    expect(groundedIn('It says "mutual trade within the CIS continues to grow".', [CIS_TRADE]).ok).toBe(true);
    expect(groundedIn("The Union State has 28 programs.", [CIS_TRADE]).missing).toEqual(["28", "Union"]);
    expect(groundedIn("The Union State has 28 programs.", [UNION_STATE]).ok).toBe(true);
  });
});

describe("sanitizeGenerated", () => {
  const passages = [`${CIS_TRADE} See https://e-cis.info/news/564/87842/ for the figures.`];

  it("removes links the passages do not hold, keeps those they do, and undoes formatting", () => {
    const reply = [
      "# Answer",
      "**Trade** grew by _25%_ [1]. Details: [click here](https://evil.example/x) and https://phish.example/login.",
      "> Source: https://e-cis.info/news/564/87842/ [1]",
      "```js",
      "fetch('https://evil.example')",
      "```",
      "Run `rm -rf` now.",
    ].join("\n");
    const out = sanitizeGenerated(reply, passages);
    expect(out.text).toBe(
      "Answer\nTrade grew by _25%_ [1]. Details: click here and.\nSource: https://e-cis.info/news/564/87842/ [1]\n\nRun rm -rf now.",
    );
    expect(out.removed).toBe(3);
  });
});
