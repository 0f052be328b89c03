import type { FeedbackStore, GapRecord, VoteOutcome, VoteRecord } from "../../feedback/store.js";
import type { Db } from "./db.js";

/**
 * Votes and coverage gaps in the index's database, so every replica of the bot shares them. One
 * vote per user per answer (a unique key), the same rules as the JSONL log; users appear only as
 * the pseudonyms the bot hands in.
 */
export class PostgresFeedbackStore implements FeedbackStore {
  #tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly s: string,
  ) {}

  recordVote(vote: Omit<VoteRecord, "kind" | "time">): Promise<VoteOutcome> {
    const { s } = this;
    return this.#track(
      this.db.tx(async (q) => {
        const inserted = await q(
          `INSERT INTO ${s}.feedback_votes (answer_id, user_hash, vote, question, answer, chunk_ids)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (answer_id, user_hash) DO NOTHING`,
          [vote.answerId, vote.user, vote.vote, vote.question, vote.answer, vote.chunkIds],
        );
        if (inserted.rowCount === 1) return "recorded";
        const changed = await q(
          `UPDATE ${s}.feedback_votes SET vote = $3, at = now()
           WHERE answer_id = $1 AND user_hash = $2 AND vote <> $3`,
          [vote.answerId, vote.user, vote.vote],
        );
        return changed.rowCount === 1 ? "changed" : "unchanged";
      }),
    );
  }

  async recordGap(gap: Omit<GapRecord, "kind" | "time">): Promise<void> {
    const { s } = this;
    await this.#track(
      this.db.tx((q) =>
        q(
          `INSERT INTO ${s}.feedback_gaps (answer_id, user_hash, reason, question, passages)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (answer_id, user_hash, reason) DO NOTHING`,
          [gap.answerId, gap.user, gap.reason, gap.question, JSON.stringify(gap.passages)],
        ),
      ),
    );
  }

  async gaps(): Promise<GapRecord[]> {
    await this.flush();
    const { s } = this;
    // A 👎 is a gap only while the vote stands.
    const { rows } = await this.db.tx(
      (q) =>
        q<{
          at: Date;
          answer_id: string;
          user_hash: string;
          reason: GapRecord["reason"];
          question: string;
          passages: GapRecord["passages"];
        }>(
          `SELECT g.at, g.answer_id, g.user_hash, g.reason, g.question, g.passages
           FROM ${s}.feedback_gaps g
           LEFT JOIN ${s}.feedback_votes v ON v.answer_id = g.answer_id AND v.user_hash = g.user_hash
           WHERE g.reason <> 'down' OR v.vote = 'down'
           ORDER BY g.at, g.id`,
        ),
      "read",
    );
    return rows.map((r) => ({
      kind: "gap",
      time: r.at.toISOString(),
      answerId: r.answer_id,
      user: r.user_hash,
      reason: r.reason,
      question: r.question,
      passages: r.passages,
    }));
  }

  async flush(): Promise<void> {
    await this.#tail;
  }

  /** Keeps the write in the chain `flush` waits for (its failure is the caller's to handle). */
  #track<T>(write: Promise<T>): Promise<T> {
    this.#tail = this.#tail.then(() => write.catch(() => undefined));
    return write;
  }
}
