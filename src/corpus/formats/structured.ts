import type { CleanDocument } from "../../types.js";

/** What a structured format yields: a CleanDocument before the file's id and sidecar meta are applied. */
export type DocumentBody = Pick<CleanDocument, "text" | "pages" | "sections"> & {
  /** A title found in the file itself (HTML <title>, first heading), used when the sidecar has none. */
  title?: string;
};

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** Collects paragraphs, headings and page starts in reading order and keeps their offsets right. */
export class BodyBuilder {
  private readonly paragraphs: string[] = [];
  /** Offset where the next paragraph will start. */
  private next = 0;
  private readonly sections: DocumentBody["sections"] = [];
  private readonly pages: DocumentBody["pages"] = [];
  title?: string;

  paragraph(text: string): void {
    const p = squash(text);
    if (p === "") return;
    this.paragraphs.push(p);
    this.next += p.length + 2;
  }

  /** A heading opens a section at the next paragraph; the first one doubles as a fallback title. */
  heading(text: string): void {
    const title = squash(text);
    if (title === "") return;
    this.title ??= title;
    this.sections.push({ offset: this.next, title });
  }

  page(page: number): void {
    // A page without text would share its offset with the next one: the later page wins.
    if (this.pages.at(-1)?.offset === this.next) this.pages.pop();
    this.pages.push({ offset: this.next, page });
  }

  build(): DocumentBody {
    const text = this.paragraphs.join("\n\n");
    // Headings or pages after the last paragraph would point past the end.
    const within = <T extends { offset: number }>(xs: T[]) =>
      xs.map((x) => ({ ...x, offset: Math.min(x.offset, text.length) }));
    const pages = within(this.pages);
    if (pages[0]?.offset !== 0) pages.unshift({ offset: 0, page: 1 });
    return { text, pages, sections: within(this.sections), title: this.title };
  }
}
