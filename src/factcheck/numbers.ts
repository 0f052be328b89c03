/**
 * Number normaliser: finds quantities (with unit, scale, bounds) and years in English prose
 * converted from PDFs, so a claim's "$164 bn" and a book's "USD 164 billion" compare equal.
 */

export type Unit = "percent" | "pp" | "times" | "usd" | "eur" | "rub" | "byn" | "tonnes" | "count";

export interface Quantity {
  /** Normalised value: money and tonnes in units (164e9), percent as 25, "times" as the factor. */
  value: number;
  unit: Unit;
  /** Lower bound ("more than 600" → 600; ranges). */
  low?: number;
  /** Upper bound ("up to 25%", "almost 60%"; ranges). */
  high?: number;
  /** True for "about", "nearly", "some"… and for written-out fractions like "half". */
  approx: boolean;
  raw: string;
  /** Offset of `raw` in the input text. */
  index: number;
}

export interface YearMention {
  year: number;
  /** Last year of a span such as "2021-2025". */
  to?: number;
  raw: string;
  index: number;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};

/** Fractions read as shares of a whole ("half of the market" = 50%). */
const FRACTIONS: Record<string, number> = {
  half: 50,
  "a half": 50,
  "a quarter": 25,
  "one quarter": 25,
  "a third": 100 / 3,
  "one third": 100 / 3,
  "two thirds": 200 / 3,
  "three quarters": 75,
};

/** Multiplicative words: "twofold", "doubled", "halved". */
/** Verbs meaning a factor; "twofold" is read as "two" + "fold" by the amount pattern. */
const FACTORS: Record<string, number> = {
  double: 2,
  doubled: 2,
  triple: 3,
  tripled: 3,
  quadruple: 4,
  quadrupled: 4,
  halve: 0.5,
  halved: 0.5,
};

const SCALES: [RegExp, number][] = [
  [/^(?:thousand|thous\.?|k)$/i, 1e3],
  [/^(?:million|millions|mln\.?|mn|m)$/i, 1e6],
  [/^(?:billion|billions|bln\.?|bn)$/i, 1e9],
  [/^(?:trillion|trillions|trn|tn)$/i, 1e12],
];

const NUM = String.raw`\d+(?:[.,]\d+)*`;
const WORD_NUM = `(?:${Object.keys(WORD_NUMBERS).join("|")})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?`;
const SCALE = String.raw`(?:thousand|thous\.?|million|millions|mln\.?|mn|billion|billions|bln\.?|bn|trillion|trn|tn|k|m)\b`;
const CURRENCY_BEFORE = String.raw`(?:US\s?\\?\$|\\?\$|USD|€|EUR|RUB|BYN)`;
const CURRENCY_AFTER = String.raw`(?:(?:US\s)?dollars?|euros?|(?:Russian\s)?(?:rubles?|roubles?)|Belarusian\s(?:rubles?|roubles?)|BYN|RUB|USD|EUR)\b`;
const UNIT_AFTER = String.raw`(?:%|percent\b|per\s?cent\b|pct\b|percentage\spoints?\b|p\.\s?p\.|pp\b|times\b|-?fold\b|(?:metric\s)?tonnes\b|tons\b|t\b)`;
const QUALIFIER = String.raw`(?:more\sthan|over|above|exceeded|exceeds?|exceeding|in\sexcess\sof|at\sleast|less\sthan|under|below|up\sto|at\smost|almost|nearly|about|around|approximately|roughly|some|circa|close\sto|only|just)`;

/** One amount: optional currency, a number (digits or words), optional scale, currency and unit. */
const AMOUNT = String.raw`(?:${CURRENCY_BEFORE}\s?)?(?:${NUM}|${WORD_NUM})(?:\s?${SCALE})?(?:\s${CURRENCY_AFTER})?(?:\s?${UNIT_AFTER})?`;

const QUANTITY_RE = new RegExp(
  String.raw`(?<qual>(?:${QUALIFIER}\s+){0,2})(?:(?<from>from|between)\s+)?(?<a>${AMOUNT})(?:\s?(?:–|—|-|to|and)\s?(?<b>${AMOUNT}))?`,
  "gi",
);

const FRACTION_RE = new RegExp(
  String.raw`(?<qual>(?:${QUALIFIER}\s+){0,2})(?<!(?:first|second|last|past)\s)\b(?<f>${Object.keys(FRACTIONS).join("|")})\b(?!\s(?:a\s|of\sthe\s)?(?:million|billion|thousand|years?|century|decade|month|an?\s+hour))`,
  "gi",
);
const FACTOR_RE = new RegExp(String.raw`\b(?:${Object.keys(FACTORS).join("|")})\b`, "gi");
const YEAR_RE =
  /(?<![\d.,$\\])\b((?:19|20)\d\d)(?:\s?[-–—]\s?((?:19|20)\d\d|\d\d)\b)?(?![\d%]|[.,]\d|\s?(?:%|percent|per\scent|thousand|million|billion|bn|mln|tonnes|tons|dollars|rubles|times))/g;

const isYear = (n: number) => Number.isInteger(n) && n >= 1990 && n <= 2035;

/** "1,500" → 1500 (three-digit groups), "1,5" → 1.5 (European decimal comma), "2.9" → 2.9. */
export function parseNumber(token: string): number {
  const groups = token.split(/[.,]/);
  const thousands = groups.length > 1 && groups.slice(1).every((g) => g.length === 3);
  const lastSep = token.match(/[.,](?=\d+$)/)?.[0];
  // A single "." before three digits ("1.500") is far more often a decimal in English prose.
  if (thousands && !(groups.length === 2 && lastSep === ".")) return Number(groups.join(""));
  if (!lastSep) return Number(token);
  const intPart = token.slice(0, token.lastIndexOf(lastSep)).replace(/[.,]/g, "");
  return Number(`${intPart}.${groups[groups.length - 1]}`);
}

function parseWordNumber(words: string): number | undefined {
  const parts = words.toLowerCase().split(/[- ]/);
  let total = 0;
  for (const p of parts) {
    const n = WORD_NUMBERS[p];
    if (n === undefined) return undefined;
    total += n;
  }
  return total;
}

interface Amount {
  /** Value without scale ("2.9" of "$2.9 mln"). */
  base: number;
  scale: number;
  unit?: Unit;
  words: boolean;
}

function unitOf(text: string): Unit | undefined {
  const t = text.toLowerCase();
  if (/percentage\spoints?|p\.\s?p\.|\bpp\b/.test(t)) return "pp";
  if (/%|percent|per\s?cent|\bpct\b/.test(t)) return "percent";
  if (/times|fold/.test(t)) return "times";
  if (/tonnes|\btons\b|\bt$/.test(t)) return "tonnes";
  if (/belarusian\s(?:rubles?|roubles?)|byn/.test(t)) return "byn";
  if (/rubles?|roubles?|rub\b/.test(t)) return "rub";
  if (/euros?|eur\b|€/.test(t)) return "eur";
  if (/\$|dollars?|usd/.test(t)) return "usd";
  return undefined;
}

const NUM_RE = new RegExp(NUM);
const WORD_NUM_RE = new RegExp(WORD_NUM, "i");
const SCALE_AFTER_RE = new RegExp(String.raw`^\s?(${SCALE})`, "i");

function parseAmount(raw: string): Amount | undefined {
  const token = raw.match(NUM_RE)?.[0] ?? raw.match(WORD_NUM_RE)?.[0];
  if (!token) return undefined;
  const words = !/\d/.test(token);
  const base = words ? parseWordNumber(token) : parseNumber(token);
  if (base === undefined || Number.isNaN(base)) return undefined;
  const scaleWord = raw.slice(raw.indexOf(token) + token.length).match(SCALE_AFTER_RE)?.[1];
  const scale = scaleWord ? (SCALES.find(([re]) => re.test(scaleWord.trim()))?.[1] ?? 1) : 1;
  return { base, scale, unit: unitOf(raw), words };
}

/** Qualifier words before a number → bounds and approximation. */
function qualify(qual: string, value: number): Pick<Quantity, "low" | "high" | "approx"> {
  const q = qual.toLowerCase();
  if (/more|over|above|exceed|excess|at\sleast/.test(q)) return { low: value, approx: false };
  if (/almost|nearly|close\sto/.test(q)) return { high: value, approx: true };
  if (/less|under|below|up\sto|at\smost/.test(q)) return { high: value, approx: false };
  return { approx: /about|around|approx|roughly|some|circa/.test(q) };
}

/** "grew from 46 to 62" is a change between two figures, not a range. */
const CHANGE_BEFORE_RE =
  /(?:increas|grow|grew|rise|rose|fell|fall|decreas|declin|drop|chang|went|jump|climb|reduc)\w*\s+(?:\w+\s+)?$/i;

/** Quantities in `text`, in order; years standing alone are left to `extractYears`. */
export function extractQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  const re = new RegExp(QUANTITY_RE.source, "gi");
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const g = m.groups ?? {};
    const rawA = g.a ?? "";
    const index = m.index + m[0].indexOf(rawA, (g.qual ?? "").length);
    const endA = index + rawA.length;
    // Unless read as a range below, rescan from the end of the first amount so a second one is read alone.
    re.lastIndex = endA;
    // Footnote markers glued to words ("exports61", "181And"), ordinals ("20th") and names ("COVID-19").
    if (/[A-Za-z]-?$/.test(text.slice(Math.max(0, index - 2), index)) || /[A-Za-z]/.test(text.charAt(endA)))
      continue;
    const a = parseAmount(rawA);
    if (!a) continue;
    const b = g.b ? parseAmount(g.b) : undefined;
    const bare = (x: Amount) => !x.unit && x.scale === 1;
    if (bare(a) && isYear(a.base) && !/,/.test(rawA)) continue;
    // A written "one" is mostly a pronoun ("one of the levers"); keep it only with a unit or scale.
    if (a.words && bare(a) && a.base === 1) continue;
    const sep = g.b ? m[0].slice(endA - m.index, m[0].lastIndexOf(g.b)) : "";
    const isRange =
      b &&
      !(bare(b) && isYear(b.base)) &&
      (/[–—-]/.test(sep) ||
        (g.from === "between" && /and/i.test(sep)) ||
        (g.from === "from" && /to/i.test(sep) && !CHANGE_BEFORE_RE.test(text.slice(0, m.index))));
    if (b && isRange) {
      // A scale or unit written once applies to both ends ("20–25%", "2-3 billion").
      const low = a.base * (a.scale !== 1 ? a.scale : b.scale);
      const high = b.base * (b.scale !== 1 ? b.scale : a.scale);
      const unit = a.unit ?? b.unit ?? "count";
      const start = m.index + m[0].indexOf(g.from ?? rawA);
      re.lastIndex = m.index + m[0].length;
      out.push({
        value: (low + high) / 2,
        unit,
        low,
        high,
        approx: false,
        raw: text.slice(start, re.lastIndex),
        index: start,
      });
      continue;
    }
    const value = a.base * a.scale;
    out.push({ value, unit: a.unit ?? "count", ...qualify(g.qual ?? "", value), raw: rawA, index });
  }
  for (const m of text.matchAll(FRACTION_RE)) {
    const f = m.groups?.f ?? "";
    const value = FRACTIONS[f.toLowerCase()] ?? 0;
    const index = m.index + m[0].indexOf(f);
    out.push({
      value,
      unit: "percent",
      ...qualify(m.groups?.qual ?? "", value),
      approx: true,
      raw: f,
      index,
    });
  }
  for (const m of text.matchAll(FACTOR_RE)) {
    out.push({
      value: FACTORS[m[0].toLowerCase()] ?? 1,
      unit: "times",
      approx: false,
      raw: m[0],
      index: m.index,
    });
  }
  return out.sort((x, y) => x.index - y.index);
}

/** Calendar years 1990–2035 standing alone or as spans ("2021-2025"), not amounts like "$2017 million". */
export function extractYears(text: string): YearMention[] {
  const out: YearMention[] = [];
  for (const m of text.matchAll(YEAR_RE)) {
    const year = Number(m[1]);
    if (!isYear(year)) continue;
    const end = m[2];
    const to = end
      ? end.length === 2
        ? Math.floor(year / 100) * 100 + Number(end)
        : Number(end)
      : undefined;
    out.push({ year, ...(to !== undefined && to > year ? { to } : {}), raw: m[0], index: m.index ?? 0 });
  }
  return out;
}
