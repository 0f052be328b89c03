import { REST, Routes } from "discord.js";
import type { Logger } from "pino";
import { commandDefinitions } from "./commands/definitions.js";
import type { BotConfig } from "./types.js";

/** A bot token's first part is the bot user's id in base64, which is also its application id. */
export function applicationIdFromToken(token: string): string {
  return Buffer.from(token.split(".")[0] ?? "", "base64").toString("utf8");
}

/**
 * Bulk-overwrites the slash commands: to one guild when DISCORD_GUILD_ID is set (instant, for
 * development), otherwise globally. Returns the registered command names.
 */
export async function registerCommands(config: BotConfig, logger: Logger): Promise<string[]> {
  const { token, guildId, apiUrl } = config.discord;
  if (!token) throw new Error("DISCORD_TOKEN is not set: cannot register commands.");
  const appId = config.discord.clientId ?? applicationIdFromToken(token);
  const rest = new REST({ api: apiUrl }).setToken(token);
  const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
  const saved = (await rest.put(route, { body: commandDefinitions })) as { name: string }[];
  const names = saved.map((c) => c.name);
  logger.info(
    { application: appId, scope: guildId ? `guild ${guildId}` : "global", commands: names },
    "commands registered",
  );
  return names;
}
