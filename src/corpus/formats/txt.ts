/** Plain-text format: strict UTF-8 decoding, so a mis-encoded file is reported instead of silently garbled. */
const decoder = new TextDecoder("utf-8", { fatal: true });

/** Decodes a `.txt` file; throws on invalid UTF-8. A leading BOM is dropped. */
export function parseTxt(bytes: Uint8Array): string {
  return decoder.decode(bytes).replace(/^\uFEFF/, "");
}
