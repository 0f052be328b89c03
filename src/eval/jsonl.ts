import { readFile } from "node:fs/promises";
import type { z } from "zod";

/** Reads a file of one JSON object per line against a schema; a bad line is reported with its number. */
export async function readJsonl<S extends z.ZodTypeAny>(path: string, schema: S): Promise<z.output<S>[]> {
  const items: z.output<S>[] = [];
  (await readFile(path, "utf8")).split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${path}:${i + 1}: not valid JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${path}:${i + 1}: ${issue?.path.join(".")}: ${issue?.message}`);
    }
    items.push(parsed.data);
  });
  return items;
}
