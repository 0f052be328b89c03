/**
 * Conversational framing: "Is it true that…", "Someone says… Is that right?", "Can you confirm…".
 * It carries no topic words and, left in, matches unrelated passages; a framed yes/no question is
 * a claim to check.
 */

/** Framing anywhere in a text: removed before searching. */
const FRAMING = [
  /\b(?:is|was) it (?:true|correct|right|accurate|the case|so) that\b/gi,
  /\b(?:someone|somebody|people|a colleague|an editor|the draft|my draft|they|it is|it's) (?:says?|said|claims?|claimed|writes?|wrote|states?|stated|reports?|reported)(?: that)?\b/gi,
  /\b(?:is|was) (?:that|this|it) (?:right|true|correct|accurate|so)\b/gi,
  /\b(?:can|could) you (?:tell me|confirm|check|verify)(?: whether| if| that)?\b/gi,
  /\b(?:please )?(?:tell me|confirm|check|verify)(?: whether| if| that)\b/gi,
  /\b(?:do|does|did) (?:the books?|the corpus|the sources?) (?:say|mention|confirm|state)(?: that)?\b/gi,
  /^\s*(?:true or false|fact[- ]check|check)\s*[:,-]\s*/gi,
  /[\s.,;:—–-]*(?:isn't it|is that so|right|true|correct)\s*\?+\s*$/gi,
];

export function stripFraming(text: string): string {
  let q = text;
  for (const f of FRAMING) q = q.replace(f, " ");
  return (
    q
      .replace(/\s+/g, " ")
      .replace(/^[\s,.;:]+/, "")
      .trim() || text.trim()
  );
}

const OPEN_RE = /^(?:what|which|who|whom|whose|when|where|why|how)\b/i;
const AUX_RE = /^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\s+/i;

export interface Statement {
  /** The claim as a statement: "Is it true that X?" → "X". */
  statement: string;
  /** A wh-question asserts nothing; there is nothing to verify. */
  open: boolean;
  /** Written as a yes/no question ("Did X grow by 40%?"). */
  question: boolean;
}

/** "Is it true that X?" / "Someone says X. Is that right?" / "Did X grow by 40%?" → X as a statement. */
export function toStatement(claim: string): Statement {
  const trimmed = claim.trim();
  const question = /\?\s*$/.test(trimmed);
  let s = stripFraming(trimmed).replace(/[\s?.]+$/, "");
  // A wh-question, or a bare noun phrase ("Hi-Tech Park exports in 2021?"), asserts nothing.
  const framed = stripFraming(trimmed) !== trimmed.replace(/\s+/g, " ").trim();
  const open = question && (OPEN_RE.test(s) || (!AUX_RE.test(s) && !framed));
  if (question && !open) s = s.replace(AUX_RE, "");
  // The words keep their case: "pure electric cars…" must not become a name "Pure".
  return { statement: s, open, question };
}
