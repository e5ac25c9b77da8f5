-- medchron schema, SQLite. River's own tables are created by rivermigrate.
CREATE TABLE matters (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL DEFAULT '',
    client         TEXT NOT NULL DEFAULT '',
    incident_date  TEXT NOT NULL DEFAULT '',
    gap_days       INTEGER NOT NULL DEFAULT 0,
    version        INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE TABLE blobs (
    sha256  TEXT PRIMARY KEY,
    data    BLOB NOT NULL
);

CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE REFERENCES blobs (sha256),
    file        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    pages       INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL,
    error       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE matter_documents (
    matter_id    TEXT NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    document_id  TEXT NOT NULL REFERENCES documents (id),
    file         TEXT NOT NULL,
    position     INTEGER NOT NULL,
    added_at     TEXT NOT NULL,
    PRIMARY KEY (matter_id, document_id)
);
CREATE INDEX matter_documents_document ON matter_documents (document_id);

-- source '' means the page waits for OCR.
CREATE TABLE pages (
    document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    page         INTEGER NOT NULL,
    source       TEXT NOT NULL,
    text         TEXT NOT NULL DEFAULT '',
    words        TEXT NOT NULL DEFAULT '[]',
    width        REAL NOT NULL DEFAULT 0,
    height       REAL NOT NULL DEFAULT 0,
    confidence   REAL NOT NULL DEFAULT 0,
    error        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (document_id, page)
);

-- One row per fact; a document's facts are replaced together.
CREATE TABLE facts (
    document_id     TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    page            INTEGER NOT NULL,
    data            TEXT NOT NULL,
    PRIMARY KEY (document_id, seq)
);

CREATE TABLE extractions (
    document_id     TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    extractor       TEXT NOT NULL,
    prompt_version  TEXT NOT NULL DEFAULT '',
    meta            TEXT NOT NULL DEFAULT '{}',
    created_at      TEXT NOT NULL
);

CREATE TABLE chronologies (
    matter_id   TEXT PRIMARY KEY REFERENCES matters (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    data        TEXT NOT NULL,
    built_at    TEXT NOT NULL
);

CREATE TABLE entries (
    matter_id    TEXT NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    date         TEXT NOT NULL,
    provider_id  TEXT NOT NULL,
    data         TEXT NOT NULL,
    PRIMARY KEY (matter_id, id)
);

CREATE TABLE bills (
    matter_id    TEXT NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    date         TEXT NOT NULL DEFAULT '',
    provider_id  TEXT NOT NULL,
    charge_cents INTEGER NOT NULL,
    data         TEXT NOT NULL,
    PRIMARY KEY (matter_id, id)
);

CREATE TABLE llm_cache (
    key         TEXT PRIMARY KEY,
    value       BLOB NOT NULL,
    created_at  TEXT NOT NULL
);
