import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, relative, sep } from "node:path";
import { z } from "zod";
import type { CleanDocument, DocumentMeta, LoadWarning } from "../types.js";
import { parseDocx } from "./formats/docx.js";
import { parseHtml } from "./formats/html.js";
import { parseMarkdown } from "./formats/markdown.js";
import { parsePdf } from "./formats/pdf.js";
import type { DocumentBody } from "./formats/structured.js";
import { parseTxt } from "./formats/txt.js";

/**
 * One seed file: either raw text for `cleanDocument` (the PDF-to-text books, `.txt`) or a
 * document a structured format (Markdown, HTML, PDF, DOCX) already built.
 */
export type SeedDocument = {
  /** Path relative to the seeds folder, with "/" separators. */
  id: string;
  meta: DocumentMeta;
  /** sha256 of the file's bytes and its sidecar's, hex: either changing re-indexes the document. */
  hash: string;
} & ({ kind: "text"; raw: string } | { kind: "structured"; doc: CleanDocument });

type Parser =
  | { kind: "text"; parse: (bytes: Uint8Array) => string }
  | { kind: "structured"; parse: (bytes: Uint8Array) => DocumentBody | Promise<DocumentBody> };

/** One parser per file extension (lower case); adding a format means adding an entry here. */
const parsers: Record<string, Parser> = {
  ".txt": { kind: "text", parse: parseTxt },
  ".md": { kind: "structured", parse: parseMarkdown },
  ".markdown": { kind: "structured", parse: parseMarkdown },
  ".html": { kind: "structured", parse: parseHtml },
  ".htm": { kind: "structured", parse: parseHtml },
  ".pdf": { kind: "structured", parse: parsePdf },
  ".docx": { kind: "structured", parse: parseDocx },
};

export interface LoadOptions {
  /** Larger files are skipped with a warning (default 50 MB; not a config setting yet). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const META_SUFFIX = ".meta.json";

const metaSchema = z
  .object({
    title: z.string().min(1).optional(),
    author: z.string().min(1).optional(),
    year: z.number().int().min(1000).max(3000).optional(),
    url: z.string().url().optional(),
  })
  .strict();

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The sidecar's metadata, and its text (part of the document's hash: a new title or url re-indexes it). */
async function readMeta(
  path: string,
  id: string,
  warnings: LoadWarning[],
): Promise<{ meta: DocumentMeta; text: string }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return { meta: {}, text: "" };
  }
  try {
    const parsed = metaSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { meta: parsed.data, text };
    const reason = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    warnings.push({ file: `${id}${META_SUFFIX}`, reason: `invalid sidecar: ${reason}` });
  } catch (err) {
    warnings.push({ file: `${id}${META_SUFFIX}`, reason: `invalid sidecar JSON: ${(err as Error).message}` });
  }
  return { meta: {}, text };
}

/** A CleanDocument from a structured body: sidecar meta first, then the file's own title, then its name. */
function toDocument(id: string, body: DocumentBody, meta: DocumentMeta): CleanDocument {
  const { title, ...rest } = body;
  return { id, ...meta, title: meta.title ?? title ?? basename(id, extname(id)), ...rest, footnotes: [] };
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Reads every supported file under `dir` (recursively, sorted by path) with its optional sidecar
 * metadata. A file that cannot be used (too large, undecodable, malformed, empty) is skipped with
 * a warning and the rest still loads.
 */
export async function loadSeeds(
  dir: string,
  options: LoadOptions = {},
): Promise<{ docs: SeedDocument[]; warnings: LoadWarning[] }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const docs: SeedDocument[] = [];
  const warnings: LoadWarning[] = [];
  for (const path of await listFiles(dir)) {
    const parser = parsers[extname(path).toLowerCase()];
    if (!parser) continue;
    const id = relative(dir, path).split(sep).join("/");
    const skip = (reason: string) => warnings.push({ file: id, reason });
    try {
      const { size } = await stat(path);
      if (size > maxBytes) {
        skip(`too large: ${size} bytes (limit ${maxBytes})`);
        continue;
      }
      const bytes = await readFile(path);
      const hashWith = (sidecar: string) => createHash("sha256").update(bytes).update(sidecar).digest("hex");
      if (parser.kind === "text") {
        const raw = parser.parse(bytes);
        if (raw.trim() === "") {
          skip("empty file");
          continue;
        }
        const { meta, text } = await readMeta(`${path}${META_SUFFIX}`, id, warnings);
        docs.push({ id, kind: "text", raw, hash: hashWith(text), meta });
      } else {
        const body = await parser.parse(bytes);
        if (body.text === "") {
          skip("no text (empty, or a scanned PDF without a text layer)");
          continue;
        }
        const { meta, text } = await readMeta(`${path}${META_SUFFIX}`, id, warnings);
        docs.push({ id, kind: "structured", doc: toDocument(id, body, meta), hash: hashWith(text), meta });
      }
    } catch (err) {
      skip(`cannot read: ${message(err)}`);
    }
  }
  return { docs, warnings };
}
