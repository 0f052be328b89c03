import type { IndexReader } from "../index/port.js";
import { TermStats } from "../search/term-stats.js";
import { DEFAULT_GAP_SETTINGS, type GapReport, type GapSettings, groupGaps, topicTerms } from "./gaps.js";
import type { FeedbackStore } from "./store.js";

/**
 * The coverage-gap report, topic words weighed by how rare they are in the indexed books (the
 * live generation's passage frequencies, from either store); without an index, by how rare they
 * are among the gap questions themselves.
 */
export async function gapReport(
  feedback: FeedbackStore,
  books: Pick<IndexReader, "termCounts"> | undefined,
  settings: GapSettings = DEFAULT_GAP_SETTINGS,
): Promise<GapReport> {
  const gaps = await feedback.gaps();
  if (!books) return groupGaps(gaps, undefined, settings);
  const words = [...new Set(gaps.flatMap((g) => topicTerms(g.question)))];
  const { df, passages } = await books.termCounts(words, []);
  return groupGaps(gaps, TermStats.fromCounts(df, passages), settings);
}
