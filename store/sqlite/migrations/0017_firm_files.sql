-- The firm's files, kept for every matter: its Word template
-- (store.FirmTemplate) for the Word downloads.

CREATE TABLE firm_files (
    name        TEXT PRIMARY KEY,
    data        BLOB NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL
);
