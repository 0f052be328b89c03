import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatCompletion, LlmError, SseParser } from "../../src/answer/llm-client.js";
import { FakeLlm } from "./fixtures.js";

describe("SseParser", () => {
  const stream =
    ": comment first\r\n" +
    'data: {"a":1}\r\n\r\n' +
    "event: ignored\nid: 7\ndata: first line\ndata:second line\n\n" +
    "retry: 100\rdata: cr only\r\r" +
    "data: [DONE]\n\n";
  const expected = ['{"a":1}', "first line\nsecond line", "cr only", "[DONE]"];

  it("yields the data of each event, whatever the line endings", () => {
    const parser = new SseParser();
    expect([...parser.push(stream), ...parser.end()]).toEqual(expected);
  });

  it("gives the same events however the stream is split", () => {
    for (let i = 0; i <= stream.length; i++) {
      for (const j of [i, Math.min(stream.length, i + 1), Math.min(stream.length, i + 7)]) {
        const parser = new SseParser();
        const events = [
          ...parser.push(stream.slice(0, i)),
          ...parser.push(stream.slice(i, j)),
          ...parser.push(stream.slice(j)),
          ...parser.end(),
        ];
        expect(events, `split at ${i}/${j}`).toEqual(expected);
      }
    }
  });

  it("flushes a last event that lacks its blank line", () => {
    const parser = new SseParser();
    expect(parser.push("data: tail")).toEqual([]);
    expect(parser.end()).toEqual(["tail"]);
  });
});

describe("chatCompletion", { timeout: 10_000 }, () => {
  let llm: FakeLlm;
  beforeAll(async () => {
    llm = await new FakeLlm().start();
  });
  afterAll(() => llm.close());
  const messages = [{ role: "user" as const, content: "Hi" }];

  it("returns the reply in plain mode", async () => {
    llm.behaviour = "reply";
    llm.reply = "Trade grew by 25% [1].";
    await expect(chatCompletion(llm.config(), messages)).resolves.toBe("Trade grew by 25% [1].");
    expect(llm.requests.at(-1)?.body.stream).toBe(false);
  });

  it("streams the reply, reporting the growing text", async () => {
    llm.behaviour = "reply";
    llm.reply = "Mutual trade within the CIS totalled USD 164 billion — “up 25%” [1].";
    const seen: string[] = [];
    const text = await chatCompletion(llm.config(), messages, { onToken: (t) => seen.push(t) });
    expect(text).toBe(llm.reply);
    expect(llm.requests.at(-1)?.body.stream).toBe(true);
    expect(seen.length).toBeGreaterThan(2);
    seen.slice(1).forEach((t, i) => {
      expect(t.startsWith(seen[i] as string) && t.length > (seen[i] as string).length).toBe(true);
    });
    expect(seen.at(-1)).toBe(llm.reply);
  });

  it("fails with a short LlmError on HTTP errors", async () => {
    llm.behaviour = "500";
    await expect(chatCompletion(llm.config(), messages)).rejects.toEqual(new LlmError("HTTP 500: boom"));
    llm.behaviour = "429";
    await expect(chatCompletion(llm.config(), messages)).rejects.toEqual(
      new LlmError("rate limited (HTTP 429, retry after 7 s)"),
    );
  });
});
