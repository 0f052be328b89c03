import { type ParseArgsConfig, parseArgs } from "node:util";
import { type Config, loadConfig, loadDotEnv } from "../config.js";

export class UsageError extends Error {
  override name = "UsageError";
}

/** `--help` / `-h`: the usage goes to stdout and the command exits 0. */
class HelpRequested extends Error {
  override name = "HelpRequested";
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
    if (err instanceof HelpRequested) {
      process.stdout.write(`usage: ${err.message}\n`);
      process.exitCode = 0;
      return;
    }
    const e = err as Error;
    process.stderr.write(`footnote: ${e.message}\n`);
    if (process.env.DEBUG) process.stderr.write(`${e.stack}\n`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  }
}

/** node:util parseArgs with unknown flags reported as usage errors, and `--help` on every command. */
export function parseCliArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
  usage: string,
) {
  if (args.includes("--help") || args.includes("-h")) throw new HelpRequested(usage);
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\nusage: ${usage.split("\n")[0]}`);
  }
}
