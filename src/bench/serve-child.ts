/**
 * The serving half of `npm run bench`, run in a fresh process (`node --import tsx`) so its
 * numbers are a serving process's own: it opens the engine over INDEX_DIR (model + index load),
 * answers each question of BENCH_QA once as a warm-up and once timed, and prints one JSON line
 * with the open time, the latencies and its peak RSS. Nothing else goes to stdout.
 */
import { loadConfig } from "../config.js";
import { readQaFile } from "../eval/qa.js";
import { openEngine } from "../open.js";

const config = loadConfig(process.env, process.cwd());
const questions = (await readQaFile(process.env.BENCH_QA as string)).map((q) => q.question);
const started = performance.now();
const engine = await openEngine(config);
const openMs = performance.now() - started;
const processMs = process.uptime() * 1000;
const latencies: number[] = [];
try {
  for (const q of questions) await engine.ask(q);
  for (const q of questions) {
    const t = performance.now();
    await engine.ask(q);
    latencies.push(performance.now() - t);
  }
} finally {
  await engine.close();
}
const rssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ openMs, processMs, latencies, rssMB })}\n`);
