import { parseCliArgs, runCli, UsageError } from "../src/cli/run.js";
import { engineFactChecker } from "../src/factcheck/check.js";
import { openEngine } from "../src/open.js";

const USAGE = 'npm run check -- [--json] "claim"';

await runCli(async (config) => {
  const { values, positionals } = parseCliArgs(process.argv.slice(2), { json: { type: "boolean" } }, USAGE);
  const claim = positionals.join(" ").trim();
  if (!claim) throw new UsageError(`Give a claim to check.\nusage: ${USAGE}`);
  const engine = await openEngine(config);
  try {
    const r = await engineFactChecker(engine)(claim);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      return;
    }
    const lines = [`${r.verdict.replace("_", " ").toUpperCase()}: ${r.explanation}`];
    for (const e of r.evidence) lines.push(`- ${e.title} — ${e.section}, p. ${e.page}: "${e.quote}"`);
    for (const c of r.conflicts) lines.push(`! ${JSON.stringify(c)}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await engine.close();
  }
});
