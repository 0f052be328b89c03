/**
 * Cold-start probe for `npm run bench`: run in a fresh process (`node --import tsx`), it opens
 * the engine over INDEX_DIR (embedder model + index load) and prints the elapsed ms as JSON on
 * stdout. Nothing else is printed to stdout.
 */
import { loadConfig } from "../config.js";
import { openEngine } from "../open.js";

const config = loadConfig(process.env, process.cwd());
const started = performance.now();
const engine = await openEngine(config);
const openMs = performance.now() - started;
const processMs = process.uptime() * 1000;
const chunks = engine.about().chunks;
await engine.close();
process.stdout.write(`${JSON.stringify({ openMs, chunks, processMs })}\n`);
