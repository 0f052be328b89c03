import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Embedder } from "../../src/embed/embedder.js";
import { createUseLiteEmbedder, USE_LITE_ID } from "../../src/embed/use-lite.js";
import { PARAGRAPHS, REPO, tempDir } from "../helpers/corpus.js";

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);
const norm = (a: Float32Array) => Math.sqrt(dot(a, a));

/** Twelve real sentences, enough for three batches of four. */
const TEXTS = Object.values(PARAGRAPHS)
  .flatMap((p) => p.split(/(?<=\.) (?=[A-Z])/))
  .slice(0, 12);

const messagePorts = () => process.getActiveResourcesInfo().filter((r) => r === "MessagePort").length;

describe("USE-lite embedder (real model)", () => {
  let local: Embedder;
  beforeAll(async () => {
    local = await createUseLiteEmbedder({ workers: 1 });
  });
  afterAll(async () => {
    await local?.close();
  });

  it("embeds into unit-length 512-d vectors", async () => {
    expect(local.id).toBe(USE_LITE_ID);
    expect(local.dimension).toBe(512);
    const vectors = await local.embed(TEXTS.slice(0, 3));
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(512);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(await local.embed([])).toEqual([]);
  });

  it("places a paraphrase closer than an unrelated sentence", async () => {
    const [a, paraphrase, unrelated] = await local.embed([
      "Mutual trade among the CIS countries grew by a quarter in 2017.",
      "In 2017 trade between the member states of the Commonwealth increased by 25 percent.",
      "Whisk two eggs with a cup of flour and bake the cake for forty minutes.",
    ]);
    const near = dot(a as Float32Array, paraphrase as Float32Array);
    const far = dot(a as Float32Array, unrelated as Float32Array);
    expect(near).toBeGreaterThan(far + 0.2);
  });

  it("a pool of two returns the same vectors, in order, and close() ends the workers", async () => {
    expect(TEXTS).toHaveLength(12);
    const before = messagePorts();
    const pooled = await createUseLiteEmbedder({ workers: 2, batchSize: 4 });
    try {
      const fromPool = await pooled.embed(TEXTS);
      const one = await local.embed(TEXTS);
      expect(fromPool).toHaveLength(12);
      fromPool.forEach((v, i) => {
        expect(v).toHaveLength(512);
        expect(norm(v)).toBeCloseTo(1, 5);
        expect(dot(v, one[i] as Float32Array)).toBeGreaterThan(0.9999);
      });
    } finally {
      await pooled.close();
    }
    expect(messagePorts()).toBe(before);
    await expect(pooled.embed(TEXTS.slice(0, 1))).rejects.toThrow("the embedder was closed");
  });

  it("embeds a query off the calling thread: its event loop keeps turning meanwhile", async () => {
    const long = Object.values(PARAGRAPHS).join(" ");
    await local.embed([long]); // warm
    let turns = 0;
    let spinning = true;
    const spin = () => {
      turns++;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    for (let i = 0; i < 5; i++) await local.embed([long]);
    spinning = false;
    // In-process WASM inference would block the loop for the whole call (a handful of turns).
    expect(turns).toBeGreaterThan(100);
  });

  it("a process that used the pool exits on its own after close()", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const script = join(dir, "pool.mts");
      const module = JSON.stringify(join(REPO, "src/embed/use-lite.ts"));
      await writeFile(
        script,
        `import { createUseLiteEmbedder } from ${module};
const e = await createUseLiteEmbedder({ workers: 2, batchSize: 4 });
const v = await e.embed(${JSON.stringify(TEXTS)});
await e.close();
console.log(JSON.stringify({ n: v.length }));
`,
      );
      const run = spawnSync(process.execPath, ["--import", "tsx", script], {
        cwd: REPO,
        encoding: "utf8",
        timeout: 60_000,
      });
      // A worker left running would keep the process alive until the timeout kills it.
      expect(run.signal, run.stderr).toBeNull();
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout.trim())).toEqual({ n: 12 });
    } finally {
      await cleanup();
    }
  });
});
