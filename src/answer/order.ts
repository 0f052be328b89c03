import type { Answer, SearchResult } from "../types.js";

/**
 * The hits with the passages the answer quotes first, in the order it quotes them: the first
 * source a reader sees is the one that answers. The search's own order ranks passages by how much
 * of the question they hold; the answer reads their sentences for the asked kind, period and names,
 * which a passage-level score can only approximate. Other hits keep their order.
 */
export function answerFirst(result: SearchResult, answer: Answer): SearchResult {
  if (!answer.found) return result;
  const quoted = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const ids = [...new Set(quoted)].flatMap((n) =>
    answer.citations.filter((c) => c.n === n).map((c) => c.chunkId),
  );
  const at = (id: string) => result.hits.findIndex((h) => h.chunk.id === id || h.duplicates.includes(id));
  const first = [...new Set(ids.map(at).filter((i) => i >= 0))];
  if (first.length === 0 || first.every((i, k) => i === k)) return result;
  const hits = [...first.map((i) => result.hits[i]), ...result.hits.filter((_, i) => !first.includes(i))];
  return { ...result, hits: hits.filter((h) => h !== undefined) };
}
