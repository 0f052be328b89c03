import { splitSentences } from "../text/sentences.js";
import type { Answer } from "../types.js";
import type { Answerer } from "./answerer.js";
import {
  citeAnswer,
  isRefusal,
  isRefusalSentence,
  markersIn,
  renumberMarkers,
  withoutMarkers,
} from "./citations.js";
import { groundedIn } from "./grounding.js";
import { chatCompletion, type LlmConfig, LlmError } from "./llm-client.js";
import { buildPrompt, excerpt, type PackedPassage } from "./prompt.js";
import { sanitizeGenerated } from "./sanitize.js";

export interface GeneratedSettings {
  /**
   * Longest answer shown, in characters; a longer reply is cut at a sentence border.
   * @default 3500 — one Discord embed description (4,096) with room for the note, so an answer
   * and its sources take at most two messages (a 138 KB reply once became 34).
   */
  maxChars: number;
}

export const DEFAULT_GENERATED_SETTINGS: GeneratedSettings = { maxChars: 3500 };

/**
 * Answers with a language model grounded in the retrieved passages, checked sentence by
 * sentence: formatting and links the passages do not hold are taken out, the reply is capped,
 * and a sentence whose figures, years, names or quotes are not in the passages it cites is
 * dropped (the answer says so). Whenever the model cannot be trusted for this answer
 * (unreachable, no valid citation, no sentence left, nothing found) the injected fallback
 * answers instead, with a note saying why.
 */
export function createGeneratedAnswerer(
  llm: LlmConfig,
  fallback: Answerer,
  settings: GeneratedSettings = DEFAULT_GENERATED_SETTINGS,
): Answerer {
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
      const excerpts = prompt.passages.map(excerpt);
      const clean = sanitizeGenerated(text, excerpts);
      const capped = capAtSentence(clean.text, settings.maxChars);
      if (renumberMarkers(capped.text, prompt.passages.length).order.length === 0) {
        return fallBack("the language model's answer had no valid citations");
      }
      const checked = checkSentences(capped.text, prompt.passages, excerpts);
      const cited = citeAnswer(checked.text, prompt.passages);
      // Kept sentences may have borrowed the markers of a dropped neighbour: then none is cited.
      if (checked.kept === 0 || cited.citations.length === 0) {
        return fallBack(
          `no sentence of the language model's answer is backed by the passages it cites (${describeMissing(checked.dropped)})`,
        );
      }
      const notes = [
        checked.dropped.length > 0 &&
          `${checked.dropped.length} sentence(s) of the generated answer were left out: not in the passages they cite (${describeMissing(checked.dropped)})`,
        capped.cut && `the answer was cut at ${settings.maxChars} characters`,
        clean.removed > 0 && `${clean.removed} link(s) or code block(s) not in the passages were removed`,
      ].filter((n): n is string => typeof n === "string");
      return {
        question,
        found: true,
        answer: cited.text,
        citations: cited.citations,
        mode: "generated",
        ...(notes.length ? { note: notes.join("; ") } : {}),
        ...(checked.dropped.length ? { partial: true } : {}),
      };
    },
  };
}

interface Checked {
  text: string;
  kept: number;
  /** What each dropped sentence stated that its passages do not. */
  dropped: string[][];
}

/**
 * Keeps the sentences the passages they cite bear out (markers still as given to the model). A
 * sentence without a marker answers to the next cited sentence of its paragraph, else the one
 * before ("…in 2017. This was 25% more [1]."); one that only says the passages do not tell is kept.
 */
function checkSentences(text: string, passages: PackedPassage[], excerpts: string[]): Checked {
  const paragraphs = text.split(/\n{2,}/);
  const kept: string[] = [];
  const dropped: string[][] = [];
  let count = 0;
  for (const paragraph of paragraphs) {
    const sentences = splitSentences(paragraph).map(({ start, end }) => paragraph.slice(start, end));
    const cites = sentences.map((s) => markersIn(s, passages.length));
    const out: string[] = [];
    sentences.forEach((sentence, i) => {
      const own = cites[i] as number[];
      const borrowed =
        own.length > 0
          ? own
          : (cites.slice(i + 1).find((c) => c.length > 0) ??
            cites
              .slice(0, i)
              .reverse()
              .find((c) => c.length > 0) ??
            []);
      const plain = withoutMarkers(sentence);
      if (isRefusalSentence(plain)) {
        out.push(sentence);
        return;
      }
      const check = groundedIn(
        plain,
        borrowed.map((n) => excerpts[n - 1] as string),
      );
      if (check.ok && borrowed.length > 0) {
        out.push(sentence);
        count++;
      } else if (check.ok && own.length === 0) {
        // Nothing cited in its paragraph, and nothing checkable in it: a connecting sentence.
        out.push(sentence);
      } else dropped.push(check.missing.length ? check.missing : ["no citation"]);
    });
    if (out.length) kept.push(out.join(" "));
  }
  return { text: kept.join("\n\n"), kept: count, dropped };
}

function describeMissing(dropped: string[][]): string {
  const all = [...new Set(dropped.flat())];
  return `${all.slice(0, 4).join(", ")}${all.length > 4 ? ", …" : ""}`;
}

/** `text` cut to at most `max` characters at the last sentence end before it. */
function capAtSentence(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const spans = splitSentences(text.slice(0, max));
  // The last span may be a sentence cut in the middle; end at the one before it when there is one.
  const end = spans.length > 1 ? (spans[spans.length - 2]?.end ?? max) : max;
  return { text: text.slice(0, end).trim(), cut: true };
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
