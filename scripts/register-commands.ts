import { createBotLogger } from "../src/bot/logger.js";
import { registerCommands } from "../src/bot/register.js";
import { parseCliArgs, runCli } from "../src/cli/run.js";

await runCli(async (config) => {
  parseCliArgs(process.argv.slice(2), {}, "npm run register-commands", [
    "Registers the slash commands with Discord (bulk overwrite): to the server DISCORD_GUILD_ID when it is",
    "set (instant), otherwise globally (may take up to an hour to appear). Needs DISCORD_TOKEN.",
  ]);
  const names = await registerCommands(config, createBotLogger(config.logLevel));
  process.stdout.write(
    `Registered ${names.length} commands (${names.map((n) => `/${n}`).join(", ")}) ${config.discord.guildId ? `in guild ${config.discord.guildId}` : "globally (may take up to an hour to appear)"}.\n`,
  );
});
