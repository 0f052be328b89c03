import { describe, expect, it } from "vitest";
import { createMarkerStripper } from "../../src/corpus/clean/markers.js";
import { extractSentinels, sentinel } from "../../src/corpus/clean/sentinels.js";
import { repairSpacing } from "../../src/corpus/clean/text.js";

/** Strips glued markers from `text` as the cleaner does, the numbering having reached `last` before it. */
function strip(text: string, last = 0, known: number[] = []) {
  const run = createMarkerStripper({ known: new Set(known) });
  const prefix = last > 0 ? sentinel("marker", last) : "";
  const { text: out, found } = extractSentinels(repairSpacing(run(prefix + text)));
  return {
    text: out,
    markers: found.filter((f) => f.kind === "marker" && f.value !== last).map((f) => f.value),
  };
}

describe("glued footnote markers (real excerpts)", () => {
  it.each([
    [
      "retail trade turnover - 8.5%.1 The achievement",
      0,
      "retail trade turnover - 8.5%. The achievement",
      [1],
    ],
    [
      'on the preparation of this agreement has been going on for nine years, since 2012" 2. The',
      1,
      'on the preparation of this agreement has been going on for nine years, since 2012". The',
      [2],
    ],
    ["Mogilev and Shymkent. In 912021, the", 90, "Mogilev and Shymkent. In 2021, the", [91]],
    [
      "Poland and Finland increased52by more than 30 percent.",
      51,
      "Poland and Finland increased by more than 30 percent.",
      [52],
    ],
    ["to $1 billion by 202011. The", 10, "to $1 billion by 2020. The", [11]],
    [
      'modernization." The10program "Digital Kazakhstan" will be',
      9,
      'modernization." The program "Digital Kazakhstan" will be',
      [10],
    ],
    [
      "Structural subdivisions of the National 79Academy of Belarus",
      78,
      "Structural subdivisions of the National Academy of Belarus",
      [79],
    ],
    [
      "the needs of Belarusian enterprises. The 240Novosibirsk Region",
      239,
      "the needs of Belarusian enterprises. The Novosibirsk Region",
      [240],
    ],
    [
      "2.40 billion Russian rubles respectively4950 . The",
      48,
      "2.40 billion Russian rubles respectively. The",
      [49, 50],
    ],
  ])("%s", (input, last, expected, markers) => {
    const out = strip(input, last);
    expect(out.text).toBe(expected);
    expect(out.markers).toEqual(markers);
  });

  it.each([
    ["trade totalled USD 164 billion, an increase of 25%", 2],
    ["mutual trade has grown by almost 27% in 2021, and 6.7% compared to 2019", 26],
    ["exports of 2.5 million tons, 14.3 percent of the total, USD 164 billion", 13],
    ["In 2021, thanks to the chairmanship", 20],
  ])("keeps the real figures in %s", (input, last) => {
    expect(strip(input, last)).toEqual({ text: input, markers: [] });
  });

  it("keeps a real number glued to a word, only separating it", () => {
    expect(strip("representatives of 24 Belarusian and 35Russian cities", 54)).toEqual({
      text: "representatives of 24 Belarusian and 35 Russian cities",
      markers: [],
    });
  });

  it("follows the numbering: a glued number far from the next expected one is a figure", () => {
    expect(strip("The Minsk2 plant", 40).markers).toEqual([]);
    expect(strip("The Minsk41 plant", 40).markers).toEqual([41]);
  });

  it("accepts only numbers present in the footnote blocks when there are blocks", () => {
    expect(strip('the growth was 5.6%"7. And', 6, [8, 9]).markers).toEqual([]);
    expect(strip('the growth was 5.6%"7. And', 6, [7, 8]).markers).toEqual([7]);
  });
});
