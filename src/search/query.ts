/**
 * The searchable part of a question: conversational framing ("Is it true that…", "Someone says…
 * Is that right?") carries no topic words and, left in, matches unrelated passages.
 */
const FRAMING = [
  /\b(is|was) it (true|correct|right|accurate|the case) that\b/gi,
  /\b(someone|somebody|a colleague|an editor|the draft|my draft|they) (says?|said|claims?|claimed|writes?|wrote|states?)( that)?\b/gi,
  /\b(is|was) (that|this|it) (right|true|correct|accurate|so)\b/gi,
  /\b(can you|could you|please) (tell me|confirm|check)( whether| if| that)?\b/gi,
  /\b(do|does) (the books?|the corpus) (say|mention|confirm)( that)?\b/gi,
];

export function searchableQuery(question: string): string {
  let q = question;
  for (const f of FRAMING) q = q.replace(f, " ");
  return q.replace(/\s+/g, " ").trim() || question;
}
