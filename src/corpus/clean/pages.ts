import type { PageBreak } from "./structure.js";

/**
 * Page numbers for the pages that start at each break (the first page precedes all breaks). A printed
 * number stands at the foot of the page it ends, so it fixes that page and restarts the count after it;
 * pages before the first printed number count back from it. Without printed numbers pages count from 1.
 */
export function numberPages(breaks: PageBreak[]): number[] {
  const firstPrinted = breaks.findIndex((b) => b.printed !== undefined);
  let page = firstPrinted >= 0 ? Math.max(1, (breaks[firstPrinted]?.printed as number) - firstPrinted) : 1;
  const numbers = [page];
  for (const b of breaks) {
    page = b.printed !== undefined ? b.printed + 1 : page + 1;
    numbers.push(page);
  }
  return numbers;
}

/**
 * Estimated page starts for text without page breaks, from its contents: each chapter begins on its listed
 * page and the pages up to the next chapter (or the back matter) are spread evenly over its text.
 */
export function estimatePages(
  text: string,
  chapters: { offset: number; page: number }[],
  endPage: number,
): { offset: number; page: number }[] {
  const pages: { offset: number; page: number }[] = [];
  chapters.forEach((c, i) => {
    const next = chapters[i + 1];
    const end = next?.offset ?? text.length;
    const lastPage = next?.page ?? endPage;
    const span = Math.max(1, lastPage - c.page);
    for (let p = c.page; p < c.page + span; p++) {
      const at = c.offset + Math.round(((p - c.page) / span) * (end - c.offset));
      const space = text.indexOf(" ", at);
      const offset = p === c.page ? c.offset : space >= 0 && space < end ? space + 1 : at;
      if (pages.length === 0 || offset > (pages.at(-1)?.offset ?? -1)) pages.push({ offset, page: p });
    }
  });
  if (pages[0]) pages[0].offset = 0;
  return pages;
}
