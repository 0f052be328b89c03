import { describe, expect, it } from "vitest";
import {
  contextOf,
  PassageReader,
  periodsOf,
  saysName,
  speaksOfOther,
  viewPassage,
} from "../../src/understand/passage.js";
import { type Name, read } from "../../src/understand/reading.js";

// Real sentences of the books (004, Chapter 6): the passage opens "As a result", its subject two sentences back.
const BEFORE =
  'And, it should be said, there are good prospects here. For instance, a Russian region with seven million hectares of arable land and where only Belarusian wheeled tractors are assembled at Bashkillakhztekhnika, is in dire need of caterpillar-mounted machinery - "we need hundreds, not dozens, of caterpillar tractors".';
const TEXT =
  "As a result, the issue of possible assembly of Belarusian caterpillar tractors on the territory of Bashkortostan has been raised in practice. Another promising topic concerns highways, the total length of which in this Russian region exceeds 50 thousand kilometres.";

describe("a sentence read with its heading and the sentences before it", () => {
  const view = viewPassage(TEXT, "Chapter 6: A factor of trust and cooperation", BEFORE);

  it("reaches back into the passage's context at its start, and only as far as it must", () => {
    expect(view.before).toHaveLength(2);
    const first = contextOf(view, 0);
    expect(first).toHaveLength(4); // heading, two sentences before the passage, the sentence
    expect(first[2]?.terms.has("dozen")).toBe(true);
    const second = contextOf(view, 1);
    expect(second).toHaveLength(4); // heading, the last sentence before, the passage's two
    expect(second[1]).toBe(view.before[1]);
    expect(second.slice(2)).toEqual(view.sentences.map((s) => s.reading));
    expect(contextOf(viewPassage(TEXT, "", ""), 0)).toHaveLength(2);
  });

  it("dates a relative period by the year a span before it starts", () => {
    const v = viewPassage(
      "The roadmap for 2021-2022 was signed in Minsk. In the first half of the year, trade grew by a quarter.",
      "",
    );
    const [p] = periodsOf(v, 1);
    expect(p?.year).toBe(2021);
    expect(p?.months).toBeDefined();
  });

  it("tells a sentence about another region from one about the region asked", () => {
    const asked = read("When did Tatarstan sign its agreement with Belarus?").names;
    const other = read(
      "Another region is the Sakhalin Oblast, which signed a cooperation agreement in May 2021.",
    );
    const same = read("Tatarstan signed the agreement in 2004.");
    expect(speaksOfOther(asked, other)).toBe(true);
    expect(speaksOfOther(asked, same)).toBe(false);
    // Countries never count: a region's news names its country.
    expect(speaksOfOther(asked, read("Belarus signed a cooperation agreement in May 2021."))).toBe(false);
    expect(saysName(asked.find((n) => n.raw === "Tatarstan") as Name, [same])).toBe(true);
  });
});

describe("PassageReader", () => {
  it("reads a passage once and, when full, lets the least recently used go", () => {
    const reader = new PassageReader(2);
    const passage = (id: string) => ({ id, text: TEXT, section: "" });
    const a = reader.view(passage("a"));
    const b = reader.view(passage("b"));
    expect(reader.view(passage("a"))).toBe(a);
    reader.view(passage("c")); // b was used least recently
    expect(reader.view(passage("a"))).toBe(a);
    expect(reader.view(passage("b"))).not.toBe(b);
  });
});
