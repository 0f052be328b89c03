import { decode, encode } from "gpt-tokenizer";

/**
 * The one token counter (gpt-tokenizer, the GPT-4o encoding). Documents and questions are
 * untrusted text: "<|endoftext|>" in a book is just characters, never a control token, so no
 * special token is disallowed (gpt-tokenizer's default throws on them).
 */
const ENCODE_OPTIONS = { disallowedSpecial: new Set<string>() };

export function encodeTokens(text: string): number[] {
  return encode(text, ENCODE_OPTIONS);
}

export function countTokens(text: string): number {
  return encodeTokens(text).length;
}

export { decode as decodeTokens };
