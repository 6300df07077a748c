package entente

import (
	"context"
	"fmt"
	"time"
)

// Origins of a signatory's key.
const (
	KeyGenerated = "generated" // made in entente, the private key sealed by its holder's passphrase
	KeyExternal  = "external"  // a public key the signatory brought; entente never sees the private key
)

// SignatoryKey is an Ed25519 public key registered for a signatory (a person) of a party. A key
// generated in entente also has a holder, the account whose passphrase unlocks it. A revoked key
// stays in the registry, flagged, so that signatures made with it before can still be verified;
// it signs nothing more.
type SignatoryKey struct {
	ID          int64      `json:"id"`
	Party       string     `json:"party"`
	PersonID    int64      `json:"person_id"`
	PersonName  string     `json:"person_name"`
	UserID      int64      `json:"user_id,omitempty"`
	Origin      string     `json:"origin"`
	PublicKey   string     `json:"public_key"` // 64 hexadecimal digits
	Fingerprint string     `json:"fingerprint"`
	Revoked     bool       `json:"revoked"`
	RevokedAt   *time.Time `json:"revoked_at,omitempty"`
	CreatedAt   time.Time  `json:"created_at"`
}

// NewSignatoryKey asks for a key for a signatory: generated and sealed by the passphrase of its
// holder, or an external public key (hexadecimal, base64, an OpenSSH line or a PEM block).
type NewSignatoryKey struct {
	PersonID   int64  `json:"person_id"`
	UserID     int64  `json:"user_id,omitempty"` // the holder of a generated key: the caller when 0
	Passphrase string `json:"passphrase,omitempty"`
	PublicKey  string `json:"public_key,omitempty"`
}

// Validate checks that exactly one of passphrase and public key is given.
func (k *NewSignatoryKey) Validate() error {
	probs := Problems{}
	if k.PersonID <= 0 {
		probs.Add("person_id", "is required: the signatory")
	}
	switch {
	case k.Passphrase == "" && k.PublicKey == "":
		probs.Add("passphrase", "give a passphrase to generate a key, or a public key to register")
	case k.Passphrase != "" && k.PublicKey != "":
		probs.Add("public_key", "give a passphrase or a public key, not both")
	case k.PublicKey != "" && k.UserID != 0:
		probs.Add("user_id", "an external key has no holder in entente")
	}
	return probs.Err("key")
}

// CanRegisterKey reports whether the caller may register a key for a signatory of a party: a
// generated key only for themselves (the passphrase is theirs alone), an external key for any
// signatory of their own party; the system and the installation's administrators for anyone,
// except that only the system generates keys for others.
func CanRegisterKey(c *Caller, party string, generated bool, holder int64) bool {
	switch {
	case !CanWrite(c):
		return false
	case c.System:
		return true
	case generated:
		return holder == c.UserID && c.Party == party
	}
	return c.Admin || c.Party == party
}

// CanRevokeKey reports whether the caller may revoke a key: its holder, users of its party and
// the installation's administrators.
func CanRevokeKey(c *Caller, k *SignatoryKey) bool {
	return CanWrite(c) && (c.System || c.Admin || c.Party == k.Party || (k.UserID != 0 && k.UserID == c.UserID))
}

// SignatoryKeyFilter selects keys.
type SignatoryKeyFilter struct {
	Party    string
	PersonID int64
	UserID   int64
}

// AgreementSignature is one signatory's signature on a version of an agreement: the signed
// digest, the signature, the public key it verifies with, the canonical snapshot of the texts
// that were signed (so that a later change can be named), and the place and day of signing.
type AgreementSignature struct {
	ID           int64     `json:"id"`
	AgreementID  int64     `json:"agreement_id"`
	TextVersion  int       `json:"text_version"`
	KeyID        int64     `json:"key_id"`
	SignatoryID  int64     `json:"signatory_id"` // the person
	Signatory    string    `json:"signatory"`
	Party        string    `json:"party"`
	PublicKey    string    `json:"public_key"` // hex
	Digest       string    `json:"digest"`     // hex SHA-256 of Snapshot
	Signature    string    `json:"signature"`  // hex Ed25519 signature
	Snapshot     []byte    `json:"snapshot"`   // the canonical form of the signed texts
	Place        string    `json:"place,omitempty"`
	SignedOn     Date      `json:"signed_on"`
	MeetingID    int64     `json:"meeting_id,omitempty"` // the signing ceremony
	SignedBy     int64     `json:"signed_by,omitempty"`  // the user who recorded it
	SignedByName string    `json:"signed_by_name,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
}

// SignRequest signs a version for a party with a registered key: with the holder's passphrase
// (a generated key), or by recording a signature made outside entente (an external key), given
// in hexadecimal or base64 over the message the signature package defines.
type SignRequest struct {
	AgreementID int64  `json:"-"`
	TextVersion int    `json:"text_version"`
	Party       string `json:"party,omitempty"` // the caller's party when empty
	KeyID       int64  `json:"key_id"`
	Passphrase  string `json:"passphrase,omitempty"`
	Signature   string `json:"signature,omitempty"`
	Place       string `json:"place,omitempty"`      // the ceremony's location when empty
	SignedOn    Date   `json:"signed_on,omitzero"`   // today when zero
	MeetingID   int64  `json:"meeting_id,omitempty"` // the signing ceremony; the agreement's when 0
}

// Validate checks the request's fields.
func (r *SignRequest) Validate(today Date) error {
	probs := Problems{}
	if r.TextVersion < 1 {
		probs.Add("text_version", "is required: the number of the agreed version")
	}
	if !ValidPartyCode(r.Party) {
		probs.Add("party", "is required: the party signing")
	}
	if r.KeyID <= 0 {
		probs.Add("key_id", "is required: the signatory's key")
	}
	switch {
	case r.Passphrase == "" && r.Signature == "":
		probs.Add("passphrase", "is required to sign with a key generated in entente")
	case r.Passphrase != "" && r.Signature != "":
		probs.Add("signature", "give a passphrase or an external signature, not both")
	}
	checkText(probs, "place", r.Place, false, 200)
	if r.SignedOn.After(today) {
		probs.Addf("signed_on", "is after today (%s)", today)
	}
	return probs.Err("signature")
}

// CanSign reports whether the caller may sign for a party with a key: the key's holder with
// the passphrase, or, for an external key, a member of the party who records the signature the
// signatory made. Either way the caller must be of the party and read the roadmap.
func CanSign(c *Caller, r *Roadmap, party string, k *SignatoryKey, withPassphrase bool) bool {
	switch {
	case !CanWrite(c):
		return false
	case c.System:
		return true
	case c.Party != party || c.RoleIn(r.ID) == "":
		return false
	case withPassphrase:
		return k.UserID != 0 && k.UserID == c.UserID
	}
	return k.Origin == KeyExternal
}

// CheckKeyUsable refuses a revoked key, and a passphrase for an external key or an external
// signature for a generated one.
func CheckKeyUsable(k *SignatoryKey, withPassphrase bool) error {
	switch {
	case k.Revoked:
		return &Error{Code: EINVALID, Message: fmt.Sprintf("Key %d of %s was revoked; it signs nothing more.", k.ID, k.PersonName),
			Fields: map[string]string{"key_id": "is revoked"}}
	case withPassphrase && k.Origin != KeyGenerated:
		return &Error{Code: EINVALID, Message: fmt.Sprintf("Key %d is an external key; entente holds no private key to unlock with a passphrase. Record the signature made with it instead.", k.ID),
			Fields: map[string]string{"passphrase": "the key is external"}}
	case !withPassphrase && k.Origin != KeyExternal:
		return &Error{Code: EINVALID, Message: fmt.Sprintf("Key %d was generated in entente; sign with its passphrase.", k.ID),
			Fields: map[string]string{"signature": "the key was generated in entente"}}
	}
	return nil
}

// SignaturesComplete reports whether every party has signed the version, and the day of the
// last signature.
func SignaturesComplete(parties []string, signatures []*AgreementSignature, textVersion int) (Date, bool) {
	var last Date
	for _, party := range parties {
		signed := false
		for _, s := range signatures {
			if s.Party == party && s.TextVersion == textVersion {
				signed = true
				if s.SignedOn.After(last) {
					last = s.SignedOn
				}
			}
		}
		if !signed {
			return Date{}, false
		}
	}
	return last, len(parties) > 0
}

// MarkSigned moves an agreement whose parties have all signed to "signed", on the day of the
// last signature and at the ceremony, if one is named.
func (a *Agreement) MarkSigned(on Date, meetingID int64) error {
	if err := a.Advance(AgreementSigned); err != nil {
		return err
	}
	a.SignedOn = on
	if meetingID != 0 {
		a.MeetingID = meetingID
	}
	return nil
}

// Verification is the outcome of verifying an agreement's signatures: each signature verifies
// with a key registered for its signatory and party, over the agreement, version and digest it
// names, and the stored text still hashes to what was signed. When it does not, Differences
// name what changed (by language, part and article).
type Verification struct {
	AgreementID int64                 `json:"agreement_id"`
	OK          bool                  `json:"ok"`
	Signatures  []SignatureCheck      `json:"signatures"`
	Problems    []VerificationFailure `json:"problems,omitempty"`
}

// SignatureCheck is the outcome for one signature.
type SignatureCheck struct {
	ID          int64                 `json:"id,omitempty"`
	SignatoryID int64                 `json:"signatory_id"`
	Signatory   string                `json:"signatory"`
	Party       string                `json:"party"`
	Version     int                   `json:"version"`
	Digest      string                `json:"digest"`
	OK          bool                  `json:"ok"`
	Failures    []VerificationFailure `json:"failures,omitempty"`
	Differences []TextDifference      `json:"differences,omitempty"`
}

// VerificationFailure is one thing wrong: a code and a sentence.
type VerificationFailure struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// TextDifference is one way the stored text differs from what was signed.
type TextDifference struct {
	Language string `json:"language"`
	Part     string `json:"part"`
	Article  string `json:"article,omitempty"`
	Change   string `json:"change"`
	Detail   string `json:"detail,omitempty"`
}

// SigningService manages signatories' keys and the signatures on agreements. Anyone signed in
// reads the keys (they are public); reading signatures and verifying needs read access to the
// roadmap. Keys are registered as CanRegisterKey says (EFORBIDDEN otherwise). Signing is refused
// with the reason (EINVALID) until the text is agreed and every party has approved the agreed
// version at every step; a wrong passphrase is EINVALID, and after repeated wrong passphrases
// the key is locked for a while (EFORBIDDEN); a key of another signatory or party is EFORBIDDEN.
// When every party has signed, the agreement is signed and, by its rule, may enter into force.
type SigningService interface {
	FindSignatoryKeys(ctx context.Context, filter SignatoryKeyFilter) ([]*SignatoryKey, error)
	CreateSignatoryKey(ctx context.Context, k *NewSignatoryKey) (*SignatoryKey, error)
	RevokeSignatoryKey(ctx context.Context, id int64) (*SignatoryKey, error)
	FindSignatures(ctx context.Context, agreementID int64) ([]*AgreementSignature, error)
	SignAgreement(ctx context.Context, req SignRequest) (*AgreementSignature, error)
	VerifyAgreement(ctx context.Context, agreementID int64) (*Verification, error)
}
