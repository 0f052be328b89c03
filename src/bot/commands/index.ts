import { about } from "./about.js";
import { ask } from "./ask.js";
import type { Command } from "./command.js";
import { factcheck } from "./factcheck.js";
import { gaps } from "./gaps.js";
import { reindex } from "./reindex.js";
import { source } from "./source.js";

export const commands: ReadonlyMap<string, Command> = new Map(
  [ask, factcheck, source, reindex, gaps, about].map((c) => [c.name, c]),
);
