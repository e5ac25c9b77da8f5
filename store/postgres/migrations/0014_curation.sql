-- Matter-level review work beyond single entries, as in the SQLite
-- store's 0014_curation.sql: provider overrides (undoing one deletes it;
-- the audit log keeps the history), decisions on flags (append-only, the
-- newest is the flag's state) and the matter's tasks.

CREATE TABLE provider_overrides (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    matter_id    text NOT NULL,
    kind         text NOT NULL,
    provider_id  text NOT NULL DEFAULT '',
    into_id      text NOT NULL DEFAULT '',
    name         text NOT NULL DEFAULT '',
    entry_ids    jsonb NOT NULL DEFAULT '[]',
    user_id      text NOT NULL,
    username     text NOT NULL DEFAULT '',
    at           timestamptz NOT NULL
);
CREATE INDEX provider_overrides_matter ON provider_overrides (matter_id, at, id);

CREATE TABLE flag_decisions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    matter_id  text NOT NULL,
    flag_key   text NOT NULL,
    kind       text NOT NULL DEFAULT '',
    state      text NOT NULL,
    reason     text NOT NULL DEFAULT '',
    user_id    text NOT NULL,
    username   text NOT NULL DEFAULT '',
    at         timestamptz NOT NULL
);
CREATE INDEX flag_decisions_matter ON flag_decisions (matter_id, at, id);
CREATE TRIGGER flag_decisions_append_only BEFORE UPDATE OR DELETE ON flag_decisions
    FOR EACH ROW EXECUTE FUNCTION medchron_append_only();
CREATE TRIGGER flag_decisions_no_truncate BEFORE TRUNCATE ON flag_decisions
    FOR EACH STATEMENT EXECUTE FUNCTION medchron_append_only();

CREATE TABLE matter_tasks (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    matter_id   text NOT NULL,
    text        text NOT NULL,
    status      text NOT NULL,
    flag_key    text NOT NULL DEFAULT '',
    user_id     text NOT NULL,
    username    text NOT NULL DEFAULT '',
    at          timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX matter_tasks_matter ON matter_tasks (matter_id, id);
