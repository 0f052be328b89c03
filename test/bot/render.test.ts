import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import { renderAbout, renderReindex } from "../../src/bot/render/about.js";
import { renderAnswer, renderPartialAnswer } from "../../src/bot/render/answer.js";
import { parseButtonId } from "../../src/bot/render/components.js";
import { renderFactCheck } from "../../src/bot/render/factcheck.js";
import { LIMITS } from "../../src/bot/render/limits.js";
import { embedLength, type Page } from "../../src/bot/render/page.js";
import { renderPassage } from "../../src/bot/render/passage.js";
import { splitText, tail, truncate } from "../../src/bot/render/split.js";
import type { Answer, Chunk, Citation } from "../../src/types.js";

const SENTENCE =
  "In February 2019, the Working Group on the Preparation of the Draft Economic Development Strategy met in Moscow.";
const MARKER = /\[\d+(?:\s*[,–-]\s*\d+)*\]/g;

/** Asserts every Discord limit on a rendered page. */
function expectWithinLimits(page: Page): void {
  expect(page.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  expect(page.embeds.length).toBeLessThanOrEqual(10);
  for (const e of page.embeds as APIEmbed[]) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      expect(f.value.length).toBeGreaterThan(0);
    }
    expect(embedLength(e)).toBeLessThanOrEqual(LIMITS.embedTotal);
  }
  for (const row of page.components ?? []) {
    for (const c of row.components)
      if ("custom_id" in c) expect(c.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
  }
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

function citation(n: number, quote = SENTENCE): Citation {
  return {
    n,
    doc: "001_04d2d979b8eaaf9e.txt",
    title: "Commonwealth of Independent States: Evolution of regional cooperation",
    section: "Evolution of regional cooperation",
    page: n,
    quote,
    chunkId: `chunk${n.toString().padStart(11, "0")}`,
    score: 0.5,
  };
}

function chunk(text: string, footnotes: Chunk["footnotes"] = []): Chunk {
  return {
    id: "6ab56a96e900aaa6",
    doc: "001_04d2d979b8eaaf9e.txt",
    title: "Commonwealth of Independent States",
    section: "Evolution of regional cooperation",
    pageStart: 3,
    pageEnd: 4,
    start: 0,
    end: text.length,
    text,
    footnotes,
  };
}

describe("splitText", () => {
  it("cuts a 10,000-character passage into parts under the limit, only between words", () => {
    const text = Array.from({ length: 90 }, (_, i) => `${SENTENCE} [${(i % 5) + 1}]`).join(" ");
    expect(text.length).toBeGreaterThan(10_000);
    const parts = splitText(text, 2000);
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    // Nothing lost, no word cut in two.
    expect(words(parts.join(" "))).toEqual(words(text));
    // Sentence boundaries win: every part ends a sentence and its marker.
    for (const p of parts) expect(p).toMatch(/\.\s\[\d\]$/);
  });

  it("prefers paragraph breaks", () => {
    const para = `${SENTENCE} ${SENTENCE}`;
    const parts = splitText(`${para}\n\n${para}\n\n${para}`, para.length * 2 + 10);
    expect(parts[0]).toBe(`${para}\n\n${para}`);
    expect(parts[1]).toBe(para);
  });

  it("never breaks a citation marker, even a multi-number one", () => {
    const text = Array.from({ length: 200 }, (_, i) => `claim ${i} [1, 2, ${i}]`).join(" ");
    for (const max of [37, 50, 101, 333]) {
      const parts = splitText(text, max);
      const markers = parts.flatMap((p) => p.match(MARKER) ?? []);
      expect(markers).toEqual(text.match(MARKER));
      for (const p of parts) {
        expect(p.length).toBeLessThanOrEqual(max);
        expect(p).not.toMatch(/\[[\d,\s]*$/);
      }
    }
  });

  it("cuts a word longer than the limit (no other way) without losing characters", () => {
    const blob = "x".repeat(10_000);
    const parts = splitText(`start ${blob} end`, 4096);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(parts.join("").replace(/\s/g, "")).toBe(`start${blob}end`);
  });

  it("does not split a surrogate pair", () => {
    const parts = splitText("😀".repeat(3000), 1001);
    for (const p of parts) expect(p).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });
});

describe("truncate", () => {
  it("ends at a word with an ellipsis", () => {
    const cut = truncate(SENTENCE, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut.endsWith("…")).toBe(true);
    expect(SENTENCE.startsWith(cut.slice(0, -1))).toBe(true);
    expect(SENTENCE[cut.length - 1]).toBe(" ");
  });

  it("leaves short text alone", () => {
    expect(truncate("short", 10)).toBe("short");
  });
});

describe("tail", () => {
  it("starts after a cut marker, never inside one, even a multi-number one", () => {
    const text = `${"word ".repeat(50)}[1, 3] then [12] more words.`;
    for (let max = 8; max <= 40; max++) {
      const out = tail(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.startsWith("…")).toBe(true);
      expect(out.replace(MARKER, "")).not.toMatch(/[[\]]/);
    }
  });
});

describe("renderPartialAnswer", () => {
  it("shows a short partial answer whole, lines kept, with a cursor", () => {
    expect(renderPartialAnswer("First [1].\n\nSecond")).toBe("First [1].\n\nSecond ▌");
  });

  it("shows the tail of a long one within the content limit, from a word, markers whole", () => {
    const long = Array.from({ length: 60 }, (_, i) => `${SENTENCE} [${(i % 3) + 1}, ${(i % 4) + 1}]`).join(
      "\n",
    );
    for (let end = 2100; end <= long.length; end += 37) {
      const out = renderPartialAnswer(long.slice(0, end).replace(/\[[\d,\s]*$/, ""));
      expect(out.length).toBeLessThanOrEqual(LIMITS.content);
      expect(out).toMatch(/^…\S/);
      expect(out.replace(MARKER, "")).not.toMatch(/[[\]]/);
    }
  });
});

describe("renderAnswer", () => {
  const answer = (
    text: string,
    citations: Citation[],
    question = "What did the CIS working group approve?",
  ): Answer => ({
    question,
    found: true,
    answer: text,
    citations,
    mode: "extractive",
  });

  it("puts the answer, its first three sources and the buttons in one embed when it fits", () => {
    const other = "The presidency of the Republic of Belarus in the CIS will end in 2022.";
    const pages = renderAnswer(
      answer(`${SENTENCE} [1]`, [
        citation(1),
        citation(2, other),
        citation(3, other),
        citation(4),
        citation(5),
      ]),
      "abcdefgh",
    );
    expect(pages).toHaveLength(1);
    const [embed] = pages[0]?.embeds ?? [];
    expect(embed?.description).toContain("[1]");
    expect(embed?.fields?.map((f) => f.name)).toEqual([
      "[1] Commonwealth of Independent States: Evolution of regional cooperation",
      "[2] Commonwealth of Independent States: Evolution of regional cooperation",
      "[3] Commonwealth of Independent States: Evolution of regional cooperation",
    ]);
    // The answer already shows [1]'s quote; [2] quotes its own sentence. A section that repeats the title is left out.
    expect(embed?.fields?.[0]?.value).toBe("p. 1\n`chunk00000000001`");
    expect(embed?.fields?.[1]?.value).toBe(`p. 2\n> ${other}\n\`chunk00000000002\``);
    expect(embed?.footer?.text).toBe(
      "extractive answer · 2 more source(s) under More sources · /source id:<chunk id> shows a passage",
    );
    const ids = pages[0]?.components?.[0]?.components.map((c) => ("custom_id" in c ? c.custom_id : ""));
    expect(ids?.map((id) => parseButtonId(id ?? "")?.action)).toEqual(["more", "passage", "up", "down"]);
  });

  it("shows a section that differs from the title, and links the page when the document has a url", () => {
    const linked = {
      ...citation(2, "Trade grew."),
      title: "Contours of union integration",
      section: "Chapter 4",
      url: "https://example.org/contours.pdf#page=2",
    };
    const [embed] = renderAnswer(answer("Something else [1].", [linked]), "abcdefgh")[0]?.embeds ?? [];
    expect(embed?.fields?.[0]?.value).toBe(
      "Chapter 4 · [p. 2](https://example.org/contours.pdf#page=2)\n> Trade grew.\n`chunk00000000002`",
    );
  });

  it("shows the answer as text, never as Discord formatting", () => {
    const [embed] =
      renderAnswer(
        answer("# Big\n> quoted **bold** [click](https://x.example) `code` ||spoiler|| [1]", [citation(1)]),
        "abcdefgh",
      )[0]?.embeds ?? [];
    expect(embed?.description).toBe(
      "\\# Big\n\\> quoted \\*\\*bold\\*\\* \\[click](https://x.example) \\`code\\` \\|\\|spoiler\\|\\| [1]",
    );
  });

  it("keeps even a very long answer with many long citations to two messages within every limit", () => {
    const text = Array.from({ length: 120 }, (_, i) => `${SENTENCE} [${(i % 40) + 1}]`).join(" ");
    const citations = Array.from({ length: 40 }, (_, i) => citation(i + 1, `${SENTENCE} `.repeat(30)));
    const pages = renderAnswer(
      answer(text, citations, `**${"why ".repeat(200)}** @everyone <@123>`),
      "abcdefgh",
    );
    expect(pages.length).toBeLessThanOrEqual(2);
    pages.forEach(expectWithinLimits);
    const description = pages[0]?.embeds[0]?.description ?? "";
    expect(description).toMatch(/…$/);
    expect(text.startsWith(description.slice(0, -1).trimEnd())).toBe(true);
    const fields = pages.flatMap((p) => p.embeds.flatMap((e) => e.fields ?? []));
    // Three sources, each keeping label, page and id; only the quote is trimmed.
    expect(fields).toHaveLength(3);
    fields.forEach((f, i) => {
      expect(f.name.startsWith(`[${i + 1}] `)).toBe(true);
      expect(f.value).toContain(`p. ${i + 1}`);
      expect(f.value).toContain(`\`chunk${String(i + 1).padStart(11, "0")}\``);
      expect(f.value).toMatch(/…\n`/);
    });
    // Buttons only under the last page.
    expect(pages.filter((p) => p.components?.length)).toEqual([pages.at(-1)]);
    // The question's markdown is escaped in the title.
    expect(pages[0]?.embeds[0]?.title?.startsWith("\\*\\*why")).toBe(true);
  });
});

describe("renderPassage", () => {
  it("shows a 10,000-character passage whole, over pages, with its footnotes and context", () => {
    const text = Array.from({ length: 95 }, () => SENTENCE).join(" ");
    const footnotes = Array.from({ length: 30 }, (_, i) => ({
      n: i + 1,
      text: `Footnote ${i + 1} source [Electronic resource]. ${"Long reference ".repeat(80)}`,
      url: `https://www.belta.by/economics/view/${i + 1}/`,
    }));
    const pages = renderPassage({
      chunk: chunk(text, footnotes),
      before: chunk("Earlier words."),
      after: chunk("Later words."),
    });
    pages.forEach(expectWithinLimits);
    const all = pages.flatMap((p) => p.embeds);
    const description = all.map((e) => e.description ?? "").join(" ");
    expect(words(description)).toEqual(expect.arrayContaining(words(text)));
    expect(description).toContain("Earlier words.");
    expect(description).toContain("Later words.");
    const fields = all.flatMap((e) => e.fields ?? []);
    expect(fields.filter((f) => f.name.startsWith("Footnote"))).toHaveLength(10);
    expect(fields.find((f) => f.name === "Footnote 1")?.value).toContain(
      "<https://www.belta.by/economics/view/1/>",
    );
    expect(all.at(-1)?.footer?.text).toContain("20 more footnote(s)");
    expect(fields.find((f) => f.name === "Document")?.value).toContain("pp. 3–4");
  });
});

describe("renderFactCheck, renderAbout, renderReindex", () => {
  it("reports a reindex summary: counts, what changed, what was skipped", () => {
    const summary = {
      documents: 3,
      chunks: 120,
      embedded: 40,
      added: ["new.md"],
      updated: [],
      removed: [],
      unchanged: ["a.txt", "b_c.txt"],
      warnings: [{ file: "x.pdf", reason: "unsupported" }],
      seconds: 1.2,
      rebuilt: true,
    };
    const [page] = renderReindex(summary, 1234);
    const fields = Object.fromEntries((page?.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields).toEqual({
      Documents: "3",
      Chunks: "120",
      Embedded: "40",
      "Added (1)": "`new.md`",
      Unchanged: "2",
      "Skipped (1)": "`x.pdf: unsupported`",
    });
    expect(page?.embeds[0]?.description).toBe("Reindex took 1.2 s. The new index is live.");
    const [kept] = renderReindex({ ...summary, added: [], warnings: [], rebuilt: false }, 200);
    expect(kept?.embeds[0]?.description).toContain("Nothing changed");
    expect(kept?.embeds[0]?.fields?.map((f) => f.name)).not.toContain("Skipped (0)");
  });

  it("labels the verdict, shows the element breakdown and quotes the evidence", () => {
    const [page] = renderFactCheck({
      claim: "The working group met in Moscow in February 2019 @everyone",
      verdict: "supported",
      explanation: "The passage says so.",
      elements: [
        { kind: "place", claim: "Moscow", status: "matched" },
        { kind: "period", claim: "February 2019", status: "matched", book: "In February 2019" },
        { kind: "subject", claim: "The working group met in", status: "matched" },
      ],
      evidence: [{ ...citation(1), quote: SENTENCE }],
      conflicts: [],
    });
    expect(page?.embeds[0]?.title).toBe("✅ Supported");
    expect(page?.embeds[0]?.description).toContain("• ✓ place: Moscow");
    expect(page?.embeds[0]?.description).toContain("✓ date: February 2019 — the books: In February 2019");
    expect(page?.embeds[0]?.description).not.toContain("subject");
    expect(page?.embeds[0]?.fields?.[0]?.value).toContain(SENTENCE);
  });

  it("keeps a long breakdown within Discord's limits", () => {
    const long = "x".repeat(900);
    const pages = renderFactCheck({
      claim: long,
      verdict: "contradicted",
      explanation: long,
      elements: Array.from({ length: 20 }, (_, i) => ({
        kind: "figure" as const,
        claim: `${i} ${long}`,
        status: "different" as const,
        book: long,
      })),
      evidence: Array.from({ length: 8 }, (_, i) => ({ ...citation(i + 1), quote: long })),
      conflicts: [],
    });
    for (const page of pages) expectWithinLimits(page);
  });

  it("lists documents, chunk count, embedder and build time", () => {
    const [page] = renderAbout({
      documents: [{ id: "a.txt", title: "Book A", chunks: 3 }],
      chunks: 3,
      embedder: "use-lite-512@0.2.0",
      builtAt: "2024-05-01T10:00:00.000Z",
    });
    const embed = page?.embeds[0];
    expect(embed?.description).toContain("**Book A** — 3 chunks");
    expect(embed?.fields?.map((f) => f.value)).toEqual([
      "3",
      "use-lite-512@0.2.0",
      expect.stringContaining("<t:1714557600:F>"),
    ]);
  });
});
