import type { CleanDocument, DocumentMeta, FootnoteRef } from "../types.js";
import { removeBoilerplate } from "./clean/boilerplate.js";
import type { FootnoteEntry } from "./clean/footnotes.js";
import { findHeadings } from "./clean/headings.js";
import { vocabulary } from "./clean/hyphens.js";
import { createMarkerStripper, superscriptMarkers } from "./clean/markers.js";
import { estimatePages, numberPages } from "./clean/pages.js";
import { removeLeakedReferences } from "./clean/references.js";
import { reflow, splitOverlong } from "./clean/reflow.js";
import { removeCapitalisedRepeats } from "./clean/repeats.js";
import { type Extracted, extractSentinels } from "./clean/sentinels.js";
import { readStructure } from "./clean/structure.js";
import { repairSpacing, unescapeMarkdown, unwrapMarkdown } from "./clean/text.js";

type Found = Extracted["found"];

/** Pairs each marker with a footnote of its number, preferring the first unused block at or after it. */
function linkFootnotes(found: Found, blocks: FootnoteEntry[][]): FootnoteRef[] {
  const blockOffset = new Map(found.filter((f) => f.kind === "notes").map((f) => [f.value, f.offset]));
  const entries = blocks.flatMap((b, i) =>
    b.map((e) => ({ ...e, at: blockOffset.get(i) ?? 0, used: false })),
  );
  const refs: FootnoteRef[] = [];
  for (const m of found.filter((f) => f.kind === "marker")) {
    const candidates = entries.filter((e) => !e.used && e.n === m.value);
    const entry = candidates.find((e) => e.at >= m.offset) ?? candidates.at(-1);
    if (!entry) continue;
    entry.used = true;
    refs.push({ offset: m.offset, n: entry.n, text: entry.text, ...(entry.url ? { url: entry.url } : {}) });
  }
  for (const e of entries.filter((x) => !x.used)) {
    refs.push({ offset: e.at, n: e.n, text: e.text, ...(e.url ? { url: e.url } : {}) });
  }
  return refs.sort((a, b) => a.offset - b.offset || a.n - b.n);
}

/** Paragraphs left with nothing but sentinels hand them on to the next paragraph. */
function mergeEmpty(paragraphs: string[]): string[] {
  const out: string[] = [];
  let carry = "";
  for (const p of paragraphs) {
    const visible = p.replace(/[\uE000-\uE003][\uE100-\uF8FF]/g, "").trim();
    if (visible === "") carry += p.replace(/[^\uE000-\uE003\uE100-\uF8FF]/g, "");
    else {
      out.push(carry + p);
      carry = "";
    }
  }
  if (carry && out.length > 0) out[out.length - 1] += carry;
  return out;
}

/**
 * Turns one converted book into plain paragraphs plus the structure recovered from it: pages (printed
 * numbers, counted page breaks, or estimated from the contents), headings and footnotes. Pure and fast.
 */
export function cleanDocument(id: string, raw: string, meta: DocumentMeta = {}): CleanDocument {
  const { body, front } = removeBoilerplate(raw.split(/\r?\n/));
  const structure = readStructure(body);
  const items = findHeadings(structure.lines);
  const titles = items.flatMap((i) => (i.kind === "heading" ? [i.title] : []));
  const strip = createMarkerStripper({ known: new Set(structure.blocks.flat().map((e) => e.n)) });
  const paragraphs = reflow(items, vocabulary(raw))
    .flatMap(splitOverlong)
    .map((p) =>
      repairSpacing(
        removeCapitalisedRepeats(
          strip(removeLeakedReferences(superscriptMarkers(unwrapMarkdown(unescapeMarkdown(p))))),
        ),
      ),
    );
  const { text, found } = extractSentinels(mergeEmpty(paragraphs).join("\n\n"));

  const sections = found
    .filter((f) => f.kind === "heading")
    .map((f) => ({ offset: f.offset, title: titles[f.value] as string }));
  const pageNumbers = numberPages(structure.breaks);
  let pages = [{ offset: 0, page: pageNumbers[0] as number }];
  for (const f of found.filter((x) => x.kind === "page")) {
    const page = pageNumbers[f.value + 1] as number;
    if (pages.at(-1)?.offset === f.offset) pages[pages.length - 1] = { offset: f.offset, page };
    else pages.push({ offset: f.offset, page });
  }
  const chapters = sections.flatMap((s) => {
    const entry = front.toc.find((t) => s.title.toLowerCase().startsWith(t.label.toLowerCase()));
    return entry ? [{ offset: s.offset, page: entry.page }] : [];
  });
  const pagesEstimated = structure.breaks.length === 0 && chapters.length > 0;
  if (pagesEstimated) {
    const end = Math.max(...front.toc.map((t) => t.page));
    pages = estimatePages(text, chapters, end);
  }

  return {
    id,
    title: meta.title ?? front.title ?? titles[0] ?? id,
    ...((meta.author ?? front.author) ? { author: meta.author ?? front.author } : {}),
    ...((meta.year ?? front.year) ? { year: meta.year ?? front.year } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    text,
    pages,
    sections,
    footnotes: linkFootnotes(found, structure.blocks),
    ...(pagesEstimated ? { pagesEstimated } : {}),
  };
}
