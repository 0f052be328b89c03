import { TermStats } from "../search/term-stats.js";
import { isNumberTerm, term, tokens } from "../text/analyze.js";
import type { GapPassage, GapReason, GapRecord } from "./store.js";

/**
 * Coverage gaps grouped by the topic terms their questions share: what people asked that the
 * books could not answer, most asked first — the signal for which documents to add next.
 */
export interface GapSettings {
  /** @default 10 */
  top: number;
  /** Example questions shown per group. @default 3 */
  examples: number;
  /** Nearest passages shown per group. @default 3 */
  passages: number;
  /**
   * A term this common in the books (IDF below this) names no topic of its own.
   * @default 0.5 — on the dev set's 23 unanswerable questions "Belarus" (0.17) and
   * "cooperation" (0.36) fall below it and "trade" (0.70) stays; with "Belarus" kept, 16 of the
   * 23 questions fell into one group.
   */
  minIdf: number;
}

export const DEFAULT_GAP_SETTINGS: GapSettings = { top: 10, examples: 3, passages: 3, minIdf: 0.5 };

/**
 * Words that frame a question but name no topic ("did it actually…", "tell me…"); they are rare
 * in the books, so their IDF alone would make them look like topics.
 */
const TOPICLESS = new Set(
  "actual realli exactli still current latest now today ever also pleas tell know show give find good best".split(
    " ",
  ),
);

export interface GapGroup {
  /** Shared topic words (as asked), the one that formed the group first. */
  topic: string[];
  count: number;
  /** Distinct (pseudonymous) people who asked. */
  people: number;
  reasons: Record<GapReason, number>;
  questions: string[];
  /** The passages found nearest, most often first. */
  passages: (Omit<GapPassage, "quote"> & { times: number })[];
  lastAsked: string;
}

const REASON_LABELS: Record<GapReason, string> = { not_found: "not found", partial: "partial", down: "👎" };

/** "2 not found, 1 👎": the reasons that occur, in a fixed order. */
export function reasonSummary(reasons: Record<GapReason, number>): string {
  return (Object.keys(REASON_LABELS) as GapReason[])
    .filter((r) => reasons[r] > 0)
    .map((r) => `${reasons[r]} ${REASON_LABELS[r]}`)
    .join(", ");
}

export interface GapReport {
  total: number;
  reasons: Record<GapReason, number>;
  /** The top groups, most asked first. */
  groups: GapGroup[];
  /** Groups beyond the top ones. */
  more: number;
}

/**
 * Greedy grouping: the topic term shared by the most gaps (weighted by how rare it is in the
 * books: IDF from `corpus`, else over the questions themselves) heads a group of all
 * gaps asking about it; the group's topic adds the terms at least half of them (two or more) share. Repeat
 * with what is left; a gap that shares nothing stands alone. Figures and years never head a
 * group ("2021" is a constraint of many unrelated questions) but may join a topic.
 */
export function groupGaps(
  gaps: GapRecord[],
  corpus: TermStats | undefined,
  settings: GapSettings = DEFAULT_GAP_SETTINGS,
): GapReport {
  const stats = corpus ?? TermStats.fromTexts(gaps.map((g) => g.question));
  // Without the books, a word in more than half of six or more questions (IDF below ln 2) is
  // the log's common subject rather than a topic; a handful of questions shows no such subject.
  const tooCommon = corpus
    ? (t: string) => stats.idf(t) < settings.minIdf
    : (t: string) => gaps.length >= 6 && stats.idf(t) < Math.LN2;
  const weight = (t: string) => (TOPICLESS.has(t) || tooCommon(t) ? 0 : stats.idf(t));
  const termsOf = gaps.map((g) => new Set(topicTerms(g.question).filter((t) => weight(t) > 0)));
  const left = new Set(gaps.map((_, i) => i));
  const groups: number[][] = [];
  const labels: string[][] = [];
  for (;;) {
    const shared = new Map<string, number[]>();
    for (const i of left) {
      for (const t of termsOf[i] as Set<string>) {
        if (!isNumberTerm(t)) shared.set(t, [...(shared.get(t) ?? []), i]);
      }
    }
    let head: string | undefined;
    let headScore = 0;
    for (const [t, members] of shared) {
      const score = members.length * weight(t);
      if (members.length >= 2 && score > headScore) [head, headScore] = [t, score];
    }
    if (!head) break;
    const members = shared.get(head) as number[];
    const counts = new Map<string, number>();
    for (const i of members)
      for (const t of termsOf[i] as Set<string>) counts.set(t, (counts.get(t) ?? 0) + 1);
    const others = [...counts]
      .filter(([t, n]) => t !== head && n >= 2 && n * 2 >= members.length)
      .sort((a, b) => b[1] * weight(b[0]) - a[1] * weight(a[0]))
      .map(([t]) => t);
    groups.push(members);
    labels.push([head, ...others].slice(0, 4));
    for (const i of members) left.delete(i);
  }
  for (const i of left) {
    groups.push([i]);
    labels.push([...(termsOf[i] as Set<string>)].sort((a, b) => weight(b) - weight(a)).slice(0, 2));
  }

  const report = groups.map((members, k) =>
    summarise(
      members.map((i) => gaps[i] as GapRecord),
      labels[k] as string[],
      settings,
    ),
  );
  report.sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
  return {
    total: gaps.length,
    reasons: tally(gaps),
    groups: report.slice(0, settings.top),
    more: Math.max(0, report.length - settings.top),
  };
}

/** Index terms of a question, each once, in order. */
export function topicTerms(question: string): string[] {
  return [...new Set(tokens(question).flatMap((t) => term(t) ?? []))];
}

function summarise(gaps: GapRecord[], stems: string[], settings: GapSettings): GapGroup {
  const passages = new Map<string, GapGroup["passages"][number]>();
  for (const g of gaps) {
    for (const { quote: _, ...p } of g.passages) {
      const seen = passages.get(p.chunkId);
      if (seen) seen.times++;
      else passages.set(p.chunkId, { ...p, times: 1 });
    }
  }
  return {
    topic: stems.map((s) => surface(s, gaps)),
    count: gaps.length,
    people: new Set(gaps.map((g) => g.user)).size,
    reasons: tally(gaps),
    questions: [...new Set(gaps.map((g) => g.question.trim()))].slice(0, settings.examples),
    passages: [...passages.values()].sort((a, b) => b.times - a.times).slice(0, settings.passages),
    lastAsked:
      gaps
        .map((g) => g.time)
        .sort()
        .at(-1) ?? "",
  };
}

/** The word as people wrote it most often ("turnover" for the stem "turnov"). */
function surface(stem: string, gaps: GapRecord[]): string {
  const seen = new Map<string, number>();
  for (const g of gaps)
    for (const t of tokens(g.question)) if (term(t) === stem) seen.set(t, (seen.get(t) ?? 0) + 1);
  return [...seen].sort((a, b) => b[1] - a[1])[0]?.[0] ?? stem;
}

function tally(gaps: GapRecord[]): Record<GapReason, number> {
  const out: Record<GapReason, number> = { not_found: 0, partial: 0, down: 0 };
  for (const g of gaps) out[g.reason]++;
  return out;
}
