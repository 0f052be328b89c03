import { spawnSync } from "node:child_process";
import { access, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { withIndexLock } from "../../src/index/lock.js";
import { IndexError } from "../../src/index/store.js";
import { tempDir } from "../helpers/corpus.js";

let dir: string;
beforeEach(async () => {
  const t = await tempDir("footnote-lock-");
  dir = t.dir;
  return t.cleanup;
});

const lockFile = () => join(dir, "index", ".lock");
const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/** The pid of a process that has already exited. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(run.stdout);
}

describe("withIndexLock", () => {
  it("refuses a second concurrent holder with a clear message, then frees the lock", async () => {
    const indexDir = join(dir, "index");
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let started = () => {};
    const isHeld = new Promise<void>((r) => {
      started = r;
    });
    const first = withIndexLock(indexDir, async () => {
      started();
      await held;
      return "first";
    });
    await isHeld;
    expect(await readFile(lockFile(), "utf8")).toBe(String(process.pid));

    let secondRan = false;
    const err = await withIndexLock(indexDir, async () => {
      secondRan = true;
    }).catch((e: unknown) => e);
    expect(secondRan).toBe(false);
    expect(err).toBeInstanceOf(IndexError);
    expect((err as Error).message).toMatch(
      new RegExp(`Another ingest \\(pid ${process.pid}\\) is updating this index; wait for it to finish`),
    );
    // The refused attempt did not remove the holder's lock.
    expect(await exists(lockFile())).toBe(true);

    release();
    expect(await first).toBe("first");
    expect(await exists(lockFile())).toBe(false);
    expect(await withIndexLock(indexDir, async () => "third")).toBe("third");
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    const indexDir = join(dir, "index");
    await withIndexLock(indexDir, async () => {}); // creates the folder
    const pid = deadPid();
    expect(pid).toBeGreaterThan(0);
    await writeFile(lockFile(), String(pid));
    const seen = await withIndexLock(indexDir, () => readFile(lockFile(), "utf8"));
    expect(seen).toBe(String(process.pid));
    expect(await exists(lockFile())).toBe(false);
  });

  it("takes over a lock file with no readable pid", async () => {
    const indexDir = join(dir, "index");
    await withIndexLock(indexDir, async () => {});
    await writeFile(lockFile(), "");
    expect(await withIndexLock(indexDir, async () => "ok")).toBe("ok");
  });

  it("releases the lock when the work fails", async () => {
    const indexDir = join(dir, "index");
    await expect(
      withIndexLock(indexDir, async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await exists(lockFile())).toBe(false);
  });
});
