import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanDocument } from "../../src/corpus/clean.js";
import type { CleanDocument } from "../../src/types.js";

export const SEEDS_DIR = join(import.meta.dirname, "../../seeds");
export const BOOKS = {
  b000: "000_81e9b8e0fadb0ad8.txt",
  b001: "001_04d2d979b8eaaf9e.txt",
  b002: "002_20633cbd5c519157.txt",
  b003: "003_3c14199bc77e908d.txt",
  b004: "004_f865b4ead9a1efb6.txt",
} as const;

export const readSeed = (file: string) => readFileSync(join(SEEDS_DIR, file), "utf8");

const cache = new Map<string, CleanDocument>();
/** The cleaned seed, computed once per test file. */
export function cleaned(file: string): CleanDocument {
  let doc = cache.get(file);
  if (!doc) {
    doc = cleanDocument(file, readSeed(file));
    cache.set(file, doc);
  }
  return doc;
}

export function pageAt(doc: CleanDocument, offset: number): number | undefined {
  return [...doc.pages].reverse().find((p) => p.offset <= offset)?.page;
}
