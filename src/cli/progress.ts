import cliProgress from "cli-progress";

export interface Progress {
  increment(n: number): void;
  stop(): void;
}

/** A progress bar on an interactive terminal; silent in CI, pipes and --json runs. */
export function createProgress(
  label: string,
  total: number,
  enabled = process.stderr.isTTY && !process.env.CI,
): Progress {
  if (!enabled || total === 0) return { increment() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {percentage}% | ETA {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { increment: (n) => bar.increment(n), stop: () => bar.stop() };
}
