import { describe, expect, it } from "vitest";
import { dedoubleUrl } from "../../src/corpus/clean/footnotes.js";
import { joinHyphenated, vocabulary } from "../../src/corpus/clean/hyphens.js";
import { cleanDocument } from "../../src/corpus/clean.js";
import {
  EXCERPT_000_OPENING,
  EXCERPT_000_REPEAT,
  EXCERPT_001_FOOTNOTES,
  EXCERPT_002_JUNK,
  EXCERPT_003_NOTES,
  EXCERPT_004_SUPERSCRIPTS,
} from "./excerpts.js";
import { BOOKS, readSeed } from "./seeds.js";

describe("cleanDocument on real excerpts", () => {
  it("001: takes footnote blocks out of the body and keeps them with number, text and repaired URL", () => {
    const doc = cleanDocument("001", EXCERPT_001_FOOTNOTES);
    expect(doc.text).not.toMatch(/Working Group on preparing|http|\[Electronic resource\]/);
    expect(doc.text).toContain(
      'Last year [2017], trade totalled USD 164 billion, an increase of 25%". In the first',
    );
    const three = doc.footnotes.find((f) => f.n === 3);
    expect(three).toMatchObject({
      text: expect.stringMatching(/^Results of the CIS Council of Heads of Government Meeting/),
      url: "http://www.e-cis.info/page.php?id=26548",
    });
    // The own-line marker "3" stood right after the closing quote.
    expect(doc.text.slice(0, three?.offset)).toMatch(/an increase of 25%"$/);
    expect(doc.footnotes.find((f) => f.n === 1)?.url).toBe("http://www.e-cis.mfo/news.php?id=21302");
  });

  it("001: a sentence cut by a footnote block and a page break reads on; the new page is recorded", () => {
    const doc = cleanDocument("001", EXCERPT_001_FOOTNOTES);
    const at = doc.text.indexOf("the previous year");
    expect(doc.text).toContain(
      'increased by 15% ($102 billion) compared to the previous year", and the year-end',
    );
    expect(doc.pages).toEqual([
      { offset: 0, page: 1 },
      { offset: at, page: 2 },
    ]);
  });

  it("000: finds the heading, strips glued markers, keeps figures, repairs missing spaces", () => {
    const doc = cleanDocument("000", EXCERPT_000_OPENING);
    expect(doc.sections).toEqual([
      {
        offset: 0,
        title: "Commonwealth of Independent States: and free trade in services, and innovation cooperation",
      },
    ]);
    expect(doc.title).toBe(doc.sections[0]?.title);
    expect(doc.text.startsWith("The presidency of the Republic of Belarus")).toBe(true);
    expect(doc.text).toContain("retail trade turnover - 8.5%. The achievement");
    expect(doc.text).toContain("the economies of the CIS countries. In 2021, thanks");
    expect(doc.text).toContain("cargo transportation (excluding pipeline transport) - 5.2%");
  });

  it("000: drops the sentence repeated in capitals, keeps the original", () => {
    const doc = cleanDocument("000", EXCERPT_000_REPEAT);
    expect(doc.text).not.toMatch(/THE VOLUME OF THE BELARUSIAN EXPORT/);
    expect(doc.text).toContain(
      "increased by a quarter and amounted to $26.3 million. It happened due to deliveries",
    );
  });

  it("002: removes U+FFFD junk with the footnote and joins the page-split sentence", () => {
    const doc = cleanDocument("002", EXCERPT_002_JUNK);
    expect(doc.text).not.toContain("\uFFFD");
    expect(doc.footnotes.map((f) => f.n)).toContain(1);
    expect(doc.text).toContain(
      "global value chains <...>. Since 2015 the mutual trade turnover has grown by 22.6%",
    );
    expect(doc.pages).toHaveLength(2);
  });

  it("003: footnotes after a lone space line are taken out; the page resumes mid-sentence", () => {
    const doc = cleanDocument("003", EXCERPT_003_NOTES);
    expect(doc.text).not.toContain("Likhachev");
    expect(doc.footnotes.find((f) => f.n === 2)).toMatchObject({
      text: "Likhachev, V. Parliamentary diplomacy / V. Likhachev // [Electron resource]. - – 2009",
      url: "https://interaffairs.ru/jauthor/material/122",
    });
    expect(doc.text).toContain(
      'as "the increase in the effectiveness of parliamentary diplomacy at the global level',
    );
  });

  it("004: superscript markers and footnote paragraphs out, the split paragraph rejoined, escapes undone", () => {
    const doc = cleanDocument("004", EXCERPT_004_SUPERSCRIPTS);
    expect(doc.text).not.toMatch(/[⁰¹²³⁴⁵⁶⁷⁸⁹]|\\\$|Roman Golovchenko: Belarus and Russia need/);
    expect(doc.text).toContain("amounted to $77 million which was 17.3% less");
    const f22 = doc.footnotes.find((f) => f.n === 22);
    expect(f22?.text).toMatch(/^Belarus is ready to participate more actively in agricultural development/);
    expect(f22?.url).toMatch(/^https:\/\/www\.belta\.by\/economics\/view\/belarus-gotova/);
    expect(doc.footnotes.find((f) => f.n === 21)?.url).toBe("http://www.government.by/ru/content/9593");
  });
});

describe("line-end hyphens", () => {
  const vocab = vocabulary(readSeed(BOOKS.b000));
  it("keeps real compounds (agro- / industrial)", () => {
    expect(joinHyphenated("cooperation in the agro-", "industrial complex", vocab)).toBe(
      "cooperation in the agro-industrial complex",
    );
  });
  it("rejoins a word split across lines when the corpus knows the joined word (eco- / nomic)", () => {
    expect(joinHyphenated("the development of the eco-", "nomic space", vocab)).toBe(
      "the development of the economic space",
    );
  });
  it("keeps the hyphen when the corpus knows neither form", () => {
    expect(joinHyphenated("the Sub-", "System of Economic", vocab)).toBe("the Sub-System of Economic");
  });
});

describe("dedoubleUrl", () => {
  it.each([
    [
      "http://http://www.e-cis.mfo/news.php?id=21302.e-cis.mfo/news.php?id=21302",
      "http://www.e-cis.mfo/news.php?id=21302",
    ],
    [
      "http://http://www.govemment.by/ru/content/8365.govemment.by/ru/content/8365",
      "http://www.govemment.by/ru/content/8365",
    ],
    [
      "http://www.government.by/ru/contenthttp://www.government.by/ru/content/9593",
      "http://www.government.by/ru/content/9593",
    ],
    ["http://www.cis.minsk.by/news.php?id=5355", "http://www.cis.minsk.by/news.php?id=5355"],
  ])("%s", (input, expected) => expect(dedoubleUrl(input)).toBe(expected));
});
