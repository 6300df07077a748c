-- The foundation: parties, users and their roadmap roles, the directory of bodies and people,
-- roadmaps with their tracks, actions, dependencies, meetings, agreements, commitments,
-- interests, sources and notes, and the hash-chained audit trail.
-- Instants are UTC text (2006-01-02T15:04:05.000000Z), days are YYYY-MM-DD text.

CREATE TABLE parties (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    languages  TEXT NOT NULL DEFAULT '[]',
    time_zone  TEXT NOT NULL,
    search     TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    email               TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    party               TEXT NOT NULL,
    admin               INTEGER NOT NULL DEFAULT 0,
    password_hash       TEXT NOT NULL DEFAULT '',
    password_changed_at TEXT,
    disabled            INTEGER NOT NULL DEFAULT 0,
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

CREATE TABLE roadmaps (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    title            TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL,
    horizon_value    TEXT NOT NULL DEFAULT '',
    horizon_end      TEXT NOT NULL DEFAULT '',
    horizon_mod      TEXT NOT NULL DEFAULT '',
    horizon_approx   INTEGER NOT NULL DEFAULT 0,
    horizon_earliest TEXT,
    horizon_latest   TEXT,
    public           INTEGER NOT NULL DEFAULT 0,
    search           TEXT NOT NULL DEFAULT '',
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE roadmap_parties (
    roadmap_id INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    party      TEXT NOT NULL REFERENCES parties (code),
    position   INTEGER NOT NULL,
    PRIMARY KEY (roadmap_id, party)
);
CREATE INDEX roadmap_parties_party ON roadmap_parties (party);

CREATE TABLE memberships (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    roadmap_id INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    PRIMARY KEY (user_id, roadmap_id)
);
CREATE INDEX memberships_roadmap ON memberships (roadmap_id);

CREATE TABLE bodies (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    party      TEXT REFERENCES parties (code),
    name       TEXT NOT NULL,
    short_name TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL,
    parent_id  INTEGER REFERENCES bodies (id),
    search     TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX bodies_party ON bodies (party);

CREATE TABLE body_parties (
    body_id  INTEGER NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
    party    TEXT NOT NULL REFERENCES parties (code),
    position INTEGER NOT NULL,
    PRIMARY KEY (body_id, party)
);

CREATE TABLE user_bodies (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body_id INTEGER NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, body_id)
);

CREATE TABLE people (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL DEFAULT '',
    party      TEXT NOT NULL REFERENCES parties (code),
    body_id    INTEGER REFERENCES bodies (id),
    search     TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX people_party ON people (party);

CREATE TABLE tracks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    roadmap_id  INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    sector      TEXT NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    search      TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX tracks_roadmap ON tracks (roadmap_id);

CREATE TABLE track_leads (
    track_id INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    party    TEXT NOT NULL REFERENCES parties (code),
    body_id  INTEGER NOT NULL REFERENCES bodies (id),
    PRIMARY KEY (track_id, party)
);

CREATE TABLE sources (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    roadmap_id   INTEGER REFERENCES roadmaps (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    url          TEXT NOT NULL DEFAULT '',
    publisher    TEXT NOT NULL DEFAULT '',
    published_on TEXT NOT NULL,
    language     TEXT NOT NULL,
    text         TEXT NOT NULL,
    extraction   TEXT NOT NULL DEFAULT '',
    scope        TEXT NOT NULL,
    search       TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX sources_roadmap ON sources (roadmap_id);

CREATE TABLE commitments (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    roadmap_id    INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    statement     TEXT NOT NULL,
    sectors       TEXT NOT NULL DEFAULT '[]',
    responsible   TEXT NOT NULL,
    due_value     TEXT NOT NULL DEFAULT '',
    due_end       TEXT NOT NULL DEFAULT '',
    due_mod       TEXT NOT NULL DEFAULT '',
    due_approx    INTEGER NOT NULL DEFAULT 0,
    due_earliest  TEXT,
    due_latest    TEXT,
    status        TEXT NOT NULL,
    evidence      TEXT NOT NULL DEFAULT '',
    source_id     INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    quote         TEXT NOT NULL DEFAULT '',
    search        TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX commitments_roadmap ON commitments (roadmap_id, id);

CREATE TABLE actions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    roadmap_id    INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    track_id      INTEGER REFERENCES tracks (id),
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    lead_party    TEXT REFERENCES parties (code),
    lead_body_id  INTEGER REFERENCES bodies (id),
    status        TEXT NOT NULL,
    planned_start TEXT,
    duration_days INTEGER NOT NULL DEFAULT 0,
    due_value     TEXT NOT NULL DEFAULT '',
    due_end       TEXT NOT NULL DEFAULT '',
    due_mod       TEXT NOT NULL DEFAULT '',
    due_approx    INTEGER NOT NULL DEFAULT 0,
    due_earliest  TEXT,
    due_latest    TEXT,
    progress      INTEGER NOT NULL DEFAULT 0,
    evidence      TEXT NOT NULL DEFAULT '',
    done_on       TEXT,
    due_order     TEXT NOT NULL DEFAULT '9999-12-31',
    source_id     INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    commitment_id INTEGER REFERENCES commitments (id) ON DELETE SET NULL,
    search        TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
-- due_order is the due date as text, with undated actions last: lists sorted by due walk the
-- index in order. The other indexes cover the usual filters of the actions page, so that counts
-- need not read the table.
CREATE INDEX actions_roadmap ON actions (roadmap_id, id);
CREATE INDEX actions_roadmap_order ON actions (roadmap_id, due_order, id);
CREATE INDEX actions_roadmap_party ON actions (roadmap_id, lead_party, due_latest);
CREATE INDEX actions_roadmap_status ON actions (roadmap_id, status, due_latest);
CREATE INDEX actions_track ON actions (track_id);
CREATE INDEX actions_body ON actions (lead_body_id);

CREATE TABLE dependencies (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    roadmap_id     INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    predecessor_id INTEGER NOT NULL REFERENCES actions (id),
    successor_id   INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    lag_days       INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,
    UNIQUE (predecessor_id, successor_id)
);
CREATE INDEX dependencies_roadmap ON dependencies (roadmap_id);
CREATE INDEX dependencies_successor ON dependencies (successor_id);

CREATE TABLE meetings (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    roadmap_id    INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    when_value    TEXT NOT NULL DEFAULT '',
    when_end      TEXT NOT NULL DEFAULT '',
    when_mod      TEXT NOT NULL DEFAULT '',
    when_approx   INTEGER NOT NULL DEFAULT 0,
    when_earliest TEXT,
    when_latest   TEXT,
    starts_at     TEXT,
    ends_at       TEXT,
    time_zone     TEXT NOT NULL DEFAULT '',
    location      TEXT NOT NULL DEFAULT '',
    host_party    TEXT REFERENCES parties (code),
    status        TEXT NOT NULL,
    invitation    TEXT NOT NULL DEFAULT '',
    follows_up_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    minutes       TEXT NOT NULL DEFAULT '',
    uid           TEXT NOT NULL DEFAULT '',
    search        TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX meetings_roadmap ON meetings (roadmap_id, when_earliest);
CREATE INDEX meetings_follows ON meetings (follows_up_id);

CREATE TABLE meeting_participants (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id  INTEGER REFERENCES people (id) ON DELETE SET NULL,
    party      TEXT NOT NULL REFERENCES parties (code),
    name       TEXT NOT NULL DEFAULT '',
    role       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_participants_meeting ON meeting_participants (meeting_id);

CREATE TABLE agenda_items (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    notes      TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id);

CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    action_id  INTEGER REFERENCES actions (id) ON DELETE SET NULL,
    version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX decisions_meeting ON decisions (meeting_id);

CREATE TABLE agreements (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    roadmap_id      INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    title           TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL,
    lead_party      TEXT REFERENCES parties (code),
    target_value    TEXT NOT NULL DEFAULT '',
    target_end      TEXT NOT NULL DEFAULT '',
    target_mod      TEXT NOT NULL DEFAULT '',
    target_approx   INTEGER NOT NULL DEFAULT 0,
    target_earliest TEXT,
    target_latest   TEXT,
    signed_on       TEXT,
    in_force_on     TEXT,
    meeting_id      INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    search          TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX agreements_roadmap ON agreements (roadmap_id);

CREATE TABLE agreement_tracks (
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    track_id     INTEGER NOT NULL REFERENCES tracks (id),
    PRIMARY KEY (agreement_id, track_id)
);
CREATE INDEX agreement_tracks_track ON agreement_tracks (track_id);

CREATE TABLE interests (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    roadmap_id  INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    from_party  TEXT NOT NULL REFERENCES parties (code),
    to_party    TEXT NOT NULL REFERENCES parties (code),
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    sectors     TEXT NOT NULL DEFAULT '[]',
    products    TEXT NOT NULL DEFAULT '[]',
    status      TEXT NOT NULL,
    source_id   INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    quote       TEXT NOT NULL DEFAULT '',
    search      TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX interests_roadmap ON interests (roadmap_id);

CREATE TABLE notes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    roadmap_id  INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    entity_type TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    scope       TEXT NOT NULL,
    body        TEXT NOT NULL,
    author_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL DEFAULT '',
    search      TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX notes_entity ON notes (entity_type, entity_id);
CREATE INDEX notes_roadmap ON notes (roadmap_id);

-- The audit trail is append-only and keeps its entries when the rows they describe are
-- deleted, so it has no foreign keys.
CREATE TABLE audit_entries (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user_id     INTEGER,
    user_name   TEXT NOT NULL,
    party       TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL DEFAULT '',
    roadmap_id  INTEGER,
    scope       TEXT NOT NULL,
    before      TEXT NOT NULL DEFAULT '',
    after       TEXT NOT NULL DEFAULT '',
    request_id  TEXT NOT NULL DEFAULT '',
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_entries_entity ON audit_entries (entity_type, entity_id);
CREATE INDEX audit_entries_roadmap ON audit_entries (roadmap_id);
