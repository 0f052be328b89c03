/** Sentence spans of a passage, as offsets into it, so quotes stay exact substrings. */
import { split } from "sentence-splitter";

export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * PDF conversions leave footnote gaps such as `growth" . In 2018` that the splitter reads as one
 * sentence; a full stop standing alone between spaces before a capital also ends a sentence.
 */
const DETACHED_STOP_RE = /\s\.\s+(?=["“]?[A-Z])/g;

export function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (const node of split(text)) {
    if (node.type !== "Sentence") continue;
    const [from, to] = node.range;
    let start = from;
    for (const m of text.slice(from, to).matchAll(DETACHED_STOP_RE)) {
      const end = from + m.index + 2;
      out.push({ start, end, text: text.slice(start, end) });
      start = from + m.index + m[0].length;
    }
    out.push({ start, end: to, text: text.slice(start, to) });
  }
  return out.filter((s) => /[A-Za-z0-9]/.test(s.text));
}
