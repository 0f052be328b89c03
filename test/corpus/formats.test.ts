import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import JSZip from "jszip";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeeds, type SeedDocument } from "../../src/corpus/load.js";
import type { CleanDocument } from "../../src/types.js";
import { tempDir } from "../helpers/corpus.js";

/** A PDF with one drawn line of text per entry, one page per inner array. */
async function makePdf(pages: string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([500, 400]);
    lines.forEach((line, i) => {
      page.drawText(line, { x: 30, y: 350 - i * 16, size: 12, font });
    });
  }
  return pdf.save();
}

/** The smallest DOCX mammoth reads: a document part with styled paragraphs, and the style names. */
async function makeDocx(paragraphs: { style?: string; text: string }[]): Promise<Uint8Array> {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const body = paragraphs
    .map(
      (p) =>
        `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ""}<w:r><w:t>${p.text}</w:t></w:r></w:p>`,
    )
    .join("");
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    "word/_rels/document.xml.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  zip.file(
    "word/styles.xml",
    `<?xml version="1.0"?><w:styles ${w}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0"?><w:document ${w}><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

const MARKDOWN = `# Trade in the CIS

Mutual trade within the **CIS** continues to grow, see [the report](https://example.org).

- Belarus advocates deeper ties.
- Trade totalled USD 164 billion.

## Cuba

The EAEU granted Cuba observer status in December 2020.
`;

const HTML = `<!doctype html><html><head><title>Union State</title><style>p { color: red }</style>
<script>var hidden = "script text";</script></head><body>
<h1>Regions</h1><p>Stavropol is a promising partner &amp; neighbour.</p>
<h2>Chechnya</h2><ul><li>Agreement signed in June 2017.</li><li>Earlier accord of July 2002.</li></ul>
<h4>Minor heading</h4><p>Still in the Chechnya section.</p></body></html>`;

/** Section titles with the text each one starts with. */
const sectionStarts = (doc: CleanDocument) =>
  doc.sections.map((s) => [s.title, doc.text.slice(s.offset, s.offset + 12)]);

describe("loadSeeds over every format", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let docs: SeedDocument[];
  let warnings: { file: string; reason: string }[];
  const structured = (id: string): CleanDocument => {
    const d = docs.find((x) => x.id === id);
    if (d?.kind !== "structured") throw new Error(`${id} was not loaded as a structured document`);
    return d.doc;
  };

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir("footnote-formats-"));
    await mkdir(join(dir, "books", "deep"), { recursive: true });
    await writeFile(join(dir, "plain.txt"), "A plain text book.");
    await writeFile(join(dir, "books", "trade.md"), MARKDOWN);
    await writeFile(
      join(dir, "books", "trade.md.meta.json"),
      JSON.stringify({ title: "CIS trade", year: 2019 }),
    );
    await writeFile(join(dir, "books", "deep", "regions.html"), HTML);
    await writeFile(
      join(dir, "report.pdf"),
      await makePdf([
        ["Alpha figures for the first page."],
        ["Beta figures on the second page.", "More of page two."],
      ]),
    );
    await writeFile(
      join(dir, "memo.docx"),
      await makeDocx([{ style: "Heading1", text: "Memo heading" }, { text: "The memo body text." }]),
    );
    // Bad files: each is skipped with a warning naming it.
    await writeFile(join(dir, "corrupt.pdf"), "%PDF-1.4\nthis is not a real pdf\n%%EOF");
    await writeFile(join(dir, "blob.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00]));
    await writeFile(join(dir, "broken.docx"), "not a zip archive");
    await writeFile(join(dir, "big.txt"), "x".repeat(5000));
    await writeFile(join(dir, "empty.md"), "\n\n");
    await writeFile(join(dir, "bad-meta.html"), "<p>Kept despite its sidecar.</p>");
    await writeFile(join(dir, "bad-meta.html.meta.json"), "{ not json");
    ({ docs, warnings } = await loadSeeds(dir, { maxBytes: 4096 }));
  });
  afterAll(() => cleanup?.());

  it("indexes the good files, in subfolders too, and skips each bad one with a warning naming it", () => {
    expect(docs.map((d) => d.id).sort()).toEqual(
      [
        "bad-meta.html",
        "books/deep/regions.html",
        "books/trade.md",
        "memo.docx",
        "plain.txt",
        "report.pdf",
      ].sort(),
    );
    const reasons = Object.fromEntries(warnings.map((w) => [w.file, w.reason]));
    expect(Object.keys(reasons).sort()).toEqual(
      ["bad-meta.html.meta.json", "big.txt", "blob.txt", "broken.docx", "corrupt.pdf", "empty.md"].sort(),
    );
    expect(reasons["big.txt"]).toMatch(/too large: 5000 bytes/);
    expect(reasons["blob.txt"]).toMatch(/binary/);
    expect(reasons["corrupt.pdf"]).toMatch(/pdf/i);
    expect(reasons["bad-meta.html.meta.json"]).toMatch(/sidecar/);
  });

  it("PDF: text per page with page numbers 1 and 2", () => {
    const doc = structured("report.pdf");
    expect(doc.text).toContain("Alpha figures for the first page.");
    const page2 = doc.pages.find((p) => p.page === 2);
    expect(doc.pages.map((p) => p.page)).toEqual([1, 2]);
    expect(doc.pages[0]?.offset).toBe(0);
    expect(doc.text.slice(page2?.offset)).toMatch(/^Beta figures on the second page\. More of page two\.$/);
    expect(doc.title).toBe("report");
  });

  it("Markdown: headings become sections, inline markup goes, the sidecar applies", () => {
    const doc = structured("books/trade.md");
    expect(sectionStarts(doc)).toEqual([
      ["Trade in the CIS", "Mutual trade"],
      ["Cuba", "The EAEU gra"],
    ]);
    expect(doc.text.split("\n\n")).toEqual([
      "Mutual trade within the CIS continues to grow, see the report.",
      "Belarus advocates deeper ties.",
      "Trade totalled USD 164 billion.",
      "The EAEU granted Cuba observer status in December 2020.",
    ]);
    expect(doc).toMatchObject({ title: "CIS trade", year: 2019, pages: [{ offset: 0, page: 1 }] });
  });

  it("HTML: h1–h3 become sections, li and p paragraphs, script and style are dropped", () => {
    const doc = structured("books/deep/regions.html");
    expect(sectionStarts(doc)).toEqual([
      ["Regions", "Stavropol is"],
      ["Chechnya", "Agreement si"],
    ]);
    expect(doc.text).toContain("partner & neighbour.");
    expect(doc.text).toContain("Minor heading\n\nStill in the Chechnya section.");
    expect(doc.text).not.toMatch(/script text|color/);
    expect(doc.title).toBe("Union State");
  });

  it("DOCX: Word headings become sections", () => {
    const doc = structured("memo.docx");
    expect(sectionStarts(doc)).toEqual([["Memo heading", "The memo bod"]]);
    expect(doc.text).toBe("The memo body text.");
  });

  it("keeps a document whose sidecar is invalid, without the sidecar's meta", () => {
    expect(structured("bad-meta.html").text).toBe("Kept despite its sidecar.");
  });
});
