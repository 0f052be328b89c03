import { createBotLogger } from "../src/bot/logger.js";
import { startBot } from "../src/bot/start.js";
import { runChat } from "../src/cli/chat.js";
import { parseCliArgs, runCli } from "../src/cli/run.js";
import { engineFactChecker } from "../src/factcheck/check.js";
import { openFeedbackStore } from "../src/feedback/open.js";
import { gapReport } from "../src/feedback/report.js";
import { runIngest } from "../src/ingest.js";
import { openEngine } from "../src/open.js";
import { watchIndex } from "../src/reload.js";

/** `npm start`: brings the index up to date, then runs the Discord bot or, without a token, a terminal chat. */
await runCli(async (config) => {
  parseCliArgs(process.argv.slice(2), {}, "npm start", [
    "Brings the index up to date (as npm run ingest), then runs the Discord bot when DISCORD_TOKEN is set,",
    "or else a terminal chat with the same answers (/source <id>, /check <claim>, /new, /quit).",
  ]);
  const summary = await runIngest(config, { progress: true });
  process.stderr.write(
    summary.rebuilt
      ? `Indexed ${summary.documents} documents (${summary.chunks} chunks) in ${summary.seconds} s.\n`
      : `Index up to date (${summary.documents} documents, ${summary.chunks} chunks).\n`,
  );
  for (const w of summary.warnings) process.stderr.write(`warning: ${w.file}: ${w.reason}\n`);
  const engine = await openEngine(config);
  const factcheck = engineFactChecker(engine);

  if (!config.discord.token) {
    process.stderr.write(
      'No DISCORD_TOKEN set: starting the terminal chat. To connect to Discord, set DISCORD_TOKEN (and DISCORD_CLIENT_ID) in .env — see README, "Discord".\n',
    );
    await runChat(engine, { check: factcheck });
    await engine.close();
    return;
  }
  const logger = createBotLogger(config.logLevel);
  // An ingest run from a shell (or --watch) swaps the index under the running bot.
  const stopWatch = watchIndex(config.indexDir, engine, logger);
  const feedback = openFeedbackStore(config);
  const closeAll = async () => {
    await stopWatch();
    await engine.close();
  };
  // A failed login (rejected token, unreachable Discord) ends the process with one line, exit 1.
  await startBot(
    config,
    {
      engine,
      reindex: async () => {
        const s = await runIngest(config);
        await engine.reload();
        return { ...s };
      },
      factcheck,
      feedback,
      gaps: () => gapReport(feedback, config),
      logger,
    },
    { onShutdown: closeAll },
  ).catch(async (err) => {
    await closeAll();
    throw err;
  });
});
