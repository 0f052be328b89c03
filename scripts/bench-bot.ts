import { type ChildProcess, fork, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { latencySummary, percentile, round } from "../src/bench/stats.js";
import { createBotLogger } from "../src/bot/logger.js";
import { renderAnswer } from "../src/bot/render/answer.js";
import { embedLength } from "../src/bot/render/page.js";
import { startBot } from "../src/bot/start.js";
import { parseCliArgs, runCli, UsageError } from "../src/cli/run.js";
import { loadConfig } from "../src/config.js";
import { readQaFile } from "../src/eval/qa.js";
import { openStore } from "../src/index/open-store.js";
import { runIngest } from "../src/ingest.js";
import { openEngine } from "../src/open.js";
import type { Burst, Outcome } from "../test/discord/burst.js";
import { BOT_TOKEN } from "../test/discord/world.js";

/**
 * The bot under a burst, measured end to end: the real bot (discord.js client, work queue, real
 * engine over the repo's index) in this process; the loopback Discord stand-in, which like
 * Discord accepts an acknowledgement only within 3 s, and the load in another (test/discord/burst.ts).
 * Also the size of the first message of each reply on the dev questions. Timings depend on the
 * machine and its load: report them with the load average.
 */
const USAGE =
  "npm run --silent bench:bot -- [--asks 400] [--users 134] [--seconds 3] [--cpu-load N] [--qa <file.jsonl>] [--json]";
const log = (line: string) => process.stderr.write(`bench:bot: ${line}\n`);

await runCli(async (base) => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    {
      asks: { type: "string" },
      users: { type: "string" },
      seconds: { type: "string" },
      "cpu-load": { type: "string" },
      qa: { type: "string" },
      json: { type: "boolean" },
    },
    USAGE,
    [
      "The bot under a burst of /ask against the loopback Discord stand-in (in its own process, with",
      "Discord's 3 s window for acknowledgements), over the repo's index: ack p50/p95, answered, busy",
      "notices, lost; and the size of each reply's first message on the dev questions.",
      "",
      "  --asks N       interactions in the burst (default 400)",
      "  --users N      distinct users (default 134)",
      "  --seconds S    spread over S seconds (default 3)",
      "  --cpu-load N   N busy processes beside the bot",
      "  --qa FILE      questions (default ../shared/eval/dev.jsonl)",
      "  --json         print the report as JSON",
    ],
  );
  const whole = (name: string, fallback: number, min: number) => {
    const v = Number(values[name as keyof typeof values] ?? fallback);
    if (!(Number.isInteger(v) && v >= min))
      throw new UsageError(`--${name} must be a whole number ≥ ${min}.`);
    return v;
  };
  const asks = whole("asks", 400, 1);
  const userCount = whole("users", 134, 1);
  const seconds = Number(values.seconds ?? 3);
  if (!(seconds > 0)) throw new UsageError("--seconds must be a positive number.");
  const cpuLoad = whole("cpu-load", 0, 0);
  const qaPath = resolve(values.qa ?? join(base.root, "..", "shared", "eval", "dev.jsonl"));
  const questions = (await readQaFile(qaPath)).map((q) => q.question);

  const engine = await openEngine(base);
  const tmp = await mkdtemp(join(tmpdir(), "footnote-bench-bot-"));
  const burners: ChildProcess[] = [];
  try {
    log(`reply sizes over ${questions.length} questions …`);
    const sizes: number[] = [];
    for (const q of questions) {
      const [first] = renderAnswer(await engine.ask(q), "benchid");
      if (first)
        sizes.push((first.content?.length ?? 0) + first.embeds.reduce((n, e) => n + embedLength(e), 0));
    }

    // Discord (the stand-in and the load) in a process of its own, as it is in real life.
    const discord = fork(join(base.root, "test/discord/burst.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    const message = <T>(key: string) =>
      new Promise<T>((resolveMessage) => {
        const on = (m: Record<string, unknown>) => {
          if (!(key in m)) return;
          discord.off("message", on);
          resolveMessage(m[key] as T);
        };
        discord.on("message", on);
      });
    const apiUrl = await message<string>("apiUrl");
    const config = loadConfig(
      {
        ...process.env,
        DISCORD_TOKEN: BOT_TOKEN,
        DISCORD_API_URL: apiUrl,
        DISCORD_ALLOWED_CHANNELS: "",
        FEEDBACK_LOG: join(tmp, "feedback.jsonl"),
        USER_ID_SECRET_FILE: join(tmp, "secret"),
      },
      base.root,
    );
    const bot = await startBot(
      config,
      {
        engine,
        reindex: () => runIngest(config),
        feedback: (await openStore(config)).feedback(),
        logger: createBotLogger("silent"),
      },
      { ownsProcess: false },
    );
    for (let i = 0; i < cpuLoad; i++) {
      burners.push(spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" }));
    }
    if (cpuLoad) log(`${cpuLoad} busy process(es) running beside the bot`);

    log(`burst: ${asks} /ask from ${userCount} users over ${seconds} s …`);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const done = message<Outcome[]>("outcomes");
    const burst: Burst = { asks, users: userCount, seconds, questions, timeoutMs: 180_000 };
    discord.send({ burst });
    const outcomes = await done;
    loop.disable();
    discord.disconnect();
    const acks = outcomes.flatMap((o) => (o.ackMs === undefined ? [] : [o.ackMs]));
    const answers = outcomes.flatMap((o) => (o.answerMs === undefined ? [] : [o.answerMs]));
    const count = (kind: string) => outcomes.filter((o) => o.kind === kind).length;
    const load = loadavg()
      .map((x) => x.toFixed(2))
      .join(" ");
    await bot.stop();

    const report = {
      asks,
      users: userCount,
      seconds,
      cpuLoad,
      settings: config.discord.work,
      ack: { ...latencySummary(acks), maxMs: acks.length ? Math.max(...acks) : null },
      within3s: acks.filter((ms) => ms <= 3000).length,
      answered: count("answered"),
      busy: count("busy"),
      rateLimited: count("rate-limited"),
      otherNotice: count("other notice"),
      deferredNeverAnswered: count("deferred, never answered"),
      lost: count("lost"),
      answer: { ...latencySummary(answers), maxMs: answers.length ? Math.max(...answers) : null },
      // How long the bot's own event loop was kept from running, during the burst.
      eventLoopDelayMs: { p99: round(loop.percentile(99) / 1e6, 1), max: round(loop.max / 1e6, 1) },
      firstMessageChars: {
        median: percentile(sizes, 50) ?? null,
        p90: percentile(sizes, 90) ?? null,
        max: sizes.length ? Math.max(...sizes) : null,
        questions: sizes.length,
      },
      loadAvg: load,
    };
    if (values.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return;
    }
    const a = report.ack;
    const lines = [
      `burst:           ${asks} /ask from ${userCount} users over ${seconds} s${cpuLoad ? `, ${cpuLoad} busy process(es) beside` : ""} (in flight ${report.settings.concurrency}, queue ${report.settings.maxQueued})`,
      `acknowledged:    ${acks.length}/${asks}, ${report.within3s} within 3 s; ack p50 ${a.p50Ms} ms, p95 ${a.p95Ms} ms, max ${a.maxMs} ms`,
      `outcome:         ${report.answered} answered, ${report.busy} busy notices, ${report.rateLimited} rate-limited, ${report.lost} lost, ${report.deferredNeverAnswered} deferred but never answered`,
      `answer latency:  p50 ${report.answer.p50Ms} ms, p95 ${report.answer.p95Ms} ms, max ${report.answer.maxMs} ms (dispatch → final message)`,
      `bot event loop:  delay p99 ${report.eventLoopDelayMs.p99} ms, max ${report.eventLoopDelayMs.max} ms`,
      `first message:   median ${report.firstMessageChars.median} chars, p90 ${report.firstMessageChars.p90}, max ${report.firstMessageChars.max} over ${sizes.length} dev questions`,
      `load average:    ${load}`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    for (const b of burners) b.kill("SIGKILL");
    await engine.close();
    await rm(tmp, { recursive: true, force: true });
  }
});
