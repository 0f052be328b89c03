import type { Answerer } from "./answer/answerer.js";
import { createExtractiveAnswerer } from "./answer/extractive.js";
import type { Config } from "./config.js";
import { createEmbedder } from "./embed/create.js";
import type { Embedder } from "./embed/embedder.js";
import type { AskOptions, Engine, IndexInfo, PassageContext, SearchOptions } from "./engine.js";
import { currentBuild, type IndexData, loadIndex } from "./index/store.js";
import { documentLink } from "./links.js";
import { contextualQuery } from "./search/follow-up.js";
import { HybridSearcher } from "./search/hybrid.js";
import type { Answer, Chunk, Citation, SearchResult } from "./types.js";

export interface LoadedEngine extends Engine {
  /** Loads the index's live build if it changed and swaps it in; in-flight questions finish on the old one. */
  reload(): Promise<boolean>;
  close(): Promise<void>;
}

/** One immutable view of a build: swapped as a whole on reload. */
interface Snapshot {
  build: string;
  index: IndexData;
  searcher: HybridSearcher;
  byId: Map<string, number>;
}

export interface OpenOptions {
  embedder?: Embedder;
  answerer?: Answerer;
}

/** Opens the engine over the built index (embedder model + index load). */
export async function openEngine(config: Config, options: OpenOptions = {}): Promise<LoadedEngine> {
  const embedder = options.embedder ?? (await createEmbedder(config.embedder));
  const ownsEmbedder = options.embedder === undefined;
  const answerer = options.answerer ?? (await defaultAnswerer(config));

  const load = async (): Promise<Snapshot> => {
    const build = (await currentBuild(config.indexDir)) ?? "";
    const index = await loadIndex(config.indexDir, embedder);
    return {
      build,
      index,
      searcher: new HybridSearcher(index, embedder, config.search),
      byId: new Map(index.chunks.map((c, i) => [c.id, i])),
    };
  };
  let snap: Snapshot;
  try {
    snap = await load();
  } catch (err) {
    if (ownsEmbedder) await embedder.close();
    throw err;
  }

  const search = (query: string, opts: SearchOptions = {}): Promise<SearchResult> =>
    snap.searcher.search(query, opts);

  return {
    search,
    async ask(question: string, opts: AskOptions = {}): Promise<Answer> {
      const query = contextualQuery(question, opts.history ?? []);
      const result = await search(query, opts);
      const answer = await answerer.answer(query, result, { onToken: opts.onToken });
      return { ...answer, question, citations: answer.citations.map((c) => withLink(c, snap)) };
    },
    passage(id: string): PassageContext | undefined {
      const { chunks } = snap.index;
      const i = snap.byId.get(id);
      if (i === undefined) return undefined;
      const chunk = chunks[i] as Chunk;
      const sameDoc = (c: Chunk | undefined) => (c && c.doc === chunk.doc ? c : undefined);
      return { chunk, before: sameDoc(chunks[i - 1]), after: sameDoc(chunks[i + 1]) };
    },
    about(): IndexInfo {
      const { manifest } = snap.index;
      return {
        documents: manifest.documents.map((d) => ({ id: d.id, title: d.title, chunks: d.chunks })),
        chunks: manifest.chunks,
        embedder: manifest.embedder.id,
        builtAt: manifest.builtAt,
      };
    },
    async reload() {
      const build = await currentBuild(config.indexDir);
      if (!build || build === snap.build) return false;
      snap = await load();
      return true;
    },
    async close() {
      if (ownsEmbedder) await embedder.close();
    },
  };
}

/** A citation of a document with a `url` links to it, at the cited page for a PDF. */
function withLink(c: Citation, snap: Snapshot): Citation {
  const i = snap.byId.get(c.chunkId);
  const url = documentLink(i === undefined ? undefined : snap.index.chunks[i]?.url, c.page);
  return url ? { ...c, url } : c;
}

async function defaultAnswerer(config: Config): Promise<Answerer> {
  const extractive = createExtractiveAnswerer();
  if (!config.llm) return extractive;
  const { createGeneratedAnswerer } = await import("./answer/generated.js");
  return createGeneratedAnswerer(config.llm, extractive);
}
