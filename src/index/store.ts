import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat, statfs } from "node:fs/promises";
import { join } from "node:path";
import type { Chunk } from "../types.js";
import { KeywordIndex } from "./keywords.js";
import { FORMAT_VERSION, type Manifest, manifestSchema } from "./manifest.js";
import { HnswVectorStore, type VectorStore } from "./vectors.js";

/**
 * On-disk layout: `index/builds/<build>/{manifest.json,chunks.json,vectors.hnsw,keywords.bin}`
 * and `index/CURRENT` naming the live build. A build is written in full and fsynced (files, then
 * its folder) first, then CURRENT is replaced by rename (atomic on POSIX) and the index folder
 * fsynced, so neither a crash nor a power cut leaves a half index live. A build that fails to
 * write is removed; a build is not started without room for it on the disk.
 */

export interface StoreSettings {
  /**
   * Free disk space that must remain beyond a new build's own size before it is written.
   * @default 64 MiB — a build of the five books is ~3.3 MB; the margin keeps a nearly full disk
   * (logs, the embedding cache, the OS) from failing mid-write.
   */
  diskMarginBytes: number;
}

export const DEFAULT_STORE_SETTINGS: StoreSettings = { diskMarginBytes: 64 * 2 ** 20 };

export class IndexError extends Error {
  override name = "IndexError";
}

export interface IndexData {
  manifest: Manifest;
  chunks: Chunk[];
  vectors: VectorStore;
  keywords: KeywordIndex;
}

const CURRENT = "CURRENT";

export async function writeIndex(
  dir: string,
  data: IndexData,
  settings: StoreSettings = DEFAULT_STORE_SETTINGS,
): Promise<string> {
  const files = {
    "chunks.json": JSON.stringify(data.chunks),
    "keywords.bin": data.keywords.toBuffer(),
    // The manifest last: a build without one is incomplete and never made current.
    "manifest.json": JSON.stringify(data.manifest, null, 2),
  };
  const textBytes = Object.values(files).reduce((n, text) => n + Buffer.byteLength(text), 0);
  await mkdir(dir, { recursive: true });
  await ensureFreeSpace(dir, textBytes + vectorBytes(data.vectors), settings);

  const build = `${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  const buildDir = join(dir, "builds", build);
  const tmp = join(dir, `${CURRENT}.${build}.tmp`);
  try {
    await mkdir(buildDir, { recursive: true });
    const vectorsFile = join(buildDir, "vectors.hnsw");
    await data.vectors.save(vectorsFile);
    await syncPath(vectorsFile);
    for (const [name, text] of Object.entries(files)) await writeDurable(join(buildDir, name), text);
    await syncPath(buildDir);
    await writeDurable(tmp, `${build}\n`);
    await rename(tmp, join(dir, CURRENT));
  } catch (err) {
    await rm(buildDir, { recursive: true, force: true });
    await rm(tmp, { force: true });
    throw err;
  }
  // The rename is durable once the folder holding CURRENT is.
  await syncPath(dir);
  await removeStaleBuilds(dir, build);
  return build;
}

async function writeDurable(file: string, text: string | Uint8Array): Promise<void> {
  const handle = await open(file, "w");
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync of a written file or of a folder (so the names in it survive a power cut). */
async function syncPath(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** hnswlib's file size: each element's vector, its level-0 links (2·M), label and counters. */
const vectorBytes = (v: VectorStore) => v.size * (v.dimension * 4 + 2 * 16 * 4 + 16);

/** Refuses to start a build that would not fit: `bytes` for it plus the configured margin. */
export async function ensureFreeSpace(dir: string, bytes: number, settings: StoreSettings): Promise<void> {
  const fs = await statfs(dir);
  const free = fs.bavail * fs.bsize;
  const needed = bytes + settings.diskMarginBytes;
  if (free >= needed) return;
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
  throw new IndexError(
    `Not enough free disk space for a new index build in ${dir}: ${mb(free)} free, ${mb(needed)} needed (${mb(bytes)} for the build and a ${mb(settings.diskMarginBytes)} margin). The current index is unchanged; free some space and run the ingest again.`,
  );
}

/** Size on disk of the live build (0 when there is none): the estimate for the next one. */
export async function currentBuildBytes(dir: string): Promise<number> {
  const build = await currentBuild(dir);
  if (!build) return 0;
  const names = await readdir(build).catch(() => [] as string[]);
  const sizes = await Promise.all(
    names.map((n) =>
      stat(join(build, n)).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/** Every other build, and CURRENT files half-written by a killed ingest, go. */
async function removeStaleBuilds(dir: string, keep: string) {
  const builds = await readdir(join(dir, "builds")).catch(() => [] as string[]);
  const pointers = (await readdir(dir)).filter((f) => f.startsWith(`${CURRENT}.`) && f.endsWith(".tmp"));
  await Promise.all([
    ...builds
      .filter((b) => b !== keep)
      .map((b) => rm(join(dir, "builds", b), { recursive: true, force: true })),
    ...pointers.map((f) => rm(join(dir, f), { force: true })),
  ]);
}

/** The live build's folder, or undefined when no index has been built. */
export async function currentBuild(dir: string): Promise<string | undefined> {
  try {
    const name = (await readFile(join(dir, CURRENT), "utf8")).trim();
    return name ? join(dir, "builds", name) : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

export async function readManifest(dir: string): Promise<Manifest | undefined> {
  const build = await currentBuild(dir);
  if (!build) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(build, "manifest.json"), "utf8"));
  } catch (err) {
    throw new IndexError(
      `The index manifest in ${build} is unreadable (${(err as Error).message}); re-run \`npm run ingest -- --full\`.`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new IndexError(`The index manifest in ${build} is corrupt; re-run \`npm run ingest -- --full\`.`);
  }
  if (parsed.data.formatVersion !== FORMAT_VERSION) {
    throw new IndexError(
      `The index in ${dir} has format ${parsed.data.formatVersion}, this Footnote reads format ${FORMAT_VERSION}; re-run \`npm run ingest\`.`,
    );
  }
  return parsed.data;
}

export async function loadIndex(
  dir: string,
  embedder: { id: string; dimension: number },
): Promise<IndexData> {
  const manifest = await readManifest(dir);
  if (!manifest) throw new IndexError(`No index in ${dir}; run \`npm run ingest\` first.`);
  if (manifest.embedder.id !== embedder.id || manifest.embedder.dimension !== embedder.dimension) {
    throw new IndexError(
      `The index was built with embedder ${manifest.embedder.id} (${manifest.embedder.dimension}-d) but ${embedder.id} (${embedder.dimension}-d) is configured; re-run \`npm run ingest\`.`,
    );
  }
  const build = (await currentBuild(dir)) as string;
  try {
    const [chunksJson, keywordsBin, vectors] = await Promise.all([
      readFile(join(build, "chunks.json"), "utf8"),
      readFile(join(build, "keywords.bin")),
      HnswVectorStore.load(join(build, "vectors.hnsw"), manifest.embedder.dimension),
    ]);
    const chunks = JSON.parse(chunksJson) as Chunk[];
    if (chunks.length !== manifest.chunks || vectors.size !== manifest.chunks) {
      throw new Error(
        `expected ${manifest.chunks} chunks, found ${chunks.length} texts and ${vectors.size} vectors`,
      );
    }
    return { manifest, chunks, vectors, keywords: KeywordIndex.fromBuffer(keywordsBin) };
  } catch (err) {
    if (err instanceof IndexError) throw err;
    throw new IndexError(
      `The index in ${build} is damaged (${(err as Error).message}); re-run \`npm run ingest -- --full\`.`,
    );
  }
}
