import { describe, expect, it } from "vitest";
import { describePeriod, extractPeriods, relate } from "../../src/text/time.js";

const one = (text: string) => {
  const ps = extractPeriods(text);
  expect(ps, text).toHaveLength(1);
  return ps[0] as NonNullable<(typeof ps)[0]>;
};

describe("extractPeriods", () => {
  it.each([
    ["In January-September 2021 exports grew", { year: 2021, months: [1, 9] }],
    ["Jan-Oct 2020", { year: 2020, months: [1, 10] }],
    ["from January to August 2021", { year: 2021, months: [1, 8] }],
    ["H1 2021", { year: 2021, months: [1, 6] }],
    ["in the first half of 2021", { year: 2021, months: [1, 6] }],
    ["Q1 2021", { year: 2021, months: [1, 3] }],
    ["the first seven months of 2018", { year: 2018, months: [1, 7] }],
    ["in 10 months of 2020", { year: 2020, months: [1, 10] }],
    ["signed on November 6, 2020", { year: 2020, months: [11, 11], day: 6 }],
    ["of 23 June 2004", { year: 2004, months: [6, 6], day: 23 }],
    ["in autumn 2020", { year: 2020, months: [9, 11] }],
    ["at the October (2021) meeting", { year: 2021, months: [10, 10] }],
    ["for the whole of 2021", { year: 2021, whole: true }],
    ["Belarus-Kyrgyzstan trade for all of 2018", { year: 2018, whole: true }],
    ["the programme for 2021-2025", { year: 2021, toYear: 2025 }],
    ["in the 2020-2021 academic year", { year: 2020, toYear: 2021 }],
    ["between 2016 and 2020", { year: 2016, toYear: 2020 }],
    ["Since 2016, the mutual trade turnover has grown 5.5 times", { year: 2016, bound: "since" }],
    ["until the end of 2025", { year: 2025, months: [12, 12], bound: "until" }],
    ["11.9% compared with the same period in 2020", { year: 2020, reference: true }],
  ])("%s", (text, expected) => {
    expect(one(text)).toMatchObject(expected);
  });

  it("keeps a relative period for its context to date, and lists two years as two", () => {
    expect(one("In the first half of the year, food exports to Turkey increased 4.8 times")).toMatchObject({
      months: [1, 6],
    });
    expect(one("In the first half of the year").year).toBeUndefined();
    expect(extractPeriods("in 2020 and 2021").map((p) => p.year)).toEqual([2020, 2021]);
  });

  it("reads this, last and next year as years its context dates, and a bracketed one as that year", () => {
    expect(one("the Kazakh side requested 570 units [combine harvesters] this year")).toMatchObject({
      raw: "this year",
    });
    expect(one("held by the parties in September this year in Vorarlberg")).toMatchObject({ months: [9, 9] });
    expect(one("exported goods worth ten billion euros last year")).toMatchObject({ offset: -1 });
    expect(one("in March last year")).toMatchObject({ months: [3, 3], offset: -1 });
    expect(one("in January-September this year [2021] totaled $23.1 million")).toMatchObject({
      year: 2021,
      months: [1, 9],
      raw: "January-September this year [2021]",
    });
    expect(one("grew by 5% compared to last year")).toMatchObject({ offset: -1, reference: true });
  });

  it("does not read amounts or place names as dates", () => {
    expect(extractPeriods("$2017 million, 2,020 tonnes, 2020 percent")).toEqual([]);
    expect(extractPeriods("Novgorod Oblast (Veliky Novgorod)")).toEqual([]);
  });
});

describe("relate", () => {
  const p = (t: string) => one(t);
  it("tells a part-year figure from the year's", () => {
    expect(relate(p("in 2021"), p("in January-September 2021"))).toBe("narrower");
    expect(relate(p("in June 2021"), p("in 2021"))).toBe("broader");
    expect(relate(p("in 2020"), p("at the end of 2020"))).toBe("narrower");
    expect(relate(p("in 2021"), p("in 2021"))).toBe("same");
    expect(relate(p("in October 2020"), p("on 6 November 2020"))).toBe("other");
    expect(relate(p("in September 2015"), p("on 10 September 2015"))).toBe("same");
    expect(relate(p("for 2020-2021"), p("in 2021-2023"))).toBe("overlap");
  });

  it("describes periods in plain words", () => {
    expect(describePeriod(p("Jan-Oct 2020"))).toBe("January–October 2020");
    expect(describePeriod(p("H1 2021"))).toBe("the first half of 2021");
    expect(describePeriod(p("for the whole of 2021"))).toBe("the whole of 2021");
  });
});
