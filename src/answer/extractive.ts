import { quoteSource } from "../quote.js";
import { CorpusReader } from "../search/corpus-reader.js";
import { terms } from "../text/analyze.js";
import { describePeriod, type Period } from "../text/time.js";
import type { Answer, Citation, SearchHit, SearchResult } from "../types.js";
import {
  type AnswerScoring,
  answerScore,
  DEFAULT_ANSWER_SCORING,
  matchSentence,
  type SentenceMatch,
} from "../understand/match.js";
import { type PassageView, saysName } from "../understand/passage.js";
import { analyzeQuestion, type QuestionAnalysis } from "../understand/question.js";
import type { Answerer, AnswerOptions } from "./answerer.js";

export const NOT_FOUND = "Not found in the corpus.";

/** Every tuning value of the extractive answer, with the measurement behind it (docs/quality.md). */
export interface ExtractiveSettings {
  /** Sentences in the composed answer: the lead and at most two that add to it. @default 3 */
  maxSentences: number;
  /**
   * The lead must hold at least this share of the question's known terms (names may come from its
   * passage's earlier sentences).
   * @default 0.3 — a lead stating the asked kind for the asked period may hold few of the words of a loosely typed question.
   */
  minShare: number;
  /** A supporting sentence joins when it scores this share of the lead. @default 0.85 */
  supportRelative: number;
  /** Of two adjacent sentences, the second joins the quote when it adds this much of the question. @default 0.15 */
  pairGain: number;
  /** Lead score lost per search rank below the first: the search order breaks near-ties. @default 0.04 */
  rankPenalty: number;
  /**
   * The lead's `answerScore` (share of the question + the asked kind + the asked period − a
   * missing name) below which the books are taken not to answer.
   * @default 0.6 — see the sweep in docs/quality.md.
   */
  minScore: number;
  /**
   * Questions with at least this many words the corpus never uses are about something else. One
   * unknown word never decides alone (a typo, a name the books spell otherwise).
   * @default 2
   */
  maxUnknown: number;
  scoring: AnswerScoring;
}

export const DEFAULT_EXTRACTIVE_SETTINGS: ExtractiveSettings = {
  maxSentences: 3,
  minShare: 0.3,
  minScore: 0.6,
  supportRelative: 0.85,
  pairGain: 0.15,
  rankPenalty: 0.04,
  maxUnknown: 2,
  scoring: DEFAULT_ANSWER_SCORING,
};

export interface Candidate {
  hit: SearchHit;
  rank: number;
  match: SentenceMatch;
  /** Offsets of the quote in the passage (one sentence, or two adjacent ones). */
  start: number;
  end: number;
  score: number;
}

/** Kinds whose answer is a figure, date or name: a lead without one does not answer. */
const TYPED = new Set(["amount", "count", "size", "percent", "change", "date", "place", "organisation"]);

/**
 * The offline answerer: it invents nothing. The sentence that states what was asked — the figure
 * of the asked kind for the asked period and names, a reason for "why" — leads; at most two
 * sentences that add to it follow; every sentence is an exact quote with its [n] source. When the
 * books give the thing asked only for another period, the answer says so and gives what they do
 * say, and counts as not found.
 */
export function createExtractiveAnswerer(settings: Partial<ExtractiveSettings> = {}): Answerer {
  const s: ExtractiveSettings = { ...DEFAULT_EXTRACTIVE_SETTINGS, ...settings };
  return {
    mode: "extractive",
    async answer(_question: string, result: SearchResult, options: AnswerOptions = {}): Promise<Answer> {
      const reader = options.reader ?? CorpusReader.fromChunks(result.hits.map((h) => h.chunk));
      const q = result.analysis ?? analyzeQuestion(result.query, await reader.vocabularyFor(result.query));
      const read = { ...result, analysis: q };
      const candidates = rankSentences(read, reader, s);
      // "2019 compared with 2015", "early 2021 vs later in 2021": one lead per period asked.
      const byPeriod = perPeriodLeads(read, reader, s);
      if (byPeriod.length > 1) return compose(read, byPeriod, candidates);
      const lead = pickLead(read, candidates);
      const verdict = lead ? judgeLead(read, lead, s) : "nothing relevant";
      if (!lead || verdict === "other period") {
        return lead ? otherPeriod(read, lead, candidates) : notFound(read, candidates);
      }
      if (verdict !== "answered") return notFound(read, candidates);
      const typed = q.answerTypes.some((t) => TYPED.has(t));

      const chosen = [lead];
      for (const c of candidates.slice(1)) {
        if (chosen.length >= s.maxSentences || c.score < lead.score * s.supportRelative) break;
        if (typed && c.match.typed < 0.5) continue;
        if (
          c.match.period === "other" ||
          chosen.some((x) => overlaps(x, c) || similar(quoteOf(x), quoteOf(c)))
        )
          continue;
        chosen.push(c);
      }
      return compose(read, chosen, candidates);
    },
  };
}

/** The answer: the chosen quotes in order, each with its [n], the other passages as further sources. */
function compose(result: ReadResult, chosen: Candidate[], candidates: Candidate[]): Answer {
  const citations = citationsFor(chosen, candidates);
  const answer = citations
    .slice(0, chosen.length)
    .map((c) => `${c.quote} [${c.n}]`)
    .join(" ");
  return { question: result.query, found: true, answer, citations, mode: "extractive" };
}

/**
 * For a question about two or more periods, the lead for each period the books answer, in the
 * question's order; empty when it asks about fewer than two or the books answer fewer than two.
 */
function perPeriodLeads(result: ReadResult, reader: CorpusReader, s: ExtractiveSettings): Candidate[] {
  const q = result.analysis;
  const periods = q.reading.periods.filter((p) => p.year !== undefined && !p.bound && !p.reference);
  if (periods.length < 2) return [];
  const leads: Candidate[] = [];
  for (const p of periods) {
    const one = { ...result, analysis: { ...q, reading: { ...q.reading, periods: [p] } } };
    const lead = pickLead(one, rankSentences(one, reader, s));
    if (lead && judgeLead(one, lead, s) === "answered" && !leads.some((x) => overlaps(x, lead)))
      leads.push(lead);
  }
  return leads.length > 1 ? leads : [];
}

/** Every sentence of the hits as a possible quote, best lead first. */
/** A search result with the question as read. */
export type ReadResult = SearchResult & { analysis: QuestionAnalysis };

export function rankSentences(
  result: ReadResult,
  reader: CorpusReader,
  s = DEFAULT_EXTRACTIVE_SETTINGS,
): Candidate[] {
  const candidates = result.hits.flatMap((hit, rank) => sentencesOf(result.analysis, hit, rank, reader, s));
  return candidates.sort((a, b) => b.score - a.score || a.rank - b.rank);
}

export type LeadVerdict =
  | "answered"
  | "other period"
  | "nothing relevant"
  | "about something else"
  | "too little of the question"
  | "a name is missing"
  | "not the kind asked"
  | "only planned";

/**
 * The best sentence that states the asked kind about the asked thing ("how many students": a
 * count of students), what happened rather than a plan where that is asked; the best sentence
 * of all when none does (it is then judged not to answer).
 */
export function pickLead(result: ReadResult, candidates: Candidate[]): Candidate | undefined {
  const q = result.analysis;
  const typed = q.answerTypes.some((t) => TYPED.has(t));
  // Of the sentences stating the asked kind, one dated as asked leads; failing that, the best.
  const dated = (c: Candidate) => c.match.period === "same" || c.match.period === "none";
  // Stating the asked kind, of the names asked about (not another country's figure).
  const stating = (c: Candidate) =>
    (!typed || (c.match.typed >= 0.5 && c.match.focused)) && c.match.missingNames.length === 0;
  const statingAny = (c: Candidate) => !typed || (c.match.typed >= 0.5 && c.match.focused);
  return (
    candidates.find((c) => stating(c) && !c.match.planned && dated(c)) ??
    candidates.find((c) => stating(c) && !c.match.planned) ??
    candidates.find(stating) ??
    candidates.find(statingAny) ??
    candidates[0]
  );
}

/** The sentence speaks of another period than asked: another year, or part of a flow's year (not for a target). */
const otherPeriod_ = (c: Candidate, q: QuestionAnalysis) =>
  c.match.period === "other" || (c.match.period === "narrower" && q.flow && !c.match.target);

/** Whether the lead answers the question, or why not. */
export function judgeLead(result: ReadResult, lead: Candidate, s = DEFAULT_EXTRACTIVE_SETTINGS): LeadVerdict {
  const q = result.analysis;
  const { match } = lead;
  if (!result.found) return "nothing relevant";
  if (q.unknown.length >= s.maxUnknown) return "about something else";
  if (match.missingNames.length > 0) return "a name is missing";
  if (match.share < s.minShare || answerScore(match, s.scoring) < s.minScore)
    return "too little of the question";
  if (q.answerTypes.some((t) => TYPED.has(t)) && (match.typed < 0.5 || !match.focused))
    return "not the kind asked";
  if (match.planned) return "only planned";
  if (otherPeriod_(lead, q)) return "other period";
  return "answered";
}

/** Every sentence of a passage as a possible quote, paired with the next one when that adds to it. */
function sentencesOf(
  q: QuestionAnalysis,
  hit: SearchHit,
  rank: number,
  reader: CorpusReader,
  s: ExtractiveSettings,
): Candidate[] {
  const view = reader.view(hit.chunk);
  const matches = view.sentences.map((_, i) => matchSentence(q, view, i, q.weight));
  return view.sentences.map((sentence, i) => {
    const own = matches[i] as SentenceMatch;
    const next = matches[i + 1];
    const paired = next !== undefined && pairAdds(own, next, view, i, q.weight, s.pairGain);
    // When the next sentence states what this one announces, its period is the figure's period.
    const match =
      paired && next && next.typed > own.typed
        ? { ...own, period: next.period, ...(next.given ? { given: next.given } : {}) }
        : own;
    const end = paired ? (view.sentences[i + 1]?.end ?? sentence.end) : sentence.end;
    // "Trade with Tatarstan grew steadily. In 2019 it reached…": a sentence that leaves an asked
    // name to the one before is quoted with it, so the quote says what it is about.
    const before = view.sentences[i - 1];
    const borrows =
      !paired &&
      before !== undefined &&
      q.reading.names.some(
        (n) => !saysName(n, [sentence.reading, view.heading]) && saysName(n, [before.reading]),
      );
    return {
      hit,
      rank,
      match,
      start: borrows ? before.start : sentence.start,
      end,
      score: answerScore(match, s.scoring) - rank * s.rankPenalty,
    };
  });
}

/** The next sentence states the asked kind this one only announces, or adds enough words of the question. */
function pairAdds(
  match: SentenceMatch,
  next: SentenceMatch,
  view: PassageView,
  i: number,
  weight: (t: string) => number,
  pairGain: number,
): boolean {
  if (match.typed < 1 && next.typed > match.typed && next.period !== "other") return true;
  const own = view.sentences[i + 1]?.reading.terms ?? new Set<string>();
  const sum = (ts: string[]) => ts.reduce((x, t) => x + weight(t), 0);
  const gain = next.matched.filter((t) => !match.matched.includes(t) && own.has(t));
  return sum(gain) / Math.max(1e-9, sum(match.matched) + sum(gain)) >= pairGain;
}

const quoteOf = (c: Candidate) => c.hit.chunk.text.slice(c.start, c.end);
const overlaps = (a: Candidate, b: Candidate) =>
  a.hit.chunk.id === b.hit.chunk.id && a.start < b.end && b.start < a.end;

/** Cited sentences first, in answer order; then the other passages as further sources, each once. */
function citationsFor(chosen: Candidate[], candidates: Candidate[]): Citation[] {
  const bestOf = new Map<string, Candidate>();
  for (const c of candidates) if (!bestOf.has(c.hit.chunk.id)) bestOf.set(c.hit.chunk.id, c);
  const rest = [...bestOf.values()]
    .filter((c) => !chosen.some((x) => x.hit.chunk.id === c.hit.chunk.id))
    .sort((a, b) => a.rank - b.rank);
  const out: Citation[] = [];
  for (const c of [...chosen, ...rest]) {
    const source = quoteSource(c.hit.chunk, { start: c.start, end: c.end });
    // Overlapping chunks and copies in other books share sentences: each quote is shown once.
    if (out.some((x) => x.quote === source.quote)) continue;
    out.push({ ...source, n: out.length + 1, score: c.hit.score });
  }
  return out;
}

function notFound(result: SearchResult, candidates: Candidate[]): Answer {
  const citations = citationsFor([], candidates).slice(0, 3);
  const closest =
    citations.length > 0
      ? " The closest passages are listed below, but none of them answers the question."
      : "";
  return {
    question: result.query,
    found: false,
    answer: `${NOT_FOUND}${closest}`,
    citations,
    mode: "extractive",
  };
}

/**
 * The books give the thing asked, but for another period: say which, and what they do give.
 * Reported as not found — the asked figure is not in the books.
 */
function otherPeriod(result: ReadResult, lead: Candidate, candidates: Candidate[]): Answer {
  const q = result.analysis;
  const asked = q.reading.periods.find((p) => p.year !== undefined && !p.bound) as Period;
  // Of the sentences stating the asked kind for the asked names, the period nearest the asked one.
  const dated = candidates.filter(
    (c) =>
      c.match.given &&
      c.match.typed >= 0.5 &&
      c.match.missingNames.length === 0 &&
      c.match.share >= lead.match.share * 0.8,
  );
  const distance = (c: Candidate) => Math.abs(periodEnd(c.match.given) - periodEnd(asked));
  const best = dated.sort((a, b) => distance(a) - distance(b) || b.score - a.score)[0] ?? lead;
  const citations = citationsFor([best], candidates);
  const wanted = describePeriod({ ...asked, whole: asked.whole || (q.flow && !asked.months) });
  const given = best.match.given;
  const what = given
    ? `${periodEnd(given) < periodEnd(asked) ? "the latest they give is for" : "they give it for"} ${describePeriod(given)}`
    : "they give it for another period";
  const answer = `The books do not give this for ${wanted}; ${what}: ${citations[0]?.quote} [1]`;
  return { question: result.query, found: false, answer, citations, mode: "extractive" };
}

const periodEnd = (p: Period | undefined) =>
  p?.year === undefined ? 0 : (p.toYear ?? p.year) * 12 + (p.months?.[1] ?? 12);

function similar(a: string, b: string): boolean {
  const ta = new Set(terms(a));
  const tb = new Set(terms(b));
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / Math.max(1, Math.min(ta.size, tb.size)) > 0.7;
}
