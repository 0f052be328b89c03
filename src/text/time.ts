/**
 * Years and periods as the books and their readers write them: "2020", "2021-2025", "2020/21",
 * "January–September 2021", "Jan-Oct 2020", "H1 2021", "the first half of 2021", "Q1", "the first
 * seven months of 2018", "6 November 2020", "autumn 2020", "the whole of 2021", "since 2015".
 * Search, answers and fact-check compare periods only through `relate`.
 */
import { WORD_NUMBERS } from "./lexicon.js";

/** Calendar years the texts speak of; four-digit numbers outside it are amounts. */
export const YEAR_MIN = 1950;
export const YEAR_MAX = 2049;
export const isYear = (n: number): boolean => Number.isInteger(n) && n >= YEAR_MIN && n <= YEAR_MAX;

export interface Period {
  /** First year; undefined for "the first half of the year" until context supplies it. */
  year?: number;
  /** Last year of a span ("2021-2025"). */
  toYear?: number;
  /** Months covered (1–12) when narrower than the whole year. */
  months?: [number, number];
  day?: number;
  /** The whole year is insisted on ("the whole of 2021", "full year", "all of 2018"). */
  whole?: boolean;
  /** "since 2015", "by 2025", "until 2030": the period is a limit, not the time of the fact. */
  bound?: "since" | "by" | "until";
  /** "compared to 2019", "than in 2019", "the same period of 2020": the base of a comparison, not the time of the fact. */
  reference?: boolean;
  /** "last year" (−1), "next year" (+1): years from the year the context speaks of. */
  offset?: number;
  raw: string;
  index: number;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const YEAR = String.raw`(?:19[5-9]\d|20[0-4]\d)`;
const COUNT = String.raw`(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const ORDINAL_PART: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  last: 4,
};
const OF_YEAR = String.raw`(?:\s+(?:of\s+)?(?:the\s+year\s+)?(?<year>${YEAR}))?`;

/** "this year", "last year", "the following year": a year counted from the one the context speaks of. */
const RELATIVE = String.raw`\b(?<rel>this|the\s+current|last|the\s+previous|next|the\s+following)\s+year\b`;
const offsetOf = (rel = ""): { offset?: number } => {
  const offset = /last|previous/i.test(rel) ? -1 : /next|following/i.test(rel) ? 1 : 0;
  return offset === 0 ? {} : { offset };
};

/** 1–12 for a month's name or abbreviation ("Sept.", "Jan"). */
export const monthNumber = (word: string): number | undefined => {
  const w = word.toLowerCase().replace(/\.$/, "");
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return w.length >= 3 && i >= 0 ? i + 1 : undefined;
};

interface Pattern {
  re: RegExp;
  read: (g: Record<string, string | undefined>) => Omit<Period, "raw" | "index"> | undefined;
}

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
const countOf = (s: string | undefined) =>
  s === undefined ? undefined : /^\d/.test(s) ? Number(s) : WORD_NUMBERS[s.toLowerCase()];
const yearOf = (g: Record<string, string | undefined>) => num(g.year);

/** Longest, most specific forms first: a later pattern never re-reads text an earlier one took. */
const PATTERNS: Pattern[] = [
  {
    // "January–September 2021", "Jan-Oct 2020", "from January to September 2021", "between January and May 2021"
    re: new RegExp(
      String.raw`\b(?:from\s+|between\s+)?(?<m1>${MONTH})\s*(?:[-–—]|to|and|through)\s*(?<m2>${MONTH})(?:,?\s+(?:of\s+)?(?<year>${YEAR}))?\b`,
      "gi",
    ),
    read: (g) => {
      const a = monthNumber(g.m1 ?? "");
      const b = monthNumber(g.m2 ?? "");
      return a && b && b >= a ? { year: yearOf(g), months: [a, b] } : undefined;
    },
  },
  {
    // "6 November 2020", "on 23 June 2004"
    re: new RegExp(
      String.raw`\b(?<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?<m>${MONTH})(?:,?\s+(?<year>${YEAR}))?\b`,
      "gi",
    ),
    read: (g) => {
      const m = monthNumber(g.m ?? "");
      const day = num(g.day) ?? 0;
      return m && day >= 1 && day <= 31 ? { year: yearOf(g), months: [m, m], day } : undefined;
    },
  },
  {
    // "November 6, 2020"
    re: new RegExp(
      String.raw`\b(?<m>${MONTH})\s+(?<day>[0-3]?\d)(?:st|nd|rd|th)?,\s+(?<year>${YEAR})\b`,
      "gi",
    ),
    read: (g) => {
      const m = monthNumber(g.m ?? "");
      return m ? { year: yearOf(g), months: [m, m], day: num(g.day) } : undefined;
    },
  },
  {
    // "H1 2021", "1H 2021", "first half of 2021", "the second half of the year"
    re: new RegExp(
      String.raw`\b(?:(?<h>H[12]|[12]H)|(?<part>first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+(?:the|this|the\s+current)\s+year)?)${OF_YEAR}\b`,
      "gi",
    ),
    read: (g) => {
      const second = /2|second/i.test(g.h ?? g.part ?? "");
      return { year: yearOf(g), months: second ? [7, 12] : [1, 6] };
    },
  },
  {
    // "Q1 2021", "first quarter of 2021", "in the third quarter"
    re: new RegExp(
      String.raw`\b(?:Q(?<q>[1-4])|(?<part>first|second|third|fourth|1st|2nd|3rd|4th|last)\s+quarter(?:\s+of)?(?:\s+(?:the|this|the\s+current)\s+year)?)${OF_YEAR}\b`,
      "gi",
    ),
    read: (g) => {
      const q = num(g.q) ?? ORDINAL_PART[(g.part ?? "").toLowerCase()] ?? 1;
      return { year: yearOf(g), months: [3 * q - 2, 3 * q] };
    },
  },
  {
    // "the first seven months of 2018", "in 10 months of 2020", "nine months"
    re: new RegExp(
      String.raw`\b(?:first\s+)?(?<n>${COUNT})\s+months(?:\s+of)?(?:\s+(?:the|this|the\s+current)\s+year)?${OF_YEAR}\b`,
      "gi",
    ),
    read: (g) => {
      const n = countOf(g.n);
      return n && n >= 1 && n <= 12 ? { year: yearOf(g), months: [1, n] } : undefined;
    },
  },
  {
    // "autumn 2020", "early 2021", "late 2016", "the end of 2025", "mid-2021", "the beginning of 2021"
    re: new RegExp(
      String.raw`\b(?<season>spring|summer|autumn|fall|winter|early|late|mid-?|(?:the\s+)?(?:end|beginning|start|middle)\s+of)(?:\s+of)?\s*(?<year>${YEAR})\b`,
      "gi",
    ),
    read: (g) => {
      const s = (g.season ?? "").toLowerCase().replace(/^the\s+/, "");
      const months: Record<string, [number, number]> = {
        spring: [3, 5],
        summer: [6, 8],
        autumn: [9, 11],
        fall: [9, 11],
        winter: [1, 2],
        early: [1, 4],
        late: [9, 12],
        mid: [5, 8],
        "mid-": [5, 8],
      };
      const key = s.startsWith("end")
        ? "end"
        : s.startsWith("beginning") || s.startsWith("start")
          ? "start"
          : s.startsWith("middle")
            ? "mid"
            : s;
      const range = months[key] ?? (key === "end" ? [12, 12] : key === "start" ? [1, 1] : undefined);
      return range ? { year: yearOf(g), months: range as [number, number] } : undefined;
    },
  },
  {
    // "June 2021", "in June of 2021"
    // "June 2021", "in June of 2021", "the October (2021) meeting"
    // "September this year", "in March last year": the month of a year the context gives.
    re: new RegExp(
      String.raw`\b(?<m>${MONTH})(?:\s+of)?\s+(?:[([]?(?<year>${YEAR})[)\]]?|${RELATIVE})`,
      "gi",
    ),
    read: (g) => {
      const m = monthNumber(g.m ?? "");
      // "may 2021" is a month; so is "Mar 2021".
      if (!m) return undefined;
      return g.year ? { year: yearOf(g), months: [m, m] } : { months: [m, m], ...offsetOf(g.rel) };
    },
  },
  {
    // "2021-2025", "2016–19", "2020/21", "from 2016 to 2020", "between 2016 and 2020"
    re: new RegExp(
      String.raw`(?<![\d.,$\\])\b(?:(?<pre>from|between)\s+)?(?<year>${YEAR})\s*(?<sep>[-–—/]|\s+to\s+|\s+and\s+)\s*(?<to>${YEAR}|\d\d)\b(?![\d%]|[.,]\d)`,
      "gi",
    ),
    read: (g) => {
      // "2020 and 2021" lists two years; only "between … and" makes a span of them.
      if (/and/i.test(g.sep ?? "") && !/between/i.test(g.pre ?? "")) return undefined;
      const year = yearOf(g) as number;
      const raw = g.to ?? "";
      const to = raw.length === 2 ? Math.floor(year / 100) * 100 + Number(raw) : Number(raw);
      return to > year && to - year <= 30 ? { year, toYear: to } : undefined;
    },
  },
  {
    // "this year", "the current year", "last year", "next year": the year of the narrative, or one
    // before or after it; context supplies it (a bracketed year is read as that year before this).
    re: new RegExp(`${RELATIVE}(?!['’]s)`, "gi"),
    read: (g) => offsetOf(g.rel),
  },
  {
    // A year standing alone, not an amount like "$2017 million" or "2020 percent".
    re: new RegExp(
      String.raw`(?<![\d.,$\\])\b(?<year>${YEAR})\b(?![\d%]|[.,]\d|\s?(?:%|percent|per\scent|thousand|million|billion|bn|mln|tonnes|tons|dollars|rubles|euros|times|units|people|companies))`,
      "gi",
    ),
    read: (g) => ({ year: yearOf(g) }),
  },
];

const RELATIVE_YEAR = new RegExp(
  String.raw`\b(?:this|last|next|that|the\s+current|the\s+previous)\s+year\s*[[(](${YEAR})[\])]`,
  "gi",
);

/**
 * "January-September this year [2021]" → "January-September 2021": the bracketed year is the one
 * meant. The words are blanked, not removed, so offsets into the text still hold.
 */
export const resolveRelativeYears = (text: string): string =>
  text.replace(RELATIVE_YEAR, (m, year: string) => {
    const at = m.lastIndexOf(year);
    return `${" ".repeat(at)}${year}${" ".repeat(m.length - at - year.length)}`;
  });

/** `text` with each calendar year replaced by `by` ("" drops them). */
export const replaceYears = (text: string, by: string): string =>
  text.replace(new RegExp(String.raw`\b${YEAR}\b`, "g"), by);

const WHOLE_BEFORE =
  /\b(?:(?:the\s+)?whole\s+(?:of\s+)?|(?:the\s+)?full(?:-|\s)year\s+(?:of\s+)?|(?:the\s+)?full\s+year\s+|all\s+of\s+|(?:the\s+)?entire\s+(?:year\s+)?(?:of\s+)?)(?:the\s+year\s+)?$/i;
const WHOLE_AFTER = /^\s*(?:as\s+a\s+whole|in\s+full|overall)\b/i;
const REFERENCE_BEFORE =
  /\b(?:compared\s+(?:with|to)|as\s+against|than(?:\s+(?:in|during|for))?|versus|vs\.?|(?:the\s+)?same\s+period\s+(?:of|in|last)|(?:the\s+)?level\s+of)\s+(?:the\s+)?(?:(?:same\s+)?period\s+(?:of|in)\s+)?$/i;
const BOUND_BEFORE =
  /\b(?<b>since|by|until|till|up\s+to|through|no\s+later\s+than|before)\s+(?:the\s+(?:end|beginning)\s+of\s+)?$/i;

/** Periods named in `text`, in order. Relative ones ("the first half of the year") have no year. */
export function extractPeriods(input: string): Period[] {
  const text = resolveRelativeYears(input);
  const out: Period[] = [];
  const taken: [number, number][] = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const start = m.index;
      // "this year [2021]": the closing bracket of a relative year read as its year goes with it.
      const cut = start + m[0].length;
      const end =
        /^[\])]/.test(input.slice(cut)) && /[[(]\d{4}$/.test(input.slice(start, cut)) ? cut + 1 : cut;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const read = p.read(m.groups ?? {});
      if (!read) continue;
      taken.push([start, end]);
      const before = text.slice(Math.max(0, start - 30), start);
      const after = text.slice(end, end + 20);
      const whole = WHOLE_BEFORE.test(before) || WHOLE_AFTER.test(after);
      const bound = before.match(BOUND_BEFORE)?.groups?.b?.toLowerCase();
      const reference = REFERENCE_BEFORE.test(before);
      out.push({
        ...read,
        ...(whole && !read.months ? { whole: true } : {}),
        ...(bound
          ? { bound: bound === "since" ? "since" : /by|before|no later/.test(bound) ? "by" : "until" }
          : {}),
        ...(reference ? { reference: true } : {}),
        raw: input.slice(start, end),
        index: start,
      });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Calendar years of a text (spans give their first year; relative periods none). */
export function yearsIn(text: string): number[] {
  return extractPeriods(text).flatMap((p) =>
    p.year === undefined ? [] : [p.year, ...(p.toYear ? [p.toYear] : [])],
  );
}

/**
 * How the period a text gives stands to the period asked about:
 * - `same`: the same span (a day inside the asked month counts);
 * - `narrower`: inside it but shorter ("January–September 2021" for "2021");
 * - `broader`: containing it ("2021" for "June 2021");
 * - `overlap`: sharing part of it ("2021–2023" for "2020–2021");
 * - `other`: no common time.
 */
export type PeriodRelation = "same" | "narrower" | "broader" | "overlap" | "other";

/** Months since year 0 of a period's first and last month; undefined without a year. */
function bounds(p: Period): [number, number] | undefined {
  if (p.year === undefined) return undefined;
  const [m1, m2] = p.months ?? [1, 12];
  const last = p.toYear ?? p.year;
  return [p.year * 12 + m1 - 1, last * 12 + (p.toYear && p.months ? 12 : m2) - 1];
}

export function relate(asked: Period, given: Period): PeriodRelation {
  const a = bounds(asked);
  const g = bounds(given);
  if (!a || !g) return "other";
  if (a[0] === g[0] && a[1] === g[1]) {
    // A day inside the asked month is that month; an asked day needs that day.
    if (asked.day !== undefined && given.day !== undefined && asked.day !== given.day) return "other";
    return "same";
  }
  if (g[0] >= a[0] && g[1] <= a[1]) return "narrower";
  if (a[0] >= g[0] && a[1] <= g[1]) return "broader";
  if (g[0] <= a[1] && a[0] <= g[1]) return "overlap";
  return "other";
}

const MONTH_NAMES = MONTHS.map((m) => m.charAt(0).toUpperCase() + m.slice(1));

/** "January–September 2021", "2021–2025", "H1 2021" in plain words, for answers and verdicts. */
export function describePeriod(p: Period): string {
  const year = p.year === undefined ? "" : ` ${p.year}${p.toYear ? `–${p.toYear}` : ""}`;
  if (!p.months) return `${p.whole ? "the whole of " : ""}${year.trim()}`;
  const [a, b] = p.months;
  if (p.day !== undefined) return `${p.day} ${MONTH_NAMES[a - 1]}${year}`;
  if (a === b) return `${MONTH_NAMES[a - 1]}${year}`;
  if (a === 1 && b === 6) return `the first half of${year || " the year"}`;
  if (a === 7 && b === 12) return `the second half of${year || " the year"}`;
  return `${MONTH_NAMES[a - 1]}–${MONTH_NAMES[b - 1]}${year}`;
}
