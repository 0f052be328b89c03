import { formatGaps } from "../src/cli/format.js";
import { parseCliArgs, runCli, UsageError } from "../src/cli/run.js";
import { DEFAULT_GAP_SETTINGS } from "../src/feedback/gaps.js";
import { gapReport } from "../src/feedback/report.js";
import { openStore } from "../src/index/open-store.js";

const USAGE = "npm run --silent gaps -- [--top N] [--json]";

await runCli(async (config) => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    { top: { type: "string" }, json: { type: "boolean" } },
    USAGE,
    [
      "What people asked that the books could not answer: every not-found, partial and 👎 answer the",
      `bot recorded (STORE=files: FEEDBACK_LOG, ${config.feedback.log}; postgres: the database), grouped by the topic words the questions share,`,
      "most asked first, with example questions and the passages found nearest.",
      "",
      `  --top N   groups to show (default ${DEFAULT_GAP_SETTINGS.top})`,
      "  --json    print the report as JSON: {total, reasons, groups: [{topic, count, people, reasons, questions, passages, lastAsked}]}",
    ],
  );
  const top = values.top === undefined ? DEFAULT_GAP_SETTINGS.top : Number(values.top);
  if (!(Number.isInteger(top) && top >= 1 && top <= 1000))
    throw new UsageError("--top must be a whole number from 1 to 1000.");
  const store = await openStore(config);
  try {
    // The books' term counts weigh the topic words; a store with no index yet weighs them by the questions.
    const manifest = await store.manifest();
    const books = manifest ? await store.open(manifest.embedder) : undefined;
    const report = await gapReport(store.feedback(), books, { ...DEFAULT_GAP_SETTINGS, top });
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatGaps(report)}\n`);
  } finally {
    await store.close();
  }
});
