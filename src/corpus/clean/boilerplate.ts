/** Publisher material around the body: front matter, imprint, contents, "for author use only" stamps, back matter. */

export interface FrontMatter {
  title?: string;
  author?: string;
  year?: number;
  /** Contents entries with their printed page numbers (`CHAPTER 1\t2`). */
  toc: { label: string; page: number }[];
}

const STAMP = /^\s*FOR (?:AUTHOR )?USE ONLY\s*$/;
const TOC_ENTRY = /^(\S.*?)\t+(\d+)\s*$/;
const BACK_MATTER = /^\s*(?:Literature|References|Bibliography)\s*$/;
const PERSON = /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u;

/** Index of the line ending the front matter: the contents block, or a LAP Lambert "Dear reader" page. */
function frontMatterEnd(lines: string[]): number {
  const head = Math.min(lines.length, 200);
  const contents = lines.slice(0, head).findIndex((l) => l.trim() === "Contents");
  if (contents >= 0) {
    let end = contents + 1;
    for (let i = end; i < head; i++) {
      const line = lines[i] as string;
      if (TOC_ENTRY.test(line)) end = i + 1;
      else if (line.trim() !== "" && !STAMP.test(line)) break;
    }
    return end;
  }
  const lap = lines.slice(0, 60).findIndex((l) => /^\s*LAP Lambert Academic Publishing\s*$/i.test(l));
  return lap >= 0 && lines.slice(0, lap).some((l) => /Dear reader/.test(l)) ? lap + 1 : 0;
}

/** Title, author and year as the front matter states them (a title page repeats title and author). */
function readFrontMatter(front: string[]): FrontMatter {
  const lines = front.map((l) => l.trim()).filter((l) => l !== "" && !STAMP.test(l));
  const toc = front.flatMap((l) => {
    const m = TOC_ENTRY.exec(l);
    return m ? [{ label: (m[1] as string).trim(), page: Number(m[2]) }] : [];
  });
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  const author = lines.find((l) => PERSON.test(l) && (counts.get(l) ?? 0) > 1);
  const year = front.join("\n").match(/Copyright ©\s*((?:19|20)\d\d)/)?.[1];
  // The title page reads: title, subtitle; the first short line after a repeat of the title that is
  // neither the author nor the blurb is the subtitle.
  const main = lines.find((l) => (counts.get(l) ?? 0) > 1 && l !== author && l.length < 120);
  let title = main;
  if (main) {
    const subtitle = lines.find(
      (l, i) =>
        i > 0 && lines[i - 1] === main && l !== main && l !== author && l.length < 120 && !/\*\*/.test(l),
    );
    if (subtitle) title = `${main}: ${subtitle}`;
  }
  return { title, author, year: year ? Number(year) : undefined, toc };
}

/** Splits off front and back matter and drops stamp lines; the body keeps its original line order. */
export function removeBoilerplate(lines: string[]): { body: string[]; front: FrontMatter } {
  const start = frontMatterEnd(lines);
  const backRel = lines.slice(Math.floor(lines.length / 2)).findIndex((l) => BACK_MATTER.test(l));
  const end = backRel >= 0 ? Math.floor(lines.length / 2) + backRel : lines.length;
  return {
    body: lines.slice(start, end).filter((l) => !STAMP.test(l)),
    front: readFrontMatter(lines.slice(0, start)),
  };
}
