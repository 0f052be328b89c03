import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../src/config.js";
import { createEmbedder } from "../src/embed/create.js";
import type { Embedder } from "../src/embed/embedder.js";
import { runIngest } from "../src/ingest.js";
import { type LoadedEngine, openEngine } from "../src/open.js";
import { watchIndex } from "../src/reload.js";
import { ingestSmallCorpus, tempDir } from "./helpers/corpus.js";

/** Words no small seed book holds, so a hit proves the new document is live. */
const NEW_TEXT =
  "The Arctic shipping corridor agreement on icebreaker escorts for container vessels along the Northern Sea Route was signed in Murmansk.";

describe("watchIndex: hot reload after a re-ingest", () => {
  let cleanup: () => Promise<void>;
  let config: Config;
  let embedder: Embedder;
  let engine: LoadedEngine;
  beforeAll(async () => {
    let root: string;
    ({ dir: root, cleanup } = await tempDir("footnote-reload-"));
    ({ config } = await ingestSmallCorpus(root));
    embedder = await createEmbedder(config.embedder);
    engine = await openEngine(config, { embedder });
  });
  afterAll(async () => {
    await engine?.close();
    await embedder?.close();
    await cleanup?.();
  });

  it("swaps in the new build when index/CURRENT changes; searches during the reload all succeed", async () => {
    const hasNewText = async () =>
      (await engine.search("icebreaker escorts Northern Sea Route Murmansk")).hits.some((h) =>
        h.chunk.text.includes("icebreaker"),
      );
    expect(await hasNewText()).toBe(false);
    const reloaded: object[] = [];
    const logger = { info: (o: object) => reloaded.push(o), error: () => {} };
    const stop = watchIndex(engine.store, engine, logger);

    // Searches fired continuously from before the re-ingest until after the reload.
    let searching = true;
    const results: Promise<unknown>[] = [];
    const loop = (async () => {
      while (searching) {
        results.push(engine.search("mutual trade within the CIS"));
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    try {
      await writeFile(join(config.seedsDir, "arctic.md"), `# Arctic\n\n${NEW_TEXT}\n`);
      const summary = await runIngest(config, { embedder });
      expect(summary.added).toEqual(["arctic.md"]);
      const deadline = Date.now() + 20_000;
      while (reloaded.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(reloaded).toHaveLength(1);
      expect(await hasNewText()).toBe(true);
      expect(engine.about().documents.map((d) => d.id)).toContain("arctic.md");
    } finally {
      searching = false;
      await loop;
      await stop();
    }
    const settled = await Promise.allSettled(results);
    expect(settled.length).toBeGreaterThan(10);
    expect(settled.filter((r) => r.status === "rejected")).toEqual([]);
  });
});
