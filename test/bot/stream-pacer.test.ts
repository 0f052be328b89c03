import { describe, expect, it } from "vitest";
import { type Clock, createStreamPacer } from "../../src/bot/stream-pacer.js";

const INTERVAL = 1_000;

/** A clock that only moves when told; due timers fire in order, with pending promises settled between them. */
class ManualClock implements Clock {
  time = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 0;

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): number {
    const id = ++this.nextId;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  }

  clearTimeout(id: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
      await settle();
    }
    this.time = end;
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A pacer whose sends are recorded with their start and settle times; each takes `sendMs`. */
function setup(sendMs = 0) {
  const clock = new ManualClock();
  const sends: { value: string; at: number; settled?: number }[] = [];
  const errors: unknown[] = [];
  const pacer = createStreamPacer(
    (value: string) => {
      const send: (typeof sends)[number] = { value, at: clock.now() };
      sends.push(send);
      if (value === "fail") return Promise.reject(new Error("edit refused"));
      return new Promise<void>((resolve) =>
        clock.setTimeout(() => {
          send.settled = clock.now();
          resolve();
        }, sendMs),
      );
    },
    { intervalMs: INTERVAL, clock, onError: (err) => errors.push(err) },
  );
  return { clock, sends, errors, pacer };
}

describe("stream pacer", () => {
  it("waits an interval before the first edit and sends only the latest of the values pushed meanwhile", async () => {
    const { clock, sends, pacer } = setup();
    for (let i = 1; i <= 9; i++) {
      pacer.push(`v${i}`);
      await clock.advance(100);
    }
    expect(sends).toEqual([]);
    await clock.advance(100);
    expect(sends.map((s) => [s.value, s.at])).toEqual([["v9", INTERVAL]]);
    await clock.advance(5 * INTERVAL);
    expect(sends).toHaveLength(1);
  });

  it("keeps a steady pace under a token flood: one edit in flight, each an interval after the last settled", async () => {
    const { clock, sends, pacer } = setup(300);
    for (let i = 1; i <= 200; i++) {
      pacer.push(`v${i}`);
      await clock.advance(50);
    }
    // 10 s of tokens, each edit taking 300 ms: one edit per 1.3 s.
    expect(sends.length).toBe(7);
    for (const [i, send] of sends.entries()) {
      const previous = sends[i - 1];
      if (previous) expect(send.at - (previous.settled ?? Number.NaN)).toBeGreaterThanOrEqual(INTERVAL);
    }
    expect(sends.at(-1)?.value).not.toBe("v1");
  });

  it("close drops what is pending, waits for the edit in flight and the interval after it, then sends nothing", async () => {
    const { clock, sends, pacer } = setup(200);
    pacer.push("a");
    await clock.advance(INTERVAL + 100); // "a" in flight until 1200
    pacer.push("b");
    let closedAt: number | undefined;
    void pacer.close().then(() => {
      closedAt = clock.now();
    });
    await clock.advance(5 * INTERVAL);
    expect(sends.map((s) => s.value)).toEqual(["a"]);
    expect(closedAt).toBe(INTERVAL + 200 + INTERVAL);
    pacer.push("c");
    await clock.advance(5 * INTERVAL);
    expect(sends.map((s) => s.value)).toEqual(["a"]);
  });

  it("close returns at once when nothing was sent", async () => {
    const { clock, sends, pacer } = setup();
    pacer.push("a");
    let closed = false;
    void pacer.close().then(() => {
      closed = true;
    });
    await clock.advance(0);
    expect(closed).toBe(true);
    await clock.advance(5 * INTERVAL);
    expect(sends).toEqual([]);
  });

  it("reports a failed edit and goes on with the next value", async () => {
    const { clock, sends, errors, pacer } = setup();
    pacer.push("fail");
    await clock.advance(INTERVAL);
    pacer.push("b");
    await clock.advance(INTERVAL);
    expect(sends.map((s) => [s.value, s.at])).toEqual([
      ["fail", INTERVAL],
      ["b", 2 * INTERVAL],
    ]);
    expect(errors).toEqual([new Error("edit refused")]);
  });
});
