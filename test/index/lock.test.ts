import { spawn, spawnSync } from "node:child_process";
import { access, readFile, utimes, writeFile } from "node:fs/promises";
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

  it("takes over a lock file with no readable pid once it is old", async () => {
    const indexDir = join(dir, "index");
    await withIndexLock(indexDir, async () => {});
    await writeFile(lockFile(), "");
    const old = new Date(Date.now() - 60_000);
    await utimes(lockFile(), old, old);
    expect(await withIndexLock(indexDir, async () => "ok")).toBe("ok");
  });

  it("never takes over a fresh lock with no pid yet: its owner may be writing it", async () => {
    const indexDir = join(dir, "index");
    await withIndexLock(indexDir, async () => {});
    await writeFile(lockFile(), "");
    let ran = false;
    const err = await withIndexLock(indexDir, async () => {
      ran = true;
    }).catch((e: unknown) => e);
    expect(ran).toBe(false);
    expect((err as Error).message).toMatch(/Another ingest \(pid unknown\) is updating this index/);
    expect(await readFile(lockFile(), "utf8")).toBe("");
  });

  it("lets exactly one of many processes racing for a stale lock hold it at a time", async () => {
    const indexDir = join(dir, "index");
    await withIndexLock(indexDir, async () => {});
    await writeFile(lockFile(), String(deadPid()));
    const log = join(dir, "holders.log");
    // Each process holds the lock for a moment and logs entering and leaving.
    const script = `
      import { appendFileSync } from "node:fs";
      import { withIndexLock } from ${JSON.stringify(join(import.meta.dirname, "../../src/index/lock.ts"))};
      const log = (s) => appendFileSync(${JSON.stringify(log)}, s + "\\n");
      await withIndexLock(${JSON.stringify(indexDir)}, async () => {
        log("in " + process.pid);
        await new Promise((r) => setTimeout(r, 300));
        log("out " + process.pid);
      }).catch(() => log("refused " + process.pid));
    `;
    const runs = Array.from(
      { length: 6 },
      () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
            stdio: "ignore",
          });
          child.on("exit", resolve);
        }),
    );
    expect(await Promise.all(runs)).toEqual(Array(6).fill(0));
    const lines = (await readFile(log, "utf8")).trim().split("\n");
    let inside = 0;
    for (const line of lines) {
      if (line.startsWith("in ")) inside++;
      if (line.startsWith("out ")) inside--;
      expect(inside, lines.join("; ")).toBeLessThanOrEqual(1);
    }
    expect(lines.filter((l) => l.startsWith("in ")).length).toBeGreaterThanOrEqual(1);
    expect(await exists(lockFile())).toBe(false);
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
