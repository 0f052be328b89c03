import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JsonlFeedbackStore } from "../../src/feedback/jsonl.js";
import { runScript } from "../helpers/cli.js";
import { tempDir } from "../helpers/corpus.js";

const gaps = (args: string[], env: Record<string, string>) => runScript("gaps.ts", args, env);

const QUESTIONS = [
  "how many MAZ buses does Kazan run?",
  "how much is the Piteravto order for Belarusian buses worth?",
  "good recipe for draniki with Belarusian potatoes?",
];

describe("npm run gaps", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let env: Record<string, string>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir("footnote-gaps-"));
    env = {
      FEEDBACK_LOG: join(dir, "feedback.jsonl"),
      INDEX_DIR: join(dir, "no-index"),
      LOG_LEVEL: "silent",
    };
    const store = new JsonlFeedbackStore(env.FEEDBACK_LOG as string, { maxBytes: 1 << 20 });
    for (const [i, question] of QUESTIONS.entries()) {
      await store.recordGap({
        answerId: `a${i}`,
        user: `u${i}`,
        reason: i === 1 ? "down" : "not_found",
        question,
        passages: [
          {
            chunkId: "0123abcd",
            title: "Contours of union integration",
            section: "Chapter 3",
            page: 35,
            quote: "…",
          },
        ],
      });
    }
    await store.recordVote({
      answerId: "a1",
      user: "u1",
      vote: "down",
      question: QUESTIONS[1] as string,
      answer: "x",
      chunkIds: [],
    });
  });
  afterAll(() => cleanup?.());

  it("prints the topics, most asked first, with examples and the nearest passages", async () => {
    const run = await gaps([], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(
      "3 question(s) the books could not answer (2 not found, 1 👎); top 2 topic(s), most asked first:",
    );
    expect(run.stdout).toContain("1. buses — 2 question(s) from 2 person(s) (1 not found, 1 👎)");
    expect(run.stdout).toContain(`   ? ${QUESTIONS[0]}`);
    expect(run.stdout).toContain(
      "   nearest: Contours of union integration — Chapter 3, p. 35 (id 0123abcd, 2×)",
    );
    expect(run.stdout).toMatch(/^2\. (recipe · draniki|draniki · recipe) — 1 question/m);
  });

  it("--json prints the report as one JSON object; --top limits it", async () => {
    const run = await gaps(["--json", "--top", "1"], env);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ total: 3, reasons: { not_found: 2, partial: 0, down: 1 }, more: 1 });
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]).toMatchObject({
      topic: ["buses"],
      count: 2,
      people: 2,
      questions: QUESTIONS.slice(0, 2),
    });
  });

  it("--help says what it does; a bad flag is a usage error; an empty log says so", async () => {
    const help = await gaps(["--help"], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /^usage: npm run --silent gaps -- \[--top N\] \[--json\]\n\nWhat people asked/,
    );
    const bad = await gaps(["--top", "0"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("footnote: --top must be a whole number from 1 to 1000.\n");
    const empty = await gaps([], { ...env, FEEDBACK_LOG: join(dir, "none.jsonl") });
    expect(empty.stdout).toMatch(/^No coverage gaps recorded yet/);
  });
});
