-- Search: full-text indexes over pages and chronology entries, kept current
-- by triggers, and embedding vectors per page and per entry.
--
-- The FTS5 tables hold their own copy of the text. Their rowids come from
-- the *_search_ids tables, whose INTEGER PRIMARY KEY (unlike the implicit
-- rowids of pages and entries) survives VACUUM. Triggers insert them with
-- NOT EXISTS rather than OR IGNORE: an upsert firing a trigger overrides
-- the trigger's conflict clause.

CREATE TABLE page_search_ids (
    id           INTEGER PRIMARY KEY,
    document_id  TEXT NOT NULL,
    page         INTEGER NOT NULL,
    UNIQUE (document_id, page)
);

CREATE VIRTUAL TABLE pages_fts USING fts5 (
    text,
    document_id UNINDEXED,
    page UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER pages_search_insert AFTER INSERT ON pages BEGIN
    INSERT INTO page_search_ids (document_id, page) SELECT new.document_id, new.page
        WHERE NOT EXISTS (SELECT 1 FROM page_search_ids WHERE document_id = new.document_id AND page = new.page);
    INSERT INTO pages_fts (rowid, text, document_id, page)
        SELECT id, new.text, new.document_id, new.page FROM page_search_ids
        WHERE document_id = new.document_id AND page = new.page AND new.text <> '';
END;

CREATE TRIGGER pages_search_update AFTER UPDATE OF text ON pages BEGIN
    DELETE FROM pages_fts WHERE rowid =
        (SELECT id FROM page_search_ids WHERE document_id = old.document_id AND page = old.page);
    INSERT INTO page_search_ids (document_id, page) SELECT new.document_id, new.page
        WHERE NOT EXISTS (SELECT 1 FROM page_search_ids WHERE document_id = new.document_id AND page = new.page);
    INSERT INTO pages_fts (rowid, text, document_id, page)
        SELECT id, new.text, new.document_id, new.page FROM page_search_ids
        WHERE document_id = new.document_id AND page = new.page AND new.text <> '';
END;

CREATE TRIGGER pages_search_delete AFTER DELETE ON pages BEGIN
    DELETE FROM pages_fts WHERE rowid =
        (SELECT id FROM page_search_ids WHERE document_id = old.document_id AND page = old.page);
    DELETE FROM page_search_ids WHERE document_id = old.document_id AND page = old.page;
END;

INSERT INTO page_search_ids (document_id, page) SELECT document_id, page FROM pages;
INSERT INTO pages_fts (rowid, text, document_id, page)
    SELECT i.id, p.text, p.document_id, p.page FROM pages p
    JOIN page_search_ids i ON i.document_id = p.document_id AND i.page = p.page
    WHERE p.text <> '';

-- An entry is searched by what the chronology shows of it.
CREATE TABLE entry_search_ids (
    id         INTEGER PRIMARY KEY,
    matter_id  TEXT NOT NULL,
    entry_id   TEXT NOT NULL,
    UNIQUE (matter_id, entry_id)
);

CREATE VIRTUAL TABLE entries_fts USING fts5 (
    text,
    matter_id UNINDEXED,
    entry_id UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIEW entry_search_text (matter_id, entry_id, text) AS
SELECT matter_id, id, concat_ws(' · ',
    nullif(json_extract(data, '$.date'), ''),
    nullif(json_extract(data, '$.provider'), ''),
    nullif(json_extract(data, '$.clinician'), ''),
    nullif(json_extract(data, '$.visit_type'), ''),
    nullif(json_extract(data, '$.summary'), ''),
    nullif(json_extract(data, '$.complaints'), ''),
    nullif(json_extract(data, '$.findings'), ''),
    nullif(json_extract(data, '$.assessment'), ''),
    nullif(json_extract(data, '$.plan'), ''),
    (SELECT group_concat(trim(coalesce(json_extract(value, '$.code'), '') || ' ' ||
        coalesce(json_extract(value, '$.description'), '')), '; ')
        FROM json_each(data, '$.diagnoses')),
    (SELECT group_concat(trim(coalesce(json_extract(value, '$.code'), '') || ' ' ||
        coalesce(json_extract(value, '$.description'), '')), '; ')
        FROM json_each(data, '$.procedures')),
    (SELECT group_concat(value, '; ') FROM json_each(data, '$.medications')))
FROM entries;

CREATE TRIGGER entries_search_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entry_search_ids (matter_id, entry_id) SELECT new.matter_id, new.id
        WHERE NOT EXISTS (SELECT 1 FROM entry_search_ids WHERE matter_id = new.matter_id AND entry_id = new.id);
    INSERT INTO entries_fts (rowid, text, matter_id, entry_id)
        SELECT i.id, t.text, t.matter_id, t.entry_id FROM entry_search_ids i
        JOIN entry_search_text t ON t.matter_id = i.matter_id AND t.entry_id = i.entry_id
        WHERE i.matter_id = new.matter_id AND i.entry_id = new.id;
END;

CREATE TRIGGER entries_search_update AFTER UPDATE OF data ON entries BEGIN
    DELETE FROM entries_fts WHERE rowid =
        (SELECT id FROM entry_search_ids WHERE matter_id = old.matter_id AND entry_id = old.id);
    INSERT INTO entry_search_ids (matter_id, entry_id) SELECT new.matter_id, new.id
        WHERE NOT EXISTS (SELECT 1 FROM entry_search_ids WHERE matter_id = new.matter_id AND entry_id = new.id);
    INSERT INTO entries_fts (rowid, text, matter_id, entry_id)
        SELECT i.id, t.text, t.matter_id, t.entry_id FROM entry_search_ids i
        JOIN entry_search_text t ON t.matter_id = i.matter_id AND t.entry_id = i.entry_id
        WHERE i.matter_id = new.matter_id AND i.entry_id = new.id;
END;

CREATE TRIGGER entries_search_delete AFTER DELETE ON entries BEGIN
    DELETE FROM entries_fts WHERE rowid =
        (SELECT id FROM entry_search_ids WHERE matter_id = old.matter_id AND entry_id = old.id);
    DELETE FROM entry_search_ids WHERE matter_id = old.matter_id AND entry_id = old.id;
END;

INSERT INTO entry_search_ids (matter_id, entry_id) SELECT matter_id, id FROM entries;
INSERT INTO entries_fts (rowid, text, matter_id, entry_id)
    SELECT i.id, t.text, t.matter_id, t.entry_id FROM entry_search_text t
    JOIN entry_search_ids i ON i.matter_id = t.matter_id AND i.entry_id = t.entry_id;

-- Embedding vectors: a page's belong to its document (shared by every
-- matter holding it), an entry's to its matter. vec is dim little-endian
-- float32s; only vectors of one model are ever compared.
CREATE TABLE vectors (
    kind         TEXT NOT NULL CHECK (kind IN ('page', 'entry')),
    document_id  TEXT REFERENCES documents (id) ON DELETE CASCADE,
    page         INTEGER,
    matter_id    TEXT REFERENCES matters (id) ON DELETE CASCADE,
    entry_id     TEXT,
    model        TEXT NOT NULL,
    dim          INTEGER NOT NULL,
    vec          BLOB NOT NULL,
    CHECK ((kind = 'page' AND document_id IS NOT NULL AND page IS NOT NULL)
        OR (kind = 'entry' AND matter_id IS NOT NULL AND entry_id IS NOT NULL))
);
CREATE UNIQUE INDEX vectors_page ON vectors (document_id, model, page) WHERE kind = 'page';
CREATE UNIQUE INDEX vectors_entry ON vectors (matter_id, model, entry_id) WHERE kind = 'entry';
