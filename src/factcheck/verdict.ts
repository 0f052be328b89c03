/**
 * Verdict logic: find the book sentences that speak of the claim's subject and compare figures and
 * years. A claim is supported only when every figure it states agrees with what the books say.
 */
import type { Chunk, QuoteSource } from "../types.js";
import { type ClaimFacts, type Facts, type Figure, factsOf, ORGANISATIONS } from "./facts.js";
import { sentences } from "./sentences.js";

export type Verdict = "supported" | "contradicted" | "not_found";

/** Evidence quotes exact sentence(s) from the chunk text. */
export type Evidence = QuoteSource;

/** The books give different figures for the same thing; each reading cites where it is said. */
export interface Conflict {
  /** The claim's figure the readings are about, e.g. "332". */
  about: string;
  readings: { figure: string; evidence: Evidence }[];
}

export interface Judgement {
  verdict: Verdict;
  explanation: string;
  evidence: Evidence[];
  conflicts: Conflict[];
}

/** Share of the claim's key words a passage must contain to be speaking of the same thing. */
const SAME_SUBJECT = 0.6;
/** Claims with nothing to compare (no figure, no year) need the passage to say nearly all of it. */
const WORDS_ONLY = 0.85;
/** Books that disagree give close figures (330 vs 332); far-apart ones measure different things. */
const CONFLICT_RATIO = 1.3;
const ENTITY_WEIGHT = 1.5;
/** A sentence read with the ones before it ranks a little lower for each one added. */
const CONTEXT_PENALTY = 0.1;
const YEAR_BONUS = 0.15;
const ANCHOR_BONUS = 0.05;

interface Window {
  chunk: Chunk;
  start: number;
  end: number;
  facts: Facts;
  /** Every figure of the window, the context sentences' too (`facts.figures` holds the sentence's own). */
  said: Figure[];
  coverage: number;
  score: number;
}

interface FigureCheck {
  claim: Figure;
  status: "match" | "mismatch" | "absent";
  book?: Figure;
}

interface Assessment {
  window: Window;
  figures: FigureCheck[];
  /** match: the claim's year is given; redated: its event is dated otherwise; other: only other years. */
  years: "none" | "match" | "redated" | "other" | "absent";
  /** Claim words said right around the compared figures or years: ranks passages on the same point. */
  anchor: number;
}

/** Stems match when equal or when one extends the other by a letter ("strateg"/"strategi"). */
function sameStem(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return a === b || (short.length >= 5 && long.length - short.length === 1 && long.startsWith(short));
}

const overlaps = (a: string[], b: string[]) => a.some((x) => b.some((y) => sameStem(x, y)));

/** A name counts wherever the passage has it, capitalised or not ("Vladimir Region" / "region"). */
const names = (facts: Facts, entity: string) =>
  facts.entities.includes(entity) || facts.terms.includes(entity);

interface Key {
  has: (facts: Facts) => boolean;
  weight: number;
}

/**
 * The claim's entities and terms, weighted by how rare they are among the retrieved sentences:
 * "Belarus" is in most of them and says little; "inflation" in none means the books do not speak of it.
 */
function keysOf(claim: ClaimFacts, sentenceFacts: Facts[]): Key[] {
  const n = sentenceFacts.length;
  const keyed = [
    ...claim.entities.map((e) => ({ has: (f: Facts) => names(f, e), boost: ENTITY_WEIGHT })),
    ...claim.terms
      .filter((t) => !claim.entities.includes(t))
      .map((t) => ({ has: (f: Facts) => f.terms.some((w) => sameStem(t, w)), boost: 1 })),
  ];
  return keyed.map(({ has, boost }) => {
    const df = sentenceFacts.filter(has).length;
    return { has, weight: boost * Math.log(1 + n / (df + 1)) };
  });
}

function coverage(keys: Key[], facts: Facts): number {
  const total = keys.reduce((sum, k) => sum + k.weight, 0);
  if (total === 0) return 0;
  return keys.reduce((sum, k) => sum + (k.has(facts) ? k.weight : 0), 0) / total;
}

/** Figures compare only when they measure the same thing: same unit, same scope, same counted noun. */
function comparable(claim: Figure, book: Figure): boolean {
  if (claim.unit !== book.unit) return false;
  // A part of a total ("430 of these agreements" after "600 documents") counts something narrower.
  if (claim.part !== book.part) return false;
  // Bare counts compare only when they count the same thing ("600 documents" vs "600 documents on…").
  return claim.unit !== "count" || overlaps(claim.counts, book.counts);
}

/** Same number as written: whole numbers exactly (330 is not 332), decimals up to rounding. */
function sameValue(a: Figure, b: Figure): boolean {
  const tol = a.approx || b.approx ? 0.06 : 0.02;
  if (!a.approx && !b.approx && Number.isInteger(a.value) && Number.isInteger(b.value)) {
    return a.value === b.value || Math.abs(a.value - b.value) <= 1e-3 * Math.max(a.value, b.value);
  }
  // A whole number may be a rounded decimal ("14%" for 14.3%).
  const rounded =
    Number.isInteger(a.value) !== Number.isInteger(b.value) && Math.abs(a.value - b.value) < 0.5;
  return rounded || Math.abs(a.value - b.value) <= tol * Math.max(Math.abs(a.value), Math.abs(b.value));
}

/** Does the book's figure bear out the claim's, allowing rounding, approximation and bounds? */
export function agrees(claim: Figure, book: Figure): boolean {
  if (claim.direction && book.direction && claim.direction !== book.direction) return false;
  const tol = claim.approx || book.approx ? 0.06 : 0.02;
  if (book.low !== undefined && book.high !== undefined) {
    return claim.value >= book.low * (1 - tol) && claim.value <= book.high * (1 + tol);
  }
  if (claim.low !== undefined && claim.high !== undefined) {
    return book.value >= claim.low * (1 - tol) && book.value <= claim.high * (1 + tol);
  }
  // "More than 500" is borne out by "more than 600"; "up to 30%" by "25%".
  if (claim.low !== undefined && book.value >= claim.low * (1 - tol)) return true;
  if (claim.high !== undefined && !claim.approx && book.value <= claim.high * (1 + tol)) return true;
  return sameValue(claim, book);
}

/**
 * A different figure refutes the claim only when it is said of the same thing: same words around it,
 * or in a sentence that bears out another of the claim's figures (`onPoint`). A matching figure wins:
 * when the sentences before state the claim's figure, this sentence's other one counts something else.
 */
function checkFigure(claim: Figure, window: Pick<Window, "facts" | "said">, onPoint = false): FigureCheck {
  const bears = (b: Figure) => comparable(claim, b) && agrees(claim, b);
  const candidates = window.facts.figures.filter((b) => comparable(claim, b));
  const match = candidates.find(bears);
  if (match) return { claim, status: "match", book: match };
  if (candidates.length === 0 || window.said.some(bears)) return { claim, status: "absent" };
  const rivals = candidates.filter(
    (b) => onPoint || overlaps(claim.near, b.near) || overlaps(claim.counts, b.counts),
  );
  if (rivals.length === 0) return { claim, status: "absent" };
  const closest = rivals.reduce((best, b) =>
    Math.abs(Math.log(b.value / claim.value)) < Math.abs(Math.log(best.value / claim.value)) ? b : best,
  );
  return { claim, status: "mismatch", book: closest };
}

function checkYears(claim: ClaimFacts, facts: Facts): Assessment["years"] {
  if (claim.years.length === 0) return "none";
  if (facts.years.length === 0) return "absent";
  const covered = (y: number) => facts.years.some((w) => y >= w.year && y <= (w.to ?? w.year));
  if (claim.years.every((y) => covered(y.year))) return "match";
  const redated = claim.years.some(
    (y) => !covered(y.year) && facts.years.some((w) => overlaps(y.near, w.near)),
  );
  return redated ? "redated" : "other";
}

/**
 * Each sentence alone and with up to two before it, which often name the subject (PDF text also
 * breaks sentences); the figures and years compared are always the sentence's own.
 */
function windowsOf(chunk: Chunk): (Omit<Window, "coverage" | "score"> & { context: number })[] {
  const spans = sentences(chunk.text);
  return spans.flatMap((s, i) => {
    const own = factsOf(s.text);
    return [0, 1, 2].flatMap((context) => {
      const first = spans[i - context];
      if (!first) return [];
      const all = context === 0 ? own : factsOf(chunk.text.slice(first.start, s.end));
      const facts = { ...all, figures: own.figures, years: own.years };
      return [{ chunk, start: first.start, end: s.end, facts, said: all.figures, context }];
    });
  });
}

function assess(claim: ClaimFacts, window: Window): Assessment {
  const first = claim.figures.map((f) => checkFigure(f, window));
  const onPoint = first.some((f) => f.status === "match");
  const figures = onPoint ? claim.figures.map((f) => checkFigure(f, window, true)) : first;
  const anchor = figures.reduce(
    (n, f) => n + (f.book ? f.claim.near.filter((t) => f.book?.near.some((b) => sameStem(t, b))).length : 0),
    0,
  );
  return { window, figures, years: checkYears(claim, window.facts), anchor };
}

/** A figure said of another period is not the same fact. */
const samePeriod = (a: Assessment) => a.years === "none" || a.years === "match" || a.years === "absent";

function supports(claim: ClaimFacts, a: Assessment): boolean {
  if (!samePeriod(a)) return false;
  // Countries are often implied ("the regions"), organisations are not: "20% in the CIS" is not the EAEU's.
  if (!claim.entities.every((e) => !ORGANISATIONS.has(e) || names(a.window.facts, e))) return false;
  if (claim.figures.length > 0) return a.figures.every((f) => f.status === "match");
  // A year is easily shared by chance, so a claim with nothing else to compare must be said almost whole.
  return a.window.coverage >= WORDS_ONLY && (claim.years.length === 0 || a.years === "match");
}

/**
 * Refuting needs more than a related passage: it must name every entity the claim names and its
 * most distinctive word, so "20% in the CIS" does not refute "35% in the EAEU".
 */
function contradicts(claim: ClaimFacts, a: Assessment, keys: Key[]): boolean {
  const { facts } = a.window;
  if (!claim.entities.every((e) => names(facts, e))) return false;
  const rarest = keys.reduce<Key | undefined>(
    (best, k) => (best && best.weight >= k.weight ? best : k),
    undefined,
  );
  if (rarest && !rarest.has(facts)) return false;
  if (claim.figures.length > 0) return samePeriod(a) && a.figures.some((f) => f.status === "mismatch");
  // A year alone is judged only when it is all the claim states.
  return a.years === "redated";
}

function evidenceOf(w: Window): Evidence {
  const { chunk } = w;
  return {
    doc: chunk.doc,
    title: chunk.title,
    section: chunk.section,
    page: chunk.pageStart,
    quote: chunk.text.slice(w.start, w.end),
    chunkId: chunk.id,
  };
}

const cite = (e: Evidence) => `${e.title}, p. ${e.page}`;

function describeMismatch(claim: ClaimFacts, a: Assessment): string {
  const wrong = a.figures.find((f) => f.status === "mismatch");
  if (wrong?.book) {
    const { claim: c, book: b } = wrong;
    if (
      c.direction &&
      b.direction &&
      c.direction !== b.direction &&
      agrees({ ...c, direction: undefined }, b)
    ) {
      return `the books say ${b.raw} ${b.direction === "up" ? "growth" : "decline"}, not ${c.direction === "up" ? "growth" : "a decline"}`;
    }
    return `the books say ${b.raw}, not ${c.raw}`;
  }
  const years = a.window.facts.years
    .filter((w) => claim.years.some((y) => overlaps(y.near, w.near)))
    .map((y) => y.raw)
    .join(", ");
  return `the books give ${years}, not ${claim.years.map((y) => y.raw).join(", ")}`;
}

/** Other passages giving a close but different figure for the same claim figure. */
function conflictsWith(main: Assessment, others: Assessment[]): Conflict[] {
  const out: Conflict[] = [];
  main.figures.forEach((check, i) => {
    const reference = check.book;
    if (!reference) return;
    const readings = [{ book: reference, evidence: evidenceOf(main.window) }];
    for (const other of others) {
      const book = other.figures[i]?.book;
      if (!book || other.window.chunk.id === main.window.chunk.id) continue;
      const ratio = book.value / reference.value;
      const close = ratio < CONFLICT_RATIO && ratio > 1 / CONFLICT_RATIO;
      if (close && !readings.some((r) => sameValue(r.book, book))) {
        readings.push({ book, evidence: evidenceOf(other.window) });
      }
    }
    if (readings.length > 1) {
      out.push({
        about: check.claim.raw,
        readings: readings.map((r) => ({ figure: r.book.raw, evidence: r.evidence })),
      });
    }
  });
  return out;
}

const rank = (a: Assessment) =>
  a.window.score + (a.years === "match" ? YEAR_BONUS : 0) + a.anchor * ANCHOR_BONUS;

/** Judges a claim against passages (best first). */
export function judge(claim: ClaimFacts, chunks: Chunk[]): Judgement {
  const windows = chunks.flatMap(windowsOf);
  const keys = keysOf(
    claim,
    windows.filter((w) => w.context === 0).map((w) => w.facts),
  );
  const sections = new Map(chunks.map((c) => [c.id, factsOf(c.section)]));
  const assessed = windows
    .map(({ context, ...w }) => {
      // The section heading often names the subject ("Belarus – Vladimir Region") the sentence leaves implicit.
      const section = sections.get(w.chunk.id);
      const named = section
        ? {
            ...w.facts,
            entities: [...w.facts.entities, ...section.entities],
            terms: [...w.facts.terms, ...section.terms],
          }
        : w.facts;
      const cov = coverage(keys, named);
      return { ...w, facts: named, coverage: cov, score: cov - context * CONTEXT_PENALTY };
    })
    .filter((w) => w.coverage >= SAME_SUBJECT)
    .map((w) => assess(claim, w))
    .sort((a, b) => rank(b) - rank(a));
  const support = assessed.filter((a) => supports(claim, a));
  const contra = assessed.filter((a) => contradicts(claim, a, keys));
  // The passage most on the claim's point decides; on a tie, the one that bears it out.
  const best = support[0] && (!contra[0] || rank(support[0]) >= rank(contra[0])) ? support[0] : undefined;
  if (best) {
    const conflicts = conflictsWith(best, [...support, ...contra]);
    const also = support.filter((a) => a.window.chunk.doc !== best.window.chunk.doc).slice(0, 2);
    const evidence = dedupe([best, ...also].map((a) => evidenceOf(a.window)));
    const figures = best.figures.map((f) => f.book?.raw).filter(Boolean);
    const said = figures.length > 0 ? `the books give ${figures.join(", ")}` : "the books say so";
    const disagreement = conflicts.map(
      (c) =>
        ` Note that the books disagree: ${c.readings.map((r) => `${r.figure} (${cite(r.evidence)})`).join(" vs ")}.`,
    );
    return {
      verdict: "supported",
      explanation: `Supported: ${said} (${cite(evidence[0] as Evidence)}).${disagreement.join("")}`,
      evidence: dedupe([...evidence, ...conflicts.flatMap((c) => c.readings.map((r) => r.evidence))]),
      conflicts,
    };
  }
  const worst = contra[0];
  if (worst) {
    const conflicts = conflictsWith(worst, contra);
    const evidence = dedupe([
      evidenceOf(worst.window),
      ...conflicts.flatMap((c) => c.readings.map((r) => r.evidence)),
    ]);
    return {
      verdict: "contradicted",
      explanation: `Contradicted: ${describeMismatch(claim, worst)} (${cite(evidence[0] as Evidence)}).`,
      evidence,
      conflicts,
    };
  }
  const near = assessed[0];
  return {
    verdict: "not_found",
    explanation: near
      ? "The books discuss this subject but give nothing to confirm or refute the claim's figures."
      : "Nothing in the books speaks to this claim.",
    evidence: [],
    conflicts: [],
  };
}

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.chunkId}:${e.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
