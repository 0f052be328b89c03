import type { TestProject } from "vitest/node";
import { startPglite } from "../../src/bench/pglite.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One PGlite server for the whole run (it takes seconds to start); each suite uses its own schema. */
export default async function setup(project: TestProject) {
  const pg = await startPglite();
  project.provide("databaseUrl", pg.url);
  return pg.stop;
}
