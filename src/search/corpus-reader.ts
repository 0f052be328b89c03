import { isNumberTerm } from "../text/analyze.js";
import type { Chunk } from "../types.js";
import { PassageReader, type PassageView } from "../understand/passage.js";
import type { Vocabulary } from "../understand/question.js";
import { TermStats } from "./term-stats.js";

/** How query terms weigh in every share of a question a passage or sentence holds. */
export interface TermWeighting {
  /**
   * Figures and years name the fact asked about: a missing one weighs more than a missing word.
   * @default 2 — measured on dev.jsonl (docs/quality.md); 1 lost R@1 on figure questions.
   */
  numberWeight: number;
}

export const DEFAULT_TERM_WEIGHTING: TermWeighting = { numberWeight: 2 };

/**
 * One index build as the understanding stages read it: corpus term statistics (IDF, spelling) and
 * the passages read sentence by sentence, each once. Built per build, so a reload starts afresh.
 */
export class CorpusReader implements Vocabulary {
  private readonly passages = new PassageReader();

  constructor(
    readonly stats: TermStats,
    private readonly weighting: TermWeighting = DEFAULT_TERM_WEIGHTING,
  ) {}

  static fromChunks(chunks: Chunk[], weighting?: TermWeighting): CorpusReader {
    return new CorpusReader(TermStats.fromTexts(chunks.map((c) => c.text)), weighting);
  }

  has(term: string): boolean {
    return this.stats.has(term);
  }

  correct(term: string): string | undefined {
    return this.stats.correct(term);
  }

  common(term: string): boolean {
    return this.stats.common(term);
  }

  /** A query term's weight: its IDF, figures and years counted `numberWeight` times. */
  weight = (term: string): number =>
    this.stats.idf(term) * (isNumberTerm(term) ? this.weighting.numberWeight : 1);

  view(chunk: Pick<Chunk, "id" | "text" | "section">): PassageView {
    return this.passages.view(chunk);
  }
}
