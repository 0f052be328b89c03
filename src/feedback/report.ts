import type { Config } from "../config.js";
import { loadIndex, readManifest } from "../index/store.js";
import { DEFAULT_GAP_SETTINGS, type GapReport, type GapSettings, groupGaps } from "./gaps.js";
import type { FeedbackStore } from "./store.js";

/**
 * The coverage-gap report over the store, topic words weighed by how rare they are in the
 * indexed books (without an index, by how rare they are among the gap questions themselves).
 */
export async function gapReport(
  store: FeedbackStore,
  config: Pick<Config, "indexDir">,
  settings: GapSettings = DEFAULT_GAP_SETTINGS,
): Promise<GapReport> {
  return groupGaps(await store.gaps(), await corpusTexts(config.indexDir), settings);
}

async function corpusTexts(indexDir: string): Promise<string[] | undefined> {
  const manifest = await readManifest(indexDir).catch(() => undefined);
  if (!manifest) return undefined;
  return (await loadIndex(indexDir, manifest.embedder)).chunks.map((c) => c.text);
}
