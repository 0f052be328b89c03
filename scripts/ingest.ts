import { spawn } from "node:child_process";
import { parseCliArgs, runCli, UsageError } from "../src/cli/run.js";
import { createEmbedder } from "../src/embed/create.js";
import { runIngest } from "../src/ingest.js";
import { watchDebounced } from "../src/reload.js";
import type { IngestSummary } from "../src/types.js";

const USAGE = `npm run ingest -- [--full] [--json] [--watch] [--workers N]

Indexes SEEDS_DIR into the store (STORE=files: INDEX_DIR; STORE=postgres: DATABASE_URL): only new
or changed documents are processed, and the new generation goes live in one step. A document
that cannot be used is skipped with a warning naming it (exit code 3).

  --full        rebuild every document (embeddings still come from the cache)
  --json        print the summary as one JSON object
  --watch       index again whenever SEEDS_DIR changes
  --workers N   parallel embedding: files = N model threads in this process; postgres = N
                processes (this one and N-1 more, EMBED_WORKERS=1 each) claiming documents of the
                same build. Other machines join a build by running \`npm run ingest\` with the same
                seeds and DATABASE_URL.`;

await runCli(async (loaded) => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    {
      json: { type: "boolean" },
      full: { type: "boolean" },
      watch: { type: "boolean" },
      workers: { type: "string" },
    },
    USAGE,
  );
  const workers = values.workers === undefined ? 1 : Number(values.workers);
  if (!(Number.isInteger(workers) && workers >= 1 && workers <= 64))
    throw new UsageError("--workers must be a whole number from 1 to 64.");
  const print = (s: IngestSummary) => {
    if (values.json) {
      const { rebuilt: _, ...summary } = s;
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      const changes = [
        `${s.added.length} added`,
        `${s.updated.length} updated`,
        `${s.removed.length} removed`,
        `${s.unchanged.length} unchanged`,
      ];
      process.stdout.write(
        `${s.rebuilt ? "Indexed" : "Index up to date:"} ${s.documents} documents, ${s.chunks} chunks (${s.embedded} embedded) in ${s.seconds} s — ${changes.join(", ")}.\n`,
      );
      for (const w of s.warnings) process.stdout.write(`warning: ${w.file}: ${w.reason}\n`);
    }
  };
  // Postgres: helpers are plain ingest processes; they find this build and claim its documents.
  const helpers =
    workers > 1 && loaded.store.kind === "postgres" ? Array.from({ length: workers - 1 }, helperProcess) : [];
  const threads = workers === 1 ? loaded.embedder.workers : helpers.length > 0 ? 1 : workers;
  const config = { ...loaded, embedder: { ...loaded.embedder, workers: threads } };
  const s = await runIngest(config, { full: values.full, progress: !values.json && !values.watch });
  await Promise.all(helpers);
  print(s);
  if (values.watch) {
    process.stderr.write(`Watching ${config.seedsDir} for changes (Ctrl-C to stop).\n`);
    // One embedder for every run, instead of loading the model on each change.
    const embedder = await createEmbedder(config.embedder);
    watchDebounced(config.seedsDir, async () => print(await runIngest(config, { embedder })), {
      recursive: true,
      onError: (err) => process.stderr.write(`ingest failed: ${(err as Error).message}\n`),
    });
    // Runs until interrupted; the watcher keeps the process alive.
    await new Promise<never>(() => {});
  }
  // 3 = completed with warnings, so scripts can tell a partial index from a clean one.
  return s.warnings.length > 0 ? 3 : 0;
});

/** One more `npm run ingest` on this machine, with one embedding thread; resolves when it exits. */
function helperProcess(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", process.argv[1] as string, "--json"], {
      env: { ...process.env, EMBED_WORKERS: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 || code === 3 ? resolve() : reject(new Error(`an ingest worker exited with code ${code}`)),
    );
  });
}
