import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { z } from "zod";
import type { DocumentMeta } from "../types.js";
import { parseTxt } from "./formats/txt.js";

export interface RawDocument {
  /** Path relative to the seeds folder, with "/" separators. */
  id: string;
  raw: string;
  meta: DocumentMeta;
  /** sha256 of the file's bytes, hex. */
  hash: string;
}

export interface LoadWarning {
  file: string;
  reason: string;
}

/** One parser per file extension; adding a format (Markdown, HTML, PDF) means adding an entry here. */
const parsers: Record<string, (bytes: Uint8Array) => string> = {
  ".txt": parseTxt,
};

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

function parserFor(file: string): ((bytes: Uint8Array) => string) | undefined {
  const ext = Object.keys(parsers).find((e) => file.endsWith(e));
  return ext ? parsers[ext] : undefined;
}

async function readMeta(path: string, id: string, warnings: LoadWarning[]): Promise<DocumentMeta> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return {};
  }
  try {
    const parsed = metaSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    const reason = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    warnings.push({ file: `${id}${META_SUFFIX}`, reason: `invalid sidecar: ${reason}` });
  } catch (err) {
    warnings.push({ file: `${id}${META_SUFFIX}`, reason: `invalid sidecar JSON: ${(err as Error).message}` });
  }
  return {};
}

/** Reads every supported file under `dir` (recursively, sorted by path) with its optional sidecar metadata. */
export async function loadSeeds(dir: string): Promise<{ docs: RawDocument[]; warnings: LoadWarning[] }> {
  const docs: RawDocument[] = [];
  const warnings: LoadWarning[] = [];
  for (const path of await listFiles(dir)) {
    const parse = parserFor(path);
    if (!parse) continue;
    const id = relative(dir, path).split(sep).join("/");
    const bytes = await readFile(path);
    let raw: string;
    try {
      raw = parse(bytes);
    } catch (err) {
      warnings.push({ file: id, reason: `cannot decode: ${(err as Error).message}` });
      continue;
    }
    if (raw.trim() === "") {
      warnings.push({ file: id, reason: "empty file" });
      continue;
    }
    const hash = createHash("sha256").update(bytes).digest("hex");
    docs.push({ id, raw, meta: await readMeta(`${path}${META_SUFFIX}`, id, warnings), hash });
  }
  return { docs, warnings };
}
