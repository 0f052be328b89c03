import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerJson, formatAnswer } from "../src/cli/format.js";
import { runIngest } from "../src/ingest.js";
import { documentLink } from "../src/links.js";
import { type LoadedEngine, openEngine } from "../src/open.js";
import { corpusConfig, SMALL_BOOKS, tempDir, writeSmallSeeds } from "./helpers/corpus.js";

describe("documentLink", () => {
  it("opens a PDF at the page, leaves other addresses as they are", () => {
    expect(documentLink("https://example.org/b/cis.pdf", 12)).toBe("https://example.org/b/cis.pdf#page=12");
    expect(documentLink("https://example.org/b/CIS.PDF?dl=1#page=3", 7)).toBe(
      "https://example.org/b/CIS.PDF?dl=1#page=7",
    );
    expect(documentLink("https://example.org/article.html", 12)).toBe("https://example.org/article.html");
    expect(documentLink(undefined, 3)).toBeUndefined();
    expect(documentLink("not a url", 3)).toBeUndefined();
  });
});

describe("citations of a document with a url in its sidecar", () => {
  let cleanup: () => Promise<void>;
  let engine: LoadedEngine;
  const [CIS, EAEU] = SMALL_BOOKS;
  beforeAll(async () => {
    let root: string;
    ({ dir: root, cleanup } = await tempDir("footnote-links-"));
    const config = corpusConfig(root);
    await writeSmallSeeds(config.seedsDir);
    await writeFile(
      join(config.seedsDir, `${CIS?.file}.meta.json`),
      JSON.stringify({ title: CIS?.title, url: "https://books.example.org/cis.pdf" }),
    );
    await writeFile(
      join(config.seedsDir, `${EAEU?.file}.meta.json`),
      JSON.stringify({ title: EAEU?.title, url: "https://books.example.org/eaeu/" }),
    );
    await runIngest(config);
    engine = await openEngine(config);
  });
  afterAll(async () => {
    await engine?.close();
    await cleanup?.();
  });

  it("carry a link, at the cited page for a PDF, in the answer and the CLI's JSON and text", async () => {
    const answer = await engine.ask("What was the volume of mutual trade within the CIS in 2017?");
    const cis = answer.citations.filter((c) => c.doc === CIS?.file);
    expect(cis.length).toBeGreaterThan(0);
    for (const c of cis) expect(c.url).toBe(`https://books.example.org/cis.pdf#page=${c.page}`);
    for (const c of answer.citations.filter((x) => x.doc === EAEU?.file))
      expect(c.url).toBe("https://books.example.org/eaeu/");
    for (const c of answer.citations.filter((x) => x.doc === SMALL_BOOKS[2]?.file))
      expect(c.url).toBeUndefined();
    const json = answerJson(answer);
    expect(json.citations.find((c) => c.doc === CIS?.file)?.url).toMatch(
      /^https:\/\/books\.example\.org\/cis\.pdf#page=\d+$/,
    );
    expect(formatAnswer(answer)).toMatch(
      /\(passage [0-9a-f]{16}\): ".*" https:\/\/books\.example\.org\/cis\.pdf#page=\d+/,
    );
  });
});
