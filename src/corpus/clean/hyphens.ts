/**
 * Words hyphenated at a line end: `eco-` + `nomic` is one word, `agro-` + `industrial` a real compound.
 * The document itself decides: whichever form occurs elsewhere in it wins; unknown splits (and capitalised parts: `Sub-` + `System`) keep the hyphen.
 */
export function vocabulary(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z]+(?:-[a-z]+)*/g) ?? []);
}

/** Joins `left` (ending in `word-`) and the next line `right` (which may open with sentinels). */
export function joinHyphenated(left: string, right: string, vocab: Set<string>): string {
  const [, marks = "", rest = ""] = /^((?:[\uE000-\uE003][\uE100-\uF8FF])*)([\s\S]*)$/.exec(right) ?? [];
  const a = /([a-z]+)-$/i.exec(left.slice(-40))?.[1];
  const b = /^[a-z]+/.exec(rest)?.[0];
  const joined = !!a && !!b && vocab.has(`${a}${b}`.toLowerCase()) && !vocab.has(`${a}-${b}`.toLowerCase());
  return (joined ? left.slice(0, -1) : left) + marks + rest;
}
