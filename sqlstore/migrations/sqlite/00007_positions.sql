-- Negotiating positions (internal to their party unless shared) and files attached to items
-- of a roadmap (shared or internal, like notes). File contents live in the database so that a
-- backup holds everything; they are at most 5 MiB each.

CREATE TABLE positions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    roadmap_id  INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    party       TEXT NOT NULL REFERENCES parties (code),
    scope       TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    article     TEXT NOT NULL DEFAULT '',
    stance      TEXT NOT NULL,
    text        TEXT NOT NULL,
    author_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX positions_entity ON positions (entity_type, entity_id);

CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    roadmap_id   INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    entity_type  TEXT NOT NULL,
    entity_id    INTEGER NOT NULL,
    scope        TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    data         BLOB NOT NULL,
    author_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    author_name  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);
CREATE INDEX attachments_entity ON attachments (entity_type, entity_id);
