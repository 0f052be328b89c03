import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Embedder } from "../../src/embed/embedder.js";
import { createUseLiteEmbedder } from "../../src/embed/use-lite.js";
import { type BeirData, evaluateBeir, indexBeir, readBeir } from "../../src/eval/beir.js";
import { createFileStore } from "../../src/index/files.js";
import { tempDir } from "../helpers/corpus.js";

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join("\n");

describe("readBeir", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir("footnote-beir-"));
    await mkdir(join(dir, "qrels"));
    await writeFile(
      join(dir, "corpus.jsonl"),
      jsonl([
        { _id: "d1", title: "Zebras", text: "Stripes." },
        { _id: 2, text: "No title." },
      ]),
    );
    await writeFile(join(dir, "queries.jsonl"), `${jsonl([{ _id: "q1", text: "zebra stripes" }])}\n\n`);
    await writeFile(
      join(dir, "qrels", "test.tsv"),
      "query-id\tcorpus-id\tscore\r\nq1\td1\t1\r\nq1\t2\t2\r\nq1\td3\t0\r\n\r\n",
    );
  });
  afterAll(() => cleanup?.());

  it("reads docs, queries and the relevant docs of a split (CRLF, header row, score 0 dropped)", async () => {
    const data = await readBeir(dir);
    expect(data.docs).toEqual([
      { id: "d1", title: "Zebras", text: "Stripes." },
      { id: "2", title: "", text: "No title." },
    ]);
    expect([...data.queries]).toEqual([["q1", "zebra stripes"]]);
    expect([...data.qrels]).toEqual([["q1", new Set(["d1", "2"])]]);
  });

  it("names the missing file of another split", async () => {
    await expect(readBeir(dir, "dev")).rejects.toThrow(/dev\.tsv/);
  });
});

describe("evaluateBeir", () => {
  const data: BeirData = {
    docs: [
      { id: "d1", title: "Zebra migration", text: "Zebra herds follow the rains in a long migration." },
      { id: "d2", title: "Tea", text: "Green tea is picked by hand in spring." },
      { id: "d3", title: "Volcano eruption", text: "The volcano eruption buried the valley." },
      { id: "d4", title: "Savanna herds", text: "Wildebeest cross the river every year." },
      { id: "d5", title: "Mountains", text: "A dormant volcano rises above the lake." },
    ],
    queries: new Map([
      ["q1", "zebra migration"],
      ["q2", "volcano eruption"],
    ]),
    qrels: new Map([
      ["q1", new Set(["d1", "d4"])],
      ["q2", new Set(["d5"])],
    ]),
  };

  let model: Embedder;
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    model = await createUseLiteEmbedder({ workers: 1 });
    ({ dir, cleanup } = await tempDir("footnote-beir-"));
  });
  afterAll(async () => {
    await model?.close();
    await cleanup?.();
  });

  it("scores the BM25 ranking as computed by hand, without embedding the queries", async () => {
    const store = createFileStore({
      indexDir: join(dir, "index"),
      cacheDir: dir,
      feedback: { log: join(dir, "f"), maxBytes: 1 << 20 },
    });
    await indexBeir(data, store, model);
    expect((await store.manifest())?.documents.map((d) => d.id)).toEqual(["d1", "d2", "d3", "d4", "d5"]);
    // bm25 mode must not embed anything: this embedder fails the test if it is asked to.
    const noEmbedder: Embedder = {
      id: model.id,
      dimension: model.dimension,
      embed: () => Promise.reject(new Error("bm25 mode embedded a text")),
      close: () => Promise.resolve(),
    };
    // q1 ranks d1 first and never finds d4 (no query word): nDCG = 1 / (1 + 1/log2 3), recall 1/2, MRR 1.
    // q2 ranks d3 (both words) above d5 (one): nDCG = 1/log2 3, recall 1, MRR 1/2.
    const ndcg = (1 / (1 + 1 / Math.log2(3)) + 1 / Math.log2(3)) / 2;
    const report = await evaluateBeir(data, await store.open(model), noEmbedder, "bm25", {
      denseWeight: 0.2,
    });
    expect(report).toEqual({
      "ndcg@10": Math.round(ndcg * 10000) / 10000,
      "recall@100": 0.75,
      "mrr@10": 0.75,
      mode: "bm25",
      docs: 5,
      queries: 2,
    });
  });
});
