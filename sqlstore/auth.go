package sqlstore

import (
	"context"
	"strings"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/credential"
)

// Sign-in throttling: after accountLimit failures for one e-mail address, or addressLimit from
// one network address, within throttleWindow, further attempts are refused without checking
// the password until the window has passed.
const (
	accountLimit   = 5
	addressLimit   = 30
	throttleWindow = 15 * time.Minute
	resetLifetime  = 24 * time.Hour
)

// errSignIn is the one answer to every refused sign-in, so that it never tells whether the
// account exists, is disabled, or is locked.
var errSignIn = &entente.Error{Code: entente.EUNAUTHORIZED,
	Message: "The e-mail address or the password is not right, or sign-in is paused after too many attempts. Try again later."}

// AuthService implements entente.AuthService.
type AuthService struct{ db *DB }

// NewAuthService returns the authentication service of db.
func NewAuthService(db *DB) *AuthService { return &AuthService{db: db} }

// SignIn checks an e-mail address and password.
func (s *AuthService) SignIn(ctx context.Context, email, password, address string) (*entente.User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	type result struct {
		user *entente.User
		ok   bool
	}
	r, err := change(ctx, s.db, func(tx *Tx) (result, error) {
		throttled, err := tx.throttled(email, address)
		if err != nil {
			return result{}, err
		}
		u, hash, err := tx.userForSignIn(email)
		if err != nil {
			return result{}, err
		}
		ok := false
		switch {
		case throttled:
		case u == nil:
			credential.CheckNothing(password)
		default:
			ok, _ = credential.CheckPassword(password, hash)
			ok = ok && !u.Disabled
		}
		if !ok {
			return result{}, tx.recordFailure(email, address, u, throttled)
		}
		if err := tx.fillUser(u); err != nil {
			return result{}, err
		}
		tx.caller = &entente.Caller{UserID: u.ID, Name: u.Name, Party: u.Party}
		return result{u, true}, tx.audit(auditRecord{action: "sign_in", entityType: "user", entityID: u.ID,
			after: map[string]string{"address": address}})
	})
	if err != nil {
		return nil, err
	}
	if !r.ok {
		return nil, errSignIn
	}
	return r.user, nil
}

func (tx *Tx) throttled(email, address string) (bool, error) {
	since := formatTime(tx.wallClock().Add(-throttleWindow))
	byAccount, err := tx.count("SELECT COUNT(*) FROM sign_in_failures WHERE email = ? AND at > ?", email, since)
	if err != nil {
		return false, err
	}
	byAddress, err := tx.count("SELECT COUNT(*) FROM sign_in_failures WHERE address = ? AND at > ?", address, since)
	return byAccount >= accountLimit || byAddress >= addressLimit, err
}

// userForSignIn returns the user with the address and their password hash, or nil.
func (tx *Tx) userForSignIn(email string) (*entente.User, string, error) {
	var hash string
	u, err := scanUser(tx.queryRow("SELECT "+userColumns+" FROM users WHERE email = ?", email))
	if err != nil {
		if entente.ErrorCode(notFoundIfNoRows(err, "", nil)) == entente.ENOTFOUND {
			return nil, "", nil
		}
		return nil, "", err
	}
	err = tx.queryRow("SELECT password_hash FROM users WHERE id = ?", u.ID).Scan(&hash)
	return u, hash, err
}

// recordFailure keeps a failed attempt for throttling and the audit trail. The failure is
// committed: the caller returns the refusal only after the transaction ends.
func (tx *Tx) recordFailure(email, address string, u *entente.User, throttled bool) error {
	if _, err := tx.exec("INSERT INTO sign_in_failures (email, address, at) VALUES (?, ?, ?)", email, address, formatTime(tx.wallClock())); err != nil {
		return err
	}
	// Old failures no longer count; drop them as we go.
	if _, err := tx.exec("DELETE FROM sign_in_failures WHERE at < ?", formatTime(tx.wallClock().Add(-24*time.Hour))); err != nil {
		return err
	}
	id := any("")
	if u != nil {
		id = u.ID
	}
	return tx.audit(auditRecord{action: "sign_in_failed", entityType: "user", entityID: id,
		after: map[string]any{"email": email, "address": address, "throttled": throttled}})
}

// CallerForUser loads the caller of a browser session.
func (s *AuthService) CallerForUser(ctx context.Context, userID int64, signedInAt time.Time) (*entente.Caller, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.Caller, error) {
		u, err := tx.loadUser("id = ?", userID)
		if err != nil {
			return nil, entente.Errorf(entente.EUNAUTHORIZED, "Your session has ended; sign in again.")
		}
		var changed time.Time
		if err := tx.queryRow("SELECT password_changed_at FROM users WHERE id = ?", userID).Scan(timeCol{&changed}); err != nil {
			return nil, err
		}
		if u.Disabled || changed.After(signedInAt) {
			return nil, entente.Errorf(entente.EUNAUTHORIZED, "Your session has ended; sign in again.")
		}
		return u.Caller(), nil
	})
}

// CallerForToken loads the caller of an API token and notes when it was last used.
func (s *AuthService) CallerForToken(ctx context.Context, secret string) (*entente.Caller, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Caller, error) {
		var id, userID int64
		var scope string
		var revoked *time.Time
		err := tx.queryRow("SELECT id, user_id, scope, revoked_at FROM api_tokens WHERE hash = ?", credential.HashSecret(secret)).
			Scan(&id, &userID, &scope, optTimeCol{&revoked})
		if err != nil || revoked != nil {
			return nil, entente.Errorf(entente.EUNAUTHORIZED, "The API token is not valid: it is unknown or was revoked.")
		}
		u, err := tx.loadUser("id = ?", userID)
		if err != nil || u.Disabled {
			return nil, entente.Errorf(entente.EUNAUTHORIZED, "The API token's account is disabled.")
		}
		if _, err := tx.exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", formatTime(tx.now), id); err != nil {
			return nil, err
		}
		c := u.Caller()
		c.TokenScope = scope
		return c, nil
	})
}

// ChangePassword sets the caller's new password after checking the old one. Sessions signed
// in before the change end.
func (s *UserService) ChangePassword(ctx context.Context, oldPassword, newPassword string) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		c := tx.caller
		if c.IsAnonymous() || c.System || c.TokenScope != "" {
			return struct{}{}, entente.Errorf(entente.EFORBIDDEN, "Sign in with your password to change it.")
		}
		var hash string
		if err := tx.queryRow("SELECT password_hash FROM users WHERE id = ?", c.UserID).Scan(&hash); err != nil {
			return struct{}{}, err
		}
		if ok, _ := credential.CheckPassword(oldPassword, hash); !ok {
			return struct{}{}, fieldError("old_password", "is not your current password")
		}
		return struct{}{}, tx.setPassword(c.UserID, newPassword, "password_changed")
	})
	return err
}

func (tx *Tx) setPassword(userID int64, password, action string) error {
	if err := entente.CheckPassword("new_password", password); err != nil {
		return err
	}
	hash, err := credential.HashPassword(password)
	if err != nil {
		return err
	}
	if _, err := tx.exec("UPDATE users SET password_hash = ?, password_changed_at = ?, version = version + 1 WHERE id = ?",
		hash, formatTime(tx.wallClock()), userID); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: action, entityType: "user", entityID: userID})
}

// CreatePasswordReset makes a one-time link secret for a user; administrators of the
// installation may. It expires after a day.
func (s *UserService) CreatePasswordReset(ctx context.Context, userID int64) (string, error) {
	return change(ctx, s.db, func(tx *Tx) (string, error) {
		if !entente.CanAdminister(tx.caller) {
			return "", entente.Denied(tx.caller, "reset passwords")
		}
		if _, err := tx.loadUser("id = ?", userID); err != nil {
			return "", err
		}
		secret := credential.NewSecret("reset_")
		if _, err := tx.insert("password_resets", []colval{{"user_id", userID}, {"hash", credential.HashSecret(secret)},
			{"created_at", formatTime(tx.wallClock())}, {"expires_at", formatTime(tx.wallClock().Add(resetLifetime))}}); err != nil {
			return "", err
		}
		return secret, tx.audit(auditRecord{action: "password_reset_created", entityType: "user", entityID: userID})
	})
}

// ResetPassword sets a new password with a reset secret, which then stops working.
func (s *UserService) ResetPassword(ctx context.Context, secret, newPassword string) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		var id, userID int64
		var expires time.Time
		var used *time.Time
		err := tx.queryRow("SELECT id, user_id, expires_at, used_at FROM password_resets WHERE hash = ?", credential.HashSecret(secret)).
			Scan(&id, &userID, timeCol{&expires}, optTimeCol{&used})
		if err != nil || used != nil || tx.wallClock().After(expires) {
			return struct{}{}, entente.Errorf(entente.EINVALID, "This reset link is not valid: it was used already, has expired, or was mistyped.")
		}
		if _, err := tx.exec("UPDATE password_resets SET used_at = ? WHERE id = ?", formatTime(tx.wallClock()), id); err != nil {
			return struct{}{}, err
		}
		tx.caller = &entente.Caller{UserID: userID, Name: "password reset"}
		return struct{}{}, tx.setPassword(userID, newPassword, "password_reset")
	})
	return err
}

// CreateAPIToken makes a token for the caller; the secret is returned once and never stored.
func (s *UserService) CreateAPIToken(ctx context.Context, name, scope string) (string, *entente.APIToken, error) {
	var secret string
	t, err := change(ctx, s.db, func(tx *Tx) (*entente.APIToken, error) {
		c := tx.caller
		if c.IsAnonymous() || c.System || c.TokenScope != "" {
			return nil, entente.Errorf(entente.EFORBIDDEN, "Sign in with your password to make API tokens.")
		}
		probs := entente.Problems{}
		if strings.TrimSpace(name) == "" || len(name) > 100 {
			probs.Add("name", "is required (at most 100 characters)")
		}
		if scope != entente.TokenScopeRead && scope != entente.TokenScopeWrite {
			probs.Add("scope", "must be read or write")
		}
		if err := probs.Err("token"); err != nil {
			return nil, err
		}
		secret = credential.NewSecret("ent_")
		t := &entente.APIToken{UserID: c.UserID, Name: name, Scope: scope, Prefix: secret[:10], CreatedAt: tx.now}
		var err error
		if t.ID, err = tx.insert("api_tokens", []colval{{"user_id", t.UserID}, {"name", name}, {"scope", scope},
			{"hash", credential.HashSecret(secret)}, {"prefix", t.Prefix}, {"created_at", formatTime(tx.now)}}); err != nil {
			return nil, err
		}
		return t, tx.audit(auditRecord{action: "create", entityType: "api_token", entityID: t.ID, after: t})
	})
	if err != nil {
		return "", nil, err
	}
	return secret, t, nil
}

// FindAPITokens lists the caller's tokens.
func (s *UserService) FindAPITokens(ctx context.Context) ([]*entente.APIToken, error) {
	return view(ctx, s.db, func(tx *Tx) ([]*entente.APIToken, error) {
		return scanAll(tx, "SELECT id, user_id, name, scope, prefix, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = ? ORDER BY id",
			[]any{tx.caller.UserID}, func(s rowScanner) (*entente.APIToken, error) {
				var t entente.APIToken
				err := s.Scan(&t.ID, &t.UserID, &t.Name, &t.Scope, &t.Prefix, timeCol{&t.CreatedAt}, optTimeCol{&t.LastUsedAt}, optTimeCol{&t.RevokedAt})
				return &t, err
			})
	})
}

// RevokeAPIToken ends one of the caller's tokens (administrators may end anyone's).
func (s *UserService) RevokeAPIToken(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		var owner int64
		if err := tx.queryRow("SELECT user_id FROM api_tokens WHERE id = ?", id).Scan(&owner); err != nil {
			return struct{}{}, notFoundIfNoRows(err, "API token", id)
		}
		if owner != tx.caller.UserID && !entente.CanAdminister(tx.caller) {
			return struct{}{}, entente.NotFound("API token", id)
		}
		if !entente.CanWrite(tx.caller) {
			return struct{}{}, entente.Denied(tx.caller, "revoke tokens")
		}
		if _, err := tx.exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", formatTime(tx.now), id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "revoke", entityType: "api_token", entityID: id})
	})
	return err
}
