import type { Answer } from "../types.js";
import type { Answerer } from "./answerer.js";
import { citeAnswer, isRefusal, renumberMarkers } from "./citations.js";
import { chatCompletion, type LlmConfig, LlmError } from "./llm-client.js";
import { buildPrompt } from "./prompt.js";

/**
 * Answers with a language model grounded in the retrieved passages. Whenever the model cannot be
 * trusted for this answer (unreachable, no valid citation, nothing found) the injected fallback
 * answers instead, with a note saying why.
 */
export function createGeneratedAnswerer(llm: LlmConfig, fallback: Answerer): Answerer {
  return {
    mode: "generated",
    async answer(question, result, options = {}): Promise<Answer> {
      const fallBack = async (note: string): Promise<Answer> => ({
        ...(await fallback.answer(question, result, options)),
        note,
      });
      if (!result.found || result.hits.length === 0) {
        return fallBack("no passage was relevant enough to ask the language model");
      }
      const prompt = buildPrompt(question, result.hits, llm);
      if (prompt.passages.length === 0) {
        return fallBack("LLM_CONTEXT_TOKENS leaves no room for passages after LLM_MAX_TOKENS");
      }
      const { onToken } = options;
      let shown = "";
      const show = (text: string) => {
        const partial = partialAnswer(text, prompt.passages.length);
        // Only real changes: each call may cost the bot a message edit.
        if (partial === shown) return;
        shown = partial;
        onToken?.(partial);
      };
      let raw: string;
      try {
        raw = await chatCompletion(llm, prompt.messages, {
          signal: options.signal,
          onToken: onToken && show,
        });
      } catch (err) {
        const reason = err instanceof LlmError ? err.message : String(err);
        return fallBack(`language model unavailable: ${reason}`);
      }
      const text = stripReasoning(raw);
      if (isRefusal(text)) {
        return fallBack("the language model found no answer in the passages");
      }
      const cited = citeAnswer(text, prompt.passages);
      if (cited.citations.length === 0) {
        return fallBack("the language model's answer had no valid citations");
      }
      return { question, found: true, answer: cited.text, citations: cited.citations, mode: "generated" };
    },
  };
}

/**
 * Partial text as it will end up, so the display does not jump: reasoning hidden, markers already
 * renumbered, and a marker still being written ("[1") held back until it closes.
 */
function partialAnswer(raw: string, passageCount: number): string {
  return renumberMarkers(stripReasoning(raw).replace(/\[[\d,\s]*$/, ""), passageCount).text;
}

/** Reasoning models (e.g. via Ollama) may prefix their answer with a <think> block, possibly unfinished. */
function stripReasoning(text: string): string {
  return text.replace(/<think>[\s\S]*?(<\/think>|$)/g, "").trim();
}
