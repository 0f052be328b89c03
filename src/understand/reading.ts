/**
 * What a stretch of text says, in checkable parts: names (typed), figures (with direction and what
 * they count), periods, negations, superlatives and ordinals, and its content terms. Questions,
 * claims and book sentences are all read by this one function, so both sides of every comparison
 * are read the same way.
 */
import { type EntityType, knownNames } from "../text/aliases.js";
import { foldDiacritics, STOP_WORDS, term, terms } from "../text/analyze.js";
import {
  type Direction,
  directionIn,
  NEGATION_RE,
  ORDINAL_RE,
  ordinalValue,
  PLAN_RE,
  SUPERLATIVE_RE,
  superlativePole,
} from "../text/lexicon.js";
import { extractQuantities, type Quantity } from "../text/numbers.js";
import { extractPeriods, monthNumber, type Period } from "../text/time.js";

export type NameType = EntityType | "name";

export interface Name {
  /** Alias key for known names; otherwise the stem of the name's most distinctive word. */
  key: string;
  /** Index terms that identify it: its alias key's, or the name's words minus generic heads ("Plant", "LLC"). */
  tokens: string[];
  type: NameType;
  /** The name of a region or district ("Moscow oblast"), not of the city or country itself. */
  unit?: boolean;
  index: number;
  raw: string;
}

export interface Figure extends Quantity {
  direction?: Direction;
  /** Stems of the words a count counts ("600 cooperation documents" → cooper, document). */
  counts: string[];
  /** Content stems of the clause around it: what the figure is about. */
  near: string[];
  /** A count of part of a total given before ("430 of these agreements"). */
  part: boolean;
  /** Said of a plan, target or potential ("it is planned to produce 1,000 cars"), in its clause before it. */
  planned: boolean;
  /** Stated as what happened: a verb in the past before it in its clause ("came to", "totalled"). */
  past: boolean;
}

export interface Rank {
  /** 1 for "highest", 2 for "second-largest" or "ranked second"; for ordinals of a name ("Third Forum"), the ordinal. */
  value: number;
  /** "top" for highest/largest, "bottom" for lowest/smallest; undefined for a plain ordinal. */
  pole?: "top" | "bottom";
  /** Stems of the words it qualifies ("Forum", "buyer"). */
  of: string[];
  index: number;
  raw: string;
}

export interface Reading {
  text: string;
  terms: Set<string>;
  names: Name[];
  figures: Figure[];
  periods: Period[];
  /** Offsets of negation cues. */
  negations: number[];
  ranks: Rank[];
  /** It states a plan, target, forecast or potential rather than what happened: every figure of it does, or it has none and says so. */
  planned: boolean;
}

/** Words that head names without naming anything by themselves. */
const GENERIC = new Set(
  (
    "plant works factory company corporation holding group llc ojsc jsc cjsc ltd inc co firm enterprise " +
    "republic federation state states region district city town province oblast krai territory area " +
    "committee ministry council government parliament assembly house forum park zone bank university " +
    "institute academy centre center agency union association organisation organization chamber fund " +
    "exchange programme program project agreement treaty memorandum decree strategy day days week year " +
    "national international joint executive regional federal central general first second third new " +
    "cooperation trade economic scientific technical technological cultural humanitarian investment industrial " +
    "innovation information development socio social television radio broadcasting news telegraph treaty " +
    "concept programs plan action forum meeting session conference summit exhibition fair week business"
  ).split(" "),
);

/** Capitalised words that open sentences or titles without being names. */
const OPENERS = new Set(
  (
    "the a an in on at by for from to of with as after before during since under over this that these those " +
    "it its there here some many most all each every both such another other one two three last next first " +
    "second third recall note according among already only even back today now yet still however moreover " +
    "also besides although though while when where why how what which who whose and but or so thus therefore " +
    "meanwhile furthermore indeed in addition finally then later earlier currently previously is are was were " +
    "did does do has have had will would can could should may might must if whether let please tell show " +
    "four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million " +
    "fourth fifth sixth seventh eighth ninth tenth half quarter"
  ).split(" "),
);

const GENERIC_STEMS = new Set([...GENERIC].map((w) => term(w) ?? w));
const CAPITALISED =
  /(?<![\p{L}\p{N}])[\p{Lu}][\p{L}\p{N}]*(?:[-'’][\p{L}\p{N}]+)*(?:\s+[\p{Lu}][\p{L}\p{N}]*(?:[-'’][\p{L}\p{N}]+)*)*/gu;
const ORG_AFTER = /^\s*(?:LLC|OJSC|JSC|CJSC|Ltd|Inc|Plant|Works|Company|Corporation|Holding|Group)\b/;
const ORG_BEFORE =
  /\b(?:LLC|OJSC|JSC|CJSC|company|companies|firm|plant|enterprise|corporation|holding|FEZ|zone|exchange|bank)\s*["“]?\s*$/i;
const PLACE_AFTER = /^\s*(?:region|oblast|krai|territory|province|district|city|republic|voivodeship)\b/i;

function atSentenceStart(text: string, index: number): boolean {
  return /(?:^|[.!?]\s+|[.!?]["”»)]\s+|["“«(]\s*)$/.test(text.slice(Math.max(0, index - 4), index));
}

/**
 * Names: known ones from the alias table, then other capitalised phrases, typed by what surrounds
 * them. Words inside `periods` ("Jan-Aug 2021") are dates, not names.
 */
export function namesIn(text: string, periods: Period[] = extractPeriods(text)): Name[] {
  const known = knownNames(text);
  const out: Name[] = known.map((k) => ({
    key: k.key,
    // The key as the term analysis indexes it ("belarus" → "belaru"), so names and terms compare.
    tokens: [term(k.key) ?? k.key],
    type: k.type,
    ...(PLACE_AFTER.test(text.slice(k.index + k.raw.length, k.index + k.raw.length + 24))
      ? { unit: true }
      : {}),
    index: k.index,
    raw: k.raw,
  }));
  const spans = [
    ...known.map((k) => [k.index, k.index + k.raw.length]),
    ...periods.map((p) => [p.index, p.index + p.raw.length]),
  ];
  const covered = (i: number, j: number) => spans.some(([a, b]) => i < (b as number) && j > (a as number));
  for (const m of text.matchAll(CAPITALISED)) {
    // Split the phrase into words and their hyphenated parts, dropping parts that are known names
    // or dates: "Gomel-Raton" keeps "Raton"; "Minsk Automobile Plant" is known whole.
    let words = [...m[0].matchAll(/[\p{L}\p{N}]+/gu)].map((w) => ({ raw: w[0], index: m.index + w.index }));
    // The possessive "s" of "Georgia's" is not a word of the name.
    words = words.filter(
      (w) =>
        !covered(w.index, w.index + w.raw.length) &&
        monthNumber(w.raw) === undefined &&
        !/^\p{Ll}$/u.test(w.raw),
    );
    if (words.length === 0) continue;
    const first = words[0] as { raw: string; index: number };
    // A sentence's first word is no name when it is a function word or an adverb ("Undoubtedly,").
    const opener = (w: { raw: string; index: number }) =>
      OPENERS.has(w.raw.toLowerCase()) || /ly$/i.test(w.raw) || text.charAt(w.index + w.raw.length) === ",";
    if (atSentenceStart(text, first.index) && opener(first)) words = words.slice(1);
    const tokens = words
      .map((w) => foldDiacritics(w.raw).toLowerCase())
      .filter((p) => p.length > 1 && !STOP_WORDS.has(p) && !OPENERS.has(p))
      .map((p) => term(p))
      .filter((t): t is string => t !== undefined && !/^\d/.test(t) && !GENERIC_STEMS.has(t));
    if (tokens.length === 0 || words.length === 0) continue;
    const start = (words[0] as { index: number }).index;
    const last = words[words.length - 1] as { raw: string; index: number };
    const end = last.index + last.raw.length;
    const raw = text.slice(start, end);
    const after = text.slice(end, end + 24);
    const before = text.slice(Math.max(0, start - 24), start);
    const unit = PLACE_AFTER.test(after) || PLACE_AFTER.test(` ${raw.split(/\s+/).pop()}`);
    const type: NameType = unit
      ? "place"
      : ORG_AFTER.test(after) || ORG_BEFORE.test(before) || ORG_AFTER.test(` ${raw.split(/\s+/).pop()}`)
        ? "organisation"
        : "name";
    out.push({
      key: tokens[tokens.length - 1] as string,
      tokens: [...new Set(tokens)],
      type,
      ...(unit ? { unit } : {}),
      index: start,
      raw,
    });
  }
  return mergeNames(
    text,
    out.sort((a, b) => a.index - b.index),
  );
}

/**
 * One name written in parts: a demonym heading a name ("Siberian Coal Energy Company") and an
 * acronym in brackets after it ("… (SUEK)") name one thing.
 */
function mergeNames(text: string, names: Name[]): Name[] {
  const out: Name[] = [];
  for (const n of names) {
    const prev = out[out.length - 1];
    const between = prev ? text.slice(prev.index + prev.raw.length, n.index) : "";
    const joined =
      prev &&
      (/^\s+$/.test(between) || /^\s*\(\s*$/.test(between)) &&
      prev.type === "place" &&
      n.type !== "place";
    const bracketed = prev && /^\s*\(\s*$/.test(between) && /^\s*\)/.test(text.slice(n.index + n.raw.length));
    if (prev && (joined || bracketed)) {
      out[out.length - 1] = {
        key: prev.type === "place" ? n.key : prev.key,
        tokens: [...new Set([...prev.tokens, ...n.tokens])],
        type: prev.type === "place" ? n.type : prev.type,
        index: prev.index,
        raw: text.slice(prev.index, n.index + n.raw.length + (bracketed ? 1 : 0)),
      };
    } else out.push(n);
  }
  return out;
}

/** "430 of these agreements", "out of them": a count of part of something counted before. */
const PART_RE = /^\s*(?:out\s+)?of\s+(?:these|those|them|which)\b/i;
const CLAUSE_END = /[.;:!?]\s|,\s(?:which|and|while|but|with|including|of\s+which)\b|\(/;

/** Content stems of a clause around [index, index+length), within `chars` either side. */
function nearTerms(text: string, index: number, length: number, chars = 60): string[] {
  // Whole words only: a cut word ("…ussia") would be a term of its own.
  const from = Math.max(0, index - chars);
  const to = index + length + chars;
  const before =
    text
      .slice(from, index)
      .replace(from > 0 ? /^[\p{L}\p{N}]*/u : /^/, "")
      .split(CLAUSE_END)
      .pop() ?? "";
  const after =
    text
      .slice(index + length, to)
      .replace(/[\p{L}\p{N}]*$/u, "")
      .split(CLAUSE_END)[0] ?? "";
  return [...new Set(terms(`${before} ${after}`).filter((t) => !/^\d/.test(t)))];
}

const COMPARATIVE_LESS = /^\s*(?:less|lower|down|fewer)\b/i;
const COMPARATIVE_MORE = /^\s*(?:more|higher|up|greater)\b/i;
/** A change noun right after a figure: "a 5% increase", "a $61.2m surplus", "6.7% decline". */
const CHANGE_NOUN_AFTER =
  /^\s*(?:[\p{L}-]+\s+){0,2}?(?:increase|growth|rise|gain|surplus|decrease|decline|drop|fall|reduction|deficit)\b/iu;

/** Figures with their direction: a comparative right after wins, then the last change word since the previous figure. */
export function figuresIn(text: string): Figure[] {
  const quantities = extractQuantities(text);
  return quantities.map((q, i) => {
    const prev = quantities[i - 1];
    const end = q.index + q.raw.length;
    const from = Math.max(prev ? prev.index + prev.raw.length : 0, q.index - 60);
    const after = text.slice(end, end + 60);
    const before =
      text
        .slice(from, q.index)
        .split(/[.;:!?]\s/)
        .pop() ?? "";
    const noun = after.match(CHANGE_NOUN_AFTER)?.[0];
    const direction: Direction | undefined = COMPARATIVE_LESS.test(after)
      ? "down"
      : COMPARATIVE_MORE.test(after)
        ? "up"
        : // "halved" and "doubled" are their own change words.
          (directionIn(`${before} ${q.raw}`) ?? (noun ? directionIn(noun) : undefined));
    const counted = after.split(/[,.;:()"“”]|\b(?:of|in|for|from|to|with|at|by|and)\b/)[0] ?? "";
    const counts =
      q.unit === "count"
        ? terms(counted)
            .filter((t) => !/^\d/.test(t))
            .slice(0, 3)
        : [];
    return {
      ...q,
      direction,
      counts,
      near: nearTerms(text, q.index, q.raw.length),
      part: q.unit === "count" && PART_RE.test(after),
      planned: PLAN_RE.test(clause(text, q.index)),
      past: PAST_RE.test(clause(text, q.index)),
    };
  });
}

const PAST_RE =
  /\b(?:came|rose|fell|grew|sold|was|were|had|made|stood|hit|reached|totall?ed|amounted|exceeded|topped|increased|decreased|declined|jumped|doubled|halved|shipped|exported|imported|supplied|delivered|produced|bought|purchased|posted|recorded|registered|opened|signed)\b/i;

/** The clause before an offset, up to 120 characters. */
const clause = (text: string, at: number) =>
  text
    .slice(Math.max(0, at - 120), at)
    .split(/[.;!?]\s/)
    .pop() ?? "";

/** Superlatives ("the highest", "second-largest") and ordinals ("the Third Forum", "ranked second"). */
export function ranksIn(text: string, periods: Period[] = extractPeriods(text)): Rank[] {
  const out: Rank[] = [];
  const qualified = (end: number) =>
    terms(text.slice(end, end + 40).split(/[,.;:()]/)[0] ?? "")
      .filter((t) => !/^\d/.test(t))
      .slice(0, 2);
  for (const m of text.matchAll(SUPERLATIVE_RE)) {
    const pole = superlativePole(m[0]);
    if (!pole) continue;
    // "most of them", "the most active": a quantifier or an intensifier, not a place in a ranking.
    if (
      /^(?:most|main|major)$/i.test(m[0]) &&
      !/^\s+(?:\w+est|important)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))
    )
      continue;
    // "the second-largest", "the third highest": the ordinal before gives the place in the ranking.
    const ordinal = text.slice(Math.max(0, m.index - 12), m.index).match(/(\w+)[-\s]$/)?.[1];
    const place = ordinal ? ordinalValue(ordinal) : undefined;
    out.push({ value: place ?? 1, pole, of: qualified(m.index + m[0].length), index: m.index, raw: m[0] });
  }
  for (const m of text.matchAll(ORDINAL_RE)) {
    const value = ordinalValue(m[0]);
    if (value === undefined) continue;
    if (periods.some((p) => m.index >= p.index && m.index < p.index + p.raw.length)) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 14);
    // Part of a superlative ("second-largest"), a period ("first half", "first quarter") or a date ("6th of").
    if (
      /^[-\s]?(?:largest|highest|biggest|lowest|smallest|most|greatest|half|quarter|months?|time|of\s)/i.test(
        after,
      )
    )
      continue;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const ranking =
      /\b(?:rank(?:s|ed|ing)?|came|comes|took|takes|placed?|position(?:ed)?|is|was|became|becoming)\s+(?:the\s+)?$/i.test(
        before,
      );
    out.push({
      value,
      ...(ranking ? { pole: "top" as const } : {}),
      of: ranking ? [] : qualified(m.index + m[0].length),
      index: m.index,
      raw: m[0],
    });
  }
  return out.sort((a, b) => a.index - b.index);
}

export function read(text: string): Reading {
  const reading = { text, terms: new Set(terms(text)) } as Reading;
  Object.defineProperties(reading, LAZY_FIELDS);
  return reading;
}

/**
 * Words are read at once (ranking reads only them, for every candidate passage); names, figures,
 * dates, negations, ranks and plans together on first use of any, which only the passages an
 * answer or a check reads reach. Then they are plain values (spreads and JSON see them as such).
 */
function readRest(r: Reading): void {
  const { text } = r;
  const periods = extractPeriods(text);
  // "the first six months of 2021" is a period, not a count of six.
  const figures = figuresIn(text).filter(
    (f) => !periods.some((p) => f.index >= p.index && f.index < p.index + p.raw.length),
  );
  const values: Omit<Reading, "text" | "terms"> = {
    names: namesIn(text, periods),
    figures,
    periods,
    negations: [...text.matchAll(NEGATION_RE)].map((m) => m.index),
    ranks: ranksIn(text, periods),
    planned: figures.length > 0 ? figures.every((f) => f.planned) : PLAN_RE.test(text),
  };
  for (const [key, value] of Object.entries(values))
    Object.defineProperty(r, key, { value, enumerable: true, writable: true, configurable: true });
}

const LAZY_FIELDS: PropertyDescriptorMap = Object.fromEntries(
  (["names", "figures", "periods", "negations", "ranks", "planned"] as const).map((key) => [
    key,
    {
      enumerable: true,
      configurable: true,
      get(this: Reading) {
        readRest(this);
        return this[key];
      },
      set(this: Reading, value: unknown) {
        readRest(this);
        Object.defineProperty(this, key, { value, enumerable: true, writable: true, configurable: true });
      },
    },
  ]),
);

/**
 * A text's opening word taken for a name ("Rapeseed oil exports…", "Mutual trade…") is a common
 * word when the passages about it write it in lower case: the reading without that name.
 */
export function dropCommonOpener(reading: Reading, passages: string[]): Reading {
  const first = reading.names[0];
  if (first?.type !== "name" || /\s/.test(first.raw) || !atSentenceStart(reading.text, first.index))
    return reading;
  const lower = new RegExp(
    `(?<![\\p{L}])${first.raw.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")}(?![\\p{L}])`,
    "u",
  );
  if (!passages.some((p) => lower.test(p))) return reading;
  return { ...reading, names: reading.names.slice(1) };
}
