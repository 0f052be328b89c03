import { parseCliArgs, runCli } from "../src/cli/run.js";
import { createEmbedder } from "../src/embed/create.js";
import { type IngestSummary, runIngest } from "../src/ingest.js";
import { watchDebounced } from "../src/reload.js";

await runCli(async (config) => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    { json: { type: "boolean" }, full: { type: "boolean" }, watch: { type: "boolean" } },
    "npm run ingest -- [--full] [--json] [--watch]",
    [
      `Indexes the documents in SEEDS_DIR (${config.seedsDir}) into INDEX_DIR (${config.indexDir}): only new or`,
      "changed documents are embedded; a document that cannot be used is skipped with a warning (exit code 3).",
      "",
      "  --full    rebuild even when nothing changed",
      "  --json    print the summary as JSON",
      "  --watch   index again whenever the seeds change (Ctrl-C to stop)",
    ],
  );
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
  const s = await runIngest(config, { full: values.full, progress: !values.json && !values.watch });
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
