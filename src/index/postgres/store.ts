import { createHash } from "node:crypto";
import type { StoreConfig } from "../../config.js";
import type { FeedbackStore } from "../../feedback/store.js";
import type { Chunk, PassageContext } from "../../types.js";
import { BM25_SETTINGS, type Bm25Settings, fieldPostings, queryTerms } from "../keywords.js";
import { FORMAT_VERSION, type Manifest } from "../manifest.js";
import type {
  Build,
  BuildPlan,
  BuildTask,
  DocumentOutput,
  EmbedderId,
  IndexReader,
  Store,
  VectorCache,
} from "../port.js";
import { IndexError } from "../store.js";
import { Db, parseVector, type Query, vectorLiteral } from "./db.js";
import { PostgresFeedbackStore } from "./feedback.js";
import { bindEmbedder, boundEmbedder, embedderMismatch, migrate } from "./schema.js";

type PostgresConfig = Extract<StoreConfig, { kind: "postgres" }>;

export interface PostgresSearchSettings {
  /** @default 200 — HNSW candidate list per query, as the file store's hnswlib index uses. */
  efSearch: number;
  bm25: Bm25Settings;
}

export const POSTGRES_SEARCH: PostgresSearchSettings = { efSearch: 200, bm25: BM25_SETTINGS };

/**
 * The Postgres store (pgvector for vectors, BM25 over stored postings for keywords): one
 * database shared by any number of ingest workers and serving replicas. Opening it creates or
 * migrates the schema.
 */
export async function openPostgresStore(
  config: PostgresConfig,
  settings: PostgresSearchSettings = POSTGRES_SEARCH,
): Promise<Store> {
  const db = new Db(config.url);
  try {
    await migrate(db, config.schema);
  } catch (err) {
    await db.close();
    throw err;
  }
  return new PostgresStore(db, config, settings);
}

class PostgresStore implements Store {
  readonly kind = "postgres";
  private readonly s: string;
  private bound?: Promise<void>;
  private feedbackStore?: FeedbackStore;

  constructor(
    private readonly db: Db,
    private readonly config: PostgresConfig,
    private readonly settings: PostgresSearchSettings,
  ) {
    this.s = config.schema;
  }

  async live() {
    return this.db.tx(async (q) => (await liveGeneration(q, this.s))?.toString(), "read");
  }

  async manifest() {
    return this.db.tx(async (q) => {
      const g = await liveGeneration(q, this.s);
      return g === undefined ? undefined : manifestOf(q, this.s, g);
    }, "read");
  }

  async open(embedder: EmbedderId): Promise<IndexReader> {
    return this.db.tx(async (q) => {
      const stored = await boundEmbedder(q, this.s);
      const g = await liveGeneration(q, this.s);
      if (!stored || g === undefined)
        throw new IndexError(`No index in the database (schema "${this.s}"); run \`npm run ingest\` first.`);
      if (stored.id !== embedder.id || stored.dimension !== embedder.dimension)
        throw embedderMismatch(this.s, stored, embedder);
      const { rows } = await q<{ passages: number; avg_text_len: number; avg_section_len: number }>(
        `SELECT passages, avg_text_len, avg_section_len FROM ${this.s}.generations WHERE id = $1`,
        [g],
      );
      const stats = rows[0] as { passages: number; avg_text_len: number; avg_section_len: number };
      return new PostgresReader(this.db, this.s, g, await manifestOf(q, this.s, g), stats, this.settings);
    }, "read");
  }

  /** Builds are shared, not exclusive: every process with the same plan joins the same one. */
  writing<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  private bind(embedder: EmbedderId): Promise<void> {
    this.bound ??= bindEmbedder(this.db, this.s, embedder).catch((err) => {
      this.bound = undefined;
      throw err;
    });
    return this.bound;
  }

  async ingest<T>(plan: BuildPlan, work: (build: Build) => Promise<T>) {
    await this.bind(plan.embedder);
    const build = new PostgresBuild(this.db, this.s, await this.startOrJoin(plan), this.config.leaseSeconds);
    try {
      const result = await work(build);
      await this.commit(build.generation);
      return { result, generation: String(build.generation) };
    } finally {
      build.stopRenewing();
    }
  }

  /** The build of this plan: the one in progress when another process started it, else a new one. */
  private startOrJoin(plan: BuildPlan): Promise<number> {
    const key = createHash("sha256").update(JSON.stringify(plan)).digest("hex");
    return this.db.tx(async (q) => {
      await q("SELECT pg_advisory_xact_lock(hashtext($1))", [`footnote-build:${this.s}`]);
      const { rows } = await q<{ id: number; plan_key: string; busy: boolean }>(
        `SELECT g.id, g.plan_key,
           EXISTS (SELECT 1 FROM ${this.s}.tasks t WHERE t.generation = g.id AND t.state = 'claimed' AND t.lease_until > now())
           OR g.created_at > now() - make_interval(secs => $1) AS busy
         FROM ${this.s}.generations g WHERE g.state = 'building'`,
        [this.config.leaseSeconds],
      );
      const pending = rows[0];
      if (pending?.plan_key === key) return pending.id;
      if (pending?.busy) {
        throw new IndexError(
          `Another ingest is building a different set of documents (build ${pending.id}); run this again when it has finished, or with the same seeds to help it.`,
        );
      }
      // A build nobody works on any more (its processes crashed) gives way to this one.
      if (pending)
        await q(`UPDATE ${this.s}.generations SET state = 'abandoned' WHERE id = $1`, [pending.id]);
      const created = await q<{ id: number }>(
        `INSERT INTO ${this.s}.generations (state, plan_key, plan) VALUES ('building', $1, $2) RETURNING id`,
        [key, JSON.stringify({ chunking: plan.chunking, embedder: plan.embedder })],
      );
      const g = (created.rows[0] as { id: number }).id;
      const ord = new Map(plan.documents.map((d, i) => [d.id, i]));
      const process = new Set(plan.process);
      const carried = plan.documents.filter((d) => !process.has(d.id));
      // Carried documents keep the live generation's versions; any it lacks are processed after all.
      const kept = await q<{ doc: string }>(
        `WITH kept AS (
           SELECT d.id, c.doc, c.ord FROM unnest($2::text[], $3::text[], $4::int[]) AS c(doc, hash, ord)
           JOIN ${this.s}.documents d ON d.doc = c.doc AND d.hash = c.hash
           JOIN ${this.s}.generation_documents gd ON gd.document = d.id
           JOIN ${this.s}.generations lg ON lg.id = gd.generation AND lg.state = 'live'),
         added AS (INSERT INTO ${this.s}.generation_documents (generation, document, ord) SELECT $1, id, ord FROM kept)
         SELECT doc FROM kept`,
        [g, carried.map((d) => d.id), carried.map((d) => d.hash), carried.map((d) => ord.get(d.id))],
      );
      const have = new Set(kept.rows.map((r) => r.doc));
      const todo = plan.documents.filter((d) => !have.has(d.id));
      await q(
        `INSERT INTO ${this.s}.tasks (generation, doc, hash, ord, state)
         SELECT $1, doc, hash, ord, 'waiting' FROM unnest($2::text[], $3::text[], $4::int[]) AS t(doc, hash, ord)`,
        [g, todo.map((d) => d.id), todo.map((d) => d.hash), todo.map((d) => ord.get(d.id))],
      );
      return g;
    });
  }

  /**
   * Makes the build live once all its documents are done: its term statistics, then one UPDATE
   * pair in the same transaction, so a reader sees the old generation or the new one. Whoever
   * gets here first commits; the others find it live already.
   */
  private async commit(g: number): Promise<void> {
    await this.db.tx(async (q) => {
      const { rows } = await q<{ state: string }>(
        `SELECT state FROM ${this.s}.generations WHERE id = $1 FOR UPDATE`,
        [g],
      );
      const state = rows[0]?.state;
      if (state === "live" || state === "retired") return;
      if (state !== "building")
        throw new IndexError(`Build ${g} was abandoned by another ingest; run it again.`);
      const left = await q<{ n: number }>(
        `SELECT count(*) AS n FROM ${this.s}.tasks WHERE generation = $1 AND state NOT IN ('done', 'skipped')`,
        [g],
      );
      if ((left.rows[0]?.n ?? 0) > 0) throw new IndexError(`Build ${g} still has documents in progress.`);
      await q(
        `INSERT INTO ${this.s}.generation_terms (generation, field, term, df)
         SELECT $1, dt.field, dt.term, sum(dt.df) FROM ${this.s}.document_terms dt
         JOIN ${this.s}.generation_documents gd ON gd.document = dt.document AND gd.generation = $1
         GROUP BY dt.field, dt.term`,
        [g],
      );
      await q(
        `UPDATE ${this.s}.generations SET (passages, avg_text_len, avg_section_len) = (
           SELECT count(*), coalesce(avg((c.chunk->>'textLen')::float8), 0), coalesce(avg((c.chunk->>'sectionLen')::float8), 0)
           FROM ${this.s}.chunks c JOIN ${this.s}.generation_documents gd ON gd.document = c.document AND gd.generation = $1)
         WHERE id = $1`,
        [g],
      );
      const previous = await liveGeneration(q, this.s);
      await q(`UPDATE ${this.s}.generations SET state = 'retired' WHERE state = 'live'`);
      await q(`UPDATE ${this.s}.generations SET state = 'live', live_at = now() WHERE id = $1`, [g]);
      // The previous generation stays for questions still reading it; older ones and what only they used go.
      await q(
        `DELETE FROM ${this.s}.generations WHERE state IN ('retired', 'abandoned') AND id IS DISTINCT FROM $1`,
        [previous ?? null],
      );
      await q(
        `DELETE FROM ${this.s}.documents d WHERE NOT EXISTS (SELECT 1 FROM ${this.s}.generation_documents gd WHERE gd.document = d.id)`,
      );
    });
  }

  watch(onChange: () => void): () => Promise<void> {
    let last: string | undefined;
    let stopped = false;
    let pending = this.live().then(
      (id) => {
        last = id;
      },
      () => {},
    );
    const check = async () => {
      const now = await this.live().catch(() => last);
      if (now === last) return;
      last = now;
      onChange();
    };
    // Polling the live generation works through any pooler (LISTEN does not survive PgBouncer's
    // transaction mode, nor PGlite's shared session), and costs one indexed read per interval.
    const timer = setInterval(() => {
      if (!stopped) pending = pending.then(check);
    }, this.config.pollMs);
    return async () => {
      stopped = true;
      clearInterval(timer);
      await pending;
    };
  }

  async vectorCache(embedder: EmbedderId): Promise<VectorCache> {
    await this.bind(embedder);
    const { db, s } = this;
    return {
      async get(keys) {
        if (keys.length === 0) return new Map();
        const { rows } = await db.tx(
          (q) =>
            q<{ key: string; embedding: string }>(
              `SELECT key, embedding::text FROM ${s}.embeddings WHERE key = ANY($1)`,
              [keys],
            ),
          "read",
        );
        return new Map(rows.map((r) => [r.key, parseVector(r.embedding)]));
      },
      async put(entries) {
        if (entries.length === 0) return;
        await db.tx((q) =>
          q(
            `INSERT INTO ${s}.embeddings (key, embedding)
             SELECT k, v::vector FROM unnest($1::text[], $2::text[]) AS e(k, v) ON CONFLICT (key) DO NOTHING`,
            [entries.map(([k]) => k), entries.map(([, v]) => vectorLiteral(v))],
          ),
        );
      },
    };
  }

  feedback(): FeedbackStore {
    this.feedbackStore ??= new PostgresFeedbackStore(this.db, this.s);
    return this.feedbackStore;
  }

  close() {
    return this.db.close();
  }
}

async function liveGeneration(q: Query, s: string): Promise<number | undefined> {
  const { rows } = await q<{ id: number }>(`SELECT id FROM ${s}.generations WHERE state = 'live'`);
  return rows[0]?.id;
}

async function manifestOf(q: Query, s: string, g: number): Promise<Manifest> {
  const gen = await q<{
    plan: { chunking: Manifest["chunking"]; embedder: EmbedderId };
    live_at: Date | null;
    passages: number | null;
  }>(`SELECT plan, live_at, passages FROM ${s}.generations WHERE id = $1`, [g]);
  const docs = await q<{ doc: string; title: string; hash: string; passages: number }>(
    `SELECT d.doc, d.title, d.hash, d.passages FROM ${s}.generation_documents gd
     JOIN ${s}.documents d ON d.id = gd.document WHERE gd.generation = $1 ORDER BY gd.ord`,
    [g],
  );
  const row = gen.rows[0];
  if (!row) throw new IndexError(`Generation ${g} is gone from the database; open the store again.`);
  return {
    formatVersion: FORMAT_VERSION,
    builtAt: (row.live_at ?? new Date()).toISOString(),
    embedder: row.plan.embedder,
    chunking: row.plan.chunking,
    documents: docs.rows.map((d) => ({ id: d.doc, title: d.title, hash: d.hash, chunks: d.passages })),
    chunks: row.passages ?? docs.rows.reduce((n, d) => n + d.passages, 0),
  };
}

/** A claimed document keeps its lease while its worker runs: renewed at a third of the lease. */
class PostgresBuild implements Build {
  readonly id: string;
  private readonly renewals = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly db: Db,
    private readonly s: string,
    readonly generation: number,
    private readonly leaseSeconds: number,
  ) {
    this.id = String(generation);
  }

  async claim(worker: string): Promise<BuildTask | undefined> {
    const { rows } = await this.db.tx((q) =>
      q<{ doc: string; hash: string }>(
        `UPDATE ${this.s}.tasks t SET state = 'claimed', worker = $2, attempts = t.attempts + 1,
           lease_until = now() + make_interval(secs => $3)
         WHERE (t.generation, t.doc) = (
           SELECT generation, doc FROM ${this.s}.tasks
           WHERE generation = $1 AND (state = 'waiting' OR (state = 'claimed' AND lease_until < now()))
           ORDER BY ord LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING t.doc, t.hash`,
        [this.generation, worker, this.leaseSeconds],
      ),
    );
    const task = rows[0];
    if (!task) return undefined;
    const timer = setInterval(
      () => {
        this.db
          .tx((q) =>
            q(
              `UPDATE ${this.s}.tasks SET lease_until = now() + make_interval(secs => $4)
               WHERE generation = $1 AND doc = $2 AND worker = $3 AND state = 'claimed'`,
              [this.generation, task.doc, worker, this.leaseSeconds],
            ),
          )
          .catch(() => {});
      },
      (this.leaseSeconds * 1000) / 3,
    );
    timer.unref();
    this.renewals.set(task.doc, timer);
    return { doc: task.doc, hash: task.hash };
  }

  /** Stores the document version with its chunks, vectors and postings; the first completion of a document wins. */
  async complete(task: BuildTask, _worker: string, output: DocumentOutput): Promise<void> {
    clearInterval(this.renewals.get(task.doc));
    this.renewals.delete(task.doc);
    const s = this.s;
    await this.db.tx(async (q) => {
      const { rows } = await q<{ state: string; ord: number }>(
        `SELECT state, ord FROM ${s}.tasks WHERE generation = $1 AND doc = $2 FOR UPDATE`,
        [this.generation, task.doc],
      );
      const t = rows[0];
      if (!t || t.state === "done") return;
      const doc = await q<{ id: number }>(
        `INSERT INTO ${s}.documents (doc, hash, title, passages) VALUES ($1, $2, $3, $4) RETURNING id`,
        [task.doc, task.hash, output.title, output.chunks.length],
      );
      const documentId = (doc.rows[0] as { id: number }).id;
      const postings = output.chunks.map((c) => fieldPostings(c));
      const inserted = await q<{ id: number; ord: number }>(
        `INSERT INTO ${s}.chunks (document, ord, chunk_id, chunk, embedding)
         SELECT $1, c.ord, c.id, c.chunk, c.embedding::vector
         FROM unnest($2::int[], $3::text[], $4::jsonb[], $5::text[]) AS c(ord, id, chunk, embedding)
         RETURNING id, ord`,
        [
          documentId,
          output.chunks.map((_, i) => i),
          output.chunks.map((c) => c.id),
          output.chunks.map((c, i) =>
            JSON.stringify({
              ...c,
              textLen: postings[i]?.[0]?.length ?? 0,
              sectionLen: postings[i]?.[1]?.length ?? 0,
            }),
          ),
          output.vectors.map(vectorLiteral),
        ],
      );
      const labels = new Map(inserted.rows.map((r) => [r.ord, r.id]));
      const cols = {
        term: [] as string[],
        field: [] as number[],
        chunk: [] as number[],
        tf: [] as number[],
        len: [] as number[],
      };
      const df = new Map<string, number>();
      postings.forEach((fields, ord) => {
        for (const f of fields) {
          for (const [term, tf] of f.tf) {
            cols.term.push(term);
            cols.field.push(f.field);
            cols.chunk.push(labels.get(ord) as number);
            cols.tf.push(tf);
            cols.len.push(f.length);
            const key = `${f.field}\u0000${term}`;
            df.set(key, (df.get(key) ?? 0) + 1);
          }
        }
      });
      await q(
        `INSERT INTO ${s}.postings (term, field, document, chunk, tf, len)
         SELECT term, field, $1, chunk, tf, len FROM unnest($2::text[], $3::int2[], $4::int8[], $5::int[], $6::int[])
           AS p(term, field, chunk, tf, len)`,
        [documentId, cols.term, cols.field, cols.chunk, cols.tf, cols.len],
      );
      const keys = [...df.keys()].map((k) => k.split("\u0000") as [string, string]);
      await q(
        `INSERT INTO ${s}.document_terms (document, field, term, df)
         SELECT $1, field, term, df FROM unnest($2::int2[], $3::text[], $4::int[]) AS t(field, term, df)`,
        [documentId, keys.map(([f]) => Number(f)), keys.map(([, t]) => t), [...df.values()]],
      );
      await q(`INSERT INTO ${s}.generation_documents (generation, document, ord) VALUES ($1, $2, $3)`, [
        this.generation,
        documentId,
        t.ord,
      ]);
      await q(`UPDATE ${s}.tasks SET state = 'done', lease_until = NULL WHERE generation = $1 AND doc = $2`, [
        this.generation,
        task.doc,
      ]);
    });
  }

  /** A skipped document gets no version in the generation; a completion by another worker stands. */
  async skip(task: BuildTask, worker: string): Promise<void> {
    clearInterval(this.renewals.get(task.doc));
    this.renewals.delete(task.doc);
    await this.db.tx((q) =>
      q(
        `UPDATE ${this.s}.tasks SET state = 'skipped', lease_until = NULL
         WHERE generation = $1 AND doc = $2 AND worker = $3 AND state = 'claimed'`,
        [this.generation, task.doc, worker],
      ),
    );
  }

  async remaining(): Promise<number> {
    const { rows } = await this.db.tx(
      (q) =>
        q<{ n: number }>(
          `SELECT count(*) AS n FROM ${this.s}.tasks WHERE generation = $1 AND state NOT IN ('done', 'skipped')`,
          [this.generation],
        ),
      "read",
    );
    return rows[0]?.n ?? 0;
  }

  stopRenewing(): void {
    for (const t of this.renewals.values()) clearInterval(t);
    this.renewals.clear();
  }
}

/** One live generation: every query names it, so a swap never mixes two. Labels are chunk row ids. */
class PostgresReader implements IndexReader {
  readonly generation: string;

  constructor(
    private readonly db: Db,
    private readonly s: string,
    private readonly g: number,
    readonly manifest: Manifest,
    private readonly stats: { passages: number; avg_text_len: number; avg_section_len: number },
    private readonly settings: PostgresSearchSettings,
  ) {
    this.generation = String(g);
  }

  private read<T>(work: (q: Query) => Promise<T>): Promise<T> {
    return this.db.tx(work, "read");
  }

  /** BM25 as the file store computes it: per field, IDF × saturated tf × boost, summed (× terms matched with `coordination`). */
  async keywords(query: string, limit: number) {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const { k, b, d, boost, coordination } = this.settings.bm25;
    const { rows } = await this.read((q) =>
      q<{ label: number; score: number }>(
        `WITH qt AS (SELECT term, count(*)::float8 AS n FROM unnest($2::text[]) AS term GROUP BY term),
         st AS (SELECT gt.field, gt.term, gt.df, qt.n FROM ${this.s}.generation_terms gt JOIN qt USING (term)
                WHERE gt.generation = $1)
         SELECT p.chunk AS label,
           sum(st.n * (CASE p.field WHEN 0 THEN $6::float8 ELSE $7::float8 END)
               * ln(1 + ($3::float8 - st.df + 0.5) / (st.df + 0.5))
               * ($10::float8 + p.tf * ($8::float8 + 1) / (p.tf + $8::float8 * (1 - $9::float8 + $9::float8 * p.len
                   / nullif(CASE p.field WHEN 0 THEN $4::float8 ELSE $5::float8 END, 0)))))
           * (CASE WHEN $12::boolean THEN count(DISTINCT p.term) ELSE 1 END) AS score
         FROM st JOIN ${this.s}.postings p ON p.term = st.term AND p.field = st.field
         JOIN ${this.s}.generation_documents gd ON gd.document = p.document AND gd.generation = $1
         GROUP BY p.chunk ORDER BY score DESC, label LIMIT $11`,
        [
          this.g,
          terms,
          this.stats.passages,
          this.stats.avg_text_len,
          this.stats.avg_section_len,
          boost.text,
          boost.section,
          k,
          b,
          d,
          limit,
          coordination,
        ],
      ),
    );
    return rows.map((r) => ({ label: r.label, score: r.score }));
  }

  async nearest(vector: Float32Array, limit: number) {
    const { rows } = await this.read(async (q) => {
      await q(`SET LOCAL hnsw.ef_search = ${Math.trunc(this.settings.efSearch)}`);
      // Other generations' chunks share the index: keep scanning until `limit` of this one are found.
      await q("SET LOCAL hnsw.iterative_scan = relaxed_order");
      return q<{ label: number; similarity: number }>(
        `SELECT c.id AS label, 1 - (c.embedding <=> $2::vector) AS similarity FROM ${this.s}.chunks c
         WHERE c.document IN (SELECT document FROM ${this.s}.generation_documents WHERE generation = $1)
         ORDER BY c.embedding <=> $2::vector LIMIT $3`,
        [this.g, vectorLiteral(vector), limit],
      );
    });
    return rows.sort((a, b) => b.similarity - a.similarity);
  }

  async similarities(vector: Float32Array, labels: number[]) {
    if (labels.length === 0) return new Map<number, number>();
    const { rows } = await this.read((q) =>
      q<{ label: number; similarity: number }>(
        `SELECT id AS label, 1 - (embedding <=> $2::vector) AS similarity FROM ${this.s}.chunks WHERE id = ANY($1::int8[])`,
        [labels, vectorLiteral(vector)],
      ),
    );
    return new Map(rows.map((r) => [r.label, r.similarity]));
  }

  async chunks(labels: number[]) {
    if (labels.length === 0) return new Map<number, Chunk>();
    const { rows } = await this.read((q) =>
      q<{ label: number; chunk: Chunk & { textLen?: number; sectionLen?: number } }>(
        `SELECT id AS label, chunk FROM ${this.s}.chunks WHERE id = ANY($1::int8[])`,
        [labels],
      ),
    );
    return new Map(rows.map((r) => [r.label, asChunk(r.chunk)]));
  }

  async passage(id: string): Promise<PassageContext | undefined> {
    const { rows } = await this.read((q) =>
      q<{ ord: number; at: number; chunk: Chunk }>(
        `WITH hit AS (
           SELECT c.document, c.ord FROM ${this.s}.chunks c
           JOIN ${this.s}.generation_documents gd ON gd.document = c.document AND gd.generation = $1
           WHERE c.chunk_id = $2 ORDER BY c.ord LIMIT 1)
         SELECT c.ord - hit.ord AS at, c.ord, c.chunk FROM ${this.s}.chunks c JOIN hit ON c.document = hit.document
         WHERE c.ord BETWEEN hit.ord - 1 AND hit.ord + 1`,
        [this.g, id],
      ),
    );
    const at = (n: number) => {
      const row = rows.find((r) => r.at === n);
      return row ? asChunk(row.chunk) : undefined;
    };
    const chunk = at(0);
    return chunk && { chunk, before: at(-1), after: at(1) };
  }

  async termCounts(terms: string[], near: { term: string; maxEdits: number }[]) {
    const { rows } = await this.read((q) =>
      q<{ term: string; df: number }>(
        // Only words the corpus does not know need the scan for close terms.
        `WITH known AS (
           SELECT term, df FROM ${this.s}.generation_terms
           WHERE generation = $1 AND field = 0 AND (term = ANY($2) OR term = ANY($3))),
         unknown AS (SELECT n.term, n.edits FROM unnest($3::text[], $4::int[]) AS n(term, edits)
           WHERE n.term NOT IN (SELECT term FROM known))
         SELECT term, df FROM known
         UNION
         SELECT gt.term, gt.df FROM ${this.s}.generation_terms gt, unknown n
         WHERE gt.generation = $1 AND gt.field = 0 AND abs(length(gt.term) - length(n.term)) <= n.edits
           AND levenshtein_less_equal(gt.term, n.term, n.edits) <= n.edits`,
        [this.g, terms, near.map((n) => n.term), near.map((n) => n.maxEdits)],
      ),
    );
    return { passages: this.stats.passages, df: new Map(rows.map((r) => [r.term, r.df])) };
  }
}

/** The stored chunk without the BM25 field lengths kept beside it. */
function asChunk(stored: Chunk & { textLen?: number; sectionLen?: number }): Chunk {
  const { textLen: _t, sectionLen: _s, ...chunk } = stored;
  return chunk;
}
