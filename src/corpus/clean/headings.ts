import type { BodyLine } from "./structure.js";

/** A body line or a heading recognised among the lines. */
export type Item = ({ kind: "line" } & BodyLine) | { kind: "heading"; title: string; text: string };

const visible = (s: string) => s.replace(/[\uE000-\uE003][\uE100-\uF8FF]/g, "");
/** Longer than this is a paragraph, whatever the layout (004 has one paragraph per line). */
const MAX_TITLE = 120;
const ENDS_SENTENCE = /(?:[.!?…]["”»)]?|["”»])$/;

/** Typical full-line length: the 90th percentile; body lines near it are hard-wrapped mid-paragraph. */
export function lineWidth(lines: BodyLine[]): number {
  const lengths = lines.map((l) => visible(l.text).length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 80;
}

/** `CHAPTER 3` followed by its title line (004). */
function chapterHeading(lines: BodyLine[], i: number): { title: string; used: number } | undefined {
  const m = /^CHAPTER\s+(\d+)\s*$/i.exec(visible(lines[i]?.text ?? ""));
  if (!m) return undefined;
  const next = visible(lines[i + 1]?.text ?? "");
  return next && next.length < 150
    ? { title: `Chapter ${m[1]}: ${next}`, used: 2 }
    : { title: `Chapter ${m[1]}`, used: 1 };
}

/**
 * An article title (000–003): it opens a page after a finished sentence and is short; up to three more
 * short lines continue it while they read as a subtitle (lower-case start, after a colon, clearly short).
 * It carries a colon (`Belarus - Russia:`) or a blank line follows it; a nearly full first line must be
 * followed by a blank line, else it is a paragraph that happens to open a page.
 */
function articleHeading(
  lines: BodyLine[],
  i: number,
  width: number,
): { title: string; used: number } | undefined {
  const line = lines[i] as BodyLine;
  const text = visible(line.text);
  const first = text.replace(/^\\/, ""); // a stray backslash before a title (001 L4670)
  const prev = lines[i - 1];
  const startsPage = line.indented || i === 0 || line.text !== text;
  if (!startsPage || first.length > Math.min(width * 1.1, MAX_TITLE) || !/^[\p{Lu}"«]/u.test(first))
    return undefined;
  if (prev && !ENDS_SENTENCE.test(visible(prev.text).trim())) return undefined;
  const parts = [first];
  let j = i + 1;
  while (j < lines.length && j - i <= 3) {
    const next = lines[j] as BodyLine;
    const text = visible(next.text);
    const title = parts.join(" ");
    const lowerStart = /^\p{Ll}/u.test(text);
    if (next.indented || text.length > width * 0.8 || (next.blankBefore && !lowerStart)) break;
    if (!(title.endsWith(":") || lowerStart || text.length < width * 0.6) || /[.!?]$/.test(text)) break;
    parts.push(text);
    j++;
  }
  const blankAfter = lines[j]?.blankBefore === true || j >= lines.length;
  const colon = parts.some((p) => p.includes(":"));
  if (!(blankAfter || (colon && first.length < width * 0.8))) return undefined;
  return { title: parts.join(" ").replace(/\s+/g, " ").trim(), used: j - i };
}

/** Replaces heading lines by heading items; sentinels on heading lines move to the heading item. */
export function findHeadings(lines: BodyLine[]): Item[] {
  const width = lineWidth(lines);
  const items: Item[] = [];
  for (let i = 0; i < lines.length; ) {
    const h = chapterHeading(lines, i) ?? articleHeading(lines, i, width);
    if (h) {
      const sentinels = lines
        .slice(i, i + h.used)
        .map((l) => l.text.replace(/[^\uE000-\uE003\uE100-\uF8FF]/g, ""))
        .join("");
      items.push({ kind: "heading", title: h.title, text: sentinels });
      i += h.used;
    } else {
      items.push({ kind: "line", ...(lines[i] as BodyLine) });
      i++;
    }
  }
  return items;
}
