package sqlstore

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/clause"
	"github.com/entente/entente/signature"
)

const signatureColumns = `id, agreement_id, text_version, key_id, signatory_id, signatory, party, public_key, digest, signature,
	snapshot_data, place, signed_on, meeting_id, signed_by, signed_by_name, created_at`

func scanSignature(s rowScanner) (*entente.AgreementSignature, error) {
	var g entente.AgreementSignature
	err := s.Scan(&g.ID, &g.AgreementID, &g.TextVersion, &g.KeyID, &g.SignatoryID, &g.Signatory, &g.Party, &g.PublicKey,
		&g.Digest, &g.Signature, &g.Snapshot, &g.Place, dateCol{&g.SignedOn}, idCol{&g.MeetingID}, idCol{&g.SignedBy},
		&g.SignedByName, timeCol{&g.CreatedAt})
	return &g, err
}

// signatures lists the signatures of an agreement in the order they were made.
func (tx *Tx) signatures(agreementID int64) ([]*entente.AgreementSignature, error) {
	out, err := scanAll(tx, "SELECT "+signatureColumns+" FROM agreement_signatures WHERE agreement_id = ? ORDER BY id",
		[]any{agreementID}, scanSignature)
	if out == nil {
		out = []*entente.AgreementSignature{}
	}
	return out, err
}

// FindSignatures lists the signatures of an agreement the caller may read.
func (s *SigningService) FindSignatures(ctx context.Context, agreementID int64) ([]*entente.AgreementSignature, error) {
	return view(ctx, s.db, func(tx *Tx) ([]*entente.AgreementSignature, error) {
		if _, err := tx.findAgreement(agreementID); err != nil {
			return nil, err
		}
		return tx.signatures(agreementID)
	})
}

// signing is what a signature request is checked against: the agreement, its roadmap, the key
// and the agreed version with its texts.
type signing struct {
	agreement *entente.Agreement
	roadmap   *entente.Roadmap
	key       *entente.SignatoryKey
	version   *entente.AgreementVersion
}

// checkSigning checks a request against the database: the caller may sign with the key for the
// party, the key is usable and registered for its signatory and the party, the text is agreed
// and approved by every party for this exact version. It runs before the key is unlocked and
// again when the signature is stored.
func (tx *Tx) checkSigning(req *entente.SignRequest) (*signing, error) {
	a, err := tx.findAgreement(req.AgreementID)
	if err != nil {
		return nil, err
	}
	r, err := tx.findRoadmap(a.RoadmapID)
	if err != nil {
		return nil, err
	}
	k, err := tx.key(req.KeyID)
	if err != nil {
		return nil, firstErr(err, fieldError("key_id", "no key with this id"))
	}
	withPassphrase := req.Passphrase != ""
	if !r.HasParty(req.Party) {
		return nil, fieldError("party", req.Party+" is not a party of this roadmap")
	}
	if err := entente.CheckKeyUsable(k, withPassphrase); err != nil {
		return nil, err
	}
	registry, err := tx.keys(entente.SignatoryKeyFilter{})
	if err != nil {
		return nil, err
	}
	pub, _ := hex.DecodeString(k.PublicKey)
	if err := signature.CheckKey(signatureKeys(registry), k.PersonID, req.Party, pub); err != nil {
		return nil, err
	}
	if !entente.CanSign(tx.caller, r, req.Party, k, withPassphrase) {
		return nil, entente.Denied(tx.caller, fmt.Sprintf("sign for %s with key %d", req.Party, k.ID))
	}
	chains, err := tx.approvalChains(a, r, req.TextVersion)
	if err != nil {
		return nil, err
	}
	if err := entente.CheckSignable(a, req.TextVersion, tx.caller.Party, chains); err != nil {
		return nil, err
	}
	v, err := tx.version(a.ID, req.TextVersion, true)
	if err != nil {
		return nil, err
	}
	return &signing{agreement: a, roadmap: r, key: k, version: v}, nil
}

// SignAgreement signs the agreed version for a party: it checks the request, unlocks the key
// with the passphrase (or checks the external signature), and stores the signature with the
// canonical snapshot of the texts in one transaction, in which the agreement becomes signed
// (and perhaps in force) once every party has signed.
func (s *SigningService) SignAgreement(ctx context.Context, req entente.SignRequest) (*entente.AgreementSignature, error) {
	if req.Party == "" {
		req.Party = entente.CallerFrom(ctx).Party
	}
	if err := req.Validate(s.db.Today()); err != nil {
		return nil, err
	}
	sg, err := view(ctx, s.db, func(tx *Tx) (*signing, error) { return tx.checkSigning(&req) })
	if err != nil {
		return nil, err
	}
	sig, err := s.makeSignature(ctx, sg, req)
	if err != nil {
		return nil, err
	}
	return change(ctx, s.db, func(tx *Tx) (*entente.AgreementSignature, error) {
		if _, _, err := tx.agreementForChange(req.AgreementID); err != nil {
			return nil, err
		}
		now, err := tx.checkSigning(&req)
		if err != nil {
			return nil, err
		}
		if now.version.Digest != sig.Digest {
			return nil, entente.Errorf(entente.ECONFLICT, "The text of version %d changed while it was being signed; nothing was signed.", req.TextVersion)
		}
		return tx.storeSignature(now, req, sig)
	})
}

// makeSignature signs the version with the unlocked key, or checks the external signature.
func (s *SigningService) makeSignature(ctx context.Context, sg *signing, req entente.SignRequest) (signature.Signature, error) {
	if req.Passphrase != "" {
		priv, err := s.unlock(ctx, sg.key, req.Passphrase)
		if err != nil {
			return signature.Signature{}, err
		}
		return signature.SignVersion(priv, *sg.version)
	}
	raw, err := decodeSignature(req.Signature)
	if err != nil {
		return signature.Signature{}, err
	}
	snapshot := clause.Canonical(sg.version.Texts)
	digest := sha256.Sum256(snapshot)
	pub, _ := hex.DecodeString(sg.key.PublicKey)
	if !ed25519.Verify(pub, signature.Message(sg.agreement.ID, sg.version.Number, digest), raw) {
		return signature.Signature{}, &entente.Error{Code: entente.EINVALID, Message: fmt.Sprintf(
			"The signature does not verify with key %d over agreement %d, version %d and digest %s: it was made over another text, version or agreement, or with another key.",
			sg.key.ID, sg.agreement.ID, sg.version.Number, hex.EncodeToString(digest[:6])),
			Fields: map[string]string{"signature": "does not verify over the agreed version"}}
	}
	return signature.Signature{PublicKey: pub, Version: sg.version.Number, Digest: hex.EncodeToString(digest[:]), Bytes: raw, Snapshot: snapshot}, nil
}

// decodeSignature reads 64 bytes written in hexadecimal or base64.
func decodeSignature(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if b, err := hex.DecodeString(s); err == nil && len(b) == ed25519.SignatureSize {
		return b, nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil && len(b) == ed25519.SignatureSize {
			return b, nil
		}
	}
	return nil, fieldError("signature", fmt.Sprintf("is not a %d-byte Ed25519 signature in hexadecimal or base64", ed25519.SignatureSize))
}

// storeSignature writes the signature and moves the agreement on when every party has signed.
func (tx *Tx) storeSignature(sg *signing, req entente.SignRequest, sig signature.Signature) (*entente.AgreementSignature, error) {
	a, k := sg.agreement, sg.key
	meetingID, place, err := tx.ceremony(a, req)
	if err != nil {
		return nil, err
	}
	c := tx.caller
	g := &entente.AgreementSignature{AgreementID: a.ID, TextVersion: sig.Version, KeyID: k.ID, SignatoryID: k.PersonID,
		Signatory: k.PersonName, Party: req.Party, PublicKey: k.PublicKey, Digest: sig.Digest, Signature: hex.EncodeToString(sig.Bytes),
		Snapshot: sig.Snapshot, Place: place, SignedOn: req.SignedOn, MeetingID: meetingID, SignedBy: c.UserID, SignedByName: c.Name,
		CreatedAt: tx.now}
	if g.SignedOn.IsZero() {
		g.SignedOn = tx.today()
	}
	var n int
	if n, err = tx.count("SELECT COUNT(*) FROM agreement_signatures WHERE agreement_id = ? AND text_version = ? AND signatory_id = ?",
		a.ID, g.TextVersion, g.SignatoryID); err != nil {
		return nil, err
	} else if n > 0 {
		return nil, entente.Errorf(entente.ECONFLICT, "%s has already signed version %d of agreement %d.", g.Signatory, g.TextVersion, a.ID)
	}
	g.ID, err = tx.insert("agreement_signatures", []colval{{"agreement_id", g.AgreementID}, {"text_version", g.TextVersion},
		{"key_id", g.KeyID}, {"signatory_id", g.SignatoryID}, {"signatory", g.Signatory}, {"party", g.Party},
		{"public_key", g.PublicKey}, {"digest", g.Digest}, {"signature", g.Signature}, {"snapshot_data", g.Snapshot},
		{"place", g.Place}, {"signed_on", dateArg(g.SignedOn)}, {"meeting_id", idArg(g.MeetingID)},
		{"signed_by", idArg(g.SignedBy)}, {"signed_by_name", g.SignedByName}, {"created_at", formatTime(g.CreatedAt)}})
	if err != nil {
		return nil, err
	}
	if err := tx.audit(auditRecord{action: "sign", entityType: "agreement_signature", entityID: g.ID, roadmapID: a.RoadmapID,
		after: map[string]any{"agreement_id": a.ID, "text_version": g.TextVersion, "signatory": g.Signatory, "party": g.Party,
			"key_id": g.KeyID, "digest": g.Digest, "signed_on": g.SignedOn, "place": g.Place}}); err != nil {
		return nil, err
	}
	return g, tx.settleSigned(sg, meetingID)
}

// settleSigned marks the agreement signed once every party has signed the version, and lets
// its rule bring it into force. A further signatory's signature leaves the day of signing.
func (tx *Tx) settleSigned(sg *signing, meetingID int64) error {
	all, err := tx.signatures(sg.agreement.ID)
	if err != nil {
		return err
	}
	on, complete := entente.SignaturesComplete(sg.roadmap.Parties, all, sg.version.Number)
	if !complete || sg.agreement.Status == entente.AgreementSigned {
		return nil
	}
	a := sg.agreement
	before := *a
	if err := a.MarkSigned(on, meetingID); err != nil {
		return err
	}
	if err := tx.settleInForce(a, sg.roadmap); err != nil {
		return err
	}
	return tx.saveAgreementState(&before, a, "update")
}

// ceremony finds the signing ceremony (the request's meeting, or the agreement's when it is a
// signing ceremony) and the place of signing (the request's, or the ceremony's location).
func (tx *Tx) ceremony(a *entente.Agreement, req entente.SignRequest) (int64, string, error) {
	id, place := req.MeetingID, req.Place
	if id == 0 && a.MeetingID != 0 {
		if m, err := tx.findMeeting(a.MeetingID); err == nil && m.Kind == "signing_ceremony" {
			id = m.ID
		}
	}
	if id == 0 {
		return 0, place, nil
	}
	m, err := tx.findMeeting(id)
	switch {
	case err != nil:
		return 0, "", firstErr(err, fieldError("meeting_id", "no meeting with this id"))
	case m.RoadmapID != a.RoadmapID:
		return 0, "", fieldError("meeting_id", "is a meeting of another roadmap")
	case m.Kind != "signing_ceremony":
		return 0, "", fieldError("meeting_id", "is not a signing ceremony")
	}
	if place == "" {
		place = m.Location
	}
	return id, place, nil
}

// signatureKeys turns registered keys into the signature package's registry.
func signatureKeys(keys []*entente.SignatoryKey) []signature.Key {
	out := make([]signature.Key, 0, len(keys))
	for _, k := range keys {
		pub, err := hex.DecodeString(k.PublicKey)
		if err != nil {
			continue
		}
		out = append(out, signature.Key{SignatoryID: k.PersonID, Signatory: k.PersonName, Party: k.Party, PublicKey: pub})
	}
	return out
}
