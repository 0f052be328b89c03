import type { Item } from "./headings.js";
import { lineWidth } from "./headings.js";
import { joinHyphenated } from "./hyphens.js";
import { SENTINELS, sentinel } from "./sentinels.js";
import type { BodyLine } from "./structure.js";

const visible = (s: string) => s.replace(/[\uE000-\uE003][\uE100-\uF8FF]/g, "");
/** Ends a sentence, possibly followed by a footnote number glued on (`countries5`, `"10.`). */
const PARAGRAPH_END = /(?:[.!?:…]|["”»)])(?:\d{1,3})?$|\p{L}\d{1,3}$/u;
const MAX_PARAGRAPH = 1500;
const PARAGRAPH_START = /^[\p{Lu}\d"«“(]/u;

/**
 * Joins lines into paragraphs. A paragraph ends at a meaningful blank line, or where a clearly short line
 * finishes a sentence and the next line starts one (hard-wrapped text without blank lines), except that
 * a blank before a lower-case continuation is a page or footnote split, not a paragraph end.
 */
export function reflow(items: Item[], vocab: Set<string>): string[] {
  const lines = items.filter((i): i is Item & { kind: "line" } => i.kind === "line");
  const width = lineWidth(lines as BodyLine[]);
  const paragraphs: string[] = [];
  // The paragraph so far as one part per line, joined once at the end: re-slicing a growing
  // string for every hyphenated line was quadratic in the paragraph's length.
  let parts: string[] = [];
  let length = 0;
  let pending = "";
  let headingCount = 0;
  let prevLine: string | undefined;

  const flush = () => {
    const text = parts.join("").trim();
    if (text) paragraphs.push(text);
    parts = [];
    length = 0;
  };
  const append = (s: string) => {
    parts.push(s);
    length += s.length;
  };

  for (const item of items) {
    if (item.kind === "heading") {
      flush();
      pending += sentinel("heading", headingCount++) + item.text;
      prevLine = undefined;
      continue;
    }
    const text = visible(item.text).trim();
    const prev = prevLine === undefined ? undefined : visible(prevLine).trim();
    // A sentence cut by a page, a footnote block or a blank line goes on whatever the next line starts with.
    const continuation =
      prev !== undefined &&
      !PARAGRAPH_END.test(prev) &&
      (/^[\p{Ll}\d,;)]/u.test(text) || /[\p{Ll},;]$/u.test(prev));
    const shortEnd = prev !== undefined && prev.length < width * 0.8 && PARAGRAPH_END.test(prev);
    // Where a conversion lost the paragraph structure (000), a long paragraph is cut at a line-end sentence.
    const overlong = length > MAX_PARAGRAPH && prev !== undefined && /[.!?]["”»]?$/.test(prev);
    const newSentence = PARAGRAPH_START.test(text);
    const breakHere =
      prev === undefined || (!continuation && (item.blankBefore || ((shortEnd || overlong) && newSentence)));
    if (breakHere) {
      flush();
      append(pending + item.text);
    } else if (/\p{L}-$/u.test(prevLine ?? "")) {
      // Only the previous line takes part in the join (it ends in the hyphen).
      const right = pending + item.text;
      const last = parts.pop() ?? "";
      const joined = joinHyphenated(last, right, vocab);
      parts.push(joined.slice(0, joined.length - right.length), right);
      length += joined.length - last.length;
    } else {
      append(` ${pending}${item.text}`);
    }
    pending = "";
    prevLine = item.text;
  }
  flush();
  if (pending) paragraphs.push(pending);
  return paragraphs;
}

/**
 * Cuts a paragraph that is still overlong (000 lost its paragraph breaks mid-line: `countries.In 2021`)
 * at the first sentence end past the limit, repeatedly.
 */
export function splitOverlong(paragraph: string): string[] {
  const parts: string[] = [];
  let rest = paragraph;
  while (rest.length > MAX_PARAGRAPH * 2) {
    const boundary = new RegExp(`\\p{Ll}{2}[.!?]["”»]?${SENTINELS}(?=\\s?["“]?\\p{Lu}\\p{Ll})`, "gu");
    boundary.lastIndex = MAX_PARAGRAPH;
    const m = boundary.exec(rest);
    if (!m) break;
    parts.push(rest.slice(0, m.index + m[0].length));
    rest = rest.slice(m.index + m[0].length).trimStart();
  }
  parts.push(rest);
  return parts;
}
