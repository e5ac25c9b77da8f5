-- The official ICD-10-CM code table, imported by "medchron codes import"
-- from the CMS order file and replaced as a whole. Codes are stored
-- without their dot, upper case, as the order file prints them.
CREATE TABLE icd10cm_codes (
    code      TEXT PRIMARY KEY,
    billable  INTEGER NOT NULL,
    short     TEXT NOT NULL DEFAULT '',
    long      TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
