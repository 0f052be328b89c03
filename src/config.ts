import { resolve } from "node:path";
import { z } from "zod";
import type { ChunkOptions } from "./chunk.js";

/**
 * The one place that reads process.env. Every setting has a default that works offline on a
 * fresh clone; `loadConfig` turns a bad value into one readable error naming the variable.
 */

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const num = (min: number, max: number) => z.coerce.number().min(min).max(max);
const snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17–20 digits)");
const idList = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(snowflake));
/** "localhost:11434" parses as a URL with scheme "localhost:"; servers need http(s). */
const httpUrl = z
  .string()
  .url()
  .regex(/^https?:\/\//i, "must start with http:// or https://");

/** postgres://user:password@host:port/database (the form every Postgres client takes). */
const postgresUrl = z
  .string()
  .url()
  .regex(/^postgres(ql)?:\/\//i, "must be a postgres:// or postgresql:// URL");

/** An optional string setting: unset (or blank) means "not configured". */
const optional = (schema: z.ZodString) =>
  z
    .string()
    .optional()
    .transform((s) => s?.trim() || undefined)
    .pipe(schema.optional());

export const envSchema = z.object({
  SEEDS_DIR: z.string().default("seeds"),
  INDEX_DIR: z.string().default("index"),
  CACHE_DIR: z.string().default(".cache"),
  STORE: z.enum(["files", "postgres"]).default("files"),
  DATABASE_URL: optional(postgresUrl),
  PG_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a lower-case SQL identifier (letters, digits, _)")
    .default("footnote"),
  RELOAD_POLL_MS: int(100, 600_000).default(2_000),
  INGEST_LEASE_SECONDS: int(5, 86_400).default(120),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  CHUNK_TOKENS: int(32, 2048).default(256),
  CHUNK_OVERLAP_TOKENS: int(0, 512).default(48),
  CHUNK_CONTEXT_SENTENCES: int(0, 10).default(2),

  EMBEDDER: z.enum(["use-lite", "transformers"]).default("use-lite"),
  EMBED_MODEL: z.string().min(1).default("Xenova/all-MiniLM-L6-v2"),
  EMBED_MODEL_DIR: optional(z.string()),
  EMBED_ALLOW_REMOTE: bool.default(false),
  EMBED_BATCH: int(1, 1024).default(32),
  EMBED_WORKERS: int(0, 64).default(0),

  SEARCH_TOP_K: int(1, 50).default(5),
  // Unset: the search's own measured defaults (DEFAULT_SEARCH_SETTINGS) apply.
  SEARCH_DENSE_WEIGHT: num(0, 1).optional(),
  SEARCH_MIN_SCORE: num(0, 1).optional(),

  DISCORD_TOKEN: optional(
    z
      .string()
      .regex(
        /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/,
        "does not look like a bot token (three dot-separated parts)",
      ),
  ),
  DISCORD_CLIENT_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: httpUrl.default("https://discord.com/api"),
  DISCORD_ALLOWED_CHANNELS: idList.default([]),
  DISCORD_ADMIN_ROLES: idList.default([]),
  DISCORD_ALLOW_DMS: bool.default(true),
  RATE_LIMIT_PER_MINUTE: int(1, 10_000).default(6),
  RATE_LIMIT_BURST: int(1, 1_000).default(3),
  BUTTON_RATE_LIMIT_PER_MINUTE: int(1, 10_000).default(30),
  BUTTON_RATE_LIMIT_BURST: int(1, 1_000).default(10),
  BOT_MAX_IN_FLIGHT: int(1, 64).default(2),
  BOT_MAX_QUEUED: int(0, 100_000).default(200),

  FEEDBACK_LOG: z.string().default("feedback.jsonl"),
  FEEDBACK_LOG_MAX_MB: num(0.001, 100_000).default(10),
  USER_ID_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
  USER_ID_SECRET_FILE: z.string().default(".footnote-secret"),

  LLM_BASE_URL: optional(httpUrl),
  LLM_MODEL: z.string().default("llama3.1"),
  LLM_API_KEY: optional(z.string()),
  LLM_TIMEOUT_MS: int(100, 600_000).default(30_000),
  LLM_MAX_TOKENS: int(16, 32_768).default(512),
  LLM_CONTEXT_TOKENS: int(256, 1_000_000).default(3_000),
});

export type Env = z.infer<typeof envSchema>;

/** Where the index lives: embedded files (default) or a Postgres database shared by many processes. */
export type StoreConfig =
  | { kind: "files"; indexDir: string }
  | {
      kind: "postgres";
      url: string;
      /** Schema holding Footnote's tables, so one database can hold several corpora. */
      schema: string;
      /** How often a serving process checks for a new live generation. */
      pollMs: number;
      /** A claimed document returns to the queue when its worker has not renewed the claim for this long. */
      leaseSeconds: number;
    };

export interface Config {
  root: string;
  seedsDir: string;
  indexDir: string;
  cacheDir: string;
  store: StoreConfig;
  logLevel: Env["LOG_LEVEL"];
  chunk: ChunkOptions;
  embedder: {
    provider: Env["EMBEDDER"];
    model: string;
    modelDir?: string;
    allowRemote: boolean;
    batchSize: number;
    /** Worker threads for ingest embedding; 0 = one per core (at most 4). */
    workers: number;
  };
  /** Passages per answer, and overrides of the search's measured defaults (only the variables that are set). */
  search: { topK: number; denseWeight?: number; minScore?: number };
  discord: {
    token?: string;
    clientId?: string;
    guildId?: string;
    apiUrl: string;
    allowedChannels: string[];
    adminRoles: string[];
    allowDMs: boolean;
    rateLimit: { perMinute: number; burst: number };
    /** For the buttons under answers (votes, More sources, Show passage). */
    buttonRateLimit: { perMinute: number; burst: number };
    /** Answers computed at once, and how many more may wait before "busy" notices. */
    work: { concurrency: number; maxQueued: number };
  };
  feedback: {
    /** JSONL file of votes and coverage gaps. */
    log: string;
    /** Size at which the log is rotated (older files kept: `<log>.1` … `<log>.3`). */
    maxBytes: number;
    /** Key for pseudonymising user ids; when unset, read from (or created in) `secretFile`. */
    secret?: string;
    secretFile: string;
  };
  llm?: {
    baseUrl: string;
    model: string;
    apiKey?: string;
    timeoutMs: number;
    maxTokens: number;
    contextTokens: number;
  };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Prompt tokens a generated answer needs at least: instructions, the question and one passage. */
const MIN_PROMPT_TOKENS = 256;

/** Settings that constrain each other; each issue names the variable to change. */
const checkedSchema = envSchema.superRefine((e, ctx) => {
  if (e.CHUNK_OVERLAP_TOKENS >= e.CHUNK_TOKENS) {
    ctx.addIssue({
      code: "custom",
      path: ["CHUNK_OVERLAP_TOKENS"],
      message: `must be smaller than CHUNK_TOKENS (${e.CHUNK_TOKENS})`,
    });
  }
  if (e.STORE === "postgres" && !e.DATABASE_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["DATABASE_URL"],
      message: "required when STORE=postgres (postgres://user:password@host:5432/database)",
    });
  }
  if (e.LLM_MAX_TOKENS > e.LLM_CONTEXT_TOKENS - MIN_PROMPT_TOKENS) {
    ctx.addIssue({
      code: "custom",
      path: ["LLM_MAX_TOKENS"],
      message: `must leave at least ${MIN_PROMPT_TOKENS} of LLM_CONTEXT_TOKENS (${e.LLM_CONTEXT_TOKENS}) for the prompt, i.e. be at most ${e.LLM_CONTEXT_TOKENS - MIN_PROMPT_TOKENS}`,
    });
  }
});

/**
 * Parses the environment (defaults filled in) into the typed config; throws ConfigError. A blank
 * value (`SEARCH_MIN_SCORE=` in .env) means the default, as if the variable were not set.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const parsed = checkedSchema.safeParse(
    Object.fromEntries(
      Object.entries(env)
        .filter(([k, v]) => k in envSchema.shape && v !== undefined && v.trim() !== "")
        .map(([k, v]) => [k, (v as string).trim()]),
    ),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration — ${lines.join("; ")}`);
  }
  const e = parsed.data;
  const at = (p: string) => resolve(root, p);
  return {
    root,
    seedsDir: at(e.SEEDS_DIR),
    indexDir: at(e.INDEX_DIR),
    cacheDir: at(e.CACHE_DIR),
    store:
      e.STORE === "postgres" && e.DATABASE_URL
        ? {
            kind: "postgres",
            url: e.DATABASE_URL,
            schema: e.PG_SCHEMA,
            pollMs: e.RELOAD_POLL_MS,
            leaseSeconds: e.INGEST_LEASE_SECONDS,
          }
        : { kind: "files", indexDir: at(e.INDEX_DIR) },
    logLevel: e.LOG_LEVEL,
    chunk: {
      targetTokens: e.CHUNK_TOKENS,
      overlapTokens: e.CHUNK_OVERLAP_TOKENS,
      contextSentences: e.CHUNK_CONTEXT_SENTENCES,
    },
    embedder: {
      provider: e.EMBEDDER,
      model: e.EMBED_MODEL,
      modelDir: e.EMBED_MODEL_DIR ? at(e.EMBED_MODEL_DIR) : undefined,
      allowRemote: e.EMBED_ALLOW_REMOTE,
      batchSize: e.EMBED_BATCH,
      workers: e.EMBED_WORKERS,
    },
    search: {
      topK: e.SEARCH_TOP_K,
      ...(e.SEARCH_DENSE_WEIGHT !== undefined ? { denseWeight: e.SEARCH_DENSE_WEIGHT } : {}),
      ...(e.SEARCH_MIN_SCORE !== undefined ? { minScore: e.SEARCH_MIN_SCORE } : {}),
    },
    discord: {
      token: e.DISCORD_TOKEN,
      clientId: e.DISCORD_CLIENT_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: e.DISCORD_API_URL,
      allowedChannels: e.DISCORD_ALLOWED_CHANNELS,
      adminRoles: e.DISCORD_ADMIN_ROLES,
      allowDMs: e.DISCORD_ALLOW_DMS,
      rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, burst: e.RATE_LIMIT_BURST },
      buttonRateLimit: { perMinute: e.BUTTON_RATE_LIMIT_PER_MINUTE, burst: e.BUTTON_RATE_LIMIT_BURST },
      work: { concurrency: e.BOT_MAX_IN_FLIGHT, maxQueued: e.BOT_MAX_QUEUED },
    },
    feedback: {
      log: at(e.FEEDBACK_LOG),
      maxBytes: Math.round(e.FEEDBACK_LOG_MAX_MB * 2 ** 20),
      secret: e.USER_ID_SECRET,
      secretFile: at(e.USER_ID_SECRET_FILE),
    },
    llm: e.LLM_BASE_URL
      ? {
          baseUrl: e.LLM_BASE_URL,
          model: e.LLM_MODEL,
          apiKey: e.LLM_API_KEY,
          timeoutMs: e.LLM_TIMEOUT_MS,
          maxTokens: e.LLM_MAX_TOKENS,
          contextTokens: e.LLM_CONTEXT_TOKENS,
        }
      : undefined,
  };
}

/** Loads `.env` (if present) into process.env without overriding what is already set. */
export function loadDotEnv(path = ".env"): void {
  try {
    process.loadEnvFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}
