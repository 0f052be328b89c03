/**
 * Verdicts from alignments. `supported` only when one window bears out every element of the claim;
 * `contradicted` when a window about the same thing states a different value for an element (a
 * figure, its unit or direction, a date, a place or organisation, a rank, who did what, a denial)
 * while the rest agrees; otherwise `not_found`, naming what was confirmed and what is missing.
 */
import { quoteSource } from "../quote.js";
import { roundingUnit } from "../text/numbers.js";
import { describePeriod, extractPeriods } from "../text/time.js";
import type { Conflict, ElementCheck, FactCheck, QuoteSource } from "../types.js";
import type { Alignment } from "./align.js";
import type { ClaimAnalysis } from "./claim.js";

/** Every tuning value of the verdict, with the measurement behind it (docs/quality.md). */
export interface VerdictSettings {
  /**
   * Share of the claim's names and subject words a window must hold to bear it out.
   * @default 0.6
   */
  support: number;
  /** The same for a claim with nothing to compare but words and names: it must be said nearly whole. @default 0.8 */
  wordsOnly: number;
  /** Share a window must hold to be about the same thing, so that a different value refutes. @default 0.5 */
  sameSubject: number;
  /** Books that disagree give close figures (330 vs 332); far-apart ones measure different things. @default 1.3 */
  conflictRatio: number;
  /** Share a window must hold for a "not found" to cite it as what the books say nearby. @default 0.3 */
  nearby: number;
  /** How much more on point a refutation must be than a window bearing the claim out to win. @default 0.15 */
  supportMargin: number;
}

export const DEFAULT_VERDICT_SETTINGS: VerdictSettings = {
  support: 0.6,
  wordsOnly: 0.8,
  sameSubject: 0.5,
  conflictRatio: 1.3,
  nearby: 0.3,
  supportMargin: 0.15,
};

const isName = (e: ElementCheck) => e.kind === "place" || e.kind === "organisation" || e.kind === "name";
const of = (a: Alignment, pred: (e: ElementCheck) => boolean) => a.elements.filter(pred);

function supports(
  claim: ClaimAnalysis,
  a: Alignment,
  s: VerdictSettings,
  implied: (raw: string) => boolean,
): boolean {
  const checks = a.elements.filter((e) => e.kind !== "subject");
  if (checks.some((e) => e.status === "different")) return false;
  // A country a passage is all about goes unsaid ("the republic"); organisations and other names do not.
  if (checks.some((e) => e.status === "missing" && !(e.kind === "place" && implied(e.claim)))) return false;
  // A year and a name are easily shared by chance: a claim with no figure must be said nearly
  // whole, unless it gives a full date ("23 June 2004") and the window gives that date.
  const dayMatched =
    claim.periods.some((p) => p.day !== undefined) &&
    checks.some((e) => e.kind === "period" && e.status === "matched");
  const comparable = claim.figures.length + claim.ranks.length > 0 || dayMatched;
  if (comparable) return a.coverage >= s.support;
  // Words only: the window must say most of them itself, not lean on the sentences before it.
  return a.coverage >= s.wordsOnly && a.ownWords >= s.support;
}

/**
 * A refutation must be about the same fact: the same subject and names, the same period for a
 * figure (a figure for another period is another figure), and every other compared element
 * agreeing. `implied` tells the names a passage may leave unsaid (a country it is all about).
 */
function contradicts(
  claim: ClaimAnalysis,
  a: Alignment,
  s: VerdictSettings,
  implied: (raw: string) => boolean,
): boolean {
  if (a.coverage < s.sameSubject || a.elsewhere) return false;
  const diff = of(a, (e) => e.status === "different");
  if (diff.length === 0) return false;
  if (of(a, (e) => isName(e) && e.status === "missing" && !implied(e.claim)).length > 0) return false;
  const all = (kind: ElementCheck["kind"], ok: (e: ElementCheck) => boolean) =>
    of(a, (e) => e.kind === kind).every(ok);
  const matched = (e: ElementCheck) => e.status === "matched";
  const notDifferent = (e: ElementCheck) => e.status !== "different";
  const figuresMatched = all("figure", matched);
  const anyFigureMatched = of(a, (e) => e.kind === "figure" && matched(e)).length > 0;
  const kinds = new Set(diff.map((e) => e.kind));
  if (kinds.has("period")) {
    // An event dated otherwise, or a figure borne out in full but for another period: said in nearly the same words.
    return (
      (claim.event || (claim.figures.length > 0 && figuresMatched)) &&
      diff.every((e) => e.kind === "period") &&
      all("rank", matched) &&
      a.coverage >= s.support
    );
  }
  // An undated window may still be on the claim's point when it bears out another of its figures;
  // one dated otherwise ("2020" for "2016–2020") measures something else.
  const periods = of(a, (e) => e.kind === "period");
  const periodsOk =
    periods.every((e) => matched(e) || (e.status === "missing" && !e.book)) &&
    (periods.length === 0 || periods.some(matched) || anyFigureMatched);
  if (kinds.has("figure"))
    return periodsOk && all("rank", notDifferent) && diff.every((e) => e.kind === "figure");
  // A swapped name needs the rest said nearly whole; a rank, denial or relation the names, figures and dates borne out.
  const namesOk = of(a, (e) => isName(e) && e.status === "missing").length === 0;
  if (diff.some(isName)) return figuresMatched && periodsOk && a.coverage >= s.support;
  // A rank is compared on its own; a denial or a reversed relation needs the claim said nearly whole around it.
  const wordy = diff.some((e) => e.kind === "negation" || e.kind === "relation");
  return figuresMatched && periodsOk && namesOk && (!wordy || a.coverage >= s.support);
}

function evidenceOf(a: Alignment): QuoteSource {
  return quoteSource(a.chunk, a.quote);
}

const cite = (e: QuoteSource) => `${e.title}, p. ${e.page}`;

/**
 * Other windows giving a close but different value for a figure the chosen window states: the
 * books disagree (330 and 332 mechanisms). Book figures compare with book figures: same unit,
 * said among the same words.
 */
function conflictsWith(main: Alignment, others: Alignment[], s: VerdictSettings): Conflict[] {
  const out: Conflict[] = [];
  for (const e of main.elements) {
    if (e.kind !== "figure" || !e.book) continue;
    const stated = main.figures.find((f) => f.raw === e.book);
    if (!stated) continue;
    const readings = [{ figure: e.book, evidence: evidenceOf(main) }];
    // The same fact: of the claim's period and names where the chosen window bears them out
    // ("6 agreements in 2016" does not disagree with "five in March 2017").
    const sameFact = (other: Alignment) =>
      main.elements.every(
        (m) =>
          m.status !== "matched" ||
          !(m.kind === "period" || isName(m)) ||
          other.elements.some((o) => o.kind === m.kind && o.claim === m.claim && o.status === "matched"),
      );
    for (const other of others) {
      if (other.chunk.id === main.chunk.id && other.start === main.start) continue;
      if (!sameFact(other)) continue;
      for (const f of other.figures) {
        const ratio = f.value / stated.value;
        const close = f.unit === stated.unit && ratio < s.conflictRatio && ratio > 1 / s.conflictRatio;
        // Two readings, not one rounded: they differ by more than either is written to.
        const apart = Math.abs(f.value - stated.value) > Math.max(roundingUnit(stated), roundingUnit(f)) / 2;
        const same = close && apart && f.near.some((t) => stated.near.includes(t));
        if (
          same &&
          !readings.some((r) => r.figure === f.raw || r.evidence.quote === evidenceOf(other).quote)
        ) {
          readings.push({ figure: f.raw, evidence: evidenceOf(other) });
        }
      }
    }
    if (readings.length > 1) out.push({ about: e.claim, readings });
  }
  return out;
}

function describeDifference(e: ElementCheck): string {
  if (e.kind === "figure" && e.differs === "direction")
    return `the books say ${e.book} the other way (${e.claim} is the reverse direction)`;
  if (e.kind === "figure" && e.differs === "unit")
    return `the books say ${e.book}: another currency or unit than ${e.claim}`;
  if (e.kind === "negation")
    return e.claim === "affirmative"
      ? "the books say the opposite: they deny it"
      : "the books say it does happen";
  if (e.kind === "relation") return "the books say it the other way round: who does what to whom is reversed";
  if (e.kind === "period") return `the books give ${describeBookPeriod(e.book)}, not ${e.claim}`;
  return `the books say ${e.book}, not ${e.claim}`;
}

const describeBookPeriod = (raw = "") => {
  const [p] = extractPeriods(raw);
  return (p && describePeriod(p)) || raw;
};

/** The window dates the claim's fact before the claimed date. */
function datesEarlier(claim: ClaimAnalysis, a: Alignment): boolean {
  const claimed = Math.min(...claim.periods.map((p) => p.year ?? Number.POSITIVE_INFINITY));
  return of(a, (e) => e.kind === "period" && e.status === "different").some((e) =>
    extractPeriods(e.book ?? "").some((p) => p.year !== undefined && (p.toYear ?? p.year) < claimed),
  );
}

/** Judges a claim against every aligned window of the retrieved passages. */
export function judge(
  claim: ClaimAnalysis,
  alignments: Alignment[],
  implied: (name: string) => boolean,
  s: VerdictSettings = DEFAULT_VERDICT_SETTINGS,
): Omit<FactCheck, "claim"> {
  const ranked = [...alignments].sort((a, b) => b.score - a.score);
  const support = ranked.filter((a) => supports(claim, a, s, implied));
  const contra = ranked.filter((a) => contradicts(claim, a, s, implied));
  const best = support[0];
  const worst = contra[0];
  // "Only signed in March 2017": the same act dated earlier refutes it, though it also happened then.
  const earlier = claim.notBefore && worst !== undefined && datesEarlier(claim, worst);
  // A window bearing the claim out in full wins unless a refutation is clearly more on point: the
  // books then disagree, and the note below says so.
  if (best && !earlier && (!worst || best.score + s.supportMargin >= worst.score)) {
    const conflicts = conflictsWith(
      best,
      ranked.filter((a) => a.coverage >= s.sameSubject),
      s,
    );
    const also = support.filter((a) => a.chunk.doc !== best.chunk.doc).slice(0, 1);
    const evidence = dedupe([best, ...also].map(evidenceOf));
    const said = of(best, (e) => e.kind === "figure" && Boolean(e.book)).map((e) => e.book);
    const note = conflicts.map(
      (c) =>
        ` The books disagree: ${c.readings.map((r) => `${r.figure} (${cite(r.evidence)})`).join(" vs ")}.`,
    );
    return {
      verdict: "supported",
      explanation: `${said.length > 0 ? `The books give ${said.join(", ")}` : "The books say so"} (${cite(evidence[0] as QuoteSource)}).${note.join("")}`,
      elements: best.elements,
      evidence: dedupe([...evidence, ...conflicts.flatMap((c) => c.readings.map((r) => r.evidence))]),
      conflicts,
    };
  }
  if (worst) {
    const conflicts = conflictsWith(worst, contra, s);
    const evidence = dedupe([
      evidenceOf(worst),
      ...conflicts.flatMap((c) => c.readings.map((r) => r.evidence)),
    ]);
    const diffs = of(worst, (e) => e.status === "different").map(describeDifference);
    return {
      verdict: "contradicted",
      explanation: `${capitalise(diffs.join("; "))} (${cite(evidence[0] as QuoteSource)}).`,
      elements: worst.elements,
      evidence,
      conflicts,
    };
  }
  // What the books do say nearby: the window most on point that bears out something of the claim.
  const near =
    ranked.find(
      (a) =>
        a.coverage >= s.nearby &&
        a.elements.some((e) => e.kind !== "subject" && e.status === "matched" && !isName(e)),
    ) ?? ranked.find((a) => a.coverage >= s.sameSubject);
  if (!near) {
    return {
      verdict: "not_found",
      explanation: "Nothing in the books speaks to this claim.",
      elements: [],
      evidence: [],
      conflicts: [],
    };
  }
  const confirmed = of(near, (e) => e.status === "matched" && e.kind !== "subject").map((e) => e.claim);
  const missing = of(near, (e) => e.status !== "matched" && e.kind !== "subject").map((e) =>
    e.status === "different" && e.kind === "period"
      ? `${e.claim} (they give ${describeBookPeriod(e.book)})`
      : e.claim,
  );
  const parts = [
    confirmed.length > 0 ? `they confirm ${confirmed.join(", ")}` : "",
    missing.length > 0 ? `they do not give ${missing.join(", ")}` : "they do not say it in these words",
  ].filter(Boolean);
  return {
    verdict: "not_found",
    explanation: `The books speak of this, but ${parts.join("; ")} (${cite(evidenceOf(near))}).`,
    elements: near.elements,
    evidence: [evidenceOf(near)],
    conflicts: [],
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function dedupe(evidence: QuoteSource[]): QuoteSource[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.chunkId}:${e.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
