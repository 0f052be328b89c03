/**
 * A claim as checkable elements: the figures it states (with direction), the periods, the names
 * (places, organisations), ranks and superlatives, its polarity, who does what to whom, and the
 * words of its subject. The books' sentences are read by the same `read`, so both sides compare.
 */
import { terms } from "../text/analyze.js";
import { toStatement } from "../text/framing.js";
import { DOWN_RE, NEGATION_RE, NOT_BEFORE_RE, UP_RE } from "../text/lexicon.js";
import { clauseBefore } from "../text/sentences.js";
import type { Period } from "../text/time.js";
import {
  dropCommonOpener,
  type Figure,
  type Name,
  type Rank,
  type Reading,
  read,
} from "../understand/reading.js";

export interface ClaimAnalysis {
  claim: string;
  /** The claim as a statement: "Is it true that X?" → "X". */
  statement: string;
  /** A wh-question asserts nothing: there is nothing to verify. */
  open: boolean;
  reading: Reading;
  names: Name[];
  figures: Figure[];
  /** Periods the claim dates its fact by (bases of comparison left out). */
  periods: Period[];
  ranks: Rank[];
  /** The claim denies something ("don't pay", "never implemented"). */
  negated: boolean;
  /** A dated event (signed, held, founded) rather than a figure for a period. */
  event: boolean;
  /** The claim dates its fact as the earliest ("only signed in March 2017"): an earlier date refutes it. */
  notBefore: boolean;
  /** Content words of the subject: names, figures, periods, change and hedge words left out. */
  terms: string[];
  /** The statement with its figures and periods blanked: what it speaks about, for searching. */
  subject: string;
  /** A directed relation between two names ("A buys from B", "A is the distributor of B"). */
  relation?: { word: string; index: number };
}

/** Words whose meaning the figures already carry, or that only hedge. */
const HEDGES = new RegExp(
  `${UP_RE.source}|${DOWN_RE.source}|\\b(?:roughly|about|around|approximately|nearly|almost|some|over|more|than|less|fewer|exceed\\w*|topp?\\w*|total\\w*|amount\\w*|came|come|reach\\w*|stood|worth|only|just|essentially|largely|mainly|mostly|year\\s+on\\s+year|year-on-year|a\\s+year\\s+earlier|than\\s+a\\s+year\\s+earlier)\\b`,
  "gi",
);

/** Words of a relation that runs one way: its two sides are not interchangeable. */
const DIRECTED =
  /\b(?:distribut\w*|suppl(?:y|ies|ied|ier|iers|ying)|buy\w*|bought|sell\w*|sold|purchas\w*|export\w*|import\w*|deliver\w*|ship\w*|invest\w*|own\w*|acquir\w*|found(?:ed|er|ers)|established\s+by|produc\w*\s+for|partner\s+of|dealer\w*|customer\w*)\b/i;

export function analyzeClaim(claim: string): ClaimAnalysis {
  const { statement, open } = toStatement(claim);
  const reading = read(statement);
  // A relative period ("this year") has no year to compare until a passage gives one.
  const periods = reading.periods.filter((p) => !p.reference && p.year !== undefined);
  // Blank what is compared element by element; what remains names the subject.
  let subject = statement;
  for (const span of [...reading.figures, ...reading.periods].sort((a, b) => b.index - a.index)) {
    subject = `${subject.slice(0, span.index)} ${subject.slice(span.index + span.raw.length)}`;
  }
  const nameTokens = new Set(reading.names.flatMap((n) => n.tokens));
  const words = terms(subject.replace(HEDGES, " ")).filter((t) => !nameTokens.has(t) && !/^\d/.test(t));
  const relation =
    reading.names.filter((n) => n.type !== "place").length >= 1 ? statement.match(DIRECTED) : null;
  return {
    claim,
    statement,
    open,
    reading,
    names: reading.names,
    figures: reading.figures,
    periods,
    ranks: reading.ranks,
    negated: new RegExp(NEGATION_RE.source, "i").test(statement),
    event: reading.figures.length === 0,
    // "only" limits the date only when no figure stands between them ("only 5 plants in 2017").
    notBefore: periods.some((p) => {
      const clause = clauseBefore(statement, p.index, 60);
      const m = clause.match(NOT_BEFORE_RE);
      const from = p.index - clause.length + (m?.index ?? 0);
      return m !== null && !reading.figures.some((f) => f.index > from && f.index < p.index);
    }),
    terms: [...new Set(words)],
    subject: subject.replace(/\s+/g, " ").trim(),
    ...(relation ? { relation: { word: relation[0], index: relation.index ?? 0 } } : {}),
  };
}

/** The claim with its opening word no longer taken for a name when the passages write it in lower case. */
export function withPassages(c: ClaimAnalysis, passages: string[]): ClaimAnalysis {
  const reading = dropCommonOpener(c.reading, passages);
  return reading === c.reading ? c : { ...c, reading, names: reading.names };
}
