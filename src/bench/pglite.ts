import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
/**
 * A real Postgres for tests and benchmarks: PGlite (Postgres 18 in WASM) with pgvector and
 * fuzzystrmatch, served over the wire protocol by pglite-socket (a dev dependency) on a free
 * loopback port, in memory, so the store connects with the `pg` driver exactly as it would to a
 * server. Its socket server multiplexes connections onto one session (see postgres/db.ts).
 */
export async function startPglite(): Promise<{ url: string; stop: () => Promise<void> }> {
  // The package exports only its library; the CLI sits beside it as dist/scripts/server.js.
  const server = join(
    dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite-socket")),
    "scripts/server.js",
  );
  const child = spawn(
    process.execPath,
    [
      server,
      "--db=memory://",
      "--host=127.0.0.1",
      "--port=0",
      "--max-connections=64",
      "--extensions=@electric-sql/pglite-pgvector:vector,fuzzystrmatch",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const port = await listeningPort(child);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`pglite-server did not start:\n${out}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening on \{"port":(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`pglite-server exited (${code}):\n${out}`));
    });
  });
}
