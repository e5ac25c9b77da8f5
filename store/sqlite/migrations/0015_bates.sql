-- A matter's Bates numbering: the prefix of its own numbers ('' for the
-- default) and whether documents the sender already stamped keep those
-- numbers (chronology.Matter.BatesPrefix, KeepSenderBates).

ALTER TABLE matters ADD COLUMN bates_prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE matters ADD COLUMN keep_sender_bates INTEGER NOT NULL DEFAULT 0;
