-- The review workflow: users, sessions, matter membership, the audit log,
-- entry reviews and the demand letter's generations, versions and
-- approvals. Times are UTC RFC 3339 text with nine fraction digits
-- (fixed width, so that text order is time order).
--
-- The audit log, entry reviews, demand versions and approvals are
-- append-only: triggers refuse UPDATE and DELETE on them, and an INSERT
-- that would replace a row (INSERT OR REPLACE deletes the old row without
-- firing delete triggers). None of these
-- tables cascades from matters, so no matter deletion removes audit rows.

CREATE TABLE users (
    id             TEXT PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL DEFAULT '',
    role           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    disabled       INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL
);

-- Only the SHA-256 of a session token is stored.
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    last_seen   TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE matter_members (
    matter_id  TEXT NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at   TEXT NOT NULL,
    PRIMARY KEY (matter_id, user_id)
);
CREATE INDEX matter_members_user ON matter_members (user_id, matter_id);

-- user_id is not a foreign key: failed sign-ins and the service token
-- are audited too, and an audit row outlives anything it names.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    user_id    TEXT NOT NULL DEFAULT '',
    username   TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL,
    matter_id  TEXT NOT NULL DEFAULT '',
    object     TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT '',
    ip         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_matter ON audit_log (matter_id, id);
CREATE INDEX audit_log_user ON audit_log (user_id, id);

CREATE TABLE entry_reviews (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    matter_id  TEXT NOT NULL,
    entry_id   TEXT NOT NULL,
    state      TEXT NOT NULL,
    fields     TEXT NOT NULL DEFAULT '{}',
    reason     TEXT NOT NULL DEFAULT '',
    user_id    TEXT NOT NULL,
    username   TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL
);
CREATE INDEX entry_reviews_matter ON entry_reviews (matter_id, at, id);

-- The latest generation of a matter's demand letter; keys and excluded are JSON.
CREATE TABLE demand_generations (
    matter_id  TEXT PRIMARY KEY,
    at         TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    username   TEXT NOT NULL DEFAULT '',
    keys       TEXT NOT NULL DEFAULT '[]',
    excluded   TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE demand_versions (
    matter_id  TEXT NOT NULL,
    key        TEXT NOT NULL,
    n          INTEGER NOT NULL CHECK (n > 0),
    title      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL,
    citations  TEXT NOT NULL DEFAULT 'null',
    user_id    TEXT NOT NULL,
    username   TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    UNIQUE (matter_id, key, n)
);

CREATE TABLE demand_approvals (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    matter_id  TEXT NOT NULL,
    key        TEXT NOT NULL,
    version    INTEGER NOT NULL,
    sha256     TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    username   TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL,
    FOREIGN KEY (matter_id, key, version) REFERENCES demand_versions (matter_id, key, n)
);
CREATE INDEX demand_approvals_matter ON demand_approvals (matter_id, at, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER entry_reviews_no_update BEFORE UPDATE ON entry_reviews
BEGIN SELECT RAISE(ABORT, 'entry_reviews is append-only'); END;
CREATE TRIGGER entry_reviews_no_delete BEFORE DELETE ON entry_reviews
BEGIN SELECT RAISE(ABORT, 'entry_reviews is append-only'); END;

CREATE TRIGGER demand_versions_no_update BEFORE UPDATE ON demand_versions
BEGIN SELECT RAISE(ABORT, 'demand_versions is append-only'); END;
CREATE TRIGGER demand_versions_no_delete BEFORE DELETE ON demand_versions
BEGIN SELECT RAISE(ABORT, 'demand_versions is append-only'); END;

CREATE TRIGGER demand_approvals_no_update BEFORE UPDATE ON demand_approvals
BEGIN SELECT RAISE(ABORT, 'demand_approvals is append-only'); END;
CREATE TRIGGER demand_approvals_no_delete BEFORE DELETE ON demand_approvals
BEGIN SELECT RAISE(ABORT, 'demand_approvals is append-only'); END;

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = new.id)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER entry_reviews_no_replace BEFORE INSERT ON entry_reviews
WHEN EXISTS (SELECT 1 FROM entry_reviews WHERE id = new.id)
BEGIN SELECT RAISE(ABORT, 'entry_reviews is append-only'); END;
CREATE TRIGGER demand_approvals_no_replace BEFORE INSERT ON demand_approvals
WHEN EXISTS (SELECT 1 FROM demand_approvals WHERE id = new.id)
BEGIN SELECT RAISE(ABORT, 'demand_approvals is append-only'); END;
-- The store maps this message to demand.ErrConflict.
CREATE TRIGGER demand_versions_no_replace BEFORE INSERT ON demand_versions
WHEN EXISTS (SELECT 1 FROM demand_versions WHERE matter_id = new.matter_id AND key = new.key AND n = new.n)
BEGIN SELECT RAISE(ABORT, 'demand_versions: version number taken'); END;
