import mammoth from "mammoth";
import { parseHtmlString } from "./html.js";
import type { DocumentBody } from "./structured.js";

/** DOCX through mammoth's HTML, so Word's heading styles become sections like HTML headings. */
export async function parseDocx(bytes: Uint8Array): Promise<DocumentBody> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return parseHtmlString(value);
}
