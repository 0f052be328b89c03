/** Plain-text format: strict UTF-8 decoding, so a mis-encoded file is reported instead of silently garbled. */
const decoder = new TextDecoder("utf-8", { fatal: true });

/** Decodes a text file (also Markdown and HTML); throws on invalid UTF-8 or NUL bytes. A leading BOM is dropped. */
export function parseTxt(bytes: Uint8Array): string {
  // NUL bytes are valid UTF-8 but never occur in text: they mark a binary file with a text name.
  if (bytes.includes(0)) throw new Error("binary content (NUL bytes)");
  return decoder.decode(bytes).replace(/^\uFEFF/, "");
}
