import type { Config } from "../config.js";
import { createFileStore } from "./files.js";
import type { Store } from "./port.js";

/** The configured store. */
export async function openStore(config: Config): Promise<Store> {
  return createFileStore({
    indexDir: config.indexDir,
    cacheDir: config.cacheDir,
    feedbackLog: config.discord.feedbackLog,
  });
}
