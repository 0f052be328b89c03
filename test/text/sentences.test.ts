import { describe, expect, it } from "vitest";
import { clauseBefore, splitSentences } from "../../src/text/sentences.js";
import { PARAGRAPHS } from "../helpers/corpus.js";

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it.each([
    ["Mr. Putin arrived in Minsk. The talks began.", ["Mr. Putin arrived in Minsk.", "The talks began."]],
    ["Dr. Ivanova chaired it. Prof. Smith spoke.", ["Dr. Ivanova chaired it.", "Prof. Smith spoke."]],
    [
      "Trade with the U.S. Government fell. Exports rose.",
      ["Trade with the U.S. Government fell.", "Exports rose."],
    ],
    ["The talks on Jan. 5 were short. More followed.", ["The talks on Jan. 5 were short.", "More followed."]],
    ["See p. 17 for the table. It lists the figures.", ["See p. 17 for the table.", "It lists the figures."]],
    [
      "The study by B. Zalessky is cited. So is another.",
      ["The study by B. Zalessky is cited.", "So is another."],
    ],
    [
      "Governor V. Vladimirov visited Minsk. He met the premier.",
      ["Governor V. Vladimirov visited Minsk.", "He met the premier."],
    ],
  ])("keeps abbreviations and initials inside the sentence: %s", (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it("keeps decimals and percentages whole", () => {
    expect(
      split("Trade grew 4.8 times in a decade. The share rose to 6.7% in 2020. Growth was 1.2 times."),
    ).toEqual([
      "Trade grew 4.8 times in a decade.",
      "The share rose to 6.7% in 2020.",
      "Growth was 1.2 times.",
    ]);
  });

  it("ends a sentence after quotes or brackets that close after the period", () => {
    expect(split('He said "trade is growing." Then he left. (It was late.) Next day came.')).toEqual([
      'He said "trade is growing."',
      "Then he left.",
      "(It was late.)",
      "Next day came.",
    ]);
    expect(split("They called it “a new stage.” The sides agreed.")).toEqual([
      "They called it “a new stage.”",
      "The sides agreed.",
    ]);
  });

  it("splits at a year that ends a sentence and at ? and !", () => {
    expect(split("It was signed in 2019. This changed things. Why? Because!")).toEqual([
      "It was signed in 2019.",
      "This changed things.",
      "Why?",
      "Because!",
    ]);
  });

  it("does not split before a lower-case word", () => {
    expect(split("Trade rose to $214.7 mln. in 2019, then fell.")).toEqual([
      "Trade rose to $214.7 mln. in 2019, then fell.",
    ]);
  });

  it("splits a real paragraph where a reader would", () => {
    expect(split(PARAGRAPHS.stavropol)).toEqual([
      "All these facts show that the Stavropol Territory is one of the most promising economic partners of Belarus in Russia.",
      "Back in 2013, the trade turnover between the region and the republic increased by half compared to 2012 and amounted to 6.7 billion Russian rubles.",
      "It is true, however, that there was a certain decline thereafter.",
      "And it was only in 2016 that the volume of mutual trade reached 140 million dollars.",
      "This meant that after two years of decline, its growth dynamics exceeded 9 percent.",
      "At the same time, this fact demonstrates that the Stavropol Territory and the Republic of Belarus now have a real potential for a significant increase in trade turnover and expansion of bilateral cooperation.",
      'That is why Governor of Stavropol Region V. Vladimirov\'s visit to Belarus in March 2017 was regarded in Minsk as a serious intention of the Russian side "to significantly increase mutual trade and launch new promising projects in the sectors where we are interesting and useful to each other".',
    ]);
  });

  it("returns trimmed, non-empty spans that map back to the text, with an offset added", () => {
    const text = `  ${PARAGRAPHS.cisTrade}\n\n${PARAGRAPHS.cuba}   `;
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThan(5);
    let previousEnd = 0;
    for (const s of spans) {
      const sentence = text.slice(s.start, s.end);
      expect(sentence).toBe(sentence.trim());
      expect(sentence.length).toBeGreaterThan(0);
      expect(s.start).toBeGreaterThanOrEqual(previousEnd);
      // Only whitespace between sentences: nothing is lost.
      expect(text.slice(previousEnd, s.start).trim()).toBe("");
      previousEnd = s.end;
    }
    expect(text.slice(previousEnd).trim()).toBe("");

    const shifted = splitSentences(text, 1000);
    expect(shifted).toEqual(spans.map((s) => ({ start: s.start + 1000, end: s.end + 1000 })));
    const doc = `${"x".repeat(1000)}${text}`;
    for (const s of shifted) expect(doc.slice(s.start, s.end)).toBe(text.slice(s.start - 1000, s.end - 1000));
  });

  it("returns nothing for blank text and one span for text without a terminator", () => {
    expect(splitSentences("   \n ")).toEqual([]);
    expect(split("no full stop here")).toEqual(["no full stop here"]);
  });
});

describe("clauseBefore", () => {
  it("stops at the clause border, so an apposition is not the act", () => {
    const claim =
      "the St. Petersburg International Mercantile Exchange, the BUCE's new partner, was set up in 2015";
    expect(clauseBefore(claim, claim.indexOf("2015"))).toBe(" was set up in ");
    expect(clauseBefore("signed a cooperation agreement in April 2015", 34)).toBe(
      "signed a cooperation agreement in ",
    );
  });
});
