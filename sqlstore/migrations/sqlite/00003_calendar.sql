-- Calendars: the official notices that override each party's computed working calendar
-- (holiday notices, moon sightings, moved or cancelled holidays, transferred working days),
-- and the shipped notices already seeded for each party, so that a shipped notice a user
-- deleted is not added again at the next start.
-- Instants are UTC text, days are YYYY-MM-DD text.

CREATE TABLE calendar_overrides (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    party       TEXT NOT NULL REFERENCES parties (code) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    falls_on    TEXT NOT NULL,
    moved_to_on TEXT,
    name        TEXT NOT NULL DEFAULT '',
    hijri_year  INTEGER NOT NULL DEFAULT 0,
    hijri_month INTEGER NOT NULL DEFAULT 0,
    office      TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX calendar_overrides_party ON calendar_overrides (party, falls_on);

CREATE TABLE calendar_seeds (
    party     TEXT NOT NULL REFERENCES parties (code) ON DELETE CASCADE,
    notice    TEXT NOT NULL,
    seeded_at TEXT NOT NULL,
    PRIMARY KEY (party, notice)
);
