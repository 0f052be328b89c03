import { describe, expect, it } from "vitest";
import { agrees, extractQuantities, parseNumber, roundingUnit } from "../../src/text/numbers.js";
import { extractPeriods } from "../../src/text/time.js";

const yearsOf = (text: string) => extractPeriods(text).map((p) => p.year);

const one = (text: string) => {
  const qs = extractQuantities(text);
  expect(qs).toHaveLength(1);
  return qs[0];
};

describe("parseNumber", () => {
  it("reads commas and dots as thousands or decimal separators", () => {
    expect(parseNumber("1,500")).toBe(1500);
    expect(parseNumber("1,021")).toBe(1021);
    expect(parseNumber("1,5")).toBe(1.5);
    expect(parseNumber("2.9")).toBe(2.9);
    expect(parseNumber("1.500.000")).toBe(1500000);
    expect(parseNumber("1,234.5")).toBe(1234.5);
  });
});

describe("extractQuantities", () => {
  it.each([
    ["$164 billion", 164e9, "usd"],
    ["USD 164 billion", 164e9, "usd"],
    ["164 bn dollars", 164e9, "usd"],
    ["$ 2.9 mln", 2.9e6, "usd"],
    ["\\$244 million", 244e6, "usd"],
    ["6.7 billion Russian rubles", 6.7e9, "rub"],
    ["EUR 4.5 million", 4.5e6, "eur"],
    ["2.5 million tonnes", 2.5e6, "tonnes"],
    ["1,5 million", 1.5e6, "count"],
    ["25%", 25, "percent"],
    ["25 percent", 25, "percent"],
    ["25 per cent", 25, "percent"],
    ["forty percent", 40, "percent"],
    ["increased 4.8 times", 4.8, "times"],
    ["a twofold increase", 2, "times"],
    ["exports doubled", 2, "times"],
    ["rose by 2 percentage points", 2, "pp"],
    ["up 2 p.p. on the year", 2, "pp"],
  ])("amount %# (%s)", (text, value, unit) => {
    expect(one(text)).toMatchObject({ value, unit });
  });

  it("keeps percent and percentage points apart", () => {
    const [pct, pp] = extractQuantities("a 5% rise, or 1.2 percentage points of the share");
    expect(pct).toMatchObject({ value: 5, unit: "percent" });
    expect(pp).toMatchObject({ value: 1.2, unit: "pp" });
  });

  it("reads written-out numbers and fractions", () => {
    expect(one("two countries")).toMatchObject({ value: 2, unit: "count" });
    expect(one("twenty-five enterprises")).toMatchObject({ value: 25, unit: "count" });
    expect(one("a quarter of exports")).toMatchObject({ value: 25, unit: "percent", approx: true });
    expect(one("about half of the market")).toMatchObject({ value: 50, unit: "percent", approx: true });
  });

  it("does not read pronouns, periods of time or footnote markers as amounts", () => {
    expect(extractQuantities("one of the effective levers")).toEqual([]);
    expect(extractQuantities("in the first half of the year")).toEqual([]);
    expect(extractQuantities("all exports61. 181And in the COVID-19 year")).toEqual([]);
    expect(extractQuantities("the 20th century")).toEqual([]);
  });

  it("survives PDF noise such as '4950 .'", () => {
    expect(one("4950 .")).toMatchObject({ value: 4950, unit: "count", raw: "4950" });
  });

  it("reads ranges with the scale or unit written once", () => {
    expect(one("20–25%")).toMatchObject({ low: 20, high: 25, unit: "percent" });
    expect(one("from 20 to 25 per cent")).toMatchObject({ low: 20, high: 25, unit: "percent" });
    expect(one("between 20 and 25 percent")).toMatchObject({ low: 20, high: 25, unit: "percent" });
    expect(one("$2-3 billion")).toMatchObject({ low: 2e9, high: 3e9, unit: "usd" });
  });

  it("reads 'grew from X to Y' as two figures, not a range", () => {
    const qs = extractQuantities("trade grew from $46 billion in 2015 to $62 billion");
    expect(qs.map((q) => q.value)).toEqual([46e9, 62e9]);
    expect(qs.every((q) => q.low === undefined)).toBe(true);
  });

  it("turns qualifiers into bounds and approximation", () => {
    expect(one("more than 600 documents")).toMatchObject({ value: 600, low: 600, approx: false });
    expect(one("over 430 of these")).toMatchObject({ low: 430 });
    expect(one("exceeded $2.5 billion")).toMatchObject({ low: 2.5e9, unit: "usd" });
    expect(one("up to 25%")).toMatchObject({ high: 25, approx: false });
    expect(one("almost 60%")).toMatchObject({ high: 60, approx: true });
    expect(one("nearly 20 percent")).toMatchObject({ high: 20, approx: true });
    const about = one("about 80 regions");
    expect(about).toMatchObject({ value: 80, approx: true });
    expect(about?.low).toBeUndefined();
  });

  it("reads both figures of 'by 80 percent to $369 million'", () => {
    const qs = extractQuantities(
      "their volume increased by 80 percent to $369 million in the first half of the year",
    );
    expect(qs.map((q) => [q.value, q.unit])).toEqual([
      [80, "percent"],
      [369e6, "usd"],
    ]);
  });
});

describe("years", () => {
  it("are not amounts", () => {
    expect(extractQuantities("Last year [2017], in 2018 and until 2025")).toEqual([]);
    expect(yearsOf("Last year [2017], in 2018 and until 2025")).toEqual([2017, 2018, 2025]);
  });

  it("read spans as one mention", () => {
    expect(extractPeriods("the programme for 2021-2025")).toMatchObject([{ year: 2021, toYear: 2025 }]);
    expect(extractPeriods("in 2016–19")).toMatchObject([{ year: 2016, toYear: 2019 }]);
  });

  it("are not taken from amounts or out-of-range numbers", () => {
    expect(extractPeriods("$2017 million, 2,020 tonnes, 2020 percent and 1850")).toEqual([]);
    expect(extractQuantities("2,020 tonnes")[0]).toMatchObject({ value: 2020, unit: "tonnes" });
  });
});

describe("paraphrased figures", () => {
  it.each([
    ["roughly a third", 100 / 3, "percent"],
    ["$1.2bn", 1.2e9, "usd"],
    ["1.2 billion dollars", 1.2e9, "usd"],
    ["58 thousand tons", 58e3, "tonnes"],
    ["58,000 tonnes", 58e3, "tonnes"],
    ["rose 2.3-fold", 2.3, "times"],
    ["almost tenfold", 10, "times"],
    ["increased one and a half times", 1.5, "times"],
    ["about two and a half million dollars", 2.5e6, "usd"],
    ["over 11 thousand cubic meters", 11e3, "m3"],
    ["39 million yuan", 39e6, "cny"],
    ["4.2 million euros", 4.2e6, "eur"],
  ])("%s", (text, value, unit) => {
    expect(one(text)).toMatchObject({ value, unit });
  });

  it("reads 'more than doubled' as a factor with its bound", () => {
    expect(one("more than doubled")).toMatchObject({ value: 2, unit: "times", low: 2 });
  });

  it("does not read citation brackets as amounts", () => {
    expect(extractQuantities('in 2021". 90[6, p. 20], as well as')).toEqual([]);
  });
});

describe("agrees (a claim's figure against a book's)", () => {
  it.each([
    ["roughly $4.34bn", "$4338.6 million", true],
    ["14%", "14.3 percent", true],
    ["about 60%", "57%", true],
    ["roughly a third", "32%", true],
    ["almost $41m", "nearly $41 million", true],
    ["$2.5m", "two and a half million dollars", true],
    ["more than 500 documents", "more than 600 documents", true],
    ["22%", "20–25%", true],
    // The rounding a figure is written to, not a blanket tolerance: 920 is not 966.8.
    ["roughly $920m", "$966.8 million", false],
    ["roughly $920m", "almost one billion dollars", false],
    ["$300 million", "$280 million", false],
    ["332", "330", false],
    ["18%", "8%", false],
    ["30%", "20–25%", false],
    ["about $13m", "just over $10 million", false],
  ])("%s vs %s", (claim, book, expected) => {
    expect(agrees(one(claim) as never, one(book) as never)).toBe(expected);
  });

  it("takes the rounding unit from the written digits, trailing zeros only when approximate, at most a tenth", () => {
    expect(roundingUnit(one("$4.34bn") as never)).toBeCloseTo(1e7);
    expect(roundingUnit(one("about 920 companies") as never)).toBe(10);
    expect(roundingUnit(one("about 2,000 students") as never)).toBe(200);
    expect(roundingUnit(one("2,000 students") as never)).toBe(1);
  });
});
