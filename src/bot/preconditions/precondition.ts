import type { PermissionsBitField } from "discord.js";
import type { RateLimiter } from "../rate-limit.js";
import type { BotConfig } from "../types.js";

/** Who asks where; built from an interaction or a message so both paths share the checks. */
export interface Invocation {
  userId: string;
  /** null in DMs. */
  guildId: string | null;
  channelId: string;
  /** A thread's parent channel, so threads of an allowed channel are allowed too. */
  parentId: string | null;
  roles: readonly string[];
  permissions: Readonly<PermissionsBitField> | null;
}

export interface PreconditionEnv {
  config: BotConfig["discord"];
  limiter: RateLimiter;
  buttonLimiter: RateLimiter;
}

export type PreconditionResult = { ok: true } | { ok: false; reason: string; message: string };

export type Precondition = (invocation: Invocation, env: PreconditionEnv) => PreconditionResult;

export const OK: PreconditionResult = { ok: true };

/** Runs checks in order and returns the first refusal; the cheap checks come before the rate limit. */
export function runPreconditions(
  checks: readonly Precondition[],
  invocation: Invocation,
  env: PreconditionEnv,
): PreconditionResult {
  for (const check of checks) {
    const result = check(invocation, env);
    if (!result.ok) return result;
  }
  return OK;
}
