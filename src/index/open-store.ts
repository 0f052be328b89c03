import type { Config } from "../config.js";
import { createFileStore } from "./files.js";
import type { Store } from "./port.js";

/** The configured store; the Postgres adapter (and the `pg` driver) is loaded only when chosen. */
export async function openStore(config: Config): Promise<Store> {
  if (config.store.kind === "postgres") {
    const { openPostgresStore } = await import("./postgres/store.js");
    return openPostgresStore(config.store);
  }
  return createFileStore({
    indexDir: config.store.indexDir,
    cacheDir: config.cacheDir,
    feedback: config.feedback,
  });
}
