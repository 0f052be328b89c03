import type { EmbedderId } from "../port.js";
import { IndexError } from "../store.js";
import type { Db, Query } from "./db.js";

/**
 * The schema, created and migrated by the program: each entry of MIGRATIONS runs once, in order,
 * and `meta.schema_version` records how far a database is. Append a migration; never edit one
 * that has shipped.
 *
 * Layout: a document version (`documents`) owns its chunks (text, provenance, pages, footnotes as
 * jsonb; the pgvector embedding), its BM25 postings and its per-document term counts. A
 * generation is a set of document versions (`generation_documents`) with its term statistics
 * (`generation_terms`), so an incremental ingest stores only new and changed documents. Exactly
 * one generation is live; a build is a generation in state 'building' whose documents are
 * claimed from `tasks` by any number of workers.
 */
const MIGRATIONS: ((s: string) => string)[] = [
  (s) => `
    CREATE TABLE ${s}.generations (
      id bigserial PRIMARY KEY,
      state text NOT NULL CHECK (state IN ('building', 'live', 'retired', 'abandoned')),
      plan_key text NOT NULL,
      plan jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      live_at timestamptz,
      passages int,
      avg_text_len float8,
      avg_section_len float8
    );
    CREATE UNIQUE INDEX generations_one_live ON ${s}.generations (state) WHERE state = 'live';
    CREATE UNIQUE INDEX generations_one_build ON ${s}.generations (state) WHERE state = 'building';
    CREATE TABLE ${s}.documents (
      id bigserial PRIMARY KEY,
      doc text NOT NULL,
      hash text NOT NULL,
      title text NOT NULL,
      passages int NOT NULL
    );
    CREATE TABLE ${s}.generation_documents (
      generation bigint NOT NULL REFERENCES ${s}.generations (id) ON DELETE CASCADE,
      document bigint NOT NULL REFERENCES ${s}.documents (id) ON DELETE CASCADE,
      ord int NOT NULL,
      PRIMARY KEY (generation, document)
    );
    CREATE INDEX generation_documents_document ON ${s}.generation_documents (document);
    CREATE TABLE ${s}.chunks (
      id bigserial PRIMARY KEY,
      document bigint NOT NULL REFERENCES ${s}.documents (id) ON DELETE CASCADE,
      ord int NOT NULL,
      chunk_id text NOT NULL,
      chunk jsonb NOT NULL,
      UNIQUE (document, ord)
    );
    CREATE INDEX chunks_chunk_id ON ${s}.chunks (chunk_id);
    CREATE TABLE ${s}.postings (
      term text NOT NULL,
      field smallint NOT NULL,
      document bigint NOT NULL REFERENCES ${s}.documents (id) ON DELETE CASCADE,
      chunk bigint NOT NULL,
      tf int NOT NULL,
      len int NOT NULL
    );
    CREATE INDEX postings_term ON ${s}.postings (term, field);
    CREATE INDEX postings_document ON ${s}.postings (document);
    CREATE TABLE ${s}.document_terms (
      document bigint NOT NULL REFERENCES ${s}.documents (id) ON DELETE CASCADE,
      field smallint NOT NULL,
      term text NOT NULL,
      df int NOT NULL,
      PRIMARY KEY (document, field, term)
    );
    CREATE TABLE ${s}.generation_terms (
      generation bigint NOT NULL REFERENCES ${s}.generations (id) ON DELETE CASCADE,
      field smallint NOT NULL,
      term text NOT NULL,
      df int NOT NULL,
      PRIMARY KEY (generation, field, term)
    );
    CREATE TABLE ${s}.tasks (
      generation bigint NOT NULL REFERENCES ${s}.generations (id) ON DELETE CASCADE,
      doc text NOT NULL,
      hash text NOT NULL,
      ord int NOT NULL,
      state text NOT NULL CHECK (state IN ('waiting', 'claimed', 'done')),
      worker text,
      lease_until timestamptz,
      attempts int NOT NULL DEFAULT 0,
      PRIMARY KEY (generation, doc)
    );
    CREATE TABLE ${s}.feedback_votes (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      question text NOT NULL,
      answer text NOT NULL,
      chunk_ids text[] NOT NULL,
      vote text NOT NULL CHECK (vote IN ('up', 'down')),
      user_hash text NOT NULL
    );`,
  // Feedback as the bot records it: one vote per user per answer (votes stored before have no
  // answer id and are kept as they are), and coverage gaps; a build may skip a document.
  (s) => `
    ALTER TABLE ${s}.feedback_votes ADD COLUMN answer_id text;
    ALTER TABLE ${s}.feedback_votes ADD CONSTRAINT feedback_votes_one UNIQUE (answer_id, user_hash);
    CREATE TABLE ${s}.feedback_gaps (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      answer_id text NOT NULL,
      user_hash text NOT NULL,
      reason text NOT NULL CHECK (reason IN ('not_found', 'partial', 'down')),
      question text NOT NULL,
      passages jsonb NOT NULL,
      UNIQUE (answer_id, user_hash, reason)
    );
    ALTER TABLE ${s}.tasks DROP CONSTRAINT tasks_state_check;
    ALTER TABLE ${s}.tasks ADD CONSTRAINT tasks_state_check
      CHECK (state IN ('waiting', 'claimed', 'done', 'skipped'));`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Creates the schema or brings it up to date; refuses a database written by a newer Footnote. */
export async function migrate(db: Db, schema: string): Promise<void> {
  await db.tx(async (q) => {
    await q("SELECT pg_advisory_xact_lock(hashtext($1))", [`footnote:${schema}`]);
    await q(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await q(`CREATE TABLE IF NOT EXISTS ${schema}.meta (key text PRIMARY KEY, value jsonb NOT NULL)`);
    const version = Number((await metaValue(q, schema, "schema_version")) ?? 0);
    if (version > SCHEMA_VERSION) {
      throw new IndexError(
        `The database schema "${schema}" is at version ${version}, this Footnote knows version ${SCHEMA_VERSION}; upgrade Footnote.`,
      );
    }
    if (version < SCHEMA_VERSION) {
      await q("CREATE EXTENSION IF NOT EXISTS vector");
      await q("CREATE EXTENSION IF NOT EXISTS fuzzystrmatch");
      for (const m of MIGRATIONS.slice(version)) await q(m(schema));
      await setMeta(q, schema, "schema_version", SCHEMA_VERSION);
    }
  });
}

/** The embedder whose vectors the database holds, or undefined before the first ingest. */
export async function boundEmbedder(q: Query, schema: string): Promise<EmbedderId | undefined> {
  return (await metaValue(q, schema, "embedder")) as EmbedderId | undefined;
}

export function embedderMismatch(schema: string, stored: EmbedderId, wanted: EmbedderId): IndexError {
  return new IndexError(
    `The database schema "${schema}" holds vectors of embedder ${stored.id} (${stored.dimension}-d) but ${wanted.id} (${wanted.dimension}-d) is configured; switch EMBEDDER back, or use another PG_SCHEMA (or database) for the new embedder.`,
  );
}

/**
 * Records the embedder on first use and gives the vector columns its dimension (an HNSW index
 * needs a fixed one); any other embedder is refused from then on.
 */
export async function bindEmbedder(db: Db, schema: string, embedder: EmbedderId): Promise<void> {
  await db.tx(async (q) => {
    await q("SELECT pg_advisory_xact_lock(hashtext($1))", [`footnote:${schema}`]);
    const stored = await boundEmbedder(q, schema);
    if (stored) {
      if (stored.id !== embedder.id || stored.dimension !== embedder.dimension)
        throw embedderMismatch(schema, stored, embedder);
      return;
    }
    const d = Math.trunc(embedder.dimension);
    await q(`ALTER TABLE ${schema}.chunks ADD COLUMN embedding vector(${d}) NOT NULL`);
    // pgvector's default graph settings (m 16, ef_construction 64): queries search it with ef 200.
    await q(`CREATE INDEX chunks_embedding ON ${schema}.chunks USING hnsw (embedding vector_cosine_ops)`);
    await q(`CREATE TABLE ${schema}.embeddings (key text PRIMARY KEY, embedding vector(${d}) NOT NULL)`);
    await setMeta(q, schema, "embedder", { id: embedder.id, dimension: embedder.dimension });
  });
}

async function metaValue(q: Query, schema: string, key: string): Promise<unknown> {
  const { rows } = await q<{ value: unknown }>(`SELECT value FROM ${schema}.meta WHERE key = $1`, [key]);
  return rows[0]?.value;
}

async function setMeta(q: Query, schema: string, key: string, value: unknown): Promise<void> {
  await q(
    `INSERT INTO ${schema}.meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [key, JSON.stringify(value)],
  );
}
