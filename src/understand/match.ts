/**
 * Evidence alignment for questions: how well one sentence (read in its context) answers a
 * question — the share of the question's terms it holds, whether it names every name asked
 * about, whether it speaks of the period asked about, and whether it states the kind of answer
 * asked for (a figure in money for "how much", a reason for "why").
 */
import { term, terms } from "../text/analyze.js";
import { DEFINITION_RE, holdsWord, REASON_RE } from "../text/lexicon.js";
import { CURRENCIES } from "../text/numbers.js";
import { type Period, type PeriodRelation, relate } from "../text/time.js";
import {
  contextOf,
  type PassageView,
  periodsOf,
  type SentenceView,
  saysName,
  speaksOfOther,
} from "./passage.js";
import type { AnswerType, QuestionAnalysis } from "./question.js";
import type { Figure, Reading } from "./reading.js";

export interface SentenceMatch {
  /** Index of the sentence in the passage view. */
  index: number;
  /** IDF-weighted share of the question's known terms in the sentence (names also in its context). */
  share: number;
  /** Question names the sentence and its context never name. */
  missingNames: string[];
  /** How the sentence's period stands to the asked one; "none" when none is asked, "undated" when it gives none. */
  period: PeriodRelation | "none" | "undated";
  /** The period the sentence gives, when one is asked. */
  given?: Period;
  /**
   * Share of the asked kinds of answer the sentence states (a figure in money for "how much"); a
   * kind stated only by the next sentence, which often completes it ("As a result, exports
   * amounted to…"), counts half.
   */
  typed: number;
  /** Question terms it holds. */
  matched: string[];
  /** It states a plan or target where the question asks what happened. */
  planned: boolean;
  /** The figures of the asked kind it states are all plans or targets ("could reach $1 billion"). */
  target: boolean;
  /** It speaks of what the question asks after (its focus words), not only of its names and dates. */
  focused: boolean;
}

const MATERIAL_UNITS = new Set(["tonnes", "m3", "km2", "ha"]);

const TIME_UNITS = new Set(["year", "month", "week", "dai", "hour", "time", "decad", "centuri", "minut"]);
/** "every two years for 26 years" counts time, not what "how many" or "how big" asks, unless it asks for time. */
const countsTime = (f: Figure, q: QuestionAnalysis) =>
  f.counts.some((c) => TIME_UNITS.has(c)) && !q.focus.some((t) => TIME_UNITS.has(t));

/** Does a sentence state an answer of this type? Names must be new: the question's own do not answer "who". */
export function statesType(type: AnswerType, r: Reading, q: QuestionAnalysis): boolean {
  const askedNames = q.reading.names.map((n) => n.key);
  switch (type) {
    case "amount":
      return r.figures.some((f) =>
        q.currency ? f.unit === q.currency : CURRENCIES.has(f.unit) || MATERIAL_UNITS.has(f.unit),
      );
    case "count":
      return r.figures.some((f) => f.unit === "count" && !countsTime(f, q));
    case "size":
      return r.figures.some(
        (f) =>
          (f.unit === "count" && !countsTime(f, q)) || CURRENCIES.has(f.unit) || MATERIAL_UNITS.has(f.unit),
      );
    case "percent":
      return r.figures.some((f) => f.unit === "percent" || f.unit === "pp");
    case "change":
      return r.figures.some(
        (f) => f.unit === "percent" || f.unit === "pp" || f.unit === "times" || f.direction !== undefined,
      );
    case "date":
      return r.periods.some((p) => p.year !== undefined || p.months !== undefined);
    case "place":
      return r.names.some((n) => n.type === "place" && !askedNames.includes(n.key));
    case "organisation":
      return r.names.some((n) => n.type !== "place" && !askedNames.includes(n.key));
    case "reason":
      return REASON_RE.test(r.text);
    case "definition":
      return DEFINITION_RE.test(r.text);
    default:
      return false;
  }
}

/** Kinds a sentence can be seen to state; "other", "process" and yes/no questions are judged by their words alone. */
export const STATED_KINDS: ReadonlySet<AnswerType> = new Set([
  "amount",
  "count",
  "size",
  "percent",
  "change",
  "date",
  "place",
  "organisation",
  "reason",
  "definition",
]);

const RELATION_ORDER: (PeriodRelation | "undated")[] = [
  "same",
  "narrower",
  "broader",
  "overlap",
  "undated",
  "other",
];

/** The best relation between any asked period and any given one. */
function periodMatch(asked: Period[], given: Period[]): { period: SentenceMatch["period"]; given?: Period } {
  const wanted = asked.filter((p) => p.year !== undefined && !p.bound);
  if (wanted.length === 0) return { period: "none" };
  // The base of a comparison ("11.9% more than in 2020") is not the time the figure is for.
  const dated = given.filter((p) => p.year !== undefined && !p.reference);
  if (dated.length === 0) return { period: "undated" };
  let best: { period: PeriodRelation; given: Period } | undefined;
  for (const a of wanted)
    for (const g of dated) {
      const rel = relate(a, g);
      if (!best || RELATION_ORDER.indexOf(rel) < RELATION_ORDER.indexOf(best.period))
        best = { period: rel, given: g };
    }
  return best ?? { period: "undated" };
}

/** Focus words that any figure of the asked kind satisfies ("the cost", "how much … worth"). */
const GENERIC_MEASURES = new Set(
  [
    "cost",
    "worth",
    "value",
    "price",
    "amount",
    "sum",
    "total",
    "figure",
    "volume",
    "size",
    "level",
    "number",
    "big",
    "much",
    "mani",
  ].map((w) => term(w) ?? w),
);
const DEMONSTRATIVE_NOUN = /\b(?:these|this|those|such|the\s+same)\s+([\p{L}-]+)/giu;

/**
 * Terms a sentence takes over by a demonstrative ("these fertilizers") from the sentence before:
 * the words just before the same noun there ("potash fertilizers").
 */
function referredTerms(sentence: string, previous: string): Set<string> {
  const out = new Set<string>();
  const before = terms(previous);
  for (const m of sentence.matchAll(DEMONSTRATIVE_NOUN)) {
    const noun = terms(m[1] ?? "")[0];
    if (!noun) continue;
    before.forEach((t, k) => {
      if (t === noun) for (const w of before.slice(Math.max(0, k - 3), k)) out.add(w);
    });
  }
  return out;
}
const FIGURE_KINDS: ReadonlySet<AnswerType> = new Set(["amount", "count", "size", "percent", "change"]);

const hasWord = (r: Reading, t: string) => holdsWord(r.terms, t);

/** Sentence `i`'s plain terms and the words its demonstratives refer to, read once per view. */
function plainOf(view: PassageView, i: number): ReadonlySet<string> {
  const s = view.sentences[i] as SentenceView;
  s.memo ??= {};
  s.memo.plain ??= plainTerms(s.reading);
  return s.memo.plain;
}

function referredOf(view: PassageView, i: number): ReadonlySet<string> {
  const s = view.sentences[i] as SentenceView;
  const previous = view.sentences[i - 1];
  s.memo ??= {};
  s.memo.referred ??= previous ? referredTerms(s.text, previous.text) : new Set<string>();
  return s.memo.referred;
}

/** The sentence's words outside the names of things: "Tianjin Constant International Trade Co." says nothing of trade. */
function plainTerms(r: Reading): ReadonlySet<string> {
  const orgs = r.names.filter((n) => n.type !== "place" && n.raw.includes(" "));
  if (orgs.length === 0) return r.terms;
  let text = r.text;
  for (const n of orgs) text = text.split(n.raw).join(" ");
  return new Set(terms(text));
}

export function matchSentence(
  q: QuestionAnalysis,
  view: PassageView,
  i: number,
  weight: (term: string) => number,
): SentenceMatch {
  const context = contextOf(view, i);
  // Names given in the heading, the sentences just before or the one after ("…the Belarusian
  // capital region. … the Minsk Region") hold for the sentence; further away they may not.
  const named = [
    ...contextOf(view, i),
    ...(view.sentences[i + 1] ? [view.sentences[i + 1]?.reading as Reading] : []),
  ];
  const own = view.sentences[i]?.reading as Reading;
  const previous = view.sentences[i - 1]?.reading;
  const nameTerms = new Set(q.reading.names.flatMap((n) => n.tokens));
  // Names hold when given in the heading or a sentence before ("the region"); other words count
  // in full in the sentence itself and half in the one before, which often opens the statement
  // the sentence completes. Words the corpus never uses count as missing, at their IDF.
  // A name counts as said however the passage says it: spelt out, by its capital, in lower case.
  const saidNames = new Set(q.reading.names.filter((n) => saysName(n, named)).flatMap((n) => n.tokens));
  const credit = (t: string): number => {
    if (nameTerms.has(t) && (saidNames.has(t) || context.some((r) => r.terms.has(t)))) return 1;
    if (hasWord(own, t)) return 1;
    return previous && hasWord(previous, t) ? 0.5 : 0;
  };
  const matched = q.terms.filter((t) => credit(t) > 0);
  const total = q.terms.reduce((sum, t) => sum + weight(t), 0) || 1;
  const share = q.terms.reduce((sum, t) => sum + credit(t) * weight(t), 0) / total;
  // A sentence about another region (the Minsk region's trade for the Moscow oblast's) misses the one asked.
  const elsewhere = speaksOfOther(q.reading.names, own, { regions: true });
  const missingNames = q.reading.names
    .filter((n) => !saysName(n, named) || (elsewhere && n.unit === true && !saysName(n, [own])))
    .map((n) => n.raw);
  const matchedPeriod = periodMatch(q.reading.periods, periodsOf(view, i));
  // A dated event inside the asked year is of that year; only a flow's part-period figure is another figure.
  const period = matchedPeriod.period === "narrower" && !q.flow ? "same" : matchedPeriod.period;
  const { given } = matchedPeriod;
  const next = view.sentences[i + 1]?.reading;
  const kinds = q.answerTypes.filter((t) => STATED_KINDS.has(t));
  const focus = q.focus.filter((t) => !GENERIC_MEASURES.has(t));
  const focusWeight = focus.reduce((sum, t) => sum + weight(t), 0);
  const focusShare = (has: (t: string) => boolean) =>
    focus.length === 0 ? 1 : focus.reduce((sum, t) => sum + (has(t) ? weight(t) : 0), 0) / (focusWeight || 1);
  // The next sentence completes this one only when it speaks of the same thing: of the focus, or,
  // when this one speaks of the focus, of the same asked act ("…dried milk was sold…" / "Two lots
  // … were sold for $940 thousand").
  const continues =
    next !== undefined &&
    focusShare((t) => hasWord(own, t)) >= 0.5 &&
    q.terms.some((t) => !nameTerms.has(t) && hasWord(own, t) && hasWord(next, t));
  const nextOnPoint = next !== undefined && (focusShare((t) => hasWord(next, t)) >= 0.5 || continues);
  const typed =
    kinds.length === 0
      ? 0
      : kinds.reduce(
          (sum, t) =>
            sum + (statesType(t, own, q) ? 1 : next && nextOnPoint && statesType(t, next, q) ? 0.5 : 0),
          0,
        ) / kinds.length;
  // The focus of the question ("how many students", "the inflation rate") must be what the
  // sentence (or the next, completing it) speaks of, its rarer words most; "the cost" is any money figure.
  // "these fertilizers" speaks of the "potash fertilizers" of the sentence before.
  const refers = (t: string) => referredOf(view, i).has(t);
  const ownPlain = plainOf(view, i);
  const nextPlain = next ? plainOf(view, i + 1) : undefined;
  const said = (t: string) =>
    holdsWord(ownPlain, t) || (nextPlain !== undefined && holdsWord(nextPlain, t)) || refers(t);
  const focused = focusShare(said) >= 0.5;
  const figureKinds = kinds.filter((t) => FIGURE_KINDS.has(t));
  const statedIn = (r: Reading) =>
    r.figures.filter((f) => figureKinds.some((t) => statesType(t, { ...r, figures: [f] }, q)));
  // When only the next sentence states the figure, its figure is the one that is planned or not.
  const ownStated = statedIn(own);
  const stated = ownStated.length === 0 && next && nextOnPoint ? statedIn(next) : ownStated;
  return {
    index: i,
    share,
    missingNames,
    period,
    ...(given ? { given } : {}),
    typed,
    matched,
    // Of the figures of the asked kind, none says what happened: all are planned or targets.
    planned: q.actual && stated.length > 0 && stated.every((f) => f.planned),
    target: stated.length > 0 && stated.every((f) => f.planned),
    focused,
  };
}

/** How a sentence's match turns into one score: used to rank passages and to pick an answer's lead. */
export interface AnswerScoring {
  /**
   * Bonus for stating the kind of answer asked for (a figure in money for "how much").
   * @default 0.3 — dev.jsonl: the lead states a gold figure 0.46 → see docs/quality.md.
   */
  typed: number;
  /** Bonus or penalty by how the sentence's period stands to the asked one. */
  period: Record<SentenceMatch["period"], number>;
  /**
   * Penalty when the sentence and its context never name a name the question asks about.
   * @default 0.3
   */
  missingName: number;
}

export const DEFAULT_ANSWER_SCORING: AnswerScoring = {
  typed: 0.3,
  period: { same: 0.2, narrower: 0.1, broader: 0.05, overlap: 0, undated: 0, none: 0, other: -0.3 },
  missingName: 0.3,
};

/** The highest `answerScore` a sentence can reach: the whole question, the kind asked, the period asked. */
export const maxAnswerScore = (s: AnswerScoring = DEFAULT_ANSWER_SCORING): number =>
  1 + s.typed + Math.max(...Object.values(s.period));

export function answerScore(m: SentenceMatch, s: AnswerScoring = DEFAULT_ANSWER_SCORING): number {
  return m.share + m.typed * s.typed + s.period[m.period] - (m.missingNames.length > 0 ? s.missingName : 0);
}
