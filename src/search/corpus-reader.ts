import type { IndexReader } from "../index/port.js";
import { isNumberTerm, term, terms } from "../text/analyze.js";
import type { Chunk } from "../types.js";
import { PassageReader, type PassageView } from "../understand/passage.js";
import type { Vocabulary } from "../understand/question.js";
import { correctionDistance, TermStats } from "./term-stats.js";

/** How query terms weigh in every share of a question a passage or sentence holds. */
export interface TermWeighting {
  /**
   * Figures and years name the fact asked about: a missing one weighs more than a missing word.
   * @default 2 — measured on dev.jsonl (docs/quality.md); 1 lost R@1 on figure questions.
   */
  numberWeight: number;
}

export const DEFAULT_TERM_WEIGHTING: TermWeighting = { numberWeight: 2 };

/** Words of five letters or more: the ones spelling correction looks at. */
const LONG_WORD = /[\p{L}]{5,}/gu;

/**
 * One generation as the understanding stages read it: the corpus vocabulary a text needs (its
 * terms' frequencies for IDF weights, the corpus terms its long words may misspell) and the
 * passages read sentence by sentence, each once. Built per generation, so a reload starts afresh.
 */
export class CorpusReader {
  private readonly passages = new PassageReader();

  constructor(
    private readonly index: Pick<IndexReader, "termCounts">,
    private readonly weighting: TermWeighting = DEFAULT_TERM_WEIGHTING,
  ) {}

  /** Over passages held in memory (tests, the BEIR corpus, an answer over hits alone). */
  static fromChunks(chunks: Pick<Chunk, "text">[], weighting?: TermWeighting): CorpusReader {
    const df = new Map<string, number>();
    for (const c of chunks) for (const t of new Set(terms(c.text))) df.set(t, (df.get(t) ?? 0) + 1);
    return new CorpusReader({ termCounts: async () => ({ passages: chunks.length, df }) }, weighting);
  }

  /**
   * What the corpus says of a text's words: which it uses, how rare each is, what a misspelt one
   * means. `alongside`: more text whose words need only their weights (passages the corpus holds,
   * whose words it knows: no search for close spellings, the costly part on a large vocabulary).
   */
  async vocabularyFor(text: string, alongside = ""): Promise<Vocabulary> {
    const near = [...text.matchAll(LONG_WORD)]
      .map((m) => term(m[0].toLowerCase()))
      .filter((t): t is string => t !== undefined && correctionDistance(t) > 0)
      .map((t) => ({ term: t, maxEdits: correctionDistance(t) }));
    const { df, passages } = await this.index.termCounts([...new Set(terms(`${text}\n${alongside}`))], near);
    const stats = TermStats.fromCounts(df, passages);
    const numberWeight = this.weighting.numberWeight;
    return {
      has: (t) => stats.has(t),
      correct: (t) => stats.correct(t),
      weight: (t) => stats.idf(t) * (isNumberTerm(t) ? numberWeight : 1),
    };
  }

  view(chunk: Pick<Chunk, "id" | "text" | "section">): PassageView {
    return this.passages.view(chunk);
  }
}
