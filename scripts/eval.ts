import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCliArgs, runCli, UsageError } from "../src/cli/run.js";
import { withEmbeddingCache } from "../src/embed/cache.js";
import { createEmbedder } from "../src/embed/create.js";
import { evaluateBeir, indexBeir, readBeir } from "../src/eval/beir.js";
import { type ClaimOutcome, claimsReport, readClaimsFile } from "../src/eval/claims.js";
import {
  expectedVerdict,
  type FactCheckOutcome,
  factCheckFailures,
  factCheckReport,
} from "../src/eval/factcheck.js";
import { hitRank, type QaOutcome, qaReport, readQaFile } from "../src/eval/qa.js";
import { openStore } from "../src/index/open-store.js";
import { openEngine } from "../src/open.js";
import type { SearchMode } from "../src/search/hybrid.js";

const USAGE =
  "npm run eval -- --qa <file.jsonl> [--k 10] [--json] | --claims <file.jsonl> [--json] | --beir <dir> [--mode hybrid|dense|bm25] [--json]";

await runCli(async (config) => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    {
      qa: { type: "string" },
      claims: { type: "string" },
      beir: { type: "string" },
      k: { type: "string" },
      mode: { type: "string" },
      json: { type: "boolean" },
    },
    USAGE,
  );
  if ([values.qa, values.claims, values.beir].filter(Boolean).length !== 1)
    throw new UsageError(`Give exactly one of --qa, --claims or --beir.\nusage: ${USAGE}`);
  const out = (text: string) => process.stdout.write(text);

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
      out(
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

  if (values.claims) {
    const items = await readClaimsFile(values.claims);
    const engine = await openEngine(config);
    try {
      const outcomes: ClaimOutcome[] = [];
      for (const item of items) outcomes.push({ item, check: await engine.check(item.claim) });
      const report = claimsReport(outcomes);
      if (values.json) {
        out(`${JSON.stringify(report)}\n`);
        return;
      }
      const row = (name: string, r: { n: number; right: number; got: Record<string, number> }) =>
        `  ${name.padEnd(16)} ${String(r.right).padStart(3)} of ${String(r.n).padEnd(3)} right   (supported ${r.got.supported}, contradicted ${r.got.contradicted}, not found ${r.got.not_found})\n`;
      out(
        `claims ${report.claims}  accuracy ${report.accuracy}  false "supported": ${report.falseSupported.length}${report.falseSupported.length ? ` (${report.falseSupported.join(", ")})` : ""}\n`,
      );
      out("by gold verdict:\n");
      for (const [v, r] of Object.entries(report.byVerdict)) out(row(v, r));
      out("contradicted, by changed element:\n");
      for (const [k, r] of Object.entries(report.byChanged).sort()) out(row(k, r));
      for (const f of report.failures)
        out(`\n✗ ${f.id} ${f.claim}\n  expected: ${f.expected}\n  got:      ${f.got} — ${f.explanation}\n`);
    } finally {
      await engine.close();
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
    for (const item of items) {
      const result = await engine.search(item.question, { topK: Math.max(k, 10) });
      const ranked = await Promise.all(
        result.hits.map(async (h) => ({
          doc: h.chunk.doc,
          texts: [
            h.chunk,
            ...(await Promise.all(h.duplicates.map(async (id) => (await engine.passage(id))?.chunk))).filter(
              (c) => c !== undefined,
            ),
          ].map((c) => ({ doc: c.doc, text: c.text })),
        })),
      );
      const answer = await engine.ask(item.question);
      outcomes.push({ item, result, answer, rank: hitRank(item, ranked.slice(0, k)) });
      const expected = expectedVerdict(item);
      if (expected) {
        const { verdict, explanation } = await engine.check(item.question);
        checks.push({ item, expected, got: verdict, explanation });
      }
    }
    const report = qaReport(outcomes);
    const factCheck = factCheckReport(checks);
    if (values.json) {
      out(`${JSON.stringify({ ...report, factCheck })}\n`);
      return;
    }
    const { failures, notFound, ...metrics } = report;
    out(
      `${Object.entries(metrics)
        .map(([m, v]) => `${m} ${v}`)
        .join(
          "  ",
        )}\nnot found (answers): ${notFound.correct} of unanswerable said not found, ${notFound.falseRefusals} false refusals\n` +
        `fact-check (${factCheck.questions} items): accuracy ${factCheck.accuracy}; supported ${factCheck.supported}, contradicted ${factCheck.contradicted}, not found ${factCheck.notFound}; ${factCheck.wrongSupported} false claims supported\n`,
    );
    for (const f of failures)
      out(
        `\n✗ ${f.id} ${f.question}\n  expected: ${f.expected.join("\n            ")}\n  got:      ${f.got.join("\n            ")}\n`,
      );
    for (const f of factCheckFailures(checks))
      out(
        `\n✗ fact-check ${f.item.id} ${f.item.question}\n  expected: ${f.expected}\n  got:      ${f.got} — ${f.explanation}\n`,
      );
  } finally {
    await engine.close();
  }
});
