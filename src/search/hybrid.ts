import type { Embedder } from "../embed/embedder.js";
import type { IndexReader } from "../index/port.js";
import type { Chunk, SearchHit, SearchResult } from "../types.js";
import { type AnswerScoring, DEFAULT_ANSWER_SCORING, maxAnswerScore } from "../understand/match.js";
import { analyzeQuestion, type QuestionAnalysis, withPassages } from "../understand/question.js";
import { CorpusReader, DEFAULT_TERM_WEIGHTING, type TermWeighting } from "./corpus-reader.js";
import { diversify } from "./diversify.js";
import { DuplicateDetector } from "./duplicates.js";
import { answerFeatures, type PassageFeatures, passageFeatures } from "./features.js";

/** Every tuning value of the search, with the measurement behind it (docs/quality.md). */
export interface SearchSettings {
  /** Passages per answer. @default 5 */
  topK: number;
  /**
   * Weight of the dense (embedding) similarity, spread min–max over the candidates; lexical
   * evidence leads because USE-lite alone finds names and figures poorly (R@5 0.41).
   * @default 0.4 — with plain BM25 and answer weight 0.45: dev MRR 0.852 / SciFact 0.6955; 0.3 gives
   * 0.853 / 0.690 (with relevance 0.4: 0.857 / 0.691), 0.5 loses on both.
   */
  denseWeight: number;
  /**
   * Below this relevance (share of the question's known terms in a passage's best window) of all
   * the leading passages the result says "not found".
   * A coarse gate: the answerer decides "not found" sentence by sentence.
   * @default 0.3
   */
  minScore: number;
  /** Within the lexical score, the window share's weight (BM25 relative to the best has the rest). @default 0.5 */
  relevanceWeight: number;
  /**
   * Weight of how well a passage's best sentence answers the question: states the asked type,
   * for the asked period, naming the asked names.
   * @default 0.45 — with plain BM25 (no coordination factor, which had let term coverage count
   * twice): dev R@1 / MRR 0.746 / 0.832 at 0.25, 0.761 / 0.848 at 0.35, 0.761 / 0.852 at 0.45;
   * SciFact 0.6949 at 0.25, 0.6955 at 0.45.
   */
  answerWeight: number;
  /**
   * Leading candidates whose sentences are read for the answer feature.
   * @default 30 — dev ranks the same as at 40 (MRR 0.879; 20: 0.876) and as all 130; SciFact 0.6955
   * at 30 and 40. A quarter less reading per question.
   */
  answerDepth: number;
  /** BM25 candidates per query. @default 100 */
  lexicalCandidates: number;
  /** HNSW candidates per query. @default 30 */
  denseCandidates: number;
  /** Diversity below the first hit (MMR over uncovered query terms): dev MRR 0.830 → 0.843 at 0.1–0.2. @default 0.15 */
  diversity: number;
  /** How many hits the diversity re-orders. @default 20 */
  diversityDepth: number;
  /** Candidates that can become hits: ten pages of "More sources", cheap to de-duplicate. @default 60 */
  resultDepth: number;
  /** "Found" when any of this many leading passages covers the question (their order mixes in BM25 and dense). @default 5 */
  foundDepth: number;
  answer: AnswerScoring;
  terms: TermWeighting;
}

export const DEFAULT_SEARCH_SETTINGS: SearchSettings = {
  topK: 5,
  denseWeight: 0.4,
  minScore: 0.3,
  relevanceWeight: 0.5,
  answerWeight: 0.45,
  answerDepth: 30,
  lexicalCandidates: 100,
  denseCandidates: 30,
  diversity: 0.15,
  diversityDepth: 20,
  resultDepth: 60,
  foundDepth: 5,
  answer: DEFAULT_ANSWER_SCORING,
  terms: DEFAULT_TERM_WEIGHTING,
};

export type SearchMode = "hybrid" | "bm25" | "dense";

export interface RankOptions {
  mode?: SearchMode;
  /** Candidates per source (BM25 and dense); more for recall-oriented evaluation. */
  candidates?: number;
}

export interface RankedCandidate {
  chunk: Chunk;
  score: number;
  features: PassageFeatures;
}

/**
 * Hybrid search in two stages. Candidates come from BM25 and from the HNSW index; each is then
 * scored by how much of the question's IDF-weighted vocabulary (figures and years doubled) one
 * two-sentence window of it covers, by BM25 relative to the best candidate, by the dense cosine
 * spread over the candidates, and by how well its best sentence answers the question (the asked
 * type, period and names). Near-duplicate passages (the books repeat articles in other
 * translations) collapse into one hit, and the list below the first hit is diversified.
 */
export class HybridSearcher {
  /** The corpus vocabulary and passage readings of this generation, shared with answers and fact-check. */
  readonly reader: CorpusReader;
  private readonly duplicates = new DuplicateDetector();

  constructor(
    private readonly corpus: IndexReader,
    private readonly embedder: Embedder,
    private readonly settings: SearchSettings,
  ) {
    this.reader = new CorpusReader(corpus, settings.terms);
  }

  /** The question as this corpus reads it: framing dropped, misspellings corrected, elements found. */
  async analyze(question: string): Promise<QuestionAnalysis> {
    return analyzeQuestion(question, await this.reader.vocabularyFor(question));
  }

  async search(
    query: string | QuestionAnalysis,
    options: { topK?: number; offset?: number } = {},
  ): Promise<SearchResult> {
    const topK = options.topK ?? this.settings.topK;
    const offset = options.offset ?? 0;
    const { ranked: scored, analysis } = await this.rankWith(query);
    const groups = diversify(
      this.duplicates.collapse(scored.slice(0, this.settings.resultDepth), (s) => s.chunk),
      (g) => g.item.score,
      (g) => g.item.features.matched,
      analysis.weight,
      { lambda: this.settings.diversity, depth: this.settings.diversityDepth },
    );
    // Scores shown stay in [0, 1]: the answer feature can add up to its weight times its maximum.
    const scale = 1 + this.settings.answerWeight * maxAnswerScore(this.settings.answer);
    const hits = groups.map(
      ({ item, duplicates }): SearchHit => ({
        chunk: item.chunk,
        score: round(Math.max(0, item.score) / scale),
        duplicates: duplicates.map((d) => d.chunk.id),
        highlight: item.features.best,
      }),
    );
    // Answerable when one of the leading passages covers the question well enough: the order
    // among them mixes in BM25 and dense scores, which are not comparable across questions.
    const relevance = Math.max(
      0,
      ...scored.slice(0, this.settings.foundDepth).map((s) => s.features.relevance),
    );
    const found = relevance >= this.settings.minScore;
    return { query: analysis.question, analysis, found, hits: hits.slice(offset, offset + topK) };
  }

  /** All candidates, best first, with their features (for search, evaluation and tuning). */
  async rank(question: string | QuestionAnalysis, options: RankOptions = {}): Promise<RankedCandidate[]> {
    return (await this.rankWith(question, options)).ranked;
  }

  /** The candidates, and the question as read against them. */
  private async rankWith(
    question: string | QuestionAnalysis,
    options: RankOptions = {},
  ): Promise<{ ranked: RankedCandidate[]; analysis: QuestionAnalysis }> {
    const asked = typeof question === "string" ? await this.analyze(question) : question;
    const mode = options.mode ?? "hybrid";
    if (asked.terms.length === 0 && mode !== "dense") return { ranked: [], analysis: asked };
    const [lexical, queryVector] = await Promise.all([
      mode === "dense"
        ? []
        : this.corpus.keywords(asked.text, options.candidates ?? this.settings.lexicalCandidates),
      mode === "bm25" ? undefined : this.embedder.embed([asked.text]).then(([v]) => v),
    ]);
    const dense = queryVector
      ? await this.corpus.nearest(queryVector, options.candidates ?? this.settings.denseCandidates)
      : [];

    const topBm25 = lexical[0]?.score ?? 1;
    const bm25 = new Map(lexical.map((h) => [h.label, h.score / topBm25]));
    const labels = new Set([...bm25.keys(), ...dense.map((d) => d.label)]);
    const { denseWeight: w, relevanceWeight: rw, answerWeight: aw } = this.settings;
    const [similarities, chunks] = await Promise.all([
      queryVector
        ? this.corpus.similarities(queryVector, [...labels])
        : new Map([...labels].map((l) => [l, 0])),
      this.corpus.chunks([...labels]),
    ]);
    // The question's opening word is no name when these passages write it in lower case.
    const q = withPassages(
      asked,
      [...chunks.values()].map((c) => c.text),
    );
    // Cosines of a sentence encoder sit in a narrow band (≈0.5–0.75 here); spread over the
    // candidates, like BM25 relative to the best, they weigh what their order says.
    const low = Math.min(...similarities.values());
    const span = Math.max(...similarities.values()) - low || 1;
    const out = [...labels].map((label) => {
      const chunk = chunks.get(label) as Chunk;
      const similarity = similarities.get(label) ?? 0;
      const features = passageFeatures(
        q,
        this.reader.view(chunk),
        q.weight,
        bm25.get(label) ?? 0,
        similarity,
      );
      const lexicalScore = rw * features.relevance + (1 - rw) * features.bm25;
      const score =
        mode === "bm25"
          ? features.bm25
          : mode === "dense"
            ? similarity
            : (1 - w) * lexicalScore + w * ((similarity - low) / span);
      return { chunk, features, score };
    });
    out.sort((a, b) => b.score - a.score);
    if (mode !== "hybrid" || aw === 0) return { ranked: out, analysis: q };
    // Reading sentences for the asked type, period and names costs more than the rest together:
    // only the leading candidates, where it decides the order, are read so.
    for (const c of out.slice(0, this.settings.answerDepth)) {
      const a = answerFeatures(q, this.reader.view(c.chunk), q.weight, this.settings.answer);
      c.features = { ...c.features, ...a };
      c.score += aw * a.answerScore;
    }
    return { ranked: out.sort((a, b) => b.score - a.score), analysis: q };
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
