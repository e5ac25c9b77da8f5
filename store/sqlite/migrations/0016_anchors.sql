-- Anchors of reviews and flag decisions (chronology.EntryAnchor,
-- FlagAnchor): what identifies the entry or flag apart from its id, so
-- that a decision finds its entry or flag again when reprocessing the
-- records changes the id. '' for decisions made before.

ALTER TABLE entry_reviews ADD COLUMN anchor TEXT NOT NULL DEFAULT '';
ALTER TABLE flag_decisions ADD COLUMN anchor TEXT NOT NULL DEFAULT '';
