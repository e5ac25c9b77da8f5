-- medchron schema, PostgreSQL. The same tables and meaning as the SQLite
-- schema (store/sqlite/migrations), plus full-text and vector search.
-- Requires the pgvector extension, created beforehand by a superuser
-- (scripts/setup-postgres.sh); River's own tables are created by rivermigrate.
CREATE TABLE matters (
    id             text PRIMARY KEY,
    name           text NOT NULL DEFAULT '',
    client         text NOT NULL DEFAULT '',
    incident_date  date,
    gap_days       integer NOT NULL DEFAULT 0,
    version        bigint NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE blobs (
    sha256  text PRIMARY KEY,
    data    bytea NOT NULL
);

CREATE TABLE documents (
    id          text PRIMARY KEY,
    sha256      text NOT NULL UNIQUE REFERENCES blobs (sha256),
    file        text NOT NULL,
    size        bigint NOT NULL,
    pages       integer NOT NULL DEFAULT 0,
    status      text NOT NULL,
    error       text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE matter_documents (
    matter_id    text NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    document_id  text NOT NULL REFERENCES documents (id),
    file         text NOT NULL,
    position     integer NOT NULL,
    added_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (matter_id, document_id)
);
CREATE INDEX matter_documents_document ON matter_documents (document_id);

-- source '' means the page waits for OCR.
CREATE TABLE pages (
    document_id  text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    page         integer NOT NULL,
    source       text NOT NULL,
    text         text NOT NULL DEFAULT '',
    words        jsonb NOT NULL DEFAULT '[]',
    width        double precision NOT NULL DEFAULT 0,
    height       double precision NOT NULL DEFAULT 0,
    confidence   double precision NOT NULL DEFAULT 0,
    error        text NOT NULL DEFAULT '',
    text_search  tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    PRIMARY KEY (document_id, page)
);
CREATE INDEX pages_text_search ON pages USING gin (text_search);

-- One row per fact; a document's facts are replaced together.
CREATE TABLE facts (
    document_id  text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq          integer NOT NULL,
    kind         text NOT NULL,
    page         integer NOT NULL,
    data         jsonb NOT NULL,
    PRIMARY KEY (document_id, seq)
);

CREATE TABLE extractions (
    document_id     text PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    extractor       text NOT NULL,
    prompt_version  text NOT NULL DEFAULT '',
    meta            jsonb NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chronologies (
    matter_id  text PRIMARY KEY REFERENCES matters (id) ON DELETE CASCADE,
    version    bigint NOT NULL,
    data       jsonb NOT NULL,
    built_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE entries (
    matter_id    text NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    id           text NOT NULL,
    date         date,
    provider_id  text NOT NULL,
    data         jsonb NOT NULL,
    -- Every string of the entry (summary, findings, quotes...), for search.
    text_search  tsvector GENERATED ALWAYS AS (jsonb_to_tsvector('english', data, '["string"]')) STORED,
    PRIMARY KEY (matter_id, id)
);
CREATE INDEX entries_text_search ON entries USING gin (text_search);

CREATE TABLE bills (
    matter_id     text NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    id            text NOT NULL,
    date          date,
    provider_id   text NOT NULL,
    charge_cents  bigint NOT NULL,
    data          jsonb NOT NULL,
    PRIMARY KEY (matter_id, id)
);

CREATE TABLE llm_cache (
    key         text PRIMARY KEY,
    value       bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Embeddings for semantic search, of a page or of a chronology entry.
-- Every row records the model and dimension it was made with; vectors of
-- different models are never compared. The column takes any dimension (a
-- remote model's is only known from its answers), and the local
-- embedder's 256-dimension vectors are indexed through a partial index on
-- the cast: a query must say "WHERE dim = 256" and compare
-- embedding::vector(256) to use it. text_sha256 tells whether the
-- embedded text has changed since. Entry embeddings are not tied to the
-- entries rows, which a rebuild replaces: they are keyed by (matter, entry
-- id, model).
CREATE TABLE embeddings (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id  text,
    page         integer,
    matter_id    text REFERENCES matters (id) ON DELETE CASCADE,
    entry_id     text,
    model        text NOT NULL,
    dim          integer NOT NULL,
    text_sha256  text NOT NULL DEFAULT '',
    embedding    vector NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (document_id, page) REFERENCES pages (document_id, page) ON DELETE CASCADE,
    CHECK (dim = vector_dims(embedding)),
    CHECK ((document_id IS NOT NULL AND page IS NOT NULL AND matter_id IS NULL AND entry_id IS NULL)
        OR (document_id IS NULL AND page IS NULL AND matter_id IS NOT NULL AND entry_id IS NOT NULL))
);
CREATE UNIQUE INDEX embeddings_page ON embeddings (document_id, page, model) WHERE document_id IS NOT NULL;
CREATE UNIQUE INDEX embeddings_entry ON embeddings (matter_id, entry_id, model) WHERE matter_id IS NOT NULL;
CREATE INDEX embeddings_hnsw_256 ON embeddings USING hnsw ((embedding::vector(256)) vector_cosine_ops) WHERE dim = 256;
