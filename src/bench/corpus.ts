import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

/**
 * `n` copies of a seeds folder under `out` (copy-0 … copy-n-1). Copy 0 is the corpus as it is;
 * in copy i every figure is raised by i, so no chunk text repeats and nothing comes from a cache.
 */
export async function scaledCorpus(seedsDir: string, out: string, n: number): Promise<void> {
  const files = await listFiles(seedsDir);
  for (let i = 0; i < n; i++) {
    for (const file of files) {
      const target = join(out, `copy-${i}`, relative(seedsDir, file));
      await mkdir(dirname(target), { recursive: true });
      if (!/\.(txt|md|markdown|html?|json)$/i.test(file)) {
        await writeFile(target, await readFile(file));
        continue;
      }
      const text = await readFile(file, "utf8");
      await writeFile(target, i === 0 ? text : changeFigures(text, i));
    }
  }
}

/** Every run of digits raised by `by` ("2017" → "2019" for by = 2). */
export const changeFigures = (text: string, by: number): string =>
  text.replace(/\d+/g, (d) => String(Number(d) + by).padStart(d.length, "0"));

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(path)));
    else if (e.isFile()) out.push(path);
  }
  return out.sort();
}
