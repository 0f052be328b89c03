import { describe, expect, it } from "vitest";
import { knownNames } from "../../src/text/aliases.js";
import { expandContractions, terms, tokens } from "../../src/text/analyze.js";
import { stripFraming, toStatement } from "../../src/text/framing.js";
import { holdsWord, sameWord } from "../../src/text/lexicon.js";

describe("one vocabulary for search, answers and fact-check", () => {
  it("folds transliterations, abbreviations and demonyms onto one term", () => {
    const same = (a: string, b: string) => expect(terms(a)).toEqual(terms(b));
    same("Mahilyow", "Mogilev");
    same("Homel", "Gomel");
    same("Hrodna", "Grodno");
    same("EEU", "EAEU");
    same("BUTB", "BUCE");
    same("the PRC", "China");
    same("Uzbek", "Uzbekistan");
    same("oblast", "region");
    same("voivodeship", "region");
    same("organisation programme centre", "organization program center");
  });

  it("adds the alias key of a multi-word name, so every spelling of it matches", () => {
    for (const form of ["Minsk Tractor Works", "Minsk Tractor Plant", "MTZ"])
      expect(terms(form)).toContain("mtz");
    expect(terms("the Eurasian Economic Union")).toContain("eaeu");
    expect(terms("Belarusian Universal Commodity Exchange")).toContain("buce");
  });

  it("keeps figures whole, splits glued units and ordinals, folds diacritics", () => {
    expect(tokens("164,000 and 1,5 and $100.2m and 5.5-fold and 15th and Łódź")).toEqual([
      "164000",
      "and",
      "1.5",
      "and",
      "100.2",
      "m",
      "and",
      "5.5",
      "fold",
      "and",
      "15",
      "and",
      "lodz",
    ]);
  });

  it("finds known names with their positions, longest form first, abbreviations as written", () => {
    expect(knownNames("Minsk Tractor Works and MAZ").map((n) => [n.key, n.raw])).toEqual([
      ["mtz", "Minsk Tractor Works"],
      ["maz", "MAZ"],
    ]);
    expect(knownNames("http://maz.by")).toEqual([]);
  });
});

describe("contractions", () => {
  it("leave no word of their own: the auxiliary and 'not' are stop words", () => {
    expect(terms("pure electric cars don't pay transport tax")).toEqual(
      terms("pure electric cars pay transport tax"),
    );
    expect(tokens("it won’t, it can't, it doesn't")).toEqual([
      "it",
      "will",
      "not",
      "it",
      "can",
      "not",
      "it",
      "does",
      "not",
    ]);
    // An apostrophe of a name or a possessive is no contraction.
    for (const text of ["Bashkortostan's plant", "O'Neill", "the Union's countries", "Minsk n'th"])
      expect(expandContractions(text)).toBe(text);
  });
});

describe("words of one family", () => {
  it("matches near-synonyms and stems Porter leaves apart, never opposites", () => {
    expect(sameWord("implement", "carri")).toBe(true);
    expect(sameWord("friend", "friendli")).toBe(true);
    expect(sameWord("buy", "sell")).toBe(false);
    expect(holdsWord(new Set(terms("the plans were never implemented")), "carri")).toBe(true);
  });
});

describe("framing", () => {
  // The statement keeps the case its words had, so a common word opening it is not read as a name.
  it.each([
    ["Is it true that CIS trade grew by 40%?", "CIS trade grew by 40%", false],
    ["Did mutual trade grow by 40% in 2017?", "mutual trade grow by 40% in 2017", false],
    [
      "Someone says the exchange was set up in 2015. Is that right?",
      "the exchange was set up in 2015",
      false,
    ],
    ["CIS trade grew by 25% in 2017, right?", "CIS trade grew by 25% in 2017", false],
    [
      "What was the inflation rate in Belarus in 2020?",
      "What was the inflation rate in Belarus in 2020",
      true,
    ],
    // A bare noun phrase asks for something; it asserts nothing.
    ["Hi-Tech Park exports in 2021?", "Hi-Tech Park exports in 2021", true],
  ])("%s", (claim, statement, open) => {
    expect(toStatement(claim)).toMatchObject({ statement, open });
  });

  it("drops framing anywhere before searching", () => {
    expect(stripFraming("Can you confirm whether BELAZ delivered 29 trucks?")).toBe(
      "BELAZ delivered 29 trucks?",
    );
  });
});
