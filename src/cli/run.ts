import { type ParseArgsConfig, parseArgs } from "node:util";
import { type Config, loadConfig, loadDotEnv } from "../config.js";

export class UsageError extends Error {
  override name = "UsageError";
}

/** `--help` was asked for and printed: the command ends there, successfully. */
class HelpShown extends Error {}

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
    if (err instanceof HelpShown) {
      process.exitCode = 0;
      return;
    }
    const e = err as Error;
    process.stderr.write(`footnote: ${e.message}\n`);
    if (process.env.DEBUG) process.stderr.write(`${e.stack}\n`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  }
}

/**
 * node:util parseArgs with unknown flags reported as usage errors, and `--help` / `-h` on every
 * command: it prints the usage line and `about` (what the command does, one line per option)
 * to stdout and ends the command with exit code 0.
 */
export function parseCliArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
  usage: string,
  about: string[] = [],
) {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    }) as typeof parsed;
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\nusage: ${usage.split("\n")[0]}`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`usage: ${usage}\n${about.length ? `\n${about.join("\n")}\n` : ""}`);
    throw new HelpShown();
  }
  return parsed;
}
