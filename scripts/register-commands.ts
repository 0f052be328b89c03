import { createBotLogger } from "../src/bot/logger.js";
import { registerCommands } from "../src/bot/register.js";
import { runCli } from "../src/cli/run.js";

await runCli(async (config) => {
  const names = await registerCommands(config, createBotLogger(config.logLevel));
  process.stdout.write(
    `Registered ${names.length} commands (${names.map((n) => `/${n}`).join(", ")}) ${config.discord.guildId ? `in guild ${config.discord.guildId}` : "globally (may take up to an hour to appear)"}.\n`,
  );
});
