import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Config, loadConfig } from "../../src/config.js";
import { runIngest } from "../../src/ingest.js";
import type { CleanDocument, IngestSummary } from "../../src/types.js";

/**
 * The one place the pipeline tests build their material: real paragraphs of the seed books
 * (as cleanDocument leaves them), hand-built CleanDocuments over them, temp folders, and small
 * seed folders cut from the real books.
 */

export const REPO = join(import.meta.dirname, "../..");
export const SEEDS = join(REPO, "seeds");

/** Real paragraphs of the seeds, after cleaning. */
export const PARAGRAPHS = {
  /** 001: the CIS trade figures for 2017 and 2018. */
  cisTrade:
    'The Republic of Belarus has consistently advocated strengthening the economic potential of this association of post-Soviet countries and expanding their trade and production ties in order to consolidate the positive dynamics observed in the CIS: "Mutual trade within the CIS continues to grow. Last year [2017], trade totalled USD 164 billion, an increase of 25%". In the first seven months of 2018, "the value of mutual trade increased by 15% ($102 billion) compared to the previous year", and the year-end figures show a 20% increase in mutual trade among CIS member states.',
  /** 004: Stavropol, with an initial ("V. Vladimirov") and a decimal ("6.7 billion"). */
  stavropol:
    'All these facts show that the Stavropol Territory is one of the most promising economic partners of Belarus in Russia. Back in 2013, the trade turnover between the region and the republic increased by half compared to 2012 and amounted to 6.7 billion Russian rubles. It is true, however, that there was a certain decline thereafter. And it was only in 2016 that the volume of mutual trade reached 140 million dollars. This meant that after two years of decline, its growth dynamics exceeded 9 percent. At the same time, this fact demonstrates that the Stavropol Territory and the Republic of Belarus now have a real potential for a significant increase in trade turnover and expansion of bilateral cooperation. That is why Governor of Stavropol Region V. Vladimirov\'s visit to Belarus in March 2017 was regarded in Minsk as a serious intention of the Russian side "to significantly increase mutual trade and launch new promising projects in the sectors where we are interesting and useful to each other".',
  /** 002: EAEU and Cuba. */
  cuba: 'Another country of the Americas, with which the EAEU will significantly intensify cooperation in 2021, is Cuba, with which a memorandum of understanding was concluded back in 2018 and which was granted observer status with the EAEU in December 2020 at a meeting of the Supreme Eurasian Economic Council. Many facts indicate that the level of development of trade and economic cooperation between the parties to the memorandum has serious potential for growth. In particular, "at the end of 2019, trade turnover between the EAEU and Cuba was $214, 7 million, including exports - $197.1 million and imports - $17.6 million. In 2018, a record level of trade turnover between the EAEU and Cuba was recorded since 2010 - $417.5 million".',
  /** 002: EAEU and Iran. */
  iran: 'In Asia, among the states interested in developing full-scale cooperation with the EAEU is Iran, with which an interim agreement leading to the formation of a free trade zone was signed in May 2018 and entered into force in October 2019. In December 2020, the heads of the EAEU member states decided to start negotiations on a free trade zone agreement with Iran by October 2022. Already in February 2021, participants in these negotiations focused their attention on transport and logistics projects that could "have a positive impact both on the growth of trade turnover between the EEU countries and Iran, and on increasing the level of transport connectivity of the entire large Eurasian region.',
  /** 003: parliamentary diplomacy. */
  parliament:
    "In other words, parliamentary diplomacy is a tool that can improve the way we discuss and create an environment conducive to international cooperation, both bilaterally and multilaterally. At the same time, it is important that parliamentarians in the current political and economic global reality are organically integrated into the system of foreign policy implementation and effective decision-making, relying on the strengthening of the analytical component of their work, since it is the in-depth analysis of the situation in foreign countries that can make effective their search for possible ways to influence civil society to address the existing issues of interaction.",
  /** 003: forms of foreign policy activity. */
  forms:
    "Several national parliaments now stand out among the main forms of foreign policy activities. First, the institutional and legal strengthening of international cooperation through the establishment of a treaty-based legal framework, the improvement of international law and the adoption of statements, appeals and resolutions on foreign policy issues. Secondly, strengthening international security through the participation of parliamentarians in international conferences, symposiums, debates, round tables, peacekeeping missions and election observation in other countries. Thirdly, development of inter-parliamentary cooperation through international meetings of parliamentarians, personal contacts with foreign colleagues, representatives of both governmental and non-governmental organizations.",
  /** 004: Chechnya. */
  chechnya:
    'As for the Chechen Republic, it signed an agreement on trade, economic, scientific, technological and cultural cooperation with the Republic of Belarus in June 2017 at the Fourth Forum of Regions of Belarus and Russia. This document has seriously strengthened the contractual and legal foundation for cooperation between Minsk and Grozny in virtually all areas of partnership, which began with the agreement between this Russian region and the Minsk City Executive Committee on trade, economic, scientific, technological and cultural cooperation signed back in July 2002. That document was then one of the first concluded by the Chechen Republic with a foreign country after the beginning of the reconstruction period. "However, due to objective reasons existing at that time, including the general socio-economic situation in the [Chechen] Republic and concerns of potential investors about possible risks in the field of investment activities, these agreements, unfortunately, were not further developed".',
} as const;

/** One paragraph of a hand-built document, with the structure that starts at it. */
export interface Part {
  text: string;
  /** A section (heading) starting at this paragraph. */
  section?: string;
  /** A page starting at this paragraph, or at the sentence of it that begins with `at`. */
  page?: { page: number; at?: string };
  /** A footnote whose marker stood right after `after` in this paragraph. */
  footnote?: { n: number; text: string; url?: string; after: string };
}

/** A CleanDocument over the given paragraphs (joined by blank lines), first page 1 unless given. */
export function buildDoc(parts: Part[], id = "test.txt", title = "Test book"): CleanDocument {
  const doc: CleanDocument = { id, title, text: "", pages: [], sections: [], footnotes: [] };
  let offset = 0;
  for (const p of parts) {
    if (p.section) doc.sections.push({ offset, title: p.section });
    if (p.page)
      doc.pages.push({ offset: offset + indexOrThrow(p.text, p.page.at ?? "", 0), page: p.page.page });
    if (p.footnote) {
      const { after, ...note } = p.footnote;
      doc.footnotes.push({ ...note, offset: offset + indexOrThrow(p.text, after, after.length) });
    }
    offset += p.text.length + 2;
  }
  doc.text = parts.map((p) => p.text).join("\n\n");
  if (doc.pages[0]?.offset !== 0) doc.pages.unshift({ offset: 0, page: 1 });
  return doc;
}

function indexOrThrow(text: string, needle: string, plus: number): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" is not in the paragraph`);
  return i + plus;
}

/** A fresh temp folder; `cleanup` removes it. */
export async function tempDir(
  prefix = "footnote-test-",
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The opening lines of three seed books: small, real, and each with its own topic. */
export const SMALL_BOOKS = [
  { file: "001_04d2d979b8eaaf9e.txt", lines: 130, title: "Commonwealth of Independent States" },
  { file: "002_20633cbd5c519157.txt", lines: 120, title: "Eurasian Economic Union" },
  { file: "004_f865b4ead9a1efb6.txt", lines: 100, title: "Contours of union integration" },
] as const;

/** The first `lines` raw lines of a seed book. */
export async function seedHead(file: string, lines: number): Promise<string> {
  return (await readFile(join(SEEDS, file), "utf8")).split("\n").slice(0, lines).join("\n");
}

/** Writes the small books (or a chosen subset) with title sidecars into `seedsDir`. */
export async function writeSmallSeeds(
  seedsDir: string,
  books: readonly { file: string; lines: number; title: string }[] = SMALL_BOOKS,
): Promise<void> {
  await mkdir(seedsDir, { recursive: true });
  for (const { file, lines, title } of books) {
    await writeFile(join(seedsDir, file), await seedHead(file, lines));
    await writeFile(join(seedsDir, `${file}.meta.json`), JSON.stringify({ title }));
  }
}

/** Env for a corpus under `root`: seeds/, index/ and cache/ inside it, one embedding thread. */
export function corpusEnv(root: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    SEEDS_DIR: join(root, "seeds"),
    INDEX_DIR: join(root, "index"),
    CACHE_DIR: join(root, "cache"),
    EMBED_WORKERS: "1",
    LOG_LEVEL: "silent",
    ...env,
  };
}

export const corpusConfig = (root: string, env: Record<string, string> = {}): Config =>
  loadConfig(corpusEnv(root, env), root);

/** A small real corpus under `root`, ingested: seeds/, index/ and cache/ inside it. */
export async function ingestSmallCorpus(
  root: string,
  env: Record<string, string> = {},
): Promise<{ config: Config; summary: IngestSummary }> {
  const config = corpusConfig(root, env);
  await writeSmallSeeds(config.seedsDir);
  return { config, summary: await runIngest(config) };
}
