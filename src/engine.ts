import type {
  Answer,
  AskOptions,
  FactCheck,
  IndexInfo,
  PassageContext,
  SearchOptions,
  SearchResult,
} from "./types.js";

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
