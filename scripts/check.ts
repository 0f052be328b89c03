import { formatCheck } from "../src/cli/format.js";
import { parseCliArgs, runCli, UsageError } from "../src/cli/run.js";
import { openEngine } from "../src/open.js";

const USAGE = 'npm run check -- [--json] "claim"';

await runCli(async (config) => {
  const { values, positionals } = parseCliArgs(process.argv.slice(2), { json: { type: "boolean" } }, USAGE);
  const claim = positionals.join(" ").trim();
  if (!claim) throw new UsageError(`Give a claim to check.\nusage: ${USAGE}`);
  const engine = await openEngine(config);
  try {
    const r = await engine.check(claim);
    process.stdout.write(values.json ? `${JSON.stringify(r)}\n` : `${formatCheck(r)}\n`);
  } finally {
    await engine.close();
  }
});
