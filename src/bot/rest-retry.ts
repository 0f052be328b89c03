import { DefaultRestOptions, type RESTOptions } from "discord.js";
import { type BackoffSettings, backoffDelay, sleep } from "./backoff.js";

type MakeRequest = RESTOptions["makeRequest"];

/** Connection-level failures worth another try (what discord.js itself retries, plus refusals). */
const TRANSIENT = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|UND_ERR_SOCKET|other side closed/;

/**
 * discord.js's request function with our retries around it: a 5xx answer or a transient
 * network error is retried after an exponential, jittered wait, up to `restRetries` times; the
 * last answer goes back to discord.js, which must then not retry again itself (`retries: 0`).
 * 429s pass straight through: discord.js waits out their Retry-After. A request discord.js has
 * aborted (its 15 s timeout) is not retried: it may have reached Discord, and a retried message
 * would then be posted twice.
 */
export function retryingRequest(
  settings: BackoffSettings,
  onRetry: (info: { url: string; status?: number; error?: string; attempt: number; delayMs: number }) => void,
  inner: MakeRequest = DefaultRestOptions.makeRequest,
): MakeRequest {
  return async (url, init) => {
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= settings.restRetries;
      let res: Awaited<ReturnType<MakeRequest>>;
      try {
        res = await inner(url, init);
      } catch (err) {
        const text = String((err as { cause?: unknown }).cause ?? "") + String(err);
        if (last || init.signal?.aborted || !TRANSIENT.test(text)) throw err;
        const delayMs = backoffDelay(attempt, settings);
        onRetry({ url, error: (err as Error).message, attempt: attempt + 1, delayMs });
        await sleep(delayMs, init.signal);
        continue;
      }
      if (res.status < 500 || last) return res;
      await res.text().catch(() => "");
      const delayMs = backoffDelay(attempt, settings);
      onRetry({ url, status: res.status, attempt: attempt + 1, delayMs });
      await sleep(delayMs, init.signal);
    }
  };
}
