import { createBotLogger } from "../src/bot/logger.js";
import { startBot } from "../src/bot/start.js";
import { runChat } from "../src/cli/chat.js";
import { parseCliArgs, runCli } from "../src/cli/run.js";
import { gapReport } from "../src/feedback/report.js";
import { openStore } from "../src/index/open-store.js";
import { runIngest } from "../src/ingest.js";
import { openEngine } from "../src/open.js";
import { watchIndex } from "../src/reload.js";

/** `npm start`: brings the index up to date, then runs the Discord bot or, without a token, a terminal chat. */
await runCli(async (config) => {
  parseCliArgs(process.argv.slice(2), {}, "npm start", [
    "Brings the index up to date (as npm run ingest; STORE=files|postgres), then runs the Discord bot",
    "when DISCORD_TOKEN is set, or else a terminal chat with the same answers (/source <id>, /check <claim>,",
    "/new, /quit).",
  ]);
  const store = await openStore(config);
  const summary = await runIngest(config, { progress: true, store });
  process.stderr.write(
    summary.rebuilt
      ? `Indexed ${summary.documents} documents (${summary.chunks} chunks) in ${summary.seconds} s.\n`
      : `Index up to date (${summary.documents} documents, ${summary.chunks} chunks).\n`,
  );
  for (const w of summary.warnings) process.stderr.write(`warning: ${w.file}: ${w.reason}\n`);
  const engine = await openEngine(config, { store });

  if (!config.discord.token) {
    process.stderr.write(
      'No DISCORD_TOKEN set: starting the terminal chat. To connect to Discord, set DISCORD_TOKEN (and DISCORD_CLIENT_ID) in .env — see README, "Discord".\n',
    );
    await runChat(engine);
    await engine.close();
    await store.close();
    return;
  }
  const logger = createBotLogger(config.logLevel);
  // An ingest run from a shell, --watch or another machine swaps the index under the running bot.
  const stopWatch = watchIndex(store, engine, logger);
  const feedback = store.feedback();
  const closeAll = async () => {
    await stopWatch();
    await engine.close();
    await store.close();
  };
  // A failed login (rejected token, unreachable Discord) ends the process with one line, exit 1.
  await startBot(
    config,
    {
      engine,
      reindex: async () => {
        const s = await runIngest(config, { store });
        await engine.reload();
        return { ...s };
      },
      feedback,
      gaps: () => gapReport(feedback, engine.reader()),
      logger,
    },
    { onShutdown: closeAll },
  ).catch(async (err) => {
    await closeAll();
    throw err;
  });
});
