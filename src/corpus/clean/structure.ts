import { FOOTNOTE_START, type FootnoteEntry, parseFootnote } from "./footnotes.js";
import { sentinel } from "./sentinels.js";
import { stripJunk, superscriptValue } from "./text.js";

/** A body line after footnote blocks, page numbers and marker lines have been taken out. */
export interface BodyLine {
  /** Trimmed text; may carry sentinels (page break before it, markers and notes after it). */
  text: string;
  /** The line began with a space: in these conversions, the first line of a page (or a heading). */
  indented: boolean;
  /** A blank line precedes it that marks a paragraph (blank lines in double-spaced text do not). */
  blankBefore: boolean;
}

export interface PageBreak {
  /** Printed page number standing at the foot of the page that ends here. */
  printed?: number;
}

export interface Structure {
  lines: BodyLine[];
  breaks: PageBreak[];
  /** Footnote blocks in reading order; a notes sentinel in the text points at each. */
  blocks: FootnoteEntry[][];
}

const SEPARATOR = /^ {20,}$/;
const MARKER_LINE = /^\d{1,3}(?: \d{1,3})*$/;
const PAGE_NUMBER = /^\d{1,3}$/;
/**
 * Paragraphs that belong to a superscript-numbered footnote although they stand apart from it: its URL,
 * or the rest of a reference that the conversion moved below the next body paragraph.
 */
const REFERENCE_PART =
  /^(?:<|\[)?(?:https?|ftp):\/\/|^-?\s*URL:|\/\/ |\[Electronic resource\]|- [CС]\. \d+\.?$/;

interface OpenEntry {
  n: number;
  body: string;
  /** The body ends inside a URL cut at the line end. */
  open: boolean;
}

interface Raw {
  text: string;
  indented: boolean;
  blank: boolean;
  /** Whitespace-only but not empty: in 003 it introduces a footnote block. */
  spaces: boolean;
  trailingSpace: boolean;
}

function toRaw(line: string): Raw {
  const clean = stripJunk(line).replace(/\t/g, " ");
  return {
    text: clean.trim(),
    indented: /^ \S/.test(clean),
    blank: clean.trim() === "",
    spaces: /^ +$/.test(clean),
    trailingSpace: /\s$/.test(clean),
  };
}

/**
 * Whether a blank line before each text line marks a paragraph. Where every text line is followed by one
 * blank line (001, parts of 002) a single blank carries no information.
 */
function meaningfulBlanks(raw: Raw[]): boolean[] {
  const textLines = raw.flatMap((r, i) => (r.blank ? [] : [i]));
  const gap = (k: number) =>
    k > 0 && k < textLines.length ? (textLines[k] as number) - (textLines[k - 1] as number) - 1 : 0;
  const meaningful: boolean[] = [];
  textLines.forEach((line, k) => {
    meaningful[line] = gap(k) > 1 || (gap(k) === 1 && gap(k - 1) !== 1 && gap(k + 1) !== 1);
  });
  return meaningful;
}

function blankRun(raw: Raw[], i: number): number {
  let n = 0;
  while (i - 1 - n >= 0 && raw[i - 1 - n]?.blank) n++;
  return n;
}

/**
 * Walks the lines once, taking out footnote blocks (after a separator of spaces, after a lone space line
 * followed by a numbered entry, or superscript-numbered paragraphs), bare printed page numbers and marker
 * lines, and records page breaks: an indented line, the line after a footnote block or a page number.
 */
export function readStructure(lines: string[]): Structure {
  const raw = lines.map(toRaw);
  const blanks = meaningfulBlanks(raw);
  const out: BodyLine[] = [];
  const breaks: PageBreak[] = [];
  const blocks: OpenEntry[][] = [];
  let notes: OpenEntry[] | null = null;
  /** Superscript-numbered notes (one paragraph per line) end at the first line that is not a reference. */
  let superscriptNotes = false;
  let lastEntry: OpenEntry | undefined;
  let pendingBreak = false;
  let afterMarker = false;

  const appendToLast = (s: string) => {
    const last = out.at(-1);
    if (last) last.text += s;
  };
  const closeNotes = () => {
    if (!notes) return;
    blocks.push(notes);
    appendToLast(sentinel("notes", blocks.length - 1));
    notes = null;
  };
  const pageBreak = (printed?: number) => {
    breaks.push(printed === undefined ? {} : { printed });
    pendingBreak = true;
  };
  const startNote = (r: Raw, m: RegExpExecArray) => {
    const head = m[1] as string;
    const n = /^\d/.test(head) ? Number(head) : superscriptValue(head);
    lastEntry = { n, body: r.text.slice(m[0].length), open: false };
    notes ??= [];
    notes.push(lastEntry);
  };
  const continueNote = (r: Raw) => {
    if (!lastEntry) return;
    lastEntry.body += (lastEntry.open ? "" : " ") + r.text;
    // A URL cut at the line end without a trailing space goes on at the start of the next line.
    lastEntry.open = !r.trailingSpace && /(?:https?|ftp):\/\/\S*$/.test(lastEntry.body);
  };

  for (let i = 0; i < raw.length; i++) {
    const r = raw[i] as Raw;
    const line = lines[i] as string;
    if (SEPARATOR.test(line)) {
      notes ??= [];
      superscriptNotes = false;
      continue;
    }
    if (r.blank) {
      if (r.spaces && !notes) {
        let k = i + 1;
        while (raw[k]?.blank) k++;
        const next = raw[k];
        if (next && !next.indented && FOOTNOTE_START.test(next.text)) notes = [];
      }
      continue;
    }
    if (PAGE_NUMBER.test(r.text) && blankRun(raw, i) >= 2) {
      closeNotes();
      pageBreak(Number(r.text));
      continue;
    }
    const superNote = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(r.text) ? FOOTNOTE_START.exec(r.text) : null;
    if (superNote) {
      superscriptNotes = true;
      startNote(r, superNote);
      continue;
    }
    if (superscriptNotes && lastEntry && REFERENCE_PART.test(r.text)) {
      continueNote(r);
      continue;
    }
    if (notes && !superscriptNotes && !r.indented) {
      const entry = FOOTNOTE_START.exec(r.text);
      if (entry) startNote(r, entry);
      else continueNote(r);
      continue;
    }
    closeNotes();
    if (r.indented && out.length > 0 && !afterMarker && !/^[.,;:)]/.test(r.text)) pageBreak();
    if (MARKER_LINE.test(r.text)) {
      for (const n of r.text.split(" ")) appendToLast(sentinel("marker", Number(n)));
      afterMarker = true;
      continue;
    }
    const prefix = pendingBreak ? sentinel("page", breaks.length - 1) : "";
    pendingBreak = false;
    const continues = afterMarker && /^[.,;:)]/.test(r.text);
    afterMarker = false;
    if (continues) {
      appendToLast(prefix + r.text);
      continue;
    }
    out.push({ text: prefix + r.text, indented: r.indented, blankBefore: blanks[i] === true });
  }
  closeNotes();
  return { lines: out, breaks, blocks: blocks.map((b) => b.map((e) => parseFootnote(e.n, e.body))) };
}
