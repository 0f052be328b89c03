import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScript } from "../helpers/cli.js";
import { REPO } from "../helpers/corpus.js";

/** Every entry point in scripts/ (each an npm script) answers --help, and refuses unknown flags. */

const SCRIPTS = readdirSync(join(REPO, "scripts")).filter((f) => f.endsWith(".ts"));

const run = (script: string, args: string[]) => runScript(script, args);

describe("every CLI", () => {
  it("prints its usage for --help and -h and exits 0, without doing its work", async () => {
    expect(SCRIPTS.length).toBeGreaterThanOrEqual(9);
    const runs = await Promise.all(SCRIPTS.map((s) => run(s, ["--help"])));
    runs.forEach((r, i) => {
      expect(r.code, `${SCRIPTS[i]}: ${r.stderr}`).toBe(0);
      expect(r.stdout, SCRIPTS[i]).toMatch(/^usage: npm (run|start)/);
      expect(r.stderr, SCRIPTS[i]).toBe("");
    });
    const short = await run("ask.ts", ["-h"]);
    expect(short.stdout).toMatch(
      /^usage: npm run ask -- \[--json\] \[--k N\] "question"\n\nAnswers a question/,
    );
  });

  it("refuses an unknown flag as a usage error (exit 2) naming it", async () => {
    const runs = await Promise.all(SCRIPTS.map((s) => run(s, ["--no-such-flag"])));
    runs.forEach((r, i) => {
      expect(r.code, `${SCRIPTS[i]}: ${r.stderr}`).toBe(2);
      expect(r.stderr, SCRIPTS[i]).toMatch(/^footnote: Unknown option '--no-such-flag'/);
    });
  });
});
