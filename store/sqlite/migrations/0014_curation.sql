-- Matter-level review work beyond single entries: provider overrides
-- (rename, merge, reassign; undoing one deletes it, the audit log keeps
-- the history), decisions on flags (dismissed with a reason, restored;
-- append-only, the newest is the flag's state) and the matter's tasks.

CREATE TABLE provider_overrides (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    matter_id    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    provider_id  TEXT NOT NULL DEFAULT '',
    into_id      TEXT NOT NULL DEFAULT '',
    name         TEXT NOT NULL DEFAULT '',
    entry_ids    TEXT NOT NULL DEFAULT '[]',
    user_id      TEXT NOT NULL,
    username     TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL
);
CREATE INDEX provider_overrides_matter ON provider_overrides (matter_id, at, id);

CREATE TABLE flag_decisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    matter_id  TEXT NOT NULL,
    flag_key   TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT '',
    state      TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    user_id    TEXT NOT NULL,
    username   TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL
);
CREATE INDEX flag_decisions_matter ON flag_decisions (matter_id, at, id);

CREATE TRIGGER flag_decisions_no_update BEFORE UPDATE ON flag_decisions
BEGIN SELECT RAISE(ABORT, 'flag_decisions is append-only'); END;
CREATE TRIGGER flag_decisions_no_delete BEFORE DELETE ON flag_decisions
BEGIN SELECT RAISE(ABORT, 'flag_decisions is append-only'); END;
CREATE TRIGGER flag_decisions_no_replace BEFORE INSERT ON flag_decisions
WHEN EXISTS (SELECT 1 FROM flag_decisions WHERE id = new.id)
BEGIN SELECT RAISE(ABORT, 'flag_decisions is append-only'); END;

CREATE TABLE matter_tasks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    matter_id   TEXT NOT NULL,
    text        TEXT NOT NULL,
    status      TEXT NOT NULL,
    flag_key    TEXT NOT NULL DEFAULT '',
    user_id     TEXT NOT NULL,
    username    TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX matter_tasks_matter ON matter_tasks (matter_id, id);
