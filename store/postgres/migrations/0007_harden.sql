-- Hardening: originals sealed at rest in chunks and a hash chain over the
-- audit log.
--
-- An original is stored once per content hash (blobs) as a sealed object:
-- blob_chunks holds its AES-256-GCM sealed chunks, each bound to its object
-- and sequence number. blobs.data is empty for sealed objects; rows written
-- before this migration keep their bytes in data until the store seals them
-- (object_id '' marks them).
ALTER TABLE blobs ADD COLUMN object_id text NOT NULL DEFAULT '';
ALTER TABLE blobs ADD COLUMN size bigint NOT NULL DEFAULT -1;
ALTER TABLE blobs ADD COLUMN chunks integer NOT NULL DEFAULT 0;

CREATE TABLE blob_chunks (
    object_id   text NOT NULL,
    seq         integer NOT NULL,
    key_id      text NOT NULL,
    data        bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (object_id, seq)
);
CREATE INDEX blob_chunks_key ON blob_chunks (key_id);

-- Each audit row carries the previous row's hash and its own
-- (access.ChainHash); rows from before this migration are chained by the
-- store when it opens.
ALTER TABLE audit_log ADD COLUMN prev_hash text NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN hash text NOT NULL DEFAULT '';
