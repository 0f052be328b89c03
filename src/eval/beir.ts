import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { textKey } from "../embed/cache.js";
import type { Embedder } from "../embed/embedder.js";
import type { IndexReader, Store } from "../index/port.js";
import { buildGeneration } from "../ingest.js";
import {
  DEFAULT_SEARCH_SETTINGS,
  HybridSearcher,
  type SearchMode,
  type SearchSettings,
} from "../search/hybrid.js";
import type { Chunk } from "../types.js";

export interface BeirData {
  docs: { id: string; title: string; text: string }[];
  queries: Map<string, string>;
  /** query id → relevant doc ids (score > 0). */
  qrels: Map<string, Set<string>>;
}

const lines = (s: string) => s.split(/\r?\n/).filter((l) => l.trim());

/** Reads a BEIR-layout folder: corpus.jsonl, queries.jsonl, qrels/test.tsv (CRLF tolerated). */
export async function readBeir(dir: string, split = "test"): Promise<BeirData> {
  const [corpus, queries, qrels] = await Promise.all([
    readFile(join(dir, "corpus.jsonl"), "utf8"),
    readFile(join(dir, "queries.jsonl"), "utf8"),
    readFile(join(dir, "qrels", `${split}.tsv`), "utf8"),
  ]);
  const docs = lines(corpus).map((l) => {
    const d = JSON.parse(l) as { _id: string; title?: string; text?: string };
    return { id: String(d._id), title: d.title ?? "", text: d.text ?? "" };
  });
  const q = new Map(
    lines(queries).map((l) => {
      const x = JSON.parse(l) as { _id: string; text: string };
      return [String(x._id), x.text] as const;
    }),
  );
  const rel = new Map<string, Set<string>>();
  for (const row of lines(qrels)) {
    const [qid, did, score] = row.split("\t");
    if (!qid || !did || qid === "query-id" || !(Number(score) > 0)) continue;
    if (!rel.has(qid)) rel.set(qid, new Set());
    rel.get(qid)?.add(did);
  }
  return { docs, queries: q, qrels: rel };
}

export interface BeirReport {
  "ndcg@10": number;
  "recall@100": number;
  "mrr@10": number;
  mode: SearchMode;
  docs: number;
  queries: number;
}

/** The corpus as passages: one per doc, title + text, with the doc id as its document. */
export function beirChunks(data: BeirData): Chunk[] {
  return data.docs.map((d) => {
    const text = d.title ? `${d.title}. ${d.text}` : d.text;
    return {
      id: d.id,
      doc: d.id,
      title: d.title,
      section: "",
      pageStart: 1,
      pageEnd: 1,
      start: 0,
      end: text.length,
      text,
      footnotes: [],
      pageBreaks: [],
    };
  });
}

/**
 * Writes the corpus into a store (files or Postgres, like the books) as one generation,
 * unless the store already holds exactly these passages for this embedder.
 */
export async function indexBeir(
  data: BeirData,
  store: Store,
  embedder: Embedder,
  options: { progress?: boolean } = {},
): Promise<void> {
  await store.writing(() => indexBeirLocked(data, store, embedder, options));
}

async function indexBeirLocked(
  data: BeirData,
  store: Store,
  embedder: Embedder,
  options: { progress?: boolean },
): Promise<void> {
  const chunks = new Map(beirChunks(data).map((c) => [c.id, c]));
  const documents = [...chunks.values()].map((c) => ({ id: c.id, hash: textKey(c.text) }));
  const live = await store.manifest().catch(() => undefined);
  const same =
    live?.embedder.id === embedder.id &&
    live.documents.length === documents.length &&
    live.documents.every((d, i) => d.id === documents[i]?.id && d.hash === documents[i]?.hash);
  if (same) return;
  const plan = {
    embedder: { id: embedder.id, dimension: embedder.dimension },
    chunking: { targetTokens: 0, overlapTokens: 0 },
    documents,
    process: documents.map((d) => d.id),
  };
  await buildGeneration(store, plan, {
    progress: options.progress,
    async produce(task) {
      const chunk = chunks.get(task.doc) as Chunk;
      return { title: chunk.title, chunks: [chunk], vectors: await embedder.embed([chunk.text]) };
    },
  });
}

/** Ranks every query over the store's passages and scores the lists. */
export async function evaluateBeir(
  data: BeirData,
  reader: IndexReader,
  embedder: Embedder,
  mode: SearchMode,
  settings: Partial<SearchSettings>,
): Promise<BeirReport> {
  const searcher = new HybridSearcher(reader, embedder, {
    ...DEFAULT_SEARCH_SETTINGS,
    ...settings,
    topK: 100,
    minScore: 0,
  });
  let ndcg = 0;
  let recall = 0;
  let mrr = 0;
  const qids = [...data.qrels.keys()].filter((q) => data.queries.has(q));
  for (const qid of qids) {
    const relevant = data.qrels.get(qid) as Set<string>;
    const ranked = (await searcher.rank(data.queries.get(qid) as string, { mode, candidates: 100 })).map(
      (r) => r.chunk.doc,
    );
    let dcg = 0;
    ranked.slice(0, 10).forEach((d, i) => {
      if (relevant.has(d)) dcg += 1 / Math.log2(i + 2);
    });
    let ideal = 0;
    for (let i = 0; i < Math.min(10, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
    ndcg += dcg / ideal;
    recall += ranked.slice(0, 100).filter((d) => relevant.has(d)).length / relevant.size;
    const first = ranked.slice(0, 10).findIndex((d) => relevant.has(d));
    mrr += first >= 0 ? 1 / (first + 1) : 0;
  }
  const n = qids.length || 1;
  const r = (x: number) => Math.round((x / n) * 10000) / 10000;
  return {
    "ndcg@10": r(ndcg),
    "recall@100": r(recall),
    "mrr@10": r(mrr),
    mode,
    docs: reader.manifest.chunks,
    queries: qids.length,
  };
}
