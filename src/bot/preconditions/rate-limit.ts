import { NOTICES } from "../render/notices.js";
import { OK, type Precondition } from "./precondition.js";

/** Takes one token from the user's bucket; refuses with the wait time when it is empty. */
export const rateLimit: Precondition = (inv, { limiter }) => {
  const decision = limiter.take(inv.userId);
  return decision.allowed
    ? OK
    : { ok: false, reason: "rate-limited", message: NOTICES.rateLimited(decision.retryAfterMs) };
};
