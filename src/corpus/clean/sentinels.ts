/**
 * Structure found while cleaning (page breaks, headings, footnote markers and blocks) travels inside the
 * text as zero-width private-use sentinels, so that every later text edit keeps it at the right place;
 * `extractSentinels` turns them into offsets at the very end. Each sentinel is a kind character followed by
 * one payload character (an index or number), and contains no digits, letters or spaces.
 */
export const SentinelKind = { page: "\uE000", marker: "\uE001", notes: "\uE002", heading: "\uE003" } as const;
export type SentinelKindName = keyof typeof SentinelKind;

const PAYLOAD_BASE = 0xe100;

export function sentinel(kind: SentinelKindName, value: number): string {
  return SentinelKind[kind] + String.fromCharCode(PAYLOAD_BASE + value);
}

/** Regex source matching any run of sentinels (possibly empty); embed in patterns that must see through them. */
export const SENTINELS = "(?:[\\uE000-\\uE003][\\uE100-\\uF8FF])*";

export interface Extracted {
  text: string;
  found: { kind: SentinelKindName; value: number; offset: number }[];
}

const kindByChar = new Map<string, SentinelKindName>(
  Object.entries(SentinelKind).map(([k, c]) => [c, k as SentinelKindName]),
);

/** Removes all sentinels, reporting each one's offset in the remaining text. */
export function extractSentinels(s: string): Extracted {
  const found: Extracted["found"] = [];
  let text = "";
  let last = 0;
  for (const m of s.matchAll(/[\uE000-\uE003]([\uE100-\uF8FF])/g)) {
    text += s.slice(last, m.index);
    last = m.index + m[0].length;
    const kind = kindByChar.get(m[0][0] as string) as SentinelKindName;
    found.push({ kind, value: (m[1] as string).charCodeAt(0) - PAYLOAD_BASE, offset: text.length });
  }
  return { text: text + s.slice(last), found };
}
