import type { Config } from "../config.js";

/** Minimal OpenAI-compatible chat-completions client (Ollama, llama.cpp, vLLM, LM Studio, hosted APIs). */

export type LlmConfig = NonNullable<Config["llm"]>;

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ChatOptions {
  /** When set, the reply is streamed (server-sent events) and this receives the text so far. */
  onToken?: (textSoFar: string) => void;
  signal?: AbortSignal;
}

/** A failure whose message is short enough to show to a user as the reason for a fallback. */
export class LlmError extends Error {
  override name = "LlmError";
}

/** Sends one chat completion and returns the reply text; every failure becomes an LlmError. */
export async function chatCompletion(
  config: LlmConfig,
  messages: ChatMessage[],
  options: ChatOptions = {},
): Promise<string> {
  const timeout = AbortSignal.timeout(config.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const stream = options.onToken !== undefined;
  try {
    const res = await fetch(`${config.baseUrl.replace(/\/+$/, "")}/chat/completions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: stream ? "text/event-stream" : "application/json",
        ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: config.model,
        messages,
        max_tokens: config.maxTokens,
        // Grounded answers want the most likely wording, not creativity.
        temperature: 0,
        stream,
      }),
      signal,
    });
    if (!res.ok) throw new LlmError(await describeHttpError(res));
    // Some servers ignore `stream: true` and answer with plain JSON; accept that too.
    if (options.onToken && res.headers.get("content-type")?.includes("text/event-stream")) {
      return await readStream(res, options.onToken);
    }
    const text = replyText(await res.json());
    if (text) options.onToken?.(text);
    return text;
  } catch (err) {
    if (timeout.aborted) throw new LlmError(`timed out after ${formatMs(config.timeoutMs)}`);
    if (options.signal?.aborted) throw new LlmError("cancelled");
    if (err instanceof LlmError) throw err;
    throw new LlmError(describeFailure(err, config.baseUrl));
  }
}

/**
 * Incremental server-sent-events parser: feed decoded text as it arrives (split anywhere, LF, CR
 * or CRLF line ends), get back the `data` of each completed event. Comments and other fields are
 * ignored.
 */
export class SseParser {
  private buffer = "";
  private data: string[] = [];

  push(text: string): string[] {
    this.buffer += text;
    const events: string[] = [];
    for (let m = /\r\n|\r|\n/.exec(this.buffer); m; m = /\r\n|\r|\n/.exec(this.buffer)) {
      // A lone "\r" at the very end may be the first half of a "\r\n" split across chunks.
      if (m[0] === "\r" && m.index === this.buffer.length - 1) break;
      this.line(this.buffer.slice(0, m.index), events);
      this.buffer = this.buffer.slice(m.index + m[0].length);
    }
    return events;
  }

  /** Flushes what is left when the stream ends (a last event without its blank line counts). */
  end(): string[] {
    const events: string[] = [];
    if (this.buffer) this.line(this.buffer.replace(/\r$/, ""), events);
    this.buffer = "";
    this.line("", events);
    return events;
  }

  private line(line: string, events: string[]): void {
    if (line === "") {
      if (this.data.length > 0) events.push(this.data.join("\n"));
      this.data = [];
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== "data") return;
    this.data.push(colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, ""));
  }
}

interface CompletionJson {
  choices?: { message?: { content?: unknown }; delta?: { content?: unknown }; finish_reason?: unknown }[];
  error?: { message?: unknown } | string;
}

function replyText(json: unknown): string {
  const content = (json as CompletionJson | null)?.choices?.[0]?.message?.content;
  if (typeof content !== "string") throw new LlmError("malformed response (no choices[0].message.content)");
  return content;
}

async function readStream(res: Response, onToken: (textSoFar: string) => void): Promise<string> {
  if (!res.body) throw new LlmError("empty response");
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  let text = "";
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      for (const data of done ? parser.end() : parser.push(value)) {
        if (data === "[DONE]") return text;
        const chunk = parseJson(data) as CompletionJson | undefined;
        if (chunk?.error) throw new LlmError(`server error: ${errorMessage(chunk.error)}`);
        const choice = chunk?.choices?.[0];
        if (typeof choice?.delta?.content === "string" && choice.delta.content) {
          text += choice.delta.content;
          onToken(text);
        }
        if (choice?.finish_reason) finished = true;
      }
      // A stream that stops without [DONE] is complete only if the model said it had finished.
      if (done) {
        if (!finished) throw new LlmError("the reply stream ended early");
        return text;
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Keep-alives and vendor extras are not JSON; they carry no text.
    return undefined;
  }
}

async function describeHttpError(res: Response): Promise<string> {
  const body = await res.text().catch(() => "");
  if (res.status === 429) {
    const after = res.headers.get("retry-after");
    const wait = after ? `, retry after ${/^\d+$/.test(after) ? `${after} s` : after}` : "";
    return `rate limited (HTTP 429${wait})`;
  }
  const detail = errorMessage((parseJson(body) as CompletionJson | undefined)?.error ?? body);
  return `HTTP ${res.status}${detail ? `: ${detail}` : ""}`;
}

function errorMessage(error: CompletionJson["error"] | string): string {
  const message = typeof error === "string" ? error : error?.message;
  return typeof message === "string" ? message.trim().slice(0, 120) : "";
}

/** A connection-level failure as "<what> <url> (<cause>)", so the note says where and why. */
function describeFailure(err: unknown, baseUrl: string): string {
  if (err instanceof SyntaxError) return "malformed response (not JSON)";
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? "";
  // undici reports a body cut off mid-stream as TypeError("terminated").
  if (
    ["ECONNRESET", "UND_ERR_SOCKET"].includes(code) ||
    (err instanceof TypeError && err.message === "terminated")
  )
    return "connection lost during the reply";
  if (code === "ECONNREFUSED") return `connection refused by ${baseUrl}`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `host not found for ${baseUrl}`;
  const reason =
    code.startsWith("ERR_SSL_") || code === "EPROTO"
      ? `TLS handshake failed (${code}) — is it a plain http:// server?`
      : /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)
        ? `certificate rejected (${code})`
        : ["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT"].includes(code)
          ? `connection timed out (${code})`
          : ["EHOSTUNREACH", "ENETUNREACH"].includes(code)
            ? `host unreachable (${code})`
            : [code, cause?.message ?? (err instanceof Error ? err.message : String(err))]
                .filter(Boolean)
                .join(": ");
  return `cannot reach ${baseUrl}: ${reason.split("\n")[0]?.slice(0, 160)}`;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
