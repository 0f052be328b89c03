import { mkdir, open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { IndexError } from "./store.js";

/**
 * One ingest at a time per index folder: an exclusive lock file holding the owner's pid. A lock
 * left by a process that no longer exists (killed mid-ingest) is taken over.
 */
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

async function acquire(file: string, retried = false): Promise<void> {
  try {
    const handle = await open(file, "wx");
    await handle.writeFile(String(process.pid));
    await handle.close();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    const pid = Number.parseInt(await readFile(file, "utf8").catch(() => ""), 10);
    if (!retried && !isAlive(pid)) {
      await rm(file, { force: true });
      return acquire(file, true);
    }
    throw new IndexError(
      `Another ingest (pid ${Number.isNaN(pid) ? "unknown" : pid}) is updating this index; wait for it to finish (or delete ${file} if that process is gone).`,
    );
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
