-- The review workflow, as in the SQLite store's 0004_review.sql: users,
-- sessions, matter membership, the audit log, entry reviews and the demand
-- letter's generations, versions and approvals.
--
-- The audit log, entry reviews, demand versions and approvals are
-- append-only: triggers refuse UPDATE, DELETE and TRUNCATE on them. None of
-- these tables cascades from matters, so no matter deletion removes audit
-- rows.

CREATE TABLE users (
    id             text PRIMARY KEY,
    username       text NOT NULL UNIQUE,
    name           text NOT NULL DEFAULT '',
    role           text NOT NULL,
    password_hash  text NOT NULL,
    disabled       boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL
);

-- Only the SHA-256 of a session token is stored.
CREATE TABLE sessions (
    token_hash  text PRIMARY KEY,
    user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf        text NOT NULL,
    created_at  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE matter_members (
    matter_id  text NOT NULL,
    user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (matter_id, user_id)
);
CREATE INDEX matter_members_user ON matter_members (user_id, matter_id);

-- user_id is not a foreign key: failed sign-ins and the service token
-- are audited too, and an audit row outlives anything it names.
CREATE TABLE audit_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL,
    user_id    text NOT NULL DEFAULT '',
    username   text NOT NULL DEFAULT '',
    action     text NOT NULL,
    matter_id  text NOT NULL DEFAULT '',
    object     text NOT NULL DEFAULT '',
    detail     text NOT NULL DEFAULT '',
    ip         text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_matter ON audit_log (matter_id, id);
CREATE INDEX audit_log_user ON audit_log (user_id, id);

CREATE TABLE entry_reviews (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    matter_id  text NOT NULL,
    entry_id   text NOT NULL,
    state      text NOT NULL,
    fields     jsonb NOT NULL DEFAULT '{}',
    reason     text NOT NULL DEFAULT '',
    user_id    text NOT NULL,
    username   text NOT NULL DEFAULT '',
    at         timestamptz NOT NULL
);
CREATE INDEX entry_reviews_matter ON entry_reviews (matter_id, at, id);

-- The latest generation of a matter's demand letter.
CREATE TABLE demand_generations (
    matter_id  text PRIMARY KEY,
    at         timestamptz NOT NULL,
    user_id    text NOT NULL,
    username   text NOT NULL DEFAULT '',
    keys       jsonb NOT NULL DEFAULT '[]',
    excluded   jsonb NOT NULL DEFAULT '[]'
);

CREATE TABLE demand_versions (
    matter_id  text NOT NULL,
    key        text NOT NULL,
    n          integer NOT NULL CHECK (n > 0),
    title      text NOT NULL DEFAULT '',
    body       text NOT NULL,
    citations  jsonb NOT NULL DEFAULT 'null',
    user_id    text NOT NULL,
    username   text NOT NULL DEFAULT '',
    at         timestamptz NOT NULL,
    sha256     text NOT NULL,
    CONSTRAINT demand_versions_number UNIQUE (matter_id, key, n)
);

CREATE TABLE demand_approvals (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    matter_id  text NOT NULL,
    key        text NOT NULL,
    version    integer NOT NULL,
    sha256     text NOT NULL,
    user_id    text NOT NULL,
    username   text NOT NULL DEFAULT '',
    at         timestamptz NOT NULL,
    FOREIGN KEY (matter_id, key, version) REFERENCES demand_versions (matter_id, key, n)
);
CREATE INDEX demand_approvals_matter ON demand_approvals (matter_id, at, id);

CREATE FUNCTION medchron_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION medchron_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION medchron_append_only();
CREATE TRIGGER entry_reviews_append_only BEFORE UPDATE OR DELETE ON entry_reviews
    FOR EACH ROW EXECUTE FUNCTION medchron_append_only();
CREATE TRIGGER entry_reviews_no_truncate BEFORE TRUNCATE ON entry_reviews
    FOR EACH STATEMENT EXECUTE FUNCTION medchron_append_only();
CREATE TRIGGER demand_versions_append_only BEFORE UPDATE OR DELETE ON demand_versions
    FOR EACH ROW EXECUTE FUNCTION medchron_append_only();
CREATE TRIGGER demand_versions_no_truncate BEFORE TRUNCATE ON demand_versions
    FOR EACH STATEMENT EXECUTE FUNCTION medchron_append_only();
CREATE TRIGGER demand_approvals_append_only BEFORE UPDATE OR DELETE ON demand_approvals
    FOR EACH ROW EXECUTE FUNCTION medchron_append_only();
CREATE TRIGGER demand_approvals_no_truncate BEFORE TRUNCATE ON demand_approvals
    FOR EACH STATEMENT EXECUTE FUNCTION medchron_append_only();
