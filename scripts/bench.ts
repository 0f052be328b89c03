import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { folderBytes, latencySummary, round, type Throughput, throughput } from "../src/bench/stats.js";
import { parseCliArgs, runCli } from "../src/cli/run.js";
import type { Config } from "../src/config.js";
import { readQaFile } from "../src/eval/qa.js";
import { currentBuild } from "../src/index/store.js";
import { runIngest } from "../src/ingest.js";

const USAGE = "npm run --silent bench -- [--json] [--skip-cold] [--qa <file.jsonl>]";
const run = promisify(execFile);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

await runCli(async (base) => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    { json: { type: "boolean" }, "skip-cold": { type: "boolean" }, qa: { type: "string" } },
    USAGE,
    [
      "Measures ingest throughput (cold and warm), cold start, query latency p50/p95/p99, peak RSS and",
      "index size, in a temporary index (the repo's index/ is never touched).",
      "",
      "  --skip-cold   reuse the embedding cache instead of an empty one",
      "  --qa FILE     the questions to time (default ../shared/eval/dev.jsonl)",
      "  --json        print the report as JSON",
    ],
  );
  const qaPath = resolve(values.qa ?? join(base.root, "..", "shared", "eval", "dev.jsonl"));
  const questions = (await readQaFile(qaPath)).map((q) => q.question);

  // The repo's own index/ is never touched: every build goes to a temp INDEX_DIR.
  const tmp = await mkdtemp(join(tmpdir(), "footnote-bench-"));
  const config: Config = {
    ...base,
    indexDir: join(tmp, "index"),
    cacheDir: values["skip-cold"] ? base.cacheDir : join(tmp, "cache"),
  };
  try {
    let cold: (Throughput & { embedded: number }) | null = null;
    if (!values["skip-cold"]) {
      log(`cold ingest (empty cache in ${config.cacheDir}) …`);
      const s = await runIngest(config, { full: true });
      cold = { ...throughput(s.chunks, s.seconds), embedded: s.embedded };
      log(`cold: ${s.chunks} chunks, ${s.embedded} embedded, ${s.seconds} s`);
    }

    log(`warm ingest (full rebuild, cache ${config.cacheDir}) …`);
    const w = await runIngest(config, { full: true });
    const warm = { ...throughput(w.chunks, w.seconds), embedded: w.embedded };
    log(`warm: ${w.chunks} chunks, ${w.embedded} embedded, ${w.seconds} s`);

    log("no-change re-ingest …");
    const t0 = performance.now();
    const n = await runIngest(config);
    const reingestNoChangeSeconds = round((performance.now() - t0) / 1000, 2);
    if (n.rebuilt) log("warning: the no-change re-ingest rebuilt the index");

    log(
      `serving: openEngine and ${questions.length} questions (after a warm-up pass) in a fresh node process …`,
    );
    const child = await run(
      process.execPath,
      ["--import", "tsx", join(base.root, "src/bench/serve-child.ts")],
      {
        cwd: base.root,
        env: { ...process.env, INDEX_DIR: config.indexDir, CACHE_DIR: config.cacheDir, BENCH_QA: qaPath },
        maxBuffer: 1 << 20,
      },
    );
    const serving = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as {
      openMs: number;
      processMs: number;
      latencies: number[];
      rssMB: number;
    };

    const build = await currentBuild(config.indexDir);
    const indexMB = build ? round((await folderBytes(build)) / 2 ** 20, 2) : 0;
    const rssMB = round(serving.rssMB, 1);
    const ingestRssMB = round(process.resourceUsage().maxRSS / 1024, 1);
    const load = (await readFile("/proc/loadavg", "utf8").catch(() => loadavg().join(" ")))
      .trim()
      .split(/\s+/)
      .slice(0, 3)
      .join(" ");

    const report = {
      ingest: cold && { chunks: cold.chunks, seconds: cold.seconds, chunksPerSecond: cold.chunksPerSecond },
      ingestWarm: { chunks: warm.chunks, seconds: warm.seconds, chunksPerSecond: warm.chunksPerSecond },
      reingestNoChangeSeconds,
      coldStartMs: round(serving.openMs, 1),
      coldStartMode: "child-process",
      query: latencySummary(serving.latencies),
      rssMB,
      ingestRssMB,
      indexMB,
      questions: questions.length,
      loadAvg: load,
    };
    if (values.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return;
    }
    const q = report.query;
    const lines = [
      cold
        ? `ingest (cold):   ${cold.chunks} chunks (${cold.embedded} embedded) in ${cold.seconds} s = ${cold.chunksPerSecond} chunks/s`
        : "ingest (cold):   skipped (--skip-cold)",
      `ingest (warm):   ${warm.chunks} chunks (${warm.embedded} embedded) in ${warm.seconds} s = ${warm.chunksPerSecond} chunks/s`,
      `re-ingest, no change: ${reingestNoChangeSeconds} s`,
      `cold start:      openEngine ${report.coldStartMs} ms in a fresh child process (${round(serving.processMs, 0)} ms from process start)`,
      `query (ask):     p50 ${q.p50Ms} ms, p95 ${q.p95Ms} ms, p99 ${q.p99Ms} ms over ${questions.length} questions`,
      `peak RSS:        ${rssMB} MB serving (engine + queries); ${ingestRssMB} MB ingesting (with the embedding worker threads)`,
      `index on disk:   ${indexMB} MB`,
      `load average:    ${load}`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});
