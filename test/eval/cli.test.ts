import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusEnv, ingestSmallCorpus, REPO, tempDir } from "../helpers/corpus.js";

const run = promisify(execFile);

describe("npm run eval -- --qa --json", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempDir("footnote-eval-"));
    await ingestSmallCorpus(root);
    const items = [
      {
        id: "T1",
        question: "What was the volume of mutual trade within the CIS in 2017?",
        type: "factoid",
        evidence: [{ file: "001_04d2d979b8eaaf9e.txt", quote: "trade totalled USD 164 billion", hop: 1 }],
      },
      {
        id: "T2",
        question: "Is it true that CIS mutual trade totalled USD 164 billion in 2017?",
        type: "fact_check",
        verdict: "true",
        evidence: [],
      },
      { id: "T3", question: "What was the inflation rate in Belarus in 2020?", type: "unanswerable" },
    ];
    await writeFile(join(root, "qa.jsonl"), items.map((i) => JSON.stringify(i)).join("\n"));
  });
  afterAll(() => cleanup?.());

  it("prints one JSON document with exactly the documented keys plus factCheck", async () => {
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "scripts/eval.ts", "--qa", join(root, "qa.jsonl"), "--json"],
      { cwd: REPO, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...corpusEnv(root) } },
    );
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual([
      "questions",
      "recall@1",
      "recall@5",
      "recall@10",
      "mrr@10",
      "notFound",
      "leadFigure",
      "failures",
      "factCheck",
    ]);
    expect(report.questions).toBe(3);
    expect(Object.keys(report.notFound)).toEqual(["correct", "falseRefusals"]);
    expect(Object.keys(report.factCheck)).toEqual([
      "questions",
      "accuracy",
      "supported",
      "contradicted",
      "notFound",
      "wrongSupported",
    ]);
    // T2 and T3 are checked; an open question is never a claim, so T3 is not found.
    expect(report.factCheck).toMatchObject({ questions: 2, notFound: 1, wrongSupported: 0 });
  });
});
