-- The firm's files, kept for every matter, as in the SQLite store's
-- 0017_firm_files.sql: its Word template for the Word downloads.

CREATE TABLE firm_files (
    name        text PRIMARY KEY,
    data        bytea NOT NULL,
    updated_by  text NOT NULL DEFAULT '',
    updated_at  timestamptz NOT NULL
);
