import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { scaledCorpus } from "../src/bench/corpus.js";
import { startPglite } from "../src/bench/pglite.js";
import { folderBytes, latencySummary, round, throughput } from "../src/bench/stats.js";
import { parseCliArgs, runCli, UsageError } from "../src/cli/run.js";
import { readQaFile } from "../src/eval/qa.js";
import { currentBuild } from "../src/index/store.js";

const USAGE =
  "npm run --silent bench -- [--store files|postgres] [--scale N | --corpus <dir>] [--workers 1,2] [--qa <file.jsonl>] [--json]";
const HELP = `${USAGE}

Ingests a corpus cold (empty embedding cache) once per worker count, then measures a fresh
serving process: cold start (openEngine), query latency over the QA file's questions, peak RSS,
and the index size. Nothing of the repo's own index/ or database is touched.

  --store      files (default: STORE) or postgres: DATABASE_URL when set, else a PGlite server
               started for the run; every ingest gets a fresh schema
  --scale N    N copies of seeds/ with every figure changed (so nothing is cached)
  --corpus     a folder of documents to use instead
  --workers    worker counts to ingest with (default 1,2): files = embedding threads in one
               process; postgres = that many ingest processes (EMBED_WORKERS=1 each) sharing one build
  --qa         questions to time (default ../shared/eval/dev.jsonl)`;

const run = promisify(execFile);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

await runCli(async (base) => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    {
      json: { type: "boolean" },
      qa: { type: "string" },
      store: { type: "string" },
      scale: { type: "string" },
      corpus: { type: "string" },
      workers: { type: "string" },
    },
    HELP,
  );
  const kind = values.store ?? base.store.kind;
  if (kind !== "files" && kind !== "postgres") throw new UsageError("--store must be files or postgres.");
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!(Number.isInteger(scale) && scale >= 1 && scale <= 1000))
    throw new UsageError("--scale must be a whole number from 1 to 1000.");
  const workers = (values.workers ?? "1,2").split(",").map(Number);
  if (!workers.every((w) => Number.isInteger(w) && w >= 1 && w <= 16))
    throw new UsageError("--workers must list whole numbers from 1 to 16, e.g. 1,2.");
  const qaPath = resolve(values.qa ?? join(base.root, "..", "shared", "eval", "dev.jsonl"));
  const questions = (await readQaFile(qaPath)).map((q) => q.question);

  const tmp = await mkdtemp(join(tmpdir(), "footnote-bench-"));
  const pglite = kind === "postgres" && !process.env.DATABASE_URL ? await startPglite() : undefined;
  try {
    let seeds = values.corpus ? resolve(values.corpus) : base.seedsDir;
    if (!values.corpus && scale > 1) {
      seeds = join(tmp, "corpus");
      await scaledCorpus(base.seedsDir, seeds, scale);
    }
    const url = pglite?.url ?? process.env.DATABASE_URL;
    const envFor = (n: number): Record<string, string> => ({
      SEEDS_DIR: seeds,
      CACHE_DIR: join(tmp, `cache-${n}`),
      INDEX_DIR: join(tmp, `index-${n}`),
      STORE: kind,
      ...(url ? { DATABASE_URL: url, PG_SCHEMA: `bench_${process.pid}_${n}` } : {}),
      LOG_LEVEL: "silent",
    });
    const ingestProcess = async (env: Record<string, string>) => {
      const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--json"], {
        cwd: base.root,
        env: { ...process.env, ...env },
        maxBuffer: 1 << 24,
      });
      return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { chunks: number; embedded: number };
    };

    const ingest: Record<string, { chunks: number; seconds: number; chunksPerSecond: number }> = {};
    let last = envFor(0);
    for (const [n, w] of workers.entries()) {
      const env = envFor(n);
      log(`cold ingest of ${seeds} into ${kind} with ${w} worker(s) …`);
      const t0 = performance.now();
      const runs =
        kind === "files"
          ? [ingestProcess({ ...env, EMBED_WORKERS: String(w) })]
          : Array.from({ length: w }, () => ingestProcess({ ...env, EMBED_WORKERS: "1" }));
      const results = await Promise.all(runs);
      const seconds = (performance.now() - t0) / 1000;
      const chunks = Math.max(...results.map((r) => r.chunks));
      ingest[`${w}`] = throughput(chunks, seconds);
      log(
        `${w} worker(s): ${chunks} chunks in ${round(seconds, 1)} s (${results.map((r) => r.embedded).join(" + ")} embedded)`,
      );
      last = env;
    }

    log("no-change re-ingest …");
    const t1 = performance.now();
    await ingestProcess({ ...last, EMBED_WORKERS: "1" });
    const reingestNoChangeSeconds = round((performance.now() - t1) / 1000, 2);

    log(`serving: openEngine and ${questions.length} questions (after a warm-up pass) in a fresh process …`);
    const child = await run(
      process.execPath,
      ["--import", "tsx", join(base.root, "src/bench/serve-child.ts")],
      {
        cwd: base.root,
        env: { ...process.env, ...last, BENCH_QA: qaPath },
        maxBuffer: 1 << 20,
      },
    );
    const serving = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as {
      openMs: number;
      processMs: number;
      latencies: number[];
      rssMB: number;
    };
    const indexBytes =
      kind === "files"
        ? await folderBytes((await currentBuild(last.INDEX_DIR as string)) ?? tmp)
        : await schemaBytes(last.DATABASE_URL as string, last.PG_SCHEMA as string);
    const load = (await readFile("/proc/loadavg", "utf8").catch(() => loadavg().join(" ")))
      .trim()
      .split(/\s+/)
      .slice(0, 3)
      .join(" ");

    const report = {
      store: kind,
      corpus: values.corpus ?? `seeds × ${scale}`,
      ingest,
      speedup:
        workers.length > 1
          ? round((ingest[`${workers[0]}`]?.seconds ?? 0) / (ingest[`${workers.at(-1)}`]?.seconds ?? 1), 2)
          : null,
      reingestNoChangeSeconds,
      coldStartMs: round(serving.openMs, 1),
      query: latencySummary(serving.latencies),
      rssMB: round(serving.rssMB, 1),
      indexMB: round(indexBytes / 2 ** 20, 2),
      questions: questions.length,
      loadAvg: load,
    };
    if (values.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return;
    }
    const q = report.query;
    const lines = [
      `store:           ${kind} (${report.corpus})`,
      ...Object.entries(ingest).map(
        ([w, t]) =>
          `ingest (cold):   ${w} worker(s): ${t.chunks} chunks in ${t.seconds} s = ${t.chunksPerSecond} chunks/s`,
      ),
      `re-ingest, no change: ${reingestNoChangeSeconds} s`,
      `cold start:      openEngine ${report.coldStartMs} ms in a fresh process (${round(serving.processMs, 0)} ms from process start)`,
      `query (ask):     p50 ${q.p50Ms} ms, p95 ${q.p95Ms} ms, p99 ${q.p99Ms} ms over ${questions.length} questions`,
      `peak RSS:        ${report.rssMB} MB serving (engine + queries)`,
      `index:           ${report.indexMB} MB`,
      `load average:    ${load}`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await pglite?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
});

/** Tables, indexes and TOAST of one schema. */
async function schemaBytes(url: string, schema: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>(
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [schema],
    );
    return Number(rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}
