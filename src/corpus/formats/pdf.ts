import { extractText } from "unpdf";
import { BodyBuilder, type DocumentBody } from "./structured.js";

/**
 * PDF text layer, page by page, with the PDF's own page numbers (1-based). Blank lines split
 * paragraphs; other line breaks are joined, mending words hyphenated across lines.
 * Throws on malformed or encrypted files (pdf.js's InvalidPDFException, PasswordException).
 */
export async function parsePdf(bytes: Uint8Array): Promise<DocumentBody> {
  // pdf.js takes ownership of (detaches) the buffer it is given.
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: false });
  const out = new BodyBuilder();
  text.forEach((page, i) => {
    out.page(i + 1);
    for (const p of page.split(/\n\s*\n/)) out.paragraph(p.replace(/(\p{L})-\n(\p{Ll})/gu, "$1$2"));
  });
  return out.build();
}
