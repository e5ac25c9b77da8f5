-- The official ICD-10-CM code table, as in the SQLite store's
-- 0002_codes.sql: imported by "medchron codes import" from the CMS order
-- file and replaced as a whole. Codes are stored without their dot, upper
-- case, as the order file prints them.
CREATE TABLE icd10cm_codes (
    code      text PRIMARY KEY,
    billable  boolean NOT NULL,
    short     text NOT NULL DEFAULT '',
    long      text NOT NULL DEFAULT ''
);
