-- The demand letter's attorney inputs (claim, parties, money figures,
-- variant, deadline) as JSON, kept with the latest generation; and, per
-- section version, the chronology entries nobody had reviewed whose facts
-- it states (JSON list), which keep the version from being approved.
ALTER TABLE demand_generations ADD COLUMN inputs TEXT NOT NULL DEFAULT '{}';
ALTER TABLE demand_versions ADD COLUMN unreviewed TEXT NOT NULL DEFAULT '[]';
