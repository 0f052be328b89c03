import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BotDeps } from "../../src/bot/types.js";
import { type Config, loadConfig } from "../../src/config.js";
import { runIngest } from "../../src/ingest.js";
import { type LoadedEngine, openEngine } from "../../src/open.js";

/**
 * The one place the tests build an engine: the real ingest and engine over a small corpus of
 * real paragraphs — the opening lines of each seed book — written to a temp seeds dir and
 * ingested into a temp index dir.
 */

const SEEDS = join(import.meta.dirname, "../../seeds");
/** The top of each seed book: a few pages of paragraphs, with their footnote blocks, and the title. */
const BOOKS: { file: string; lines: number; title: string; url?: string }[] = [
  {
    file: "001_04d2d979b8eaaf9e.txt",
    lines: 130,
    title: "Commonwealth of Independent States: Evolution of regional cooperation",
  },
  {
    file: "002_20633cbd5c519157.txt",
    lines: 120,
    title: "Eurasian Economic Union: the goal is to become a significant center of development",
  },
  {
    file: "004_f865b4ead9a1efb6.txt",
    lines: 100,
    title: "Contours of union integration",
    // The one book the fixture can link to: citations of it carry the address, at their page.
    url: "https://books.example.org/contours-of-union-integration.pdf",
  },
];

export interface FixtureEngine {
  dir: string;
  config: Config;
  engine: LoadedEngine;
  reindex: BotDeps["reindex"];
  close(): Promise<void>;
}

async function writeFixtureSeeds(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const { file, lines, ...meta } of BOOKS) {
    const text = (await readFile(join(SEEDS, file), "utf8")).split("\n").slice(0, lines).join("\n");
    await writeFile(join(dir, file), text);
    await writeFile(join(dir, `${file}.meta.json`), JSON.stringify(meta));
  }
}

export async function openFixtureEngine(env: Record<string, string> = {}): Promise<FixtureEngine> {
  const dir = await mkdtemp(join(tmpdir(), "footnote-bot-"));
  await writeFixtureSeeds(join(dir, "seeds"));
  const config = loadConfig(
    {
      SEEDS_DIR: "seeds",
      INDEX_DIR: "index",
      CACHE_DIR: "cache",
      EMBED_WORKERS: "1",
      LOG_LEVEL: "silent",
      ...env,
    },
    dir,
  );
  await runIngest(config);
  const engine = await openEngine(config);
  return {
    dir,
    config,
    engine,
    async reindex() {
      const summary = await runIngest(config);
      await engine.reload();
      return { ...summary };
    },
    async close() {
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
