/** Test helper: does `quote` occur in `text`, exactly or with at least `share` of its words in order? */
const words = (s: string) =>
  (s.toLowerCase().match(/[\p{L}\p{N}$%]+(?:[.,][\p{L}\p{N}]+)*/gu) ?? []) as string[];

export function containsQuote(text: string, quote: string, share = 0.9): boolean {
  if (text.includes(quote)) return true;
  const q = words(quote);
  const t = words(text);
  const need = Math.ceil(q.length * share);
  // Align from each occurrence of one of the first quote words; allow small gaps (glued markers, typos).
  for (let k = 0; k <= q.length - need; k++) {
    for (let i = t.indexOf(q[k] as string); i >= 0; i = t.indexOf(q[k] as string, i + 1)) {
      let matched = 0;
      let j = i;
      for (let w = k; w < q.length; w++) {
        const at = t.indexOf(q[w] as string, j);
        if (at >= 0 && at - j <= 3) {
          matched++;
          j = at + 1;
        }
      }
      if (matched >= need) return true;
    }
  }
  return false;
}
