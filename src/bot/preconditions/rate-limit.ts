import type { RateLimiter } from "../rate-limit.js";
import { NOTICES } from "../render/notices.js";
import { OK, type Precondition, type PreconditionEnv } from "./precondition.js";

/** Takes one token from the user's bucket; refuses with the wait time when it is empty. */
const limitedBy =
  (limiter: (env: PreconditionEnv) => RateLimiter): Precondition =>
  (inv, env) => {
    const decision = limiter(env).take(inv.userId);
    return decision.allowed
      ? OK
      : { ok: false, reason: "rate-limited", message: NOTICES.rateLimited(decision.retryAfterMs) };
  };

/** Questions: /ask, /factcheck, /source, mentions and follow-ups. */
export const rateLimit = limitedBy((env) => env.limiter);
/** Presses of the buttons under answers, counted apart from questions. */
export const buttonRateLimit = limitedBy((env) => env.buttonLimiter);
