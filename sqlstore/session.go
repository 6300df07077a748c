package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/entente/entente/credential"
)

// SessionStore keeps browser sessions for the session manager (github.com/alexedwards/scs) in
// the database, so that sessions survive restarts and are shared by several instances. Session
// tokens are stored as their SHA-256, so that a copy of the database does not hand out live
// sessions. Expiry is measured on the machine's real clock, as the session manager sets it,
// never on the roadmap's (possibly simulated) today.
type SessionStore struct{ db *DB }

// NewSessionStore returns the session store of db.
func NewSessionStore(db *DB) *SessionStore { return &SessionStore{db: db} }

// FindCtx returns the data of an unexpired session.
func (s *SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var data []byte
	err := s.db.read.QueryRowContext(ctx, s.db.dialect.rebind("SELECT data FROM sessions WHERE token = ? AND expires_at > ?"),
		credential.HashSecret(token), formatTime(time.Now())).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	return data, err == nil, err
}

// CommitCtx saves a session's data until its expiry.
func (s *SessionStore) CommitCtx(ctx context.Context, token string, data []byte, expiry time.Time) error {
	_, err := s.db.write.ExecContext(ctx, s.db.dialect.rebind(`INSERT INTO sessions (token, data, expires_at) VALUES (?, ?, ?)
		ON CONFLICT (token) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`),
		credential.HashSecret(token), data, formatTime(expiry))
	return err
}

// DeleteCtx ends a session.
func (s *SessionStore) DeleteCtx(ctx context.Context, token string) error {
	_, err := s.db.write.ExecContext(ctx, s.db.dialect.rebind("DELETE FROM sessions WHERE token = ?"), credential.HashSecret(token))
	return err
}

// Find, Commit and Delete serve session managers that do not pass a context.
func (s *SessionStore) Find(token string) ([]byte, bool, error) {
	return s.FindCtx(context.Background(), token)
}

// Commit saves a session without a context.
func (s *SessionStore) Commit(token string, data []byte, expiry time.Time) error {
	return s.CommitCtx(context.Background(), token, data, expiry)
}

// Delete ends a session without a context.
func (s *SessionStore) Delete(token string) error { return s.DeleteCtx(context.Background(), token) }

// DeleteExpired removes sessions past their expiry; the server calls it now and then.
func (s *SessionStore) DeleteExpired(ctx context.Context) error {
	_, err := s.db.write.ExecContext(ctx, s.db.dialect.rebind("DELETE FROM sessions WHERE expires_at <= ?"), formatTime(time.Now()))
	return err
}
