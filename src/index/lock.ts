import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { IndexError } from "./store.js";

/**
 * One ingest at a time per index folder: a lock file holding the owner's pid. It is created
 * atomically with its content (written to a private file, then hard-linked into place, which
 * fails if the lock exists), so no other process ever sees it empty. A lock left by a process
 * that no longer exists (killed mid-ingest) is taken over by renaming it away first, so two
 * processes cannot both take over the same stale lock.
 */

/** A lock with no readable pid is being written by an older Footnote, or was left half-written long ago. */
const UNREADABLE_STALE_MS = 10_000;

export async function withIndexLock<T>(indexDir: string, work: () => Promise<T>): Promise<T> {
  await mkdir(indexDir, { recursive: true });
  const file = join(indexDir, ".lock");
  await acquire(file);
  try {
    return await work();
  } finally {
    await rm(file, { force: true });
  }
}

async function acquire(file: string): Promise<void> {
  const mine = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(mine, file);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      const holder = await readHolder(file);
      if (holder === "gone") continue;
      if (attempt > 0 || !(await isStale(holder))) throw busy(holder.pid, file);
      if (!(await takeOver(file, holder.pid, mine))) throw busy(holder.pid, file);
    }
    throw busy(undefined, file);
  } finally {
    await rm(mine, { force: true });
  }
}

type Holder = { pid: number | undefined; at: number };

async function readHolder(file: string): Promise<Holder | "gone"> {
  try {
    const [text, info] = await Promise.all([readFile(file, "utf8"), stat(file)]);
    const pid = Number.parseInt(text, 10);
    return { pid: Number.isInteger(pid) && pid > 0 ? pid : undefined, at: info.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw err;
  }
}

async function isStale({ pid, at }: Holder): Promise<boolean> {
  return pid === undefined ? Date.now() - at > UNREADABLE_STALE_MS : !isAlive(pid);
}

/**
 * Moves the stale lock aside. Should another process have replaced it in the meantime (its
 * content is no longer the dead pid), the lock is put back and the take-over abandoned.
 */
async function takeOver(file: string, stalePid: number | undefined, mine: string): Promise<boolean> {
  const aside = `${mine}.stale`;
  try {
    await rename(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return true; // someone removed it: try again
    throw err;
  }
  const moved = await readHolder(aside);
  if (moved !== "gone" && moved.pid !== stalePid) {
    await link(aside, file).catch(() => {});
    await rm(aside, { force: true });
    return false;
  }
  await rm(aside, { force: true });
  return true;
}

function busy(pid: number | undefined, file: string): IndexError {
  return new IndexError(
    `Another ingest (pid ${pid ?? "unknown"}) is updating this index; wait for it to finish (or delete ${file} if that process is gone).`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
