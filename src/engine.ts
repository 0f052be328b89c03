import type { Answer, Chunk, FactCheck, SearchResult } from "./types.js";

/** What every transport (CLI, terminal chat, Discord) calls; none of them holds retrieval logic. */
export interface Engine {
  /** Answers a question; `history` holds earlier questions of a conversation for follow-ups. */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  /** Checks a claim against the books element by element: supported, contradicted or not found. */
  check(claim: string): Promise<FactCheck>;
  /** A chunk by id, with its neighbours in the same document for context. */
  passage(id: string): Promise<PassageContext | undefined>;
  about(): IndexInfo;
}

export interface SearchOptions {
  topK?: number;
  /** Skip this many hits (for "More sources"). */
  offset?: number;
}

export interface AskOptions extends SearchOptions {
  history?: string[];
  /** Called with partial answer text while a generated answer streams. */
  onToken?: (textSoFar: string) => void;
}

export interface PassageContext {
  chunk: Chunk;
  before?: Chunk;
  after?: Chunk;
}

export interface IndexInfo {
  documents: { id: string; title: string; chunks: number }[];
  chunks: number;
  embedder: string;
  builtAt: string;
}
