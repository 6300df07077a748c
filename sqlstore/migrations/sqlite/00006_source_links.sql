-- What each item of a source's draft became in a roadmap: the meeting, commitment, interest or
-- track it created or matched, with the sentence it was said in. Applying the source again
-- finds the same rows through these links; a later source that says the same sentence finds
-- them through the quote.

CREATE TABLE source_links (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id   INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    roadmap_id  INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    ref         TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    quote       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    UNIQUE (source_id, entity_type, ref)
);
CREATE INDEX source_links_roadmap ON source_links (roadmap_id);
CREATE INDEX source_links_entity ON source_links (entity_type, entity_id);
