/** Sentence spans of a passage, as offsets into it, so quotes stay exact substrings. */
import { splitSentences } from "../text/sentences.js";

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** The project's one sentence splitter, with each sentence's text; fragments without a word are dropped. */
export function sentences(text: string): Span[] {
  return splitSentences(text)
    .map((s) => ({ ...s, text: text.slice(s.start, s.end) }))
    .filter((s) => /[A-Za-z0-9]/.test(s.text));
}
