import { parseCliArgs, runCli } from "../src/cli/run.js";
import { runIngest } from "../src/ingest.js";

await runCli(async (config) => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    { json: { type: "boolean" }, full: { type: "boolean" } },
    "npm run ingest -- [--full] [--json]",
  );
  const s = await runIngest(config, { full: values.full, progress: !values.json });
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
  // 3 = completed with warnings, so scripts can tell a partial index from a clean one.
  return s.warnings.length > 0 ? 3 : 0;
});
