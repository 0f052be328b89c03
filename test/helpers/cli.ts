import { execFile } from "node:child_process";
import { join } from "node:path";
import { REPO } from "./corpus.js";

export interface Run {
  code: number | null;
  /** The signal that ended the process (e.g. after the timeout), or null. */
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** A script of scripts/ as `npm run` runs it, with only PATH, HOME and the given environment. */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", join("scripts", script), ...args],
      {
        cwd: REPO,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
        timeout: timeoutMs,
      },
      (err, stdout, stderr) =>
        resolve({
          code: err && typeof err.code === "number" ? err.code : err ? null : 0,
          signal: (err as { signal?: string } | null)?.signal ?? null,
          stdout,
          stderr,
        }),
    );
  });
}
