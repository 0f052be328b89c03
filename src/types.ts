/** Domain types shared along the pipeline: seeds → corpus → chunk → index ← search → answer. */
import type { QuestionAnalysis } from "./understand/question.js";

export interface DocumentMeta {
  title?: string;
  author?: string;
  year?: number;
  url?: string;
}

/** A footnote reference: where its marker stood in the cleaned text, and what it points to. */
export interface FootnoteRef {
  /** Offset in `CleanDocument.text` where the (removed) marker stood. */
  offset: number;
  n: number;
  text: string;
  url?: string;
}

/** One document after cleaning: plain prose plus the structure recovered from the raw file. */
export interface CleanDocument {
  /** File path relative to the seeds folder, e.g. "000_81e9b8e0fadb0ad8.txt". */
  id: string;
  title: string;
  author?: string;
  year?: number;
  url?: string;
  /** Cleaned body text; paragraphs separated by "\n\n", no footnote markers or boilerplate. */
  text: string;
  /** Page starts, ascending by offset; the first has offset 0. */
  pages: { offset: number; page: number }[];
  /** Section (heading) starts, ascending by offset. */
  sections: { offset: number; title: string }[];
  footnotes: FootnoteRef[];
  /** True when `pages` are estimated (e.g. from a table of contents) rather than read from page breaks. */
  pagesEstimated?: boolean;
}

export interface Footnote {
  n: number;
  text: string;
  url?: string;
}

export interface Chunk {
  /** Stable content hash (document id + text). */
  id: string;
  doc: string;
  title: string;
  section: string;
  pageStart: number;
  pageEnd: number;
  /** Character offsets of `text` in the cleaned document text. */
  start: number;
  end: number;
  text: string;
  /** Pages that begin inside the chunk: offset in `text` and page number. */
  pageBreaks?: { at: number; page: number }[];
  footnotes: Footnote[];
  /** The document's address (its sidecar `url`), for links out. */
  url?: string;
  /**
   * The sentences of its section just before it, not part of it: what its first sentences refer
   * back to (names, the year of "this year"). Read as context, never quoted or embedded.
   */
  context?: string;
}

export interface SearchHit {
  chunk: Chunk;
  /** Final fused score in [0, 1], comparable across queries. */
  score: number;
  /** Chunk ids of near-duplicate passages collapsed into this hit (other books' copies). */
  duplicates: string[];
  /** The sentence of the passage that best matches the query (offsets in `chunk.text`). */
  highlight?: { start: number; end: number };
}

export interface SearchResult {
  query: string;
  /**
   * The question as the search read it: framing dropped, misspellings corrected, elements found.
   * Results built elsewhere (a stand-in search) may leave it out; answerers then read `query`.
   */
  analysis?: QuestionAnalysis;
  /** False when nothing in the corpus is relevant enough; hits are then the closest passages. */
  found: boolean;
  hits: SearchHit[];
}

/** Where a quote stands: book, section, page and the passage it was cut from. */
export interface QuoteSource {
  doc: string;
  title: string;
  section: string;
  page: number;
  /** Exact text from the passage. */
  quote: string;
  chunkId: string;
  /** A link to the document at this page, when the document has a `url` (`#page=N` for PDFs). */
  url?: string;
}

export interface Citation extends QuoteSource {
  n: number;
  score: number;
}

export interface Answer {
  question: string;
  found: boolean;
  answer: string;
  citations: Citation[];
  mode: "extractive" | "generated";
  /** Present when a generated answer fell back to the extractive one, e.g. "language model timed out". */
  note?: string;
  /** Found, but the books back only part of it (e.g. sentences dropped as unsupported); a coverage gap. */
  partial?: boolean;
}

export type Verdict = "supported" | "contradicted" | "not_found";

/** The parts of a claim the fact-check compares one by one. */
export type ElementKind =
  | "figure"
  | "period"
  | "place"
  | "organisation"
  | "name"
  | "rank"
  | "negation"
  | "relation"
  | "subject";

export interface ElementCheck {
  kind: ElementKind;
  /** How the claim puts it: "$26m", "FEZ Grodnoinvest", "Jan-Oct 2020", "the second-highest". */
  claim: string;
  /** `matched`: the books say the same; `different`: they say otherwise; `missing`: they do not say. */
  status: "matched" | "different" | "missing";
  /** What the books say for it, when they say something ("4.2 million euros", "Mogilev"). */
  book?: string;
  /** For a different figure, what differs: its value, currency or unit, scale, or direction. */
  differs?: "value" | "unit" | "scale" | "direction";
}

/** The books give different values for the same thing; each reading cites where it is said. */
export interface Conflict {
  /** The claim's element the readings are about, e.g. "332". */
  about: string;
  readings: { figure: string; evidence: QuoteSource }[];
}

export interface FactCheck {
  claim: string;
  verdict: Verdict;
  explanation: string;
  /** Every element of the claim, as the evidence below bears it out (or not). */
  elements: ElementCheck[];
  evidence: QuoteSource[];
  conflicts: Conflict[];
}

/** Engine port options and results (src/engine.ts), shared with the stores and transports. */
export interface SearchOptions {
  topK?: number;
  /** Skip this many hits (for "More sources"). */
  offset?: number;
}

export interface AskOptions extends SearchOptions {
  history?: string[];
  /** Called with partial answer text while a generated answer streams. */
  onToken?: (textSoFar: string) => void;
}

export interface PassageContext {
  chunk: Chunk;
  before?: Chunk;
  after?: Chunk;
}

export interface IndexInfo {
  documents: { id: string; title: string; chunks: number }[];
  chunks: number;
  embedder: string;
  builtAt: string;
}

/** A document ingest could not use, and why (it is skipped; the rest are indexed). */
export interface LoadWarning {
  file: string;
  reason: string;
}

/** What an ingest (or a /reindex) did. */
export interface IngestSummary {
  documents: number;
  chunks: number;
  /** Chunks actually sent to the embedder in this run (the rest came from the cache). */
  embedded: number;
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
  warnings: LoadWarning[];
  seconds: number;
  /** False when nothing changed and the existing index was kept as it is. */
  rebuilt: boolean;
}
