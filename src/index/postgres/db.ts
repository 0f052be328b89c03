import pg from "pg";
import { IndexError } from "../store.js";

/** A query function bound to one connection inside a transaction. */
export type Query = <R extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  values?: unknown[],
) => Promise<pg.QueryResult<R>>;

export interface PoolSettings {
  /** @default 4 — connections per process: a replica answers this many questions' queries at once. */
  max: number;
  /** @default 10_000 — a database that does not answer a connection in this time is reported unreachable. */
  connectMs: number;
}

export const POOL_SETTINGS: PoolSettings = { max: 4, connectMs: 10_000 };

/** The URL without its password, for messages. */
export const safeUrl = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

/**
 * A pg pool where every statement runs inside an explicit transaction. That is what a unit of
 * work needs anyway (a build step, a claim), and it is also what makes PGlite's socket server
 * safe with several connections: it multiplexes them onto one session and keeps a transaction's
 * messages together, but not the separate messages of one parameterised statement.
 */
export class Db {
  private readonly pool: pg.Pool;

  constructor(
    readonly url: string,
    settings: PoolSettings = POOL_SETTINGS,
  ) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: settings.max,
      connectionTimeoutMillis: settings.connectMs,
      // bigint ids (chunk labels, generations) and counts are far below 2^53.
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          oid === pg.types.builtins.INT8
            ? (v: string) => Number(v)
            : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.pool.on("error", () => {});
  }

  /** Runs `work` in one transaction, committed when it resolves and rolled back when it throws. */
  async tx<T>(work: (q: Query) => Promise<T>, mode: "read" | "write" = "write"): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw new IndexError(`Cannot reach the database at ${safeUrl(this.url)}: ${(err as Error).message}`);
    }
    let broken = false;
    try {
      await client.query(mode === "read" ? "BEGIN READ ONLY" : "BEGIN");
      const result = await work((sql, values) => client.query(sql, values));
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw err;
    } finally {
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** pgvector's text form of a vector. */
export const vectorLiteral = (v: Float32Array): string => `[${Array.from(v).join(",")}]`;

/** A vector from pgvector's text form. */
export const parseVector = (s: string): Float32Array => Float32Array.from(JSON.parse(s) as number[]);
