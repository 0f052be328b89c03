import type { Answer, FactCheck } from "../types.js";
import { NOT_FOUND } from "./extractive.js";

const LEADS: Record<FactCheck["verdict"], string> = {
  supported: "Yes.",
  contradicted: "No.",
  not_found: NOT_FOUND,
};

/**
 * A yes/no question answered by its fact-check: "Yes." or "No." and what the books say, the
 * evidence quoted as sources. Not found when the books neither bear it out nor refute it.
 * "Yes." leads with the sentence that bears the claim out (the fact, not "the books say so");
 * "No." with the difference, which names the book's value.
 */
export function answerFromCheck(check: FactCheck): Answer {
  const citations = check.evidence.map((e, i) => ({ ...e, n: i + 1, score: 1 }));
  const marker = citations.length > 0 ? " [1]" : "";
  const quote = citations[0]?.quote;
  const disagree = check.explanation.indexOf(" The books disagree");
  const answer =
    check.verdict === "supported" && quote
      ? `${LEADS.supported} ${quote}${marker}${disagree >= 0 ? check.explanation.slice(disagree) : ""}`
      : `${LEADS[check.verdict]} ${check.explanation}${marker}`;
  return {
    question: check.claim,
    found: check.verdict !== "not_found",
    answer,
    citations,
    mode: "extractive",
  };
}
