import type { Answerer } from "./answer/answerer.js";
import { createExtractiveAnswerer } from "./answer/extractive.js";
import { answerFirst } from "./answer/order.js";
import { answerFromCheck } from "./answer/verdict.js";
import type { Config } from "./config.js";
import { createEmbedder } from "./embed/create.js";
import type { Embedder } from "./embed/embedder.js";
import type { Engine } from "./engine.js";
import { checkClaim, DEFAULT_FACTCHECK_SETTINGS, type FactCheckSettings } from "./factcheck/check.js";
import { openStore } from "./index/open-store.js";
import type { IndexReader, Store } from "./index/port.js";
import { contextualQuery } from "./search/follow-up.js";
import { DEFAULT_SEARCH_SETTINGS, HybridSearcher } from "./search/hybrid.js";
import type { Answer, AskOptions, FactCheck, IndexInfo, SearchOptions, SearchResult } from "./types.js";
import { answerTypesOf } from "./understand/question.js";

export interface LoadedEngine extends Engine {
  /** Opens the store's live generation if it changed and swaps it in; in-flight questions finish on the old one. */
  reload(): Promise<boolean>;
  /** The store the engine reads (for hot reload, reindex and feedback). */
  readonly store: Store;
  /** The live generation as the engine reads it now (e.g. its term counts for the gap report). */
  reader(): IndexReader;
  close(): Promise<void>;
}

/** One immutable view of a generation: swapped as a whole on reload. */
interface Snapshot {
  reader: IndexReader;
  searcher: HybridSearcher;
}

export interface OpenOptions {
  embedder?: Embedder;
  answerer?: Answerer;
  /** A store to share (e.g. with ingest in the same process); opened from config otherwise. */
  store?: Store;
  /** Fact-check tuning (the eval sweeps it); the measured defaults otherwise. */
  factCheck?: FactCheckSettings;
}

/** Opens the engine over the store's live generation (embedder model + the store's reader). */
export async function openEngine(config: Config, options: OpenOptions = {}): Promise<LoadedEngine> {
  const owned: (() => Promise<void>)[] = [];
  const closeOwned = async () => {
    for (const close of owned.reverse()) await close();
  };
  try {
    const embedder = options.embedder ?? (await createEmbedder(config.embedder));
    if (!options.embedder) owned.push(() => embedder.close());
    const store = options.store ?? (await openStore(config));
    if (!options.store) owned.push(() => store.close());
    const answerer = options.answerer ?? (await defaultAnswerer(config));
    const settings = { ...DEFAULT_SEARCH_SETTINGS, ...config.search };

    const load = async (): Promise<Snapshot> => {
      const reader = await store.open(embedder);
      return { reader, searcher: new HybridSearcher(reader, embedder, settings) };
    };
    let snap = await load();
    let reloading: Promise<boolean> | undefined;

    const passage = (id: string) => snap.reader.passage(id);
    const check = (claim: string): Promise<FactCheck> => {
      const { searcher } = snap;
      return checkClaim(
        claim,
        {
          search: (q, o) => searcher.search(q, o),
          passage: async (id) => (await passage(id))?.chunk,
          reader: searcher.reader,
        },
        options.factCheck ?? DEFAULT_FACTCHECK_SETTINGS,
      );
    };

    // Sources are listed answer first; the extractive reading decides, whichever answerer answers.
    const extractive = createExtractiveAnswerer();
    const search = async (query: string, opts: SearchOptions = {}): Promise<SearchResult> => {
      const { searcher } = snap;
      const result = await searcher.search(query, opts);
      if (opts.offset || result.hits.length < 2) return result;
      // A yes/no question is answered by its check (as ask does): its evidence leads.
      const answer = answerTypesOf(query).includes("yesno")
        ? answerFromCheck(await check(query))
        : await extractive.answer(query, result, { reader: searcher.reader });
      return answerFirst(result, answer);
    };
    return {
      store,
      search,
      check,
      passage,
      reader: () => snap.reader,
      async ask(question: string, opts: AskOptions = {}): Promise<Answer> {
        const query = contextualQuery(question, opts.history ?? []);
        // "Did exports grow by 40%?" is a claim to check: the answer is the verdict, with its evidence.
        if (answerTypesOf(query).includes("yesno"))
          return { ...answerFromCheck(await check(query)), question };
        const { searcher } = snap;
        const result = await searcher.search(query, opts);
        const answer = await answerer.answer(query, result, {
          onToken: opts.onToken,
          reader: searcher.reader,
        });
        return { ...answer, question };
      },
      about(): IndexInfo {
        const { manifest } = snap.reader;
        return {
          documents: manifest.documents.map((d) => ({ id: d.id, title: d.title, chunks: d.chunks })),
          chunks: manifest.chunks,
          embedder: manifest.embedder.id,
          builtAt: manifest.builtAt,
        };
      },
      reload() {
        // Overlapping triggers (a watcher and /reindex) share one load.
        reloading ??= (async () => {
          const live = await store.live();
          if (!live || live === snap.reader.generation) return false;
          snap = await load();
          return true;
        })().finally(() => {
          reloading = undefined;
        });
        return reloading;
      },
      close: closeOwned,
    };
  } catch (err) {
    await closeOwned();
    throw err;
  }
}

async function defaultAnswerer(config: Config): Promise<Answerer> {
  const extractive = createExtractiveAnswerer();
  if (!config.llm) return extractive;
  const { createGeneratedAnswerer } = await import("./answer/generated.js");
  return createGeneratedAnswerer(config.llm, extractive);
}
