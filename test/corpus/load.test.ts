import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeeds } from "../../src/corpus/load.js";

describe("loadSeeds", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "footnote-seeds-"));
    await mkdir(join(dir, "sub"));
    await writeFile(join(dir, "b.txt"), "Second book.");
    await writeFile(join(dir, "a.txt"), "First book.");
    await writeFile(join(dir, "a.txt.meta.json"), JSON.stringify({ title: "A", author: "Z", year: 2023 }));
    await writeFile(join(dir, "sub", "c.txt"), "Nested.");
    await writeFile(join(dir, "sub", "c.txt.meta.json"), JSON.stringify({ year: "soon" }));
    await writeFile(join(dir, "empty.txt"), "  \n");
    await writeFile(join(dir, "latin1.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    await writeFile(join(dir, "notes.rtf"), "{\\rtf1 not a supported format}");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads .txt files recursively, sorted, with sidecar meta and a sha256 of the bytes and the sidecar's", async () => {
    const { docs } = await loadSeeds(dir);
    expect(docs.map((d) => d.id)).toEqual(["a.txt", "b.txt", "sub/c.txt"]);
    expect(docs[0]?.meta).toEqual({ title: "A", author: "Z", year: 2023 });
    expect(docs[0]).toMatchObject({ kind: "text", raw: "First book." });
    const sidecar = JSON.stringify({ title: "A", author: "Z", year: 2023 });
    expect(docs[0]?.hash).toBe(createHash("sha256").update(`First book.${sidecar}`).digest("hex"));
    expect(docs[1]?.hash).toBe(createHash("sha256").update("Second book.").digest("hex"));
  });

  it("gives a document a new hash when only its sidecar changes (a new title or url)", async () => {
    const before = (await loadSeeds(dir)).docs[0]?.hash;
    await writeFile(
      join(dir, "a.txt.meta.json"),
      JSON.stringify({ title: "A", url: "https://example.org/a.pdf" }),
    );
    const after = (await loadSeeds(dir)).docs[0];
    expect(after?.meta.url).toBe("https://example.org/a.pdf");
    expect(after?.hash).not.toBe(before);
    await writeFile(join(dir, "a.txt.meta.json"), JSON.stringify({ title: "A", author: "Z", year: 2023 }));
  });

  it("warns about an invalid sidecar and loads the document without it", async () => {
    const { docs, warnings } = await loadSeeds(dir);
    expect(docs.find((d) => d.id === "sub/c.txt")?.meta).toEqual({});
    expect(warnings).toContainEqual({ file: "sub/c.txt.meta.json", reason: expect.stringContaining("year") });
  });

  it("skips empty and non-UTF-8 files with a warning", async () => {
    const { docs, warnings } = await loadSeeds(dir);
    expect(docs.map((d) => d.id)).not.toContain("empty.txt");
    expect(warnings.map((w) => w.file)).toEqual(expect.arrayContaining(["empty.txt", "latin1.txt"]));
  });

  it("loads the real seeds", async () => {
    const { docs, warnings } = await loadSeeds(join(import.meta.dirname, "../../seeds"));
    expect(docs).toHaveLength(5);
    expect(warnings).toEqual([]);
  });
});
