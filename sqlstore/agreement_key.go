package sqlstore

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/signature"
)

// Unlocking a sealed key costs about 27 ms of CPU and 19 MiB of memory (argon2id). A key's
// passphrase may be wrong at most maxUnlockFailures times within unlockWindow; then the key is
// locked until the oldest failure leaves the window. At most concurrentUnlocks passphrases are
// tried at once in one process, so that many requests cannot exhaust memory.
const (
	maxUnlockFailures = 5
	unlockWindow      = 15 * time.Minute
	concurrentUnlocks = 2
)

// SigningService implements entente.SigningService.
type SigningService struct {
	db      *DB
	unlocks chan struct{}
}

// NewSigningService returns the signing service of db.
func NewSigningService(db *DB) *SigningService {
	return &SigningService{db: db, unlocks: make(chan struct{}, concurrentUnlocks)}
}

const keyColumns = `id, party, person_id, person_name, user_id, origin, public_key, revoked, revoked_at, created_at`

func scanKey(s rowScanner) (*entente.SignatoryKey, error) {
	var k entente.SignatoryKey
	err := s.Scan(&k.ID, &k.Party, &k.PersonID, &k.PersonName, idCol{&k.UserID}, &k.Origin, &k.PublicKey, &k.Revoked,
		optTimeCol{&k.RevokedAt}, timeCol{&k.CreatedAt})
	if pub, decodeErr := hex.DecodeString(k.PublicKey); decodeErr == nil && len(pub) == ed25519.PublicKeySize {
		k.Fingerprint = signature.Fingerprint(pub)
	}
	return &k, err
}

// keys lists registered keys, revoked ones included, in id order.
func (tx *Tx) keys(f entente.SignatoryKeyFilter) ([]*entente.SignatoryKey, error) {
	w := where{}
	w.andIf(f.Party != "", "party = ?", f.Party)
	w.andIf(f.PersonID != 0, "person_id = ?", f.PersonID)
	w.andIf(f.UserID != 0, "user_id = ?", f.UserID)
	out, err := scanAll(tx, "SELECT "+keyColumns+" FROM signatory_keys"+w.sql()+" ORDER BY id", w.args, scanKey)
	if out == nil {
		out = []*entente.SignatoryKey{}
	}
	return out, err
}

// key loads one key.
func (tx *Tx) key(id int64) (*entente.SignatoryKey, error) {
	k, err := scanKey(tx.queryRow("SELECT "+keyColumns+" FROM signatory_keys WHERE id = ?", id))
	return k, notFoundIfNoRows(err, "key", id)
}

// FindSignatoryKeys lists registered keys; public keys are for everyone to check.
func (s *SigningService) FindSignatoryKeys(ctx context.Context, f entente.SignatoryKeyFilter) ([]*entente.SignatoryKey, error) {
	return view(ctx, s.db, func(tx *Tx) ([]*entente.SignatoryKey, error) { return tx.keys(f) })
}

// CreateSignatoryKey generates a key sealed by its holder's passphrase, or registers an
// external public key. The permission is checked before the key is generated, which takes a
// moment, and again when it is stored.
func (s *SigningService) CreateSignatoryKey(ctx context.Context, nk *entente.NewSignatoryKey) (*entente.SignatoryKey, error) {
	generated := nk.Passphrase != ""
	if generated && nk.UserID == 0 {
		nk.UserID = entente.CallerFrom(ctx).UserID
	}
	if err := nk.Validate(); err != nil {
		return nil, err
	}
	if _, err := view(ctx, s.db, func(tx *Tx) (*entente.Person, error) { return tx.keyHolder(nk, generated) }); err != nil {
		return nil, err
	}
	k := &entente.SignatoryKey{Origin: entente.KeyExternal, UserID: nk.UserID}
	var pub ed25519.PublicKey
	var sealed []byte
	var err error
	if generated {
		k.Origin = entente.KeyGenerated
		pub, sealed, err = signature.GenerateKey(nk.Passphrase)
	} else {
		pub, err = signature.ParsePublicKey(nk.PublicKey)
	}
	if err != nil {
		return nil, err
	}
	k.PublicKey, k.Fingerprint = hex.EncodeToString(pub), signature.Fingerprint(pub)
	return change(ctx, s.db, func(tx *Tx) (*entente.SignatoryKey, error) {
		p, err := tx.keyHolder(nk, generated)
		if err != nil {
			return nil, err
		}
		return k, tx.insertKey(k, p, string(sealed))
	})
}

// keyHolder finds the signatory of a new key and checks that the caller may register it, and
// that the holder of a generated key is a user of the signatory's party.
func (tx *Tx) keyHolder(nk *entente.NewSignatoryKey, generated bool) (*entente.Person, error) {
	p, err := tx.findPerson(nk.PersonID)
	if err != nil {
		return nil, firstErr(err, fieldError("person_id", "no person with this id"))
	}
	if !entente.CanRegisterKey(tx.caller, p.Party, generated, nk.UserID) {
		return nil, entente.Denied(tx.caller, "register a key for "+p.Name)
	}
	if generated {
		var party string
		if err := tx.queryRow("SELECT party FROM users WHERE id = ?", nk.UserID).Scan(&party); err != nil {
			return nil, firstErr(notFoundIfNoRows(err, "", 0), fieldError("user_id", "no user with this id"))
		}
		if party != p.Party {
			return nil, fieldError("user_id", fmt.Sprintf("the holder is a user of %s, the signatory of %s", party, p.Party))
		}
	}
	return p, nil
}

// insertKey stores a key; a public key registered already is ECONFLICT.
func (tx *Tx) insertKey(k *entente.SignatoryKey, p *entente.Person, sealed string) error {
	var holder string
	if err := tx.queryRow("SELECT person_name FROM signatory_keys WHERE public_key = ?", k.PublicKey).Scan(&holder); err == nil {
		return &entente.Error{Code: entente.ECONFLICT, Message: fmt.Sprintf("This public key (%s) is already registered, for %s.", k.Fingerprint, holder),
			Fields: map[string]string{"public_key": "is registered already"}}
	}
	k.Party, k.PersonID, k.PersonName, k.CreatedAt = p.Party, p.ID, p.Name, tx.now
	var err error
	k.ID, err = tx.insert("signatory_keys", []colval{{"party", k.Party}, {"person_id", k.PersonID}, {"person_name", k.PersonName},
		{"user_id", idArg(k.UserID)}, {"origin", k.Origin}, {"public_key", k.PublicKey}, {"sealed_key", sealed},
		{"revoked", false}, {"created_at", formatTime(k.CreatedAt)}})
	if err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "signatory_key", entityID: k.ID, after: k})
}

// RevokeSignatoryKey flags a key as revoked; it stays in the registry for verification.
func (s *SigningService) RevokeSignatoryKey(ctx context.Context, id int64) (*entente.SignatoryKey, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.SignatoryKey, error) {
		k, err := tx.key(id)
		if err != nil {
			return nil, err
		}
		if !entente.CanRevokeKey(tx.caller, k) {
			return nil, entente.Denied(tx.caller, "revoke this key")
		}
		if k.Revoked {
			return k, nil
		}
		before := *k
		k.Revoked, k.RevokedAt = true, &tx.now
		if _, err := tx.exec("UPDATE signatory_keys SET revoked = ?, revoked_at = ? WHERE id = ?", true, formatTime(tx.now), id); err != nil {
			return nil, err
		}
		return k, tx.audit(auditRecord{action: "revoke", entityType: "signatory_key", entityID: id, before: &before, after: k})
	})
}

// unlock opens a sealed key with the passphrase, refusing while the key is locked after
// repeated wrong passphrases and recording each wrong one in a transaction of its own.
func (s *SigningService) unlock(ctx context.Context, k *entente.SignatoryKey, passphrase string) (ed25519.PrivateKey, error) {
	sealed, err := view(ctx, s.db, func(tx *Tx) (string, error) {
		if err := tx.checkUnlockThrottle(k); err != nil {
			return "", err
		}
		var sealed string
		return sealed, tx.queryRow("SELECT sealed_key FROM signatory_keys WHERE id = ?", k.ID).Scan(&sealed)
	})
	if err != nil {
		return nil, err
	}
	select {
	case s.unlocks <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	priv, err := signature.Open([]byte(sealed), passphrase)
	<-s.unlocks
	if err == nil || entente.ErrorFields(err)["passphrase"] == "" {
		return priv, err
	}
	if _, recErr := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, tx.recordUnlockFailure(k) }); recErr != nil {
		return nil, recErr
	}
	return nil, err
}

// checkUnlockThrottle refuses a passphrase attempt on a key locked after repeated failures.
func (tx *Tx) checkUnlockThrottle(k *entente.SignatoryKey) error {
	since := tx.wallClock().Add(-unlockWindow)
	var n int
	var first time.Time
	if err := tx.queryRow("SELECT COUNT(*), MIN(failed_at) FROM key_unlock_failures WHERE key_id = ? AND failed_at > ?",
		k.ID, formatTime(since)).Scan(&n, timeCol{&first}); err != nil {
		return err
	}
	if n < maxUnlockFailures {
		return nil
	}
	return &entente.Error{Code: entente.EFORBIDDEN, Message: fmt.Sprintf(
		"The passphrase of key %d was wrong %d times; the key is locked until %s UTC.", k.ID, n, first.Add(unlockWindow).Format("15:04")),
		Fields: map[string]string{"passphrase": "too many wrong attempts"}}
}

// recordUnlockFailure records a wrong passphrase.
func (tx *Tx) recordUnlockFailure(k *entente.SignatoryKey) error {
	if _, err := tx.insert("key_unlock_failures", []colval{{"key_id", k.ID}, {"user_id", idArg(tx.caller.UserID)},
		{"failed_at", formatTime(tx.wallClock())}}); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "unlock_failed", entityType: "signatory_key", entityID: k.ID})
}
