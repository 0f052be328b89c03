/**
 * The feedback port: votes on answers and coverage gaps (questions the books could not answer),
 * in one store. `JsonlFeedbackStore` keeps them in a rotated JSONL file; another backend (e.g.
 * Postgres) implements the same three calls. Users appear only as pseudonyms (keyed hashes).
 */

export type Vote = "up" | "down";

export interface VoteRecord {
  kind: "vote";
  time: string;
  /** The answer voted on (the id its buttons carry). */
  answerId: string;
  /** Pseudonymised user id. */
  user: string;
  vote: Vote;
  question: string;
  answer: string;
  chunkIds: string[];
}

/** Why an answer counts as a gap: nothing found, only part of it backed by the books, or a 👎. */
export type GapReason = "not_found" | "partial" | "down";

export interface GapPassage {
  chunkId: string;
  title: string;
  section: string;
  page: number;
  quote: string;
}

export interface GapRecord {
  kind: "gap";
  time: string;
  answerId: string;
  user: string;
  reason: GapReason;
  question: string;
  /** The best passages found for the question, however weak. */
  passages: GapPassage[];
}

/** What a second press means: the same vote again changes nothing; the other vote replaces it. */
export type VoteOutcome = "recorded" | "changed" | "unchanged";

export interface FeedbackStore {
  /** One vote per user per answer: a repeat is not stored again, a different vote replaces it. */
  recordVote(vote: Omit<VoteRecord, "kind" | "time">): Promise<VoteOutcome>;
  recordGap(gap: Omit<GapRecord, "kind" | "time">): Promise<void>;
  /** Gaps still standing, oldest first (a 👎 later changed to 👍 is no gap). */
  gaps(): Promise<GapRecord[]>;
  /** Resolves when every write so far is stored. */
  flush(): Promise<void>;
}
