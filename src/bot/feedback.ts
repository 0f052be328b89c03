import { createHash } from "node:crypto";
import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";

export interface FeedbackEntry {
  question: string;
  answer: string;
  chunkIds: string[];
  vote: "up" | "down";
  userId: string;
}

/** The JSONL line: the user id is stored only as its sha256, never raw. */
export interface FeedbackRecord extends Omit<FeedbackEntry, "userId"> {
  time: string;
  user: string;
}

export function hashUserId(userId: string): string {
  return createHash("sha256").update(userId).digest("hex");
}

/** Appends votes to a JSONL file; writes are chained so concurrent votes never interleave. */
export class FeedbackLog {
  #tail: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(entry: FeedbackEntry): Promise<void> {
    const { userId, ...rest } = entry;
    const line: FeedbackRecord = { time: this.now().toISOString(), ...rest, user: hashUserId(userId) };
    const write = this.#tail.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      await appendFile(this.path, `${JSON.stringify(line)}\n`, "utf8");
    });
    // A failed write is reported to its caller but must not block later votes.
    this.#tail = write.catch(() => {});
    return write;
  }

  /** Resolves when every pending write has finished. */
  flush(): Promise<void> {
    return this.#tail;
  }
}
