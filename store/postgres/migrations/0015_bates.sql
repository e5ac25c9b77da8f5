-- A matter's Bates numbering, as in the SQLite store's 0015_bates.sql: the
-- prefix of its own numbers ('' for the default) and whether documents the
-- sender already stamped keep those numbers.

ALTER TABLE matters ADD COLUMN bates_prefix text NOT NULL DEFAULT '';
ALTER TABLE matters ADD COLUMN keep_sender_bates boolean NOT NULL DEFAULT false;
