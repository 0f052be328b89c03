/**
 * A passage read sentence by sentence, with the context each sentence is read in: its section
 * heading and the sentences just before it (the books say "the region" for a name given two
 * sentences earlier, and "in the first half of the year" for a year given before).
 */

import { CAPITALS, isCountry } from "../text/aliases.js";
import { splitSentences } from "../text/sentences.js";
import type { Period } from "../text/time.js";
import { type Name, type Reading, read } from "./reading.js";

export interface SentenceView {
  /** Offsets in the passage text. */
  start: number;
  end: number;
  text: string;
  reading: Reading;
  /**
   * What answering reads of the sentence whatever the question (understand/match.ts), kept with
   * the view on first use: the view is read once per passage, matching once per question.
   */
  memo?: { plain?: ReadonlySet<string>; referred?: ReadonlySet<string> };
}

export interface PassageView {
  heading: Reading;
  /** The sentences before the passage in its section (`Chunk.context`), read as context only. */
  before: Reading[];
  sentences: SentenceView[];
}

export function viewPassage(text: string, section: string, context = ""): PassageView {
  const sentences = splitSentences(text)
    .map((s) => ({ ...s, text: text.slice(s.start, s.end) }))
    .filter((s) => /[\p{L}\p{N}]/u.test(s.text))
    .map((s) => ({ ...s, reading: read(s.text) }));
  const before = splitSentences(context).map((s) => read(context.slice(s.start, s.end)));
  return { heading: read(section), before, sentences };
}

/** Sentences before a sentence that its names and dates may refer back to. */
export const CONTEXT_SENTENCES = 2;

/**
 * The readings a sentence is read with: the heading, then the `depth` sentences before it (those
 * before the passage when it is near its start), then itself.
 */
export function contextOf(view: PassageView, i: number, depth = CONTEXT_SENTENCES): Reading[] {
  const from = Math.max(0, i - depth);
  const outside = Math.min(view.before.length, Math.max(0, depth - i));
  return [
    view.heading,
    ...view.before.slice(view.before.length - outside),
    ...view.sentences.slice(from, i + 1).map((s) => s.reading),
  ];
}

/**
 * Whether a name is said in any of the readings: by key, by its words, written in lower case, or,
 * for a capital standing alone ("Minsk", not "Minsk region"), by its country.
 */
export function saysName(
  name: Pick<Name, "key" | "tokens" | "type" | "unit" | "raw">,
  readings: Reading[],
  options: { metonymy?: boolean } = {},
): boolean {
  const metonymy = options.metonymy ?? true;
  const country =
    metonymy && name.tokens.length === 1 && name.type !== "organisation" && !name.unit
      ? CAPITALS.get(name.key)
      : undefined;
  const keys = country ? [name.key, country] : [name.key];
  // Words first: they are read for every sentence, its names only on demand.
  const said = readings.some(
    (r) =>
      name.tokens.every((t) => r.terms.has(t)) ||
      (country !== undefined && r.terms.has(country)) ||
      r.names.some(
        (n) => keys.includes(n.key) || n.tokens.some((t) => name.tokens.some((u) => sameName(t, u))),
      ),
  );
  if (said) return true;
  const initials = acronymLetters(name.raw);
  return initials !== undefined && readings.some((r) => spellsOut(r.text, initials));
}

/**
 * Names written two ways: a long common start ("Prokhladny" / "Prokhladnensky"), or a last letter
 * lost to a broken encoding ("Łód�" reads "lod" for "Lodz").
 */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.length === short.length + 1 && long.startsWith(short)) return true;
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a[k] === b[k]) k++;
  return k >= 7 && k >= 0.7 * n;
}

/** The capitals of an acronym ("BelTA" → "BTA", "SANA" → "SANA"), or undefined for a word. */
function acronymLetters(raw: string): string | undefined {
  const word = raw.trim();
  if (!/^[\p{L}]{2,8}$/u.test(word)) return undefined;
  const caps = word.replace(/[^\p{Lu}]/gu, "");
  return caps.length >= 2 && caps.length >= word.length / 2 ? caps : undefined;
}

/** Whether a text spells an acronym out: capitalised words whose initials, small words aside, are its letters. */
function spellsOut(text: string, letters: string): boolean {
  const words = text.match(/[\p{L}]+/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    let k = 0;
    for (let j = i; j < words.length && k < letters.length; j++) {
      const w = words[j] as string;
      if (/^(?:of|and|the|for|on|in)$/.test(w)) continue;
      if (w[0] !== letters[k]) break;
      k++;
    }
    if (k === letters.length) return true;
  }
  return false;
}

/**
 * The periods a sentence speaks of: its own, with a relative one ("the first half of the year")
 * dated by the latest year of its context; when it gives none, the nearest context's.
 */
export function periodsOf(view: PassageView, i: number, depth = CONTEXT_SENTENCES): Period[] {
  const context = contextOf(view, i, depth);
  // Relative periods ("the first quarter", "this year", "last year") take the latest year said
  // before them, moved by their offset.
  let year: number | undefined;
  const dated = context.map((r) =>
    r.periods.map((p) => {
      if (p.year !== undefined) {
        // The narrative's year: a span ("the agreement for 2021-2022") gives the year it starts.
        if (!p.bound) year = p.year;
        return p;
      }
      return year === undefined ? p : { ...p, year: year + (p.offset ?? 0) };
    }),
  );
  const own = dated[dated.length - 1] ?? [];
  if (own.some((p) => p.year !== undefined)) return own;
  // A sentence that gives no date speaks of the nearest one before it, the most specific there.
  for (const ps of dated.slice(0, -1).reverse()) {
    const known = ps.filter((p) => p.year !== undefined);
    if (known.length > 0) return known.some((p) => p.months) ? known.filter((p) => p.months) : known;
  }
  return own;
}

/**
 * The sentence speaks of another place than those asked: it names none of them but names
 * another ("…Tatarstan. Another region … is the Sakhalin Oblast which signed … in May 2021").
 * `regions`: only a region or district against a region asked (a city inside an asked region is
 * still that region's news). Countries never count: a region's news names its country.
 */
export function speaksOfOther(asked: Name[], r: Reading, options: { regions?: boolean } = {}): boolean {
  const kind = (n: Name) => n.type === "place" && !isCountry(n.key) && (!options.regions || n.unit === true);
  const places = asked.filter(kind);
  return (
    places.length > 0 &&
    places.every((n) => !saysName(n, [r], { metonymy: false })) &&
    r.names.some(
      (b) =>
        kind(b) &&
        !asked.some((n) => n.key === b.key || n.tokens.some((t) => b.tokens.some((u) => sameName(t, u)))),
    )
  );
}

/**
 * Reads each passage once; owned by whoever holds the index, so a new build starts afresh.
 * `limit` @default 2,000 views: a question reads ~130 candidates (30 in full), and questions on
 * different topics share few, so more buys little; a view holds ~9 KB, ~22 KB read in full
 * (2,000 ≈ 20–45 MB, where 5,000 cost up to 110 MB on a large corpus).
 */
export class PassageReader {
  private readonly views = new Map<string, PassageView>();

  constructor(private readonly limit = 2_000) {}

  view(passage: { id: string; text: string; section: string; context?: string }): PassageView {
    let v = this.views.get(passage.id);
    if (v) {
      // Least recently used goes first: a corpus larger than the limit keeps its asked-about part.
      this.views.delete(passage.id);
    } else {
      v = viewPassage(passage.text, passage.section, passage.context);
      if (this.views.size >= this.limit) this.views.delete(this.views.keys().next().value as string);
    }
    this.views.set(passage.id, v);
    return v;
  }
}
