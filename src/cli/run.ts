import { type ParseArgsConfig, parseArgs } from "node:util";
import { type Config, loadConfig, loadDotEnv } from "../config.js";

export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Runs a command-line entry point: loads .env and the config, and turns every failure into one
 * readable line on stderr and a non-zero exit (2 for usage errors), never a stack trace
 * (set DEBUG=1 to see one).
 */
export async function runCli(main: (config: Config) => Promise<unknown>): Promise<void> {
  try {
    loadDotEnv();
    const code = await main(loadConfig());
    process.exitCode = typeof code === "number" ? code : 0; // entry points may return an exit code
  } catch (err) {
    const e = err as Error;
    process.stderr.write(`footnote: ${e.message}\n`);
    if (process.env.DEBUG) process.stderr.write(`${e.stack}\n`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  }
}

/** node:util parseArgs with unknown flags reported as usage errors. */
export function parseCliArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\nusage: ${usage}`);
  }
}
