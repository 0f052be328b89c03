/**
 * Re-orders the ranked list below the first hit so that passages adding query terms the
 * earlier hits did not cover move up (greedy, like MMR over term coverage). Questions that join
 * two facts ("2015 compared with 2019") then get both into the top few, while the best hit stays
 * first.
 */
export function diversify<T>(
  ranked: T[],
  scoreOf: (item: T) => number,
  matchedOf: (item: T) => string[],
  weightOf: (term: string) => number,
  options: { lambda: number; depth: number },
): T[] {
  if (ranked.length < 3 || options.lambda === 0) return ranked;
  const head = ranked.slice(0, options.depth);
  const total = [...new Set(head.flatMap(matchedOf))].reduce((s, t) => s + weightOf(t), 0) || 1;
  const first = head[0] as T;
  const out = [first];
  const covered = new Set(matchedOf(first));
  const rest = head.slice(1);
  while (rest.length > 0) {
    let bestIndex = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    rest.forEach((item, i) => {
      const novel = matchedOf(item).reduce((s, t) => s + (covered.has(t) ? 0 : weightOf(t)), 0) / total;
      const value = scoreOf(item) + options.lambda * novel;
      if (value > bestValue) {
        bestValue = value;
        bestIndex = i;
      }
    });
    const [picked] = rest.splice(bestIndex, 1) as [T];
    out.push(picked);
    for (const t of matchedOf(picked)) covered.add(t);
  }
  return [...out, ...ranked.slice(options.depth)];
}
