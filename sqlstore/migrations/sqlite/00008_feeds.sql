-- Calendar feed links: each user's secret addresses of their calendar feed, stored only as the
-- SHA-256 of the secret, revocable. Meetings imported from a calendar are found again by their
-- iCalendar UID within their roadmap.

CREATE TABLE feed_links (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);
CREATE INDEX feed_links_user ON feed_links (user_id);

CREATE INDEX meetings_uid ON meetings (roadmap_id, uid);
