import { type FSWatcher, watch } from "node:fs";

interface Reloadable {
  reload(): Promise<boolean>;
}

interface ReloadLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WatchOptions {
  /** Watch subfolders too (falls back to the top folder where the platform cannot). */
  recursive?: boolean;
  /** Quiet time after the last change before `run` starts. */
  debounceMs?: number;
  /** Only changes to these names (relative to `dir`) count; all count when absent. */
  accept?: (name: string | null) => boolean;
  onError?: (err: unknown) => void;
}

/**
 * Calls `run` after changes under `dir` settle. Runs never overlap: changes during a run start
 * one more run after it. `stop()` closes the watcher and waits for a run in progress.
 */
export function watchDebounced(
  dir: string,
  run: () => Promise<void>,
  options: WatchOptions = {},
): () => Promise<void> {
  const { debounceMs = 1000, accept = () => true, onError = () => {} } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const start = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await run().catch(onError);
      } while (again && !stopped);
      running = undefined;
    })();
  };
  const onChange = (_event: string, name: string | Buffer | null) => {
    if (stopped || !accept(name === null ? null : String(name))) return;
    clearTimeout(timer);
    timer = setTimeout(start, debounceMs);
  };

  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { recursive: options.recursive ?? false }, onChange);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM") throw err;
    watcher = watch(dir, onChange);
  }
  watcher.on("error", onError);

  return async () => {
    stopped = true;
    clearTimeout(timer);
    watcher.close();
    await running;
  };
}

/**
 * Hot reload: when the store's live generation changes (an ingest or /reindex, in this process or
 * any other — index/CURRENT for files, the generation row for Postgres), the engine opens the new
 * one and swaps it in; questions meanwhile are answered from the old one.
 */
export function watchIndex(
  store: { watch(onChange: () => void): () => Promise<void> },
  engine: Reloadable,
  logger: ReloadLogger,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const stop = store.watch(() => {
    running = running.then(async () => {
      const started = performance.now();
      try {
        if (await engine.reload())
          logger.info(
            { ms: Math.round(performance.now() - started) },
            "index reloaded: new generation is live",
          );
      } catch (err) {
        logger.error({ err }, "index reload failed; still answering from the previous generation");
      }
    });
  });
  return async () => {
    await stop();
    await running;
  };
}
