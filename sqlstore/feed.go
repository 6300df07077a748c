package sqlstore

import (
	"context"
	"strings"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/credential"
)

// FeedService implements entente.FeedService.
type FeedService struct{ db *DB }

// NewFeedService returns the calendar feed service of db.
func NewFeedService(db *DB) *FeedService { return &FeedService{db: db} }

// errFeedLink is the one answer to a feed secret that opens nothing, so that it never tells
// whether the link existed.
var errFeedLink = entente.Errorf(entente.ENOTFOUND, "This calendar feed does not exist: the link is mistyped or was revoked.")

const feedLinkColumns = "id, user_id, name, created_at, last_used_at, revoked_at"

func scanFeedLink(s rowScanner) (*entente.FeedLink, error) {
	var l entente.FeedLink
	err := s.Scan(&l.ID, &l.UserID, &l.Name, timeCol{&l.CreatedAt}, optTimeCol{&l.LastUsedAt}, optTimeCol{&l.RevokedAt})
	return &l, err
}

// CreateFeedLink makes a feed link for the caller; the secret is returned once and only its
// hash is kept, so neither the database nor the audit trail holds it.
func (s *FeedService) CreateFeedLink(ctx context.Context, name string) (string, *entente.FeedLink, error) {
	var secret string
	l, err := change(ctx, s.db, func(tx *Tx) (*entente.FeedLink, error) {
		c := tx.caller
		if !entente.CanMakeFeedLink(c) {
			return nil, entente.Errorf(entente.EFORBIDDEN, "Sign in with your password to make calendar feed links.")
		}
		name = strings.TrimSpace(name)
		if name == "" || len([]rune(name)) > 100 {
			return nil, fieldError("name", "is required (at most 100 characters)")
		}
		secret = credential.NewSecret("feed_")
		l := &entente.FeedLink{UserID: c.UserID, Name: name, CreatedAt: tx.now}
		var err error
		if l.ID, err = tx.insert("feed_links", []colval{{"user_id", l.UserID}, {"name", name},
			{"hash", credential.HashSecret(secret)}, {"created_at", formatTime(tx.now)}}); err != nil {
			return nil, err
		}
		return l, tx.audit(auditRecord{action: "create", entityType: "feed_link", entityID: l.ID, after: l})
	})
	if err != nil {
		return "", nil, err
	}
	return secret, l, nil
}

// FindFeedLinks lists the caller's feed links, the revoked ones too.
func (s *FeedService) FindFeedLinks(ctx context.Context) ([]*entente.FeedLink, error) {
	return view(ctx, s.db, func(tx *Tx) ([]*entente.FeedLink, error) {
		if tx.caller.IsAnonymous() {
			return nil, entente.Denied(tx.caller, "see your calendar feed links")
		}
		return scanAll(tx, "SELECT "+feedLinkColumns+" FROM feed_links WHERE user_id = ? ORDER BY id",
			[]any{tx.caller.UserID}, scanFeedLink)
	})
}

// RevokeFeedLink ends one of the caller's feed links; administrators of the installation may
// end anyone's. Revoking a revoked link changes nothing.
func (s *FeedService) RevokeFeedLink(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		var owner int64
		if err := tx.queryRow("SELECT user_id FROM feed_links WHERE id = ?", id).Scan(&owner); err != nil {
			return struct{}{}, notFoundIfNoRows(err, "calendar feed link", id)
		}
		if owner != tx.caller.UserID && !entente.CanAdminister(tx.caller) {
			return struct{}{}, entente.NotFound("calendar feed link", id)
		}
		if !entente.CanWrite(tx.caller) {
			return struct{}{}, entente.Denied(tx.caller, "revoke calendar feed links")
		}
		res, err := tx.exec("UPDATE feed_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", formatTime(tx.now), id)
		if err != nil {
			return struct{}{}, err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return struct{}{}, nil
		}
		return struct{}{}, tx.audit(auditRecord{action: "revoke", entityType: "feed_link", entityID: id})
	})
	return err
}

// CallerForFeed finds the owner of a feed secret and notes when the link was last used. The
// caller may only read, as with a read-only API token.
func (s *FeedService) CallerForFeed(ctx context.Context, secret string) (*entente.Caller, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Caller, error) {
		var id, userID int64
		var revoked *time.Time
		err := tx.queryRow("SELECT id, user_id, revoked_at FROM feed_links WHERE hash = ?", credential.HashSecret(secret)).
			Scan(&id, &userID, optTimeCol{&revoked})
		if err != nil || revoked != nil {
			return nil, errFeedLink
		}
		u, err := tx.loadUser("id = ?", userID)
		if err != nil || u.Disabled {
			return nil, errFeedLink
		}
		if _, err := tx.exec("UPDATE feed_links SET last_used_at = ? WHERE id = ?", formatTime(tx.now), id); err != nil {
			return nil, err
		}
		c := u.Caller()
		c.TokenScope = entente.TokenScopeRead
		return c, nil
	})
}
