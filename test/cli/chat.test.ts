import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runChat } from "../../src/cli/chat.js";
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

/** An engine that streams `partials` to onToken, then answers `answer`. */
function fakeEngine(partials: string[], answer: Answer): Engine {
  return {
    async ask(_question, options) {
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
    passage: async () => undefined,
    about: () => ({ documents: [], chunks: 0, embedder: "none", builtAt: "" }),
  };
}

/** Every write of the chat after its greeting line, in order. */
async function chat(engine: Engine): Promise<string[]> {
  const writes: string[] = [];
  const output = new Writable({
    write(chunk, _encoding, done) {
      writes.push(String(chunk));
      done();
    },
  });
  await runChat(engine, { input: Readable.from(["what was approved?\n", "/quit\n"]), output });
  return writes.slice(1);
}

describe("terminal chat", () => {
  it("prints only the new text of each partial answer, then the sources", async () => {
    const writes = await chat(
      fakeEngine(["The group", "The group approved", "The group approved four sections [1]."], generated),
    );
    expect(writes).toEqual([
      "\nThe group",
      " approved",
      " four sections [1].",
      `\n\nSources:\n[1] Book 1 — Section 1, p. 11: "${CITATION.quote}"\n\n`,
    ]);
    // Streamed or not, the chat shows the same text in the end.
    expect(writes.join("")).toBe(`\n${formatAnswer(generated)}\n\n`);
  });

  it("prints the extractive answer with its note below the partial text after a fallback", async () => {
    const writes = await chat(fakeEngine(["The group", "The group approved [1]"], fallback));
    expect(writes.join("")).toBe(`\nThe group approved [1]\n\n${formatAnswer(fallback)}\n\n`);
    expect(writes.join("")).toContain("(language model unavailable: connection lost during the reply)");
  });

  it("prints a non-streamed answer in one piece", async () => {
    expect(await chat(fakeEngine([], generated))).toEqual([`\n${formatAnswer(generated)}\n\n`]);
  });
});
