import { randomBytes } from "node:crypto";
import type { Answer } from "../types.js";

/** A bounded least-recently-used map: a Map keeps insertion order, so re-inserting marks use. */
export class Lru<V> {
  readonly #items = new Map<string, V>();

  constructor(readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.#items.get(key);
    if (value !== undefined) {
      this.#items.delete(key);
      this.#items.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.#items.delete(key);
    this.#items.set(key, value);
    while (this.#items.size > this.capacity) {
      const oldest = this.#items.keys().next().value as string;
      this.#items.delete(oldest);
    }
  }

  get size(): number {
    return this.#items.size;
  }
}

/** What the buttons under an answer need; custom_id only carries the short key. */
export interface AnswerState {
  question: string;
  answer: Answer;
  /** Offset of the next "More sources" page. */
  nextOffset: number;
  /** The answer's citations its first message did not show: the first "More sources" page. */
  unshown: Answer["citations"];
}

/** 8 url-safe characters: custom ids stay far below Discord's 100-character limit. */
export function shortId(): string {
  return randomBytes(6).toString("base64url");
}
