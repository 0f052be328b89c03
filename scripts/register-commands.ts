import { createBotLogger } from "../src/bot/logger.js";
import { registerCommands } from "../src/bot/register.js";
import { loadConfig, loadDotEnv } from "../src/config.js";

loadDotEnv();
const config = loadConfig();
const logger = createBotLogger(config.logLevel);
try {
  await registerCommands(config, logger);
} catch (err) {
  logger.error({ err }, "could not register commands");
  process.exitCode = 1;
}
