/**
 * Number normaliser: finds quantities (with unit, scale, bounds) in English prose converted from
 * PDFs, so a claim's "$164 bn" and a book's "USD 164 billion" compare equal, "roughly a third" is
 * 33%, "almost doubled" is a factor of 2. Years are periods (time.ts), never amounts.
 */
import { WORD_NUMBERS } from "./lexicon.js";
import { isYear } from "./time.js";

export type Unit =
  | "percent"
  | "pp"
  | "times"
  | "usd"
  | "eur"
  | "rub"
  | "byn"
  | "cny"
  | "tonnes"
  | "m3"
  | "km2"
  | "ha"
  | "count";

/** Units of money: a figure in one currency is never borne out by the same figure in another. */
export const CURRENCIES: ReadonlySet<Unit> = new Set(["usd", "eur", "rub", "byn", "cny"]);

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

/** Fractions read as shares of a whole ("half of the market" = 50%). */
const FRACTIONS: Record<string, number> = {
  half: 50,
  "a half": 50,
  "a quarter": 25,
  "another quarter": 25,
  "another third": 100 / 3,
  "one quarter": 25,
  "a third": 100 / 3,
  "one third": 100 / 3,
  "two thirds": 200 / 3,
  "three quarters": 75,
};

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
const CURRENCY_BEFORE = String.raw`(?:US\s?\\?\$|\\?\$|USD|€|EUR|RUB|BYN|CNY)`;
const CURRENCY_AFTER = String.raw`(?:(?:US\s|U\.S\.\s)?dollars?|euros?|(?:Russian\s)?(?:rubles?|roubles?)|Belarusian\s(?:rubles?|roubles?)|yuan|BYN|RUB|USD|EUR|CNY)\b`;
const UNIT_AFTER = String.raw`(?:%|percent\b|per\s?cent\b|pct\b|percentage\spoints?\b|p\.\s?p\.|pp\b|times\b|-?fold\b|(?:metric\s)?tonnes\b|tons\b|t\b|cubic\smet(?:re|er)s?\b|m3\b|square\skilomet(?:re|er)s?\b|sq\.?\s?km\b|km2\b|hectares?\b|ha\b)`;
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
const FACTOR_RE = new RegExp(
  String.raw`(?<qual>(?:${QUALIFIER}\s+){0,2})\b(?<f>${Object.keys(FACTORS).join("|")})\b`,
  "gi",
);
/** "one and a half times", "two and a half million dollars": the amount pattern reads "one", "two". */
const AND_A_HALF_RE = new RegExp(
  String.raw`\b(?<n>one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+and\s+a\s+half\s+(?<rest>(?:times|-?fold)\b|${SCALE}(?:\s${CURRENCY_AFTER})?(?:\s?${UNIT_AFTER})?)`,
  "gi",
);

const CITATION_RE = /\[\s*\d{1,3}(?:\s*[,;]\s*(?:pp?\.\s*)?\d{1,4}(?:\s*[-–]\s*\d{1,4})?)*\s*\]/g;

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
  if (/cubic|\bm3\b/.test(t)) return "m3";
  if (/square|sq\.?\s?km|km2/.test(t)) return "km2";
  if (/hectare|\bha\b/.test(t)) return "ha";
  if (/yuan|cny/.test(t)) return "cny";
  if (/belarusian\s(?:rubles?|roubles?)|byn/.test(t)) return "byn";
  if (/rubles?|roubles?|rub\b/.test(t)) return "rub";
  if (/euros?|eur\b|€/.test(t)) return "eur";
  if (/\$|dollars?|usd/.test(t)) return "usd";
  return undefined;
}

/**
 * The currency a question asks its amount in ("the dollar value of", "how many euros"), from a
 * currency word standing apart from any figure; undefined when it names none.
 */
export function currencyAsked(text: string): Unit | undefined {
  let rest = text;
  for (const q of extractQuantities(text)) rest = rest.replace(q.raw, " ");
  const word = rest.match(
    /\b(?:US\s)?dollars?\b|\beuros?\b|\b(?:belarusian\s|russian\s)?(?:rubles?|roubles?)\b|\byuan\b|\b(?:USD|EUR|RUB|BYN|CNY)\b/i,
  );
  const unit = word ? unitOf(word[0]) : undefined;
  return unit && CURRENCIES.has(unit) ? unit : undefined;
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

/** Quantities in `text`, in order; years standing alone are periods (time.ts), not amounts. */
export function extractQuantities(input: string): Quantity[] {
  // Citation brackets ("[6, p. 20]", "[2 [2]. 2]", "[1]") hold references, not amounts; blanked to keep offsets.
  const text = input.replace(CITATION_RE, (m) => " ".repeat(m.length));
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
    // A number glued to a bracket is a reference ("90[6, p. 20]"), not an amount.
    if (/[A-Za-z]-?$/.test(text.slice(Math.max(0, index - 2), index)) || /[A-Za-z[]/.test(input.charAt(endA)))
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
    const f = m.groups?.f ?? "";
    const value = FACTORS[f.toLowerCase()] ?? 1;
    const index = m.index + m[0].indexOf(f);
    out.push({ value, unit: "times", ...qualify(m.groups?.qual ?? "", value), raw: f, index });
  }
  for (const m of text.matchAll(AND_A_HALF_RE)) {
    const n = m.groups?.n ?? "";
    const rest = m.groups?.rest ?? "";
    const times = /times|fold/i.test(rest);
    const scaleWord = rest.match(SCALE_AFTER_RE)?.[1];
    const scale = scaleWord ? (SCALES.find(([re]) => re.test(scaleWord.trim()))?.[1] ?? 1) : 1;
    const value =
      ((/\d/.test(n) ? Number(n) : (WORD_NUMBERS[n.toLowerCase()] ?? 1)) + 0.5) * (times ? 1 : scale);
    const unit: Unit = times ? "times" : (unitOf(rest) ?? "count");
    // The amount and fraction patterns read "one" and "a half" apart; this reading replaces them.
    const end = m.index + m[0].length;
    for (let i = out.length - 1; i >= 0; i--) {
      const at = (out[i] as Quantity).index;
      if (at >= m.index && at < end) out.splice(i, 1);
    }
    out.push({ value, unit, approx: false, raw: m[0], index: m.index });
  }
  return out.sort((x, y) => x.index - y.index);
}

/**
 * The rounding a written figure implies: "920" is given to the ten, "$4.34bn" to ten million,
 * "58,000" to the thousand. A book's 966.8 is not a rounded 920; its 4,338.6 million is 4.34 billion.
 */
export function roundingUnit(q: Quantity): number {
  const digits = q.raw.match(/\d+(?:[.,]\d+)*/)?.[0];
  if (!digits) return Math.abs(q.value) * 0.05;
  const scale = q.value / parseNumber(digits) || 1;
  const decimals = digits.match(/[.,](\d{1,2})$/)?.[1];
  if (decimals && !/^\d{1,3}(,\d{3})+$/.test(digits)) return 10 ** -decimals.length * scale;
  // Trailing zeros are rounding only where the figure says it is approximate ("about 2,000").
  const whole = digits.replace(/[.,]/g, "");
  const zeros = q.approx ? (whole.match(/0+$/)?.[0].length ?? 0) : 0;
  // "$1 billion" is given to a tenth at least: a single digit with a scale is not ±half a billion.
  return Math.min(10 ** Math.min(zeros, whole.length - 1) * scale, Math.abs(q.value) * 0.1);
}

/** A share or factor in words ("a third", "half", "doubled"): loose by nature, unlike "one billion". */
const loose = (q: Quantity) => q.raw.toLowerCase() in FRACTIONS || q.raw.toLowerCase() in FACTORS;

/**
 * Does the book's figure bear out the claim's? The same value up to the rounding either is written
 * to (a loose "about", "roughly" allows a little more, a share in words more still), within the
 * bounds "more than", "up to", "almost" and ranges set. Units must agree: callers compare only
 * figures of one unit.
 */
export function agrees(claim: Quantity, book: Quantity): boolean {
  const approx = claim.approx || book.approx;
  const base = Math.max(Math.abs(claim.value), Math.abs(book.value));
  const slack = loose(claim) || loose(book) ? 0.12 * base : approx ? 0.03 * base : 0.005 * base;
  // The claim's own rounding, and the book's when the book says it is approximate.
  const tol = Math.max(slack, roundingUnit(claim) / 2, book.approx ? roundingUnit(book) / 2 : 0);
  if (book.low !== undefined && book.high !== undefined) {
    return claim.value >= book.low - tol && claim.value <= book.high + tol;
  }
  if (claim.low !== undefined && claim.high !== undefined) {
    return book.value >= claim.low - tol && book.value <= claim.high + tol;
  }
  // "More than 500" is borne out by "more than 600"; "up to 30%" by "25%"; "almost 60%" by "57%".
  if (claim.low !== undefined && book.value >= claim.low - tol) return true;
  if (claim.high !== undefined && !claim.approx && book.value <= claim.high + tol) return true;
  if (
    claim.high !== undefined &&
    claim.approx &&
    book.value <= claim.high + tol &&
    book.value >= claim.high * 0.9
  )
    return true;
  return Math.abs(claim.value - book.value) <= tol;
}
