-- Agreements from first draft to entry into force: the agreed version, the entry-into-force rule
-- and the superseding agreement on each agreement; immutable numbered versions of the text
-- (texts per language, articles in order); comments on articles; each party's approval steps
-- per kind of agreement and the decisions on versions; signatories' keys; signatures with the
-- canonical snapshot of what was signed; and domestic procedures after signature.
-- Instants are UTC text, days are YYYY-MM-DD text.

ALTER TABLE agreements ADD COLUMN agreed_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agreements ADD COLUMN entry_rule TEXT NOT NULL DEFAULT '';
ALTER TABLE agreements ADD COLUMN entry_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agreements ADD COLUMN entry_fixed_on TEXT;
ALTER TABLE agreements ADD COLUMN superseded_by INTEGER REFERENCES agreements (id) ON DELETE SET NULL;

CREATE TABLE agreement_versions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    agreement_id    INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    number          INTEGER NOT NULL,
    party           TEXT NOT NULL REFERENCES parties (code),
    round           INTEGER NOT NULL DEFAULT 0,
    scope           TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    digest          TEXT NOT NULL,
    created_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_by_name TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    UNIQUE (agreement_id, number)
);

CREATE TABLE agreement_texts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id INTEGER NOT NULL REFERENCES agreement_versions (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    language   TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    preamble   TEXT NOT NULL DEFAULT '',
    UNIQUE (version_id, language)
);

CREATE TABLE agreement_articles (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    text_id  INTEGER NOT NULL REFERENCES agreement_texts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number   TEXT NOT NULL,
    heading  TEXT NOT NULL DEFAULT '',
    body     TEXT NOT NULL
);
CREATE INDEX agreement_articles_text ON agreement_articles (text_id, position);

CREATE TABLE agreement_comments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    roadmap_id   INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    text_version INTEGER NOT NULL DEFAULT 0,
    article      TEXT NOT NULL DEFAULT '',
    scope        TEXT NOT NULL,
    body         TEXT NOT NULL,
    author_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    author_name  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);
CREATE INDEX agreement_comments_agreement ON agreement_comments (agreement_id);

CREATE TABLE approval_steps (
    party      TEXT NOT NULL REFERENCES parties (code) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    body_id    INTEGER REFERENCES bodies (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (party, kind, position)
);

CREATE TABLE agreement_approvals (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    party        TEXT NOT NULL REFERENCES parties (code),
    step         INTEGER NOT NULL,
    step_name    TEXT NOT NULL,
    body_id      INTEGER REFERENCES bodies (id) ON DELETE SET NULL,
    text_version INTEGER NOT NULL,
    decision     TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    scope        TEXT NOT NULL,
    decided_on   TEXT NOT NULL,
    user_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    user_name    TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);
CREATE INDEX agreement_approvals_agreement ON agreement_approvals (agreement_id, text_version);

CREATE TABLE signatory_keys (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    party       TEXT NOT NULL REFERENCES parties (code),
    person_id   INTEGER NOT NULL REFERENCES people (id),
    person_name TEXT NOT NULL,
    user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    origin      TEXT NOT NULL,
    public_key  TEXT NOT NULL UNIQUE,
    sealed_key  TEXT NOT NULL DEFAULT '',
    revoked     INTEGER NOT NULL DEFAULT 0,
    revoked_at  TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX signatory_keys_person ON signatory_keys (person_id);

CREATE TABLE key_unlock_failures (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    key_id    INTEGER NOT NULL REFERENCES signatory_keys (id) ON DELETE CASCADE,
    user_id   INTEGER REFERENCES users (id) ON DELETE CASCADE,
    failed_at TEXT NOT NULL
);
CREATE INDEX key_unlock_failures_key ON key_unlock_failures (key_id, failed_at);

CREATE TABLE agreement_signatures (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    agreement_id   INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    text_version   INTEGER NOT NULL,
    key_id         INTEGER NOT NULL REFERENCES signatory_keys (id),
    signatory_id   INTEGER NOT NULL,
    signatory      TEXT NOT NULL,
    party          TEXT NOT NULL REFERENCES parties (code),
    public_key     TEXT NOT NULL,
    digest         TEXT NOT NULL,
    signature      TEXT NOT NULL,
    snapshot_data  BLOB NOT NULL,
    place          TEXT NOT NULL DEFAULT '',
    signed_on      TEXT NOT NULL,
    meeting_id     INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    signed_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    signed_by_name TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    UNIQUE (agreement_id, text_version, signatory_id)
);

CREATE TABLE agreement_procedures (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    party        TEXT NOT NULL REFERENCES parties (code),
    kind         TEXT NOT NULL,
    planned_on   TEXT,
    done_on      TEXT,
    document     TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX agreement_procedures_agreement ON agreement_procedures (agreement_id);
