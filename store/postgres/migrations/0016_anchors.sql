-- Anchors of reviews and flag decisions, as in the SQLite store's
-- 0016_anchors.sql: what identifies the entry or flag apart from its id,
-- so that a decision finds its entry or flag again when reprocessing the
-- records changes the id. '' for decisions made before.

ALTER TABLE entry_reviews ADD COLUMN anchor text NOT NULL DEFAULT '';
ALTER TABLE flag_decisions ADD COLUMN anchor text NOT NULL DEFAULT '';
