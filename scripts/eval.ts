import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCliArgs, runCli, UsageError } from "../src/cli/run.js";
import { withEmbeddingCache } from "../src/embed/cache.js";
import { createEmbedder } from "../src/embed/create.js";
import { evaluateBeir, indexBeir, readBeir } from "../src/eval/beir.js";
import {
  expectedVerdict,
  type FactCheckOutcome,
  factCheckFailures,
  factCheckReport,
} from "../src/eval/factcheck.js";
import { hitRank, type QaOutcome, qaReport, readQaFile } from "../src/eval/qa.js";
import { engineFactChecker } from "../src/factcheck/check.js";
import { openStore } from "../src/index/open-store.js";
import { openEngine } from "../src/open.js";
import type { SearchMode } from "../src/search/hybrid.js";

const USAGE =
  "npm run eval -- --qa <file.jsonl> [--k 10] [--json] | --beir <dir> [--mode hybrid|dense|bm25] [--json]";

await runCli(async (config) => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    {
      qa: { type: "string" },
      beir: { type: "string" },
      k: { type: "string" },
      mode: { type: "string" },
      json: { type: "boolean" },
    },
    USAGE,
  );
  if (!values.qa === !values.beir)
    throw new UsageError(`Give exactly one of --qa or --beir.\nusage: ${USAGE}`);

  if (values.beir) {
    const mode = (values.mode ?? "hybrid") as SearchMode;
    if (!["hybrid", "dense", "bm25"].includes(mode))
      throw new UsageError("--mode must be hybrid, dense or bm25.");
    const data = await readBeir(values.beir);
    // The BEIR passages go to a store of their own, never into the corpus's index.
    const tmp = await mkdtemp(join(tmpdir(), "footnote-beir-"));
    const store = await openStore({
      ...config,
      store:
        config.store.kind === "postgres"
          ? { ...config.store, schema: `${config.store.schema}_beir` }
          : { kind: "files", indexDir: join(tmp, "index") },
    });
    const model = await createEmbedder(config.embedder);
    const embedder = withEmbeddingCache(model, await store.vectorCache(model));
    try {
      await indexBeir(data, store, embedder, { progress: !values.json });
      const report = await evaluateBeir(data, await store.open(embedder), embedder, mode, config.search);
      process.stdout.write(
        values.json
          ? `${JSON.stringify(report)}\n`
          : `${values.beir} (${report.docs} docs, ${report.queries} queries, ${mode}): nDCG@10 ${report["ndcg@10"]}, Recall@100 ${report["recall@100"]}, MRR@10 ${report["mrr@10"]}\n`,
      );
    } finally {
      await embedder.close();
      await store.close();
      await rm(tmp, { recursive: true, force: true });
    }
    return;
  }

  const k = Number(values.k ?? 10);
  if (!(Number.isInteger(k) && k >= 1 && k <= 100))
    throw new UsageError("--k must be a whole number from 1 to 100.");
  const items = await readQaFile(values.qa as string);
  const engine = await openEngine(config);
  try {
    const outcomes: QaOutcome[] = [];
    const checks: FactCheckOutcome[] = [];
    const check = engineFactChecker(engine);
    for (const item of items) {
      const result = await engine.search(item.question, { topK: Math.max(k, 10) });
      const ranked = await Promise.all(
        result.hits.map(async (h) => ({
          doc: h.chunk.doc,
          texts: [
            h.chunk,
            ...(await Promise.all(h.duplicates.map(async (id) => (await engine.passage(id))?.chunk))),
          ]
            .filter((c) => c !== undefined)
            .map((c) => ({ doc: c.doc, text: c.text })),
        })),
      );
      outcomes.push({ item, result, rank: hitRank(item, ranked.slice(0, k)) });
      const expected = expectedVerdict(item);
      if (expected) {
        const { verdict, explanation } = await check(item.question);
        checks.push({ item, expected, got: verdict, explanation });
      }
    }
    const report = qaReport(outcomes);
    const factCheck = factCheckReport(checks);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ...report, factCheck })}\n`);
      return;
    }
    const { failures, notFound, ...metrics } = report;
    process.stdout.write(
      `${Object.entries(metrics)
        .map(([m, v]) => `${m} ${v}`)
        .join(
          "  ",
        )}\nnot found: ${notFound.correct} of unanswerable refused, ${notFound.falseRefusals} false refusals\n` +
        `fact-check (${factCheck.questions} items): accuracy ${factCheck.accuracy}; supported ${factCheck.supported}, contradicted ${factCheck.contradicted}, not found ${factCheck.notFound}; ${factCheck.wrongSupported} false claims supported\n`,
    );
    for (const f of failures)
      process.stdout.write(
        `\n✗ ${f.id} ${f.question}\n  expected: ${f.expected.join("\n            ")}\n  got:      ${f.got.join("\n            ")}\n`,
      );
    for (const f of factCheckFailures(checks))
      process.stdout.write(
        `\n✗ fact-check ${f.item.id} ${f.item.question}\n  expected: ${f.expected}\n  got:      ${f.got} — ${f.explanation}\n`,
      );
  } finally {
    await engine.close();
  }
});
