import type { ElementCheck, FactCheck } from "../types.js";

/** One mark per element status, shared by every transport that shows a breakdown. */
export const ELEMENT_MARKS: Record<ElementCheck["status"], string> = {
  matched: "✓",
  different: "✗",
  missing: "?",
};

const KIND_LABELS: Record<ElementCheck["kind"], string> = {
  figure: "figure",
  period: "date",
  place: "place",
  organisation: "organisation",
  name: "name",
  rank: "rank",
  negation: "polarity",
  relation: "who does what",
  subject: "subject",
};

/** An element in a line of plain words: "✗ place: FEZ Grodnoinvest — the books: Gomel-Raton free zone". */
export function describeElement(e: ElementCheck): string {
  const what = `${ELEMENT_MARKS[e.status]} ${KIND_LABELS[e.kind]}: ${e.claim}`;
  if (e.status === "matched") return e.book && e.book !== e.claim ? `${what} — the books: ${e.book}` : what;
  if (e.status === "different") return `${what} — the books: ${e.book ?? "otherwise"}`;
  return e.book ? `${what} — not in the books (they give ${e.book})` : `${what} — not in the books`;
}

/** The breakdown a reader needs: compared elements first; the subject line only when nothing else was compared. */
export function describeElements(check: Pick<FactCheck, "elements">): string[] {
  const compared = check.elements.filter((e) => e.kind !== "subject");
  return (compared.length > 0 ? compared : check.elements).map(describeElement);
}
