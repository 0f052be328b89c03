import type { CorpusReader } from "../search/corpus-reader.js";
import type { Answer, SearchResult } from "../types.js";

/** The answer-generator port: extractive by default, a language model where one is configured. */
export interface Answerer {
  readonly mode: Answer["mode"];
  /** Composes an answer from the passages retrieved for `question` (already ranked). */
  answer(question: string, result: SearchResult, options?: AnswerOptions): Promise<Answer>;
}

export interface AnswerOptions {
  /** Called with the answer text so far while a generated answer streams. */
  onToken?: (textSoFar: string) => void;
  signal?: AbortSignal;
  /** The index's reader (term weights, passages read once); answers over hits alone build their own. */
  reader?: CorpusReader;
}
