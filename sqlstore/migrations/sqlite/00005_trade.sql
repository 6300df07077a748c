-- Trade evidence: the datasets read from trade files (one per file, identified by the hash of
-- its content and how it was read) and their tables, one per year or summed period, each kept
-- as one compact blob that package trade encodes and decodes.

CREATE TABLE trade_datasets (
    id        TEXT PRIMARY KEY,
    kind      TEXT NOT NULL,
    source    TEXT NOT NULL,
    summary   TEXT NOT NULL DEFAULT '{}',
    loaded_at TEXT NOT NULL
);

CREATE TABLE trade_tables (
    dataset_id TEXT NOT NULL REFERENCES trade_datasets (id) ON DELETE CASCADE,
    first_year INTEGER NOT NULL,
    last_year  INTEGER NOT NULL,
    level      TEXT NOT NULL,
    bilateral  INTEGER NOT NULL DEFAULT 0,
    cells      INTEGER NOT NULL,
    data       BLOB NOT NULL,
    PRIMARY KEY (dataset_id, first_year, last_year)
);
