import { unescapeMarkdown, unwrapMarkdown } from "./text.js";

/** Footnote entries as the conversions print them: `4 Participation in ... - URL: http://http://...`. */

export interface FootnoteEntry {
  n: number;
  text: string;
  url?: string;
}

/** A line opening a footnote entry: its number, then the reference (`327 . Matveev, V. ...`, `¹ Speech ...`). */
export const FOOTNOTE_START = /^(\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*\.?\s+(?=\S)/;

const URL = /(?:https?|ftp):\/\/\S+/;

/**
 * Repairs the converters' doubled URLs: `http://http://www.x.by/a?id=1.x.by/a?id=1` (scheme repeated,
 * host-and-path echoed after a dot) and `http://x.by/ru/contenthttp://x.by/ru/content/95` (a truncated
 * copy glued before the full one).
 */
export function dedoubleUrl(url: string): string {
  let u = url.replace(/^((?:https?|ftp):\/\/)+(?=(?:https?|ftp):\/\/)/, "");
  const schemes = [...u.matchAll(/(?:https?|ftp):\/\//g)];
  const lastScheme = schemes.at(-1);
  if (lastScheme && lastScheme.index > 0) {
    const head = u.slice(0, lastScheme.index);
    const tail = u.slice(lastScheme.index);
    if (tail.startsWith(head)) u = tail;
  }
  const scheme = /^(?:https?|ftp):\/\//.exec(u)?.[0] ?? "";
  const rest = u.slice(scheme.length);
  for (let i = rest.indexOf("."); i > 0; i = rest.indexOf(".", i + 1)) {
    const echo = rest.slice(i + 1);
    if (echo.length >= 8 && rest.slice(0, i).endsWith(echo)) return scheme + rest.slice(0, i);
  }
  return u;
}

/** Splits a footnote's text into the reference and its (repaired) URL. */
export function parseFootnote(n: number, body: string): FootnoteEntry {
  const text = unwrapMarkdown(unescapeMarkdown(body)).replace(/\s+/g, " ").trim();
  const m = URL.exec(text);
  if (!m) return { n, text };
  const url = dedoubleUrl(m[0].replace(/[.,;)\]]+$/, ""));
  const reference = text
    .slice(0, m.index)
    .replace(/[\s.–-]*URL:?\s*$/, "")
    .trim();
  return { n, text: reference || url, url };
}
