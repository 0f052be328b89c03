import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type ChatOptions, runChat } from "../../src/cli/chat.js";
import { formatAnswer } from "../../src/cli/format.js";
import type { Engine } from "../../src/engine.js";
import type { Answer } from "../../src/types.js";

/** The terminal chat as a transport: what it writes while a fake engine streams. */

const CITATION = {
  n: 1,
  doc: "001_seed.txt",
  title: "Book 1",
  section: "Section 1",
  page: 11,
  quote: "The working group approved the first four sections.",
  chunkId: "chunk-1",
  score: 0.9,
};

const generated: Answer = {
  question: "q",
  found: true,
  answer: "The group approved four sections [1].",
  citations: [CITATION],
  mode: "generated",
};

const fallback: Answer = {
  question: "q",
  found: true,
  answer: "The working group approved the first four sections. [1]",
  citations: [CITATION],
  mode: "extractive",
  note: "language model unavailable: connection lost during the reply",
};

/** An engine that streams `partials` to onToken, then answers `answer`; it records what it was asked. */
function fakeEngine(
  partials: string[],
  answer: Answer,
  asked: string[] = [],
  overrides: Partial<Engine> = {},
): Engine {
  return {
    async ask(question, options) {
      asked.push(question);
      for (const partial of partials) {
        options?.onToken?.(partial);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return answer;
    },
    search: async (query) => ({ query, found: false, hits: [] }),
    check: async (claim) => ({
      claim,
      verdict: "not_found",
      explanation: "Nothing in the books speaks to this claim.",
      elements: [],
      evidence: [],
      conflicts: [],
    }),
    passage: async (id) =>
      id === "chunk-1"
        ? {
            chunk: {
              id: "chunk-1",
              doc: "001_seed.txt",
              title: "Book 1",
              section: "Section 1",
              pageStart: 11,
              pageEnd: 11,
              start: 0,
              end: 10,
              text: "The whole passage.",
              footnotes: [],
            },
          }
        : undefined,
    about: () => ({ documents: [], chunks: 0, embedder: "none", builtAt: "" }),
    ...overrides,
  };
}

const PROMPT = "> ";

/** Every write of the chat after its greeting (up to and including the first prompt), in order. */
async function chat(
  engine: Engine,
  lines = ["what was approved?"],
  options: Partial<ChatOptions> = {},
): Promise<string[]> {
  const writes: string[] = [];
  const output = new Writable({
    write(chunk, _encoding, done) {
      writes.push(String(chunk));
      done();
    },
  });
  await runChat(engine, {
    input: Readable.from([...lines, "/quit"].map((l) => `${l}\n`)),
    output,
    ...options,
  });
  return writes.slice(writes.indexOf(PROMPT) + 1);
}

describe("terminal chat", () => {
  it("prints only the new text of each partial answer, then the sources with their passage ids, then a prompt", async () => {
    const writes = await chat(
      fakeEngine(["The group", "The group approved", "The group approved four sections [1]."], generated),
    );
    expect(writes).toEqual([
      "\nThe group",
      " approved",
      " four sections [1].",
      `\n\nSources:\n[1] Book 1 — Section 1, p. 11 (passage chunk-1): "${CITATION.quote}"\n\n`,
      PROMPT,
    ]);
    // Streamed or not, the chat shows the same text in the end.
    expect(writes.slice(0, -1).join("")).toBe(`\n${formatAnswer(generated)}\n\n`);
  });

  it("prints the extractive answer with its note below the partial text after a fallback", async () => {
    const writes = await chat(fakeEngine(["The group", "The group approved [1]"], fallback));
    expect(writes.join("")).toBe(`\nThe group approved [1]\n\n${formatAnswer(fallback)}\n\n${PROMPT}`);
    expect(writes.join("")).toContain("(language model unavailable: connection lost during the reply)");
  });

  it("prints a non-streamed answer in one piece", async () => {
    expect(await chat(fakeEngine([], generated))).toEqual([`\n${formatAnswer(generated)}\n\n`, PROMPT]);
  });

  it("greets with the commands and shows a prompt for each line", async () => {
    const writes: string[] = [];
    const output = new Writable({
      write(chunk, _e, done) {
        writes.push(String(chunk));
        done();
      },
    });
    await runChat(fakeEngine([], generated), { input: Readable.from(["\n", "/new\n"]), output });
    const text = writes.join("");
    expect(text).toMatch(/^Ask a question about the books .*\n {2}\/source <passage id> /);
    expect(text).toContain("/quit");
    expect(writes.filter((w) => w === PROMPT)).toHaveLength(3);
  });

  it("shows a passage by the id printed with its source; a bare or unknown command prints its usage", async () => {
    const out = (
      await chat(fakeEngine([], generated), ["/source chunk-1", "/source", "/source nope", "/foo bar"])
    ).join("");
    expect(out).toContain("Book 1 — Section 1, p. 11 (passage chunk-1)\n\nThe whole passage.");
    expect(out).toContain("usage: /source <passage id>\n");
    expect(out).toContain("No passage has the id nope.");
    expect(out).toMatch(/Unknown command \/foo\. Commands:\n {2}\/source/);
  });

  it("/check shows the verdict once, the elements and the evidence quotes; bare /check prints its usage", async () => {
    const checked: string[] = [];
    const check: Engine["check"] = async (claim) => {
      checked.push(claim);
      return {
        claim,
        verdict: "supported",
        explanation: "The books give USD 164 billion (Book 1, p. 11).",
        elements: [{ kind: "figure", claim: "$164 bn", status: "matched", book: "USD 164 billion" }],
        evidence: [{ ...CITATION, title: "Book 1", section: "Book 1" }],
        conflicts: [],
      };
    };
    const out = (
      await chat(fakeEngine([], generated, [], { check }), [
        "/check <@1000000000000000002> trade was $164 bn",
        "/check",
      ])
    ).join("");
    expect(checked).toEqual(["trade was $164 bn"]);
    expect(out).toContain(
      `SUPPORTED — The books give USD 164 billion (Book 1, p. 11).\n  ✓ figure: $164 bn — the books: USD 164 billion\n[1] Book 1 — p. 11 (passage chunk-1): "${CITATION.quote}"`,
    );
    expect(out).not.toMatch(/supported: supported/i);
    expect(out).toContain("usage: /check <claim>\n");
  });

  it("asks the question without pasted Discord markup", async () => {
    const asked: string[] = [];
    await chat(fakeEngine([], generated, asked), ["@everyone <@1000000000000000002> what was approved?"]);
    expect(asked).toEqual(["what was approved?"]);
  });
});
