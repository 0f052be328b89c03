/**
 * Where a citation links to: the document's own address (the `url` of its sidecar), at the
 * cited page for a PDF (`#page=N`, which browsers' PDF viewers open at). Undefined without a url.
 */
export function documentLink(url: string | undefined, page: number): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!/\.pdf$/i.test(parsed.pathname) || !Number.isInteger(page) || page < 1) return url;
  parsed.hash = `page=${page}`;
  return parsed.toString();
}
