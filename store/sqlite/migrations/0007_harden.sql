-- Hardening: originals sealed at rest in chunks, a hash chain over the
-- audit log, and when each matter setting last changed.
--
-- An original is stored once per content hash (blobs) as a sealed object:
-- blob_chunks holds its AES-256-GCM sealed chunks, each bound to its object
-- and sequence number. blobs.data is empty for sealed objects; rows written
-- before this migration keep their bytes in data until the store seals them
-- on open (object_id '' marks them).
ALTER TABLE blobs ADD COLUMN object_id TEXT NOT NULL DEFAULT '';
ALTER TABLE blobs ADD COLUMN size INTEGER NOT NULL DEFAULT -1;
ALTER TABLE blobs ADD COLUMN chunks INTEGER NOT NULL DEFAULT 0;

CREATE TABLE blob_chunks (
    object_id   TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    key_id      TEXT NOT NULL,
    data        BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (object_id, seq)
);
CREATE INDEX blob_chunks_key ON blob_chunks (key_id);

-- Each audit row carries the SHA-256 of the previous row's hash and its
-- own fields (access.ChainHash); rows from before this migration are
-- chained by the store on open.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
