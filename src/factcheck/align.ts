/**
 * Evidence alignment for claims: every element of a claim compared with one window of a passage
 * (one sentence, or two adjacent ones), read with its heading and the sentences before it.
 * Figures, periods, ranks, polarity and relations are compared on the window's own sentences;
 * names and subject words may also come from its context ("the region" named earlier).
 */
import { terms } from "../text/analyze.js";
import { holdsWord, NEGATION_RE, ordinalWord, sameWord, superlativePole } from "../text/lexicon.js";
import { agrees, CURRENCIES } from "../text/numbers.js";
import { clauseBefore } from "../text/sentences.js";
import { type Period, type PeriodRelation, relate } from "../text/time.js";
import type { Chunk, ElementCheck } from "../types.js";
import {
  CONTEXT_SENTENCES,
  contextOf,
  type PassageView,
  periodsOf,
  saysName,
  speaksOfOther,
} from "../understand/passage.js";
import type { Figure, Name, Rank, Reading } from "../understand/reading.js";
import type { ClaimAnalysis } from "./claim.js";

export interface Alignment {
  chunk: Chunk;
  /** Sentence indexes of the window in the passage view. */
  from: number;
  to: number;
  /** Offsets of the window in the passage text. */
  start: number;
  end: number;
  /** Offsets of what to quote: the window's sentences that state the compared elements. */
  quote: { start: number; end: number };
  /** IDF-weighted share of the claim's names and subject words the window (in context) holds. */
  coverage: number;
  /** The subject words' part of it alone (1 when the claim has none). */
  words: number;
  /** The subject words the window's own sentences and heading hold, nothing from before (1 when none). */
  ownWords: number;
  /** The claim's elements as this window bears them out, in claim order. */
  elements: ElementCheck[];
  /** How squarely the window speaks of the claim's point: ranks windows. */
  score: number;
  /** The figures the window itself states. */
  figures: Figure[];
  /**
   * What differs is said in a sentence that names another region or city and not the claim's
   * ("…Tatarstan. … the Sakhalin Oblast signed … in May 2021"): it is that place's fact.
   */
  elsewhere: boolean;
}

/**
 * Words around any figure that say nothing of what it measures (units, scales, time, change): the
 * rest ("agricultural", "food") tell one measure from another.
 */
const MEASURE_WORDS = new Set(
  (
    "year years month months quarter half last previous same period total amount amounted volume value usd dollars " +
    "dollar euros euro rubles ruble billion million thousand percent cent times increase increased decrease decreased " +
    "grew grow growth rise rose fell fall reached reach exceeded exceed compared level figure account accounted share " +
    "about almost nearly more less than over up down record compared"
  )
    .split(" ")
    .map((w) => terms(w)[0] ?? w),
);

/** Figures of one kind of thing compare; a figure in another currency is another reading of the same amount. */
const sameKind = (a: Figure, b: Figure) =>
  a.unit === b.unit || (CURRENCIES.has(a.unit) && CURRENCIES.has(b.unit));
const overlaps = (a: string[], b: string[]) => a.some((x) => b.some((y) => sameWord(x, y)));

interface FigureCheck {
  check: ElementCheck;
  book?: Figure;
}

/**
 * A claim figure against the window's figures: borne out by one that agrees; different when one
 * measuring the same thing gives another value, currency, scale or direction; missing otherwise.
 * `onPoint`: another of the claim's figures is borne out here, so this window speaks of its subject.
 */
function checkFigure(
  c: Figure,
  own: Figure[],
  onPoint: boolean,
  claimWords: Set<string>,
  claimNames: Set<string>,
  taken: Figure[] = [],
  dated: (b: Figure) => boolean = () => true,
  sole = false,
): FigureCheck {
  const claim = c.raw;
  // A book figure that bears out another of the claim's figures is not this one's rival; a target
  // or plan ("to reach $1 billion") bears out only a claimed target.
  const free = own.filter((b) => !taken.includes(b) && (!b.planned || c.planned || !c.past));
  const dirOk = (b: Figure) => !c.direction || !b.direction || c.direction === b.direction;
  const match = free.find((b) => b.unit === c.unit && agrees(c, b) && dirOk(b));
  // A part of a total ("430 of these") counts something narrower: it refutes only another part.
  const parts = free.filter((b) => b.part === c.part);
  const sameUnit = parts.filter((b) => b.unit === c.unit);
  if (match) return { check: { kind: "figure", claim, status: "matched", book: match.raw }, book: match };
  // Said of the same thing: the words around the book's figure are mostly the claim's ("agricultural
  // and food trade" is not "trade"), or the window bears out the claim's other figures.
  const specific = (b: Figure) => b.near.filter((t) => !MEASURE_WORDS.has(t) && !claimNames.has(t));
  const shared = (b: Figure) => specific(b).filter((t) => holdsWord(claimWords, t)).length;
  const known = (b: Figure) => (specific(b).length === 0 ? 1 : shared(b) / specific(b).length);
  const subjectNear = (f: Figure) => f.near.filter((t) => claimWords.has(t) || !/^[A-Z]/.test(t));
  const about = (b: Figure) =>
    onPoint ||
    (sole && sameUnit.length === 1 && shared(b) > 0) ||
    (overlaps(
      subjectNear(c).filter((t) => claimWords.has(t)),
      b.near,
    ) &&
      known(b) >= 0.5) ||
    (c.unit === "count" && overlaps(c.counts, b.counts));
  const flipped = sameUnit.find((b) => agrees(c, b) && !dirOk(b));
  if (flipped) return different(claim, flipped, "direction");
  const currency = parts.find(
    (b) => b.unit !== c.unit && sameKind(c, b) && agrees({ ...c, unit: b.unit }, b),
  );
  if (currency && about(currency)) return different(claim, currency, "unit");
  const scaled = sameUnit.find((b) =>
    [1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9].some((k) => agrees({ ...c, value: c.value * k, raw: b.raw }, b)),
  );
  if (scaled && about(scaled)) return different(claim, scaled, "scale");
  // A count is about the same thing only when it counts the same words.
  const rivals = sameUnit.filter((b) => about(b) && (c.unit !== "count" || overlaps(c.counts, b.counts)));
  if (rivals.length === 0) return { check: { kind: "figure", claim, status: "missing" } };
  // Of two figures, the one said in the sentence dated as the claim is its rival ("25% in 2017", not "15% in 2018").
  const inPeriod = rivals.filter(dated);
  const closest = (inPeriod.length > 0 ? inPeriod : rivals).reduce((best, b) =>
    Math.abs(Math.log(b.value / c.value)) < Math.abs(Math.log(best.value / c.value)) ? b : best,
  );
  // A change the other way ("halved" against "doubled") is a direction, not just a value.
  if (c.direction && closest.direction && c.direction !== closest.direction)
    return different(claim, closest, "direction");
  return different(claim, closest, "value");
}

function different(claim: string, book: Figure, differs: ElementCheck["differs"]): FigureCheck {
  return { check: { kind: "figure", claim, status: "different", book: book.raw, differs }, book };
}

/** Words that only say a thing has a date ("dates from", "dated"). */
const DATING = new Set(["date", "dat", "back", "as", "earli", "late"].map((w) => terms(w)[0] ?? w));

const PERIOD_ORDER: PeriodRelation[] = ["same", "narrower", "broader", "overlap", "other"];

/**
 * A claim period against the window's: for a dated event, a day inside the claimed month bears
 * it out and a less precise date leaves it unconfirmed; a figure's period must be the same period.
 */
function checkPeriod(
  p: Period,
  own: Period[],
  inherited: Period[],
  event: boolean,
  about: (g: Period) => boolean,
  taken: Period[] = [],
): ElementCheck {
  const claim = p.raw;
  const usable = (g: Period) => g.year !== undefined && !g.reference && Boolean(g.bound) === Boolean(p.bound);
  // "between 2016 and 2020" is borne out by "since 2016 … in 2020".
  if (p.toYear !== undefined && p.year !== undefined) {
    const from = own.find((g) => g.year === p.year && (g.bound === "since" || !g.toYear));
    const to = own.find((g) => (g.toYear ?? g.year) === p.toYear && g !== from);
    if (from && to) return { kind: "period", claim, status: "matched", book: `${from.raw} … ${to.raw}` };
  }
  const ranked = (ps: Period[]) =>
    ps
      .filter(usable)
      .map((g) => [relate(p, g), g] as const)
      .sort((a, b) => PERIOD_ORDER.indexOf(a[0]) - PERIOD_ORDER.indexOf(b[0]));
  const matches = (rel: PeriodRelation) => rel === "same" || (event && rel === "narrower");
  const mine = ranked(own.filter((g) => !taken.includes(g)));
  const best = mine[0];
  if (best && matches(best[0])) return { kind: "period", claim, status: "matched", book: best[1].raw };
  // Another date refutes an event's date only when said in the window, of the same act ("signed",
  // not "took steps"), and not already the date of another of the claim's events or figures.
  const other = mine.find(([rel, g]) => rel === "other" && (!event || about(g)));
  if (other) return { kind: "period", claim, status: "different", book: other[1].raw };
  // The date of the narrative, said earlier in the passage, may bear a claim out but never refutes it.
  const before = ranked(inherited)[0];
  if (!best && before && matches(before[0]))
    return { kind: "period", claim, status: "matched", book: before[1].raw };
  const book = best?.[1].raw ?? before?.[1].raw;
  return { kind: "period", claim, status: "missing", ...(book ? { book } : {}) };
}

/** A claim's rank against the window's: superlatives compare by pole and place, ordinals by what they number. */
function checkRank(r: Rank, own: Rank[]): ElementCheck {
  const claim = r.raw;
  // The same ordinal anywhere in the window ("the first exchange trade of timber" for "the exchange's first timber session").
  const plain = own.find((b) => r.pole === undefined && b.pole === undefined && b.value === r.value);
  if (plain) return { kind: "rank", claim, status: "matched", book: plain.raw };
  const candidates = own.filter((b) =>
    r.pole !== undefined || b.pole !== undefined
      ? r.pole !== undefined && b.pole !== undefined
      : overlaps(r.of, b.of),
  );
  if (candidates.length === 0) return { kind: "rank", claim, status: "missing" };
  const same = candidates.find((b) => b.value === r.value && b.pole === r.pole);
  if (same) return { kind: "rank", claim, status: "matched", book: same.raw };
  const b = candidates[0] as Rank;
  // "the second-largest" reads back whole; "ranked second" is its own ordinal.
  const book = b.value > 1 && b.pole && superlativePole(b.raw) ? `${ordinalWord(b.value)}-${b.raw}` : b.raw;
  return { kind: "rank", claim, status: "different", book };
}

/** Terms a negation cue in `text` governs: the content words among the three words right after it. */
function negatedTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(new RegExp(NEGATION_RE.source, "gi"))) {
    const next = text.slice(m.index + m[0].length).match(/^(?:\W*[\p{L}\p{N}'’-]+){1,3}/u)?.[0] ?? "";
    for (const t of terms(next).slice(0, 2)) out.add(t);
  }
  return out;
}

/**
 * Polarity: the window denies a word the claim asserts ("it is not Geely" against "is a Geely
 * model"; "were never implemented" against "were largely carried out"), or the reverse.
 */
function checkNegation(
  claim: ClaimAnalysis,
  ownText: string,
  ownTerms: Set<string>,
): ElementCheck | undefined {
  const bookDenied = negatedTerms(ownText);
  const claimDenied = negatedTerms(claim.statement);
  const asserted = [...claim.terms, ...claim.names.flatMap((n) => n.tokens)];
  const deniedHere = asserted.filter(
    (t) => !claimDenied.has(t) && [...bookDenied].some((u) => sameWord(t, u)),
  );
  if (deniedHere.length > 0) {
    return {
      kind: "negation",
      claim: "affirmative",
      status: "different",
      book: `denies ${deniedHere.join(", ")}`,
    };
  }
  const assertedHere = [...claimDenied].filter(
    (t) => ownTerms.has(t) && ![...bookDenied].some((u) => sameWord(t, u)),
  );
  if (claim.negated && assertedHere.length > 0 && !/\b(?:exempt|free\s+from|without)\b/i.test(ownText)) {
    return {
      kind: "negation",
      claim: "negative",
      status: "different",
      book: `affirms ${assertedHere.join(", ")}`,
    };
  }
  return undefined;
}

/** Offsets where a name is said in a text: as a name, or its first word in lower case. */
function positionsOf(name: Name, text: string, reading: Reading): number[] {
  const said = reading.names.filter(
    (n) => n.key === name.key || n.tokens.some((t) => name.tokens.includes(t)),
  );
  if (said.length > 0) return said.map((n) => n.index);
  const word = name.tokens[0]?.slice(0, 6);
  const at = word ? text.toLowerCase().indexOf(word) : -1;
  return at >= 0 ? [at] : [];
}

/** Which side of its relation word a party stands on, the agent side first: "founded by X" puts X on the agent side. */
function side(at: number, verbAt: number, passive: boolean): "agent" | "patient" {
  return at < verbAt !== passive ? "agent" : "patient";
}

const PASSIVE_AFTER = /^[\p{L}-]*\s+(?:\p{L}+\s+)?by\b/iu;

/**
 * Who does what to whom: with parties on both sides of a one-way relation word ("Integral buys
 * crystals from the Prokhladny plant"), a party the window puts on the other side reverses it.
 */
function checkRelation(claim: ClaimAnalysis, ownText: string, own: Reading): ElementCheck | undefined {
  const rel = claim.relation;
  if (!rel) return undefined;
  const stem = terms(rel.word)[0];
  const parties = claim.names.filter((n) => n.type !== "place");
  const claimPassive = PASSIVE_AFTER.test(claim.statement.slice(rel.index));
  const claimSides = parties.map((n) => side(n.index, rel.index, claimPassive));
  if (!stem || !claimSides.includes("agent") || !claimSides.includes("patient")) return undefined;
  const words = [...ownText.matchAll(/[\p{L}-]+/gu)].filter((w) =>
    terms(w[0]).some((t) => sameWord(t, stem)),
  );
  const label = parties.map((n) => n.raw).join(" / ");
  // Without the relation word, or with it said of several things, the window cannot bear the relation out.
  if (words.length !== 1) return { kind: "relation", claim: `${label} (${rel.word})`, status: "missing" };
  const verb = words[0] as RegExpMatchArray;
  const at = verb.index ?? 0;
  const passive = PASSIVE_AFTER.test(ownText.slice(at));
  for (const [k, n] of parties.entries()) {
    const sides = new Set(positionsOf(n, ownText, own).map((p) => side(p, at, passive)));
    if (sides.size === 1 && !sides.has(claimSides[k] as "agent" | "patient")) {
      return {
        kind: "relation",
        claim: `${label} (${rel.word})`,
        status: "different",
        book: "the other way round",
      };
    }
  }
  return { kind: "relation", claim: `${label} (${rel.word})`, status: "matched" };
}

const nameKind = (n: Name): ElementCheck["kind"] => (n.type === "name" ? "name" : n.type);

/**
 * A name the window does not say, put where the window says another of its kind: "FEZ Grodnoinvest"
 * where the book says the "Gomel-Raton free zone". The name after the claim name's anchor word
 * ("held in", "Georgia's") wins; otherwise any name of the kind the claim does not mention.
 */
function substitute(
  missing: Name,
  claim: ClaimAnalysis,
  ownText: string,
  own: Reading,
  unanchored: boolean,
): Name | undefined {
  const claimTokens = new Set(claim.names.flatMap((n) => n.tokens));
  // A region's name is swapped only for another region's ("the Lodz voivodeship" is not "Belarus").
  const kindOk = (n: Name) =>
    (n.type === missing.type || n.type === "name" || missing.type === "name") &&
    Boolean(n.unit) === Boolean(missing.unit);
  const before = terms(claim.statement.slice(Math.max(0, missing.index - 30), missing.index)).pop();
  if (before) {
    // In the slot: right after the word the claim puts before it, even a name the claim also uses ("Zoomlion and ___").
    const inSlot = own.names.filter((n) => {
      if (!kindOk(n) || n.tokens.some((t) => missing.tokens.includes(t))) return false;
      const words = terms(ownText.slice(Math.max(0, n.index - 40), n.index));
      return words.slice(-4).some((w) => sameWord(w, before));
    });
    const anchored = inSlot.find((n) => n.tokens.some((t) => !claimTokens.has(t))) ?? inSlot[0];
    if (anchored) return anchored;
  }
  if (!unanchored) return undefined;
  // Not in the slot: a name of the same kind with a word the claim never uses ("Gomel-Raton").
  const foreign = own.names.filter((n) => kindOk(n) && n.tokens.some((t) => !claimTokens.has(t)));
  return foreign.find((n) => n.type === missing.type) ?? foreign[0];
}

export interface AlignSettings {
  /** Credit for a subject word said only in the sentences before the window. @default 0.5 */
  contextCredit: number;
  /**
   * Coverage at which a window's only figure of the claim figure's unit is taken to measure the
   * same thing though only some of the words right around it are the claim's ("half of the
   * Malaysian potash market" vs "… among all similar products on the Malaysian market reaches 25%";
   * a figure whose own words are only measure words ("increased … and reached $307.2 million")
   * says nothing of what it measures and stays apart). Below it,
   * one percent among a passage's many is too easily another measure.
   * @default 0.7
   */
  soleFigure: number;
}

export const DEFAULT_ALIGN_SETTINGS: AlignSettings = { contextCredit: 0.5, soleFigure: 0.7 };

export function alignWindow(
  claim: ClaimAnalysis,
  chunk: Chunk,
  view: PassageView,
  from: number,
  to: number,
  weight: (term: string) => number,
  settings: AlignSettings = DEFAULT_ALIGN_SETTINGS,
): Alignment {
  const sentences = view.sentences.slice(from, to + 1);
  const ownReadings = sentences.map((s) => s.reading);
  const start = (sentences[0] as { start: number }).start;
  const end = (sentences[sentences.length - 1] as { end: number }).end;
  const ownText = chunk.text.slice(start, end);
  const own: Reading = {
    text: ownText,
    terms: new Set(ownReadings.flatMap((r) => [...r.terms])),
    names: ownReadings.flatMap((r, k) =>
      r.names.map((n) => ({ ...n, index: n.index + ((sentences[k]?.start ?? 0) - start) })),
    ),
    figures: ownReadings.flatMap((r) => r.figures),
    periods: ownReadings.flatMap((r) => r.periods),
    negations: [],
    ranks: ownReadings.flatMap((r) => r.ranks),
    planned: ownReadings.every((r) => r.planned),
  };
  const context = contextOf(view, from);
  // Names and the narrative's date hold from where the passage gives them (one section, a few hundred words).
  const named = [...contextOf(view, from, from + CONTEXT_SENTENCES), ...ownReadings];

  // Subject words: in full in the window and heading, at a discount in the sentences before it.
  const credit = (t: string) =>
    holdsWord(own.terms, t) || view.heading.terms.has(t)
      ? 1
      : context.some((r) => holdsWord(r.terms, t))
        ? settings.contextCredit
        : 0;
  const nameTerms = claim.names.map((n) => n.tokens);
  const subject = claim.terms;
  const names = claim.names.map((n) => saysName(n, named, { metonymy: false }));
  // Names and subject words count half each: a claim is about its names as much as its words,
  // and one rare word of its own phrasing ("leaving", "posted") must not outweigh them.
  const nameWeight = (i: number) => Math.max(...(nameTerms[i] ?? []).map(weight), 0);
  const namesTotal = claim.names.reduce((s, _, i) => s + nameWeight(i), 0);
  const termsTotal = subject.reduce((s, t) => s + weight(t), 0);
  const nameShare = (skip?: number) => {
    const total = namesTotal - (skip === undefined ? 0 : nameWeight(skip));
    return total <= 0
      ? undefined
      : claim.names.reduce((s, _, i) => s + (names[i] && i !== skip ? nameWeight(i) : 0), 0) / total;
  };
  const shareOf = (c: (t: string) => number) =>
    termsTotal <= 0 ? undefined : subject.reduce((s, t) => s + c(t) * weight(t), 0) / termsTotal;
  const termShare = shareOf(credit);
  const ownShare = shareOf((t) => (credit(t) === 1 ? 1 : 0));
  const blend = (a: number | undefined, b: number | undefined) =>
    a === undefined ? (b ?? 0) : b === undefined ? a : (a + b) / 2;
  const coverage = blend(nameShare(), termShare);

  // What a figure is about is said by the subject's words, not by the names ("Belarusian" is everywhere).
  const nameTokens = new Set(claim.names.flatMap((n) => n.tokens));
  const claimWords = new Set([...claim.reading.terms].filter((t) => !nameTokens.has(t)));
  const first = claim.figures.map((f) => checkFigure(f, own.figures, false, claimWords, nameTokens));
  const taken = first.flatMap((f) => (f.check.status === "matched" && f.book ? [f.book] : []));
  const onPoint = taken.length > 0;
  // Which of the window's sentences speak of the claim's period.
  const sentenceOf = new Map(ownReadings.flatMap((r, k) => r.figures.map((f) => [f, k] as const)));
  const datedLikeClaim = ownReadings.map(
    (r) =>
      claim.periods.length === 0 ||
      r.periods.some((g) => claim.periods.some((p) => ["same", "narrower"].includes(relate(p, g)))),
  );
  const dated = (b: Figure) => datedLikeClaim[sentenceOf.get(b) ?? -1] ?? false;
  const figures = onPoint
    ? claim.figures.map((f, k) =>
        first[k]?.check.status === "matched"
          ? (first[k] as FigureCheck)
          : checkFigure(f, own.figures, true, claimWords, nameTokens, taken, dated),
      )
    : claim.figures.map((f) =>
        checkFigure(
          f,
          own.figures,
          false,
          claimWords,
          nameTokens,
          [],
          dated,
          coverage >= settings.soleFigure,
        ),
      );
  // The window's own dates (relative ones dated by what precedes), and the narrative's date before it.
  const ownPeriods = sentences.flatMap((_, k) =>
    periodsOf(view, from + k, CONTEXT_SENTENCES).filter((p) =>
      ownReadings[k]?.periods.some((q) => q.raw === p.raw),
    ),
  );
  const inherited = ownPeriods.length > 0 ? [] : periodsOf(view, from, from + CONTEXT_SENTENCES);
  // The claim's words right before each date ("signed … in June 2001", "took effect in July 2021").
  const lower = ownText;
  const periods = claim.periods.map((p) => {
    // Within the date's clause: "SPIMEX, the BUCE's new partner, was set up in 2015" → "set".
    const act = terms(clauseBefore(claim.statement, p.index))
      .filter((t) => !/^\d/.test(t) && !DATING.has(t))
      .slice(-3);
    const about = (g: Period) => {
      // Periods come from the window's sentences or its context: found again by their words.
      const at = Math.max(0, lower.indexOf(g.raw));
      const around = new Set(terms(lower.slice(Math.max(0, at - 80), at + g.raw.length + 40)));
      // Two of the act's last three words ("signed a cooperation agreement": signed, agreement).
      const said = act.filter((t) => [...around].some((u) => sameWord(t, u))).length;
      return said >= Math.min(act.length, 2);
    };
    return { p, about };
  });
  const firstPass = periods.map(({ p, about }) => checkPeriod(p, ownPeriods, inherited, claim.event, about));
  const takenPeriods = ownPeriods.filter((g) =>
    firstPass.some((e) => e.status === "matched" && e.book === g.raw),
  );
  const periodChecks = periods.map(({ p, about }, k) =>
    firstPass[k]?.status === "matched"
      ? (firstPass[k] as ElementCheck)
      : checkPeriod(p, ownPeriods, inherited, claim.event, about, takenPeriods),
  );
  const ranks = claim.ranks.map((r) => checkRank(r, own.ranks));
  const negation = checkNegation(claim, ownText, own.terms);
  const relation = checkRelation(claim, ownText, own);

  const nameChecks: ElementCheck[] = claim.names.map((n, i) => ({
    kind: nameKind(n),
    claim: n.raw,
    status: names[i] ? "matched" : "missing",
  }));
  const elements: ElementCheck[] = [
    ...nameChecks,
    ...figures.map((f) => f.check),
    ...periodChecks,
    ...ranks,
    ...(negation ? [negation] : []),
    ...(relation ? [relation] : []),
    { kind: "subject", claim: claim.subject, status: coverage >= 0.75 ? "matched" : "missing" },
  ];
  // A name the window does not say, where everything else bears the claim out, may have been
  // swapped: one name, with the rest of the fact (a figure, a date, or the other names) said here.
  const rest = elements.filter(
    (e) => !["place", "organisation", "name", "subject", "relation"].includes(e.kind),
  );
  const unsaid = names.filter((x) => !x).length;
  const anchoredFact = rest.length > 0 || names.filter(Boolean).length >= 2;
  if (unsaid === 1 && anchoredFact && rest.every((e) => e.status === "matched")) {
    claim.names.forEach((n, i) => {
      if (names[i]) return;
      // How much of the rest of the claim the window holds, this name aside.
      const without = blend(nameShare(i), termShare);
      if (without < 0.6) return;
      const other = substitute(n, claim, ownText, own, without >= 0.75);
      if (other) nameChecks[i] = { ...(nameChecks[i] as ElementCheck), status: "different", book: other.raw };
    });
    elements.splice(0, nameChecks.length, ...nameChecks);
  }
  const compared = (kind: ElementCheck["kind"]) =>
    elements.filter((e) => e.kind === kind && e.status !== "missing").length;
  const score =
    coverage +
    0.4 * (claim.figures.length ? compared("figure") / claim.figures.length : 0) +
    0.2 * (claim.periods.length ? compared("period") / claim.periods.length : 0) +
    0.2 * (claim.ranks.length ? compared("rank") / claim.ranks.length : 0) -
    // A second sentence must add: the shortest evidence that bears the claim is the one to quote.
    0.1 * (to - from);
  // The quote: the window's sentences that state what was compared (a pair whose first sentence only
  // names the subject quotes the second), else the whole window.
  const stating = sentences.filter((st) =>
    elements.some((e) => e.kind !== "subject" && e.book && st.text.includes(e.book)),
  );
  const quoted =
    stating.length > 0
      ? {
          start: (stating[0] as { start: number }).start,
          end: (stating[stating.length - 1] as { end: number }).end,
        }
      : { start, end };
  return {
    chunk,
    from,
    to,
    start,
    end,
    quote: quoted,
    coverage,
    words: termShare ?? 1,
    ownWords: ownShare ?? 1,
    elements,
    score,
    figures: own.figures,
    // (A name that differs is a swapped name, not another place's fact.)
    elsewhere: elements.some(
      (e) =>
        e.status === "different" &&
        !["place", "organisation", "name"].includes(e.kind) &&
        e.book !== undefined &&
        sentences.some((st) => st.text.includes(e.book as string) && speaksOfOther(claim.names, st.reading)),
    ),
  };
}
