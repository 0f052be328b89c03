import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Chunk } from "../types.js";
import { KeywordIndex } from "./keywords.js";
import { FORMAT_VERSION, type Manifest, manifestSchema } from "./manifest.js";
import { HnswVectorStore, type VectorStore } from "./vectors.js";

/**
 * On-disk layout: `index/builds/<build>/{manifest.json,chunks.json,vectors.hnsw,keywords.bin}`
 * and `index/CURRENT` naming the live build. A build is written in full first, then CURRENT is
 * replaced by rename (atomic on POSIX), so a crash at any point leaves the previous build live.
 */

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

export async function writeIndex(dir: string, data: IndexData): Promise<string> {
  const build = `${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  const buildDir = join(dir, "builds", build);
  await mkdir(buildDir, { recursive: true });
  await data.vectors.save(join(buildDir, "vectors.hnsw"));
  await writeFile(join(buildDir, "chunks.json"), JSON.stringify(data.chunks));
  await writeFile(join(buildDir, "keywords.bin"), data.keywords.toBuffer());
  // The manifest last: a build without one is incomplete and never made current.
  await writeFile(join(buildDir, "manifest.json"), JSON.stringify(data.manifest, null, 2));
  const tmp = join(dir, `${CURRENT}.${build}.tmp`);
  await writeFile(tmp, `${build}\n`);
  await rename(tmp, join(dir, CURRENT));
  await removeStaleBuilds(dir, build);
  return build;
}

async function removeStaleBuilds(dir: string, keep: string) {
  const builds = await readdir(join(dir, "builds")).catch(() => [] as string[]);
  await Promise.all(
    builds.filter((b) => b !== keep).map((b) => rm(join(dir, "builds", b), { recursive: true, force: true })),
  );
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
