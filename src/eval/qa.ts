import { z } from "zod";
import { extractQuantities, type Quantity } from "../text/numbers.js";
import type { Answer, SearchResult } from "../types.js";
import { readJsonl } from "./jsonl.js";

export const qaItemSchema = z.object({
  id: z.string(),
  question: z.string().min(1),
  answer: z.string().optional(),
  type: z.string(),
  verdict: z.enum(["true", "false"]).optional(),
  evidence: z
    .array(z.object({ file: z.string(), quote: z.string().min(1), hop: z.number().int() }))
    .default([]),
});
export type QaItem = z.infer<typeof qaItemSchema>;

/** Reads a QA file (one JSON object per line); a bad line is reported with its number. */
export const readQaFile = (path: string): Promise<QaItem[]> => readJsonl(path, qaItemSchema);

/** Lower-cased word tokens with punctuation and escapes gone: the common ground of quote and chunk. */
export function matchTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\\(?=[$*_#])/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Whether a passage holds a gold quote: all of it, or most of it when the quote straddles a
 * chunk border or carries a footnote marker glued to a word (bigram share ≥ `most`).
 */
export function holdsQuote(passage: string, quote: string, most = 0.6): boolean {
  const q = matchTokens(quote);
  const p = matchTokens(passage);
  if (q.length === 0) return false;
  if (` ${p.join(" ")} `.includes(` ${q.join(" ")} `)) return true;
  if (q.length < 2) return false;
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < p.length; i++) bigrams.add(`${p[i]} ${p[i + 1]}`);
  let have = 0;
  for (let i = 0; i + 1 < q.length; i++) if (bigrams.has(`${q[i]} ${q[i + 1]}`)) have++;
  return have / (q.length - 1) >= most;
}

export interface RankedPassage {
  doc: string;
  /** The passage and the near-duplicates collapsed into it (any copy counts as cited). */
  texts: { doc: string; text: string }[];
}

/** 1-based rank at which every hop of the evidence is covered, or undefined if not within the list. */
export function hitRank(item: QaItem, ranked: RankedPassage[]): number | undefined {
  const hops = [...new Set(item.evidence.map((e) => e.hop))];
  if (hops.length === 0) return undefined;
  const covered = new Set<number>();
  for (let r = 0; r < ranked.length; r++) {
    const passage = ranked[r] as RankedPassage;
    for (const e of item.evidence) {
      if (covered.has(e.hop)) continue;
      if (passage.texts.some((t) => sameFile(t.doc, e.file) && holdsQuote(t.text, e.quote)))
        covered.add(e.hop);
    }
    if (covered.size === hops.length) return r + 1;
  }
  return undefined;
}

const sameFile = (doc: string, file: string) => doc === file || doc.endsWith(`/${file}`);

export interface QaOutcome {
  item: QaItem;
  rank?: number;
  result: SearchResult;
  /** The composed answer: its "found" is what users see, its first sentence what they read first. */
  answer: Answer;
}

/** The answer's first sentence: everything before its first [n] marker. */
export const leadOf = (answer: string): string => answer.split(/\s*\[\d+\]/)[0] ?? answer;

const sameFigure = (a: Quantity, b: Quantity) =>
  a.unit === b.unit && Math.abs(a.value - b.value) <= 0.02 * Math.max(Math.abs(a.value), Math.abs(b.value));

/**
 * Whether the lead sentence states one of the gold answer's figures; undefined when the gold
 * answer states none (a reason, a name).
 */
export function leadStatesGoldFigure(gold: string, answer: string): boolean | undefined {
  const wanted = extractQuantities(gold);
  if (wanted.length === 0) return undefined;
  const said = extractQuantities(leadOf(answer));
  return wanted.some((w) => said.some((s) => sameFigure(w, s)));
}

export interface QaReport {
  questions: number;
  "recall@1": number;
  "recall@5": number;
  "recall@10": number;
  "mrr@10": number;
  /** Judged on the composed answers (what users see), not on the search alone. */
  notFound: { correct: number; falseRefusals: number };
  /** Share of found answers to questions whose gold states a figure that lead with one of those figures. */
  leadFigure: number;
  failures: { id: string; question: string; expected: string[]; got: string[] }[];
}

export function qaReport(outcomes: QaOutcome[]): QaReport {
  const answerable = outcomes.filter((o) => o.item.type !== "unanswerable");
  const unanswerable = outcomes.filter((o) => o.item.type === "unanswerable");
  const share = (xs: QaOutcome[], p: (o: QaOutcome) => boolean) =>
    xs.length === 0 ? 0 : round(xs.filter(p).length / xs.length);
  const recall = (k: number) => share(answerable, (o) => o.rank !== undefined && o.rank <= k);
  const mrr =
    answerable.length === 0
      ? 0
      : round(
          answerable.reduce((s, o) => s + (o.rank !== undefined && o.rank <= 10 ? 1 / o.rank : 0), 0) /
            answerable.length,
        );
  const failed = (o: QaOutcome) =>
    o.item.type === "unanswerable" ? o.answer.found : o.rank !== 1 || !o.answer.found;
  const figured = answerable.filter((o) => leadStatesGoldFigure(o.item.answer ?? "", "") !== undefined);
  return {
    questions: outcomes.length,
    "recall@1": recall(1),
    "recall@5": recall(5),
    "recall@10": recall(10),
    "mrr@10": mrr,
    notFound: {
      correct: share(unanswerable, (o) => !o.answer.found),
      falseRefusals: share(answerable, (o) => !o.answer.found),
    },
    leadFigure: share(
      figured,
      (o) => o.answer.found && leadStatesGoldFigure(o.item.answer ?? "", o.answer.answer) === true,
    ),
    failures: outcomes.filter(failed).map((o) => ({
      id: o.item.id,
      question: o.item.question,
      expected: o.item.evidence.map((e) => `${e.file}: ${e.quote}`),
      got: [
        `answer${o.answer.found ? "" : " (not found)"}: ${o.answer.answer.slice(0, 240)}`,
        ...o.result.hits
          .slice(0, 3)
          .map((h) => `${h.chunk.doc} p.${h.chunk.pageStart}: ${h.chunk.text.slice(0, 120)}`),
      ],
    })),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
