import { appendFile, mkdir, readFile, rename, stat } from "node:fs/promises";
import { dirname } from "node:path";
import type { FeedbackStore, GapRecord, Vote, VoteOutcome, VoteRecord } from "./store.js";

export interface JsonlStoreOptions {
  /** The file is rotated before it would grow past this. */
  maxBytes: number;
  /**
   * Rotated files kept: `<path>.1` (newest) … `<path>.<keep>`; older ones are dropped.
   * @default 3 — with the default 10 MB that is ~40 MB, years of votes for a team.
   */
  keep?: number;
  /**
   * Votes remembered to tell a repeated press from a new vote (answer × user pairs). An
   * answer's buttons only live as long as the bot's state for it (1,000 answers), so this
   * only has to cover those.
   * @default 10000
   */
  memory?: number;
  now?: () => Date;
}

type Line = VoteRecord | GapRecord;

/**
 * Votes and gaps as JSON lines, appended one at a time (writes are chained, so concurrent calls
 * never interleave), rotated by size. Reading skips a torn or foreign line rather than failing.
 */
export class JsonlFeedbackStore implements FeedbackStore {
  #tail: Promise<unknown> = Promise.resolve();
  #size: number | undefined;
  readonly #votes = new Map<string, Vote>();
  readonly #keep: number;
  readonly #memory: number;
  readonly #now: () => Date;

  constructor(
    readonly path: string,
    private readonly options: JsonlStoreOptions,
  ) {
    this.#keep = options.keep ?? 3;
    this.#memory = options.memory ?? 10_000;
    this.#now = options.now ?? (() => new Date());
  }

  async recordVote(vote: Omit<VoteRecord, "kind" | "time">): Promise<VoteOutcome> {
    const key = `${vote.answerId}\n${vote.user}`;
    const before = this.#votes.get(key);
    if (before === vote.vote) return "unchanged";
    this.#remember(key, vote.vote);
    try {
      await this.#append({ kind: "vote", time: this.#now().toISOString(), ...vote });
    } catch (err) {
      if (before) this.#remember(key, before);
      else this.#votes.delete(key);
      throw err;
    }
    return before ? "changed" : "recorded";
  }

  async recordGap(gap: Omit<GapRecord, "kind" | "time">): Promise<void> {
    await this.#append({ kind: "gap", time: this.#now().toISOString(), ...gap });
  }

  async gaps(): Promise<GapRecord[]> {
    await this.flush();
    const lines = (await this.#readAll()).filter(isLine);
    const finalVote = new Map<string, Vote>();
    for (const l of lines) if (l.kind === "vote") finalVote.set(`${l.answerId}\n${l.user}`, l.vote);
    const seen = new Set<string>();
    return lines.filter((l): l is GapRecord => {
      if (l.kind !== "gap") return false;
      const who = `${l.answerId}\n${l.user}`;
      if (l.reason === "down" && finalVote.get(who) !== "down") return false;
      const key = `${who}\n${l.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  flush(): Promise<void> {
    return this.#tail.then(() => {});
  }

  #remember(key: string, vote: Vote): void {
    this.#votes.delete(key);
    this.#votes.set(key, vote);
    if (this.#votes.size > this.#memory) this.#votes.delete(this.#votes.keys().next().value as string);
  }

  #append(line: Line): Promise<void> {
    const text = `${JSON.stringify(line)}\n`;
    const write = this.#tail.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      this.#size ??= await stat(this.path).then(
        (s) => s.size,
        () => 0,
      );
      const bytes = Buffer.byteLength(text);
      if (this.#size > 0 && this.#size + bytes > this.options.maxBytes) await this.#rotate();
      await appendFile(this.path, text, "utf8");
      this.#size += bytes;
    });
    // A failed write is reported to its caller but must not block later ones.
    this.#tail = write.catch(() => {
      this.#size = undefined;
    });
    return write;
  }

  async #rotate(): Promise<void> {
    for (let i = this.#keep - 1; i >= 1; i--)
      await renameIfThere(`${this.path}.${i}`, `${this.path}.${i + 1}`);
    await renameIfThere(this.path, `${this.path}.1`);
    this.#size = 0;
  }

  /** Every line of the rotated files and the current one, oldest first. */
  async #readAll(): Promise<unknown[]> {
    const files = [
      ...Array.from({ length: this.#keep }, (_, i) => `${this.path}.${this.#keep - i}`),
      this.path,
    ];
    const out: unknown[] = [];
    for (const file of files) {
      const text = await readFile(file, "utf8").catch(() => "");
      for (const line of text.split("\n")) {
        if (!line.trim()) continue;
        try {
          out.push(JSON.parse(line));
        } catch {
          // A line torn by a crash mid-write; the rest of the file is still good.
        }
      }
    }
    return out;
  }
}

function isLine(x: unknown): x is Line {
  const l = x as Partial<Line> | null;
  return (
    typeof l === "object" &&
    l !== null &&
    typeof l.answerId === "string" &&
    typeof l.user === "string" &&
    (l.kind === "vote" || (l.kind === "gap" && Array.isArray(l.passages) && typeof l.question === "string"))
  );
}

async function renameIfThere(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}
