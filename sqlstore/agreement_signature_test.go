package sqlstore_test

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/clause"
	"github.com/entente/entente/signature"
	"github.com/entente/entente/sqlstore"
)

func TestApprovalsFollowTheSteps(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newAgreementFixture(t, db)
		f.save(t, blrDesk, 0, 0, entente.ScopeShared, 30)
		decide := func(user int64, step, version int, decision, note string) error {
			_, err := f.approvals.DecideApproval(f.as(user), f.mou.ID, entente.ApprovalDecision{Step: step, TextVersion: version, Decision: decision, Note: note})
			return err
		}
		wantMessage(t, decide(pakDesk, 1, 1, "approved", ""), entente.EINVALID, "Only an agreed text is approved")
		a, _ := f.services.agreements.FindAgreementByID(system(), f.mou.ID)
		_, err := f.texts.AgreeText(f.as(pakDesk), f.mou.ID, entente.AgreedText{Version: a.Version, TextVersion: 1})
		must(t, err)
		wantMessage(t, decide(pakLawyer, 2, 1, "approved", ""), entente.EINVALID, "waits for step 1")
		wantCode(t, decide(pakLawyer, 1, 1, "approved", ""), entente.EFORBIDDEN)
		wantCode(t, decide(blrDesk, 1, 2, "approved", ""), entente.EINVALID)
		must(t, decide(pakDesk, 1, 1, "approved", ""))
		wantCode(t, decide(pakDesk, 1, 1, "approved", ""), entente.ECONFLICT)
		must(t, decide(pakLawyer, 2, 1, "returned", "Article 3 must name the Ministry of Foreign Affairs as the channel."))

		// Belarus sees that Pakistan's chain is in progress, not how.
		ov, err := f.approvals.FindApprovals(f.as(blrDesk), f.mou.ID, 0)
		must(t, err)
		pak := ov.Chains[0]
		if ov.TextVersion != 1 || pak.Party != "PAK" || !pak.Withheld || pak.Steps[1].Decision != nil || len(ov.History) != 0 {
			t.Fatalf("Belarus sees %+v", ov)
		}
		ov, err = f.approvals.FindApprovals(f.as(pakDesk), f.mou.ID, 0)
		must(t, err)
		if st := ov.Chains[0].Steps[1]; st.State != entente.StepReturned || !strings.Contains(st.Decision.Note, "Article 3") {
			t.Fatalf("Pakistan sees step 2 as %+v", st)
		}
		// The Ministry of Law approves after all: the chain is complete, and its approvals are shared.
		must(t, decide(pakLawyer, 2, 1, "approved", ""))
		ov, err = f.approvals.FindApprovals(f.as(blrDesk), f.mou.ID, 1)
		must(t, err)
		if !ov.Chains[0].Complete || ov.Chains[0].Withheld || len(ov.History) != 2 {
			t.Fatalf("Belarus sees the complete chain as %+v, history %d", ov.Chains[0], len(ov.History))
		}
		for _, h := range ov.History {
			if h.Decision != entente.ApprovalApproved {
				t.Fatalf("Belarus sees a %s", h.Decision)
			}
		}
	})
}

func TestSigningIsRefusedWithAReason(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newAgreementFixture(t, db)
		f.save(t, blrDesk, 0, 0, entente.ScopeShared, 30)
		f.save(t, pakDesk, 1, 1, entente.ScopeShared, 60)
		sign := func(user int64, req entente.SignRequest) error {
			req.AgreementID = f.mou.ID
			_, err := f.signing.SignAgreement(f.as(user), req)
			return err
		}
		pak := entente.SignRequest{TextVersion: 2, KeyID: f.pakKey.ID, Passphrase: passphrase}
		wantMessage(t, sign(pakSignUser, pak), entente.EINVALID, "its text is not agreed (the agreement is negotiating)")
		a, _ := f.services.agreements.FindAgreementByID(system(), f.mou.ID)
		_, err := f.texts.AgreeText(f.as(blrDesk), f.mou.ID, entente.AgreedText{Version: a.Version, TextVersion: 2})
		must(t, err)
		wantMessage(t, sign(pakSignUser, pak), entente.EINVALID, "PAK has not approved version 2 at every step (next: step 1, Line ministry)")
		wantMessage(t, sign(blrSignUser, entente.SignRequest{TextVersion: 2, KeyID: f.blrKey.ID, Passphrase: passphrase}),
			entente.EINVALID, "PAK has not approved version 2 at every step.")
		for _, d := range []struct {
			user int64
			step int
		}{{pakDesk, 1}, {pakLawyer, 2}, {blrDesk, 1}} {
			_, err := f.approvals.DecideApproval(f.as(d.user), f.mou.ID, entente.ApprovalDecision{Step: d.step, TextVersion: 2, Decision: "approved"})
			must(t, err)
		}
		tests := []struct {
			name string
			user int64
			req  entente.SignRequest
			code string
			want string
		}{
			{"another version", pakSignUser, entente.SignRequest{TextVersion: 1, KeyID: f.pakKey.ID, Passphrase: passphrase}, entente.EINVALID,
				"version 1 is not the agreed text; version 2 is"},
			{"a wrong passphrase", pakSignUser, entente.SignRequest{TextVersion: 2, KeyID: f.pakKey.ID, Passphrase: "Minsk, December 2024"},
				entente.EINVALID, "The passphrase does not open this key."},
			{"a key of the wrong party", blrSignUser, entente.SignRequest{TextVersion: 2, KeyID: f.pakKey.ID, Passphrase: passphrase},
				entente.EFORBIDDEN, "is registered for Ishaq Dar of PAK, not of BLR"},
			{"someone else's key", pakDesk, pak, entente.EFORBIDDEN, "You may not sign for PAK with key"},
			{"a passphrase for nothing", pakSignUser, entente.SignRequest{TextVersion: 2, KeyID: f.pakKey.ID, Signature: strings.Repeat("ab", 64)},
				entente.EINVALID, "sign with its passphrase"},
			{"a meeting that is not a ceremony", pakSignUser, entente.SignRequest{TextVersion: 2, KeyID: f.pakKey.ID, Passphrase: passphrase,
				MeetingID: mustMeeting(t, f, "call")}, entente.EINVALID, "meeting_id"},
		}
		for _, tt := range tests {
			err := sign(tt.user, tt.req)
			if entente.ErrorCode(err) != tt.code || !strings.Contains(entente.ErrorMessage(err)+entente.ErrorFields(err)["meeting_id"], tt.want) &&
				entente.ErrorFields(err)[tt.want] == "" {
				t.Errorf("%s: %v, want %s with %q", tt.name, err, tt.code, tt.want)
			}
		}
		sigs, err := f.signing.FindSignatures(system(), f.mou.ID)
		must(t, err)
		if len(sigs) != 0 {
			t.Fatalf("refused requests left %d signatures", len(sigs))
		}
	})
}

func mustMeeting(t testing.TB, f *agreementFixture, kind string) int64 {
	m := &entente.Meeting{RoadmapID: f.roadmap.ID, Kind: kind, Title: "A " + kind}
	must(t, f.services.meetings.CreateMeeting(system(), m))
	return m.ID
}

func TestRepeatedWrongPassphrasesLockTheKey(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newAgreementFixture(t, db)
		f.save(t, blrDesk, 0, 0, entente.ScopeShared, 30)
		f.agreeAndApprove(t, 1)
		req := entente.SignRequest{AgreementID: f.mou.ID, TextVersion: 1, KeyID: f.pakKey.ID, Passphrase: "not the passphrase"}
		for range 5 {
			_, err := f.signing.SignAgreement(f.as(pakSignUser), req)
			wantMessage(t, err, entente.EINVALID, "does not open")
		}
		req.Passphrase = passphrase
		_, err := f.signing.SignAgreement(f.as(pakSignUser), req)
		wantMessage(t, err, entente.EFORBIDDEN, "was wrong 5 times; the key is locked until")
	})
}

func TestSignedMoUEntersIntoForceByItsRule(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newAgreementFixture(t, db)
		a, _ := f.services.agreements.FindAgreementByID(system(), f.mou.ID)
		_, err := f.procedures.SetEntryRule(f.as(blrDesk), f.mou.ID, entente.EntryRuleUpdate{Version: a.Version,
			Rule: entente.EntryRule{Rule: entente.EntryOnLastNotification}})
		must(t, err)
		f.signedMoU(t)
		a, _ = f.services.agreements.FindAgreementByID(system(), f.mou.ID)
		if a.Status != entente.AgreementSigned || a.SignedOn.String() != "2024-11-26" || a.MeetingID != f.ceremony.ID || a.AgreedVersion != 2 {
			t.Fatalf("after signing: %s on %s at %d, agreed %d", a.Status, a.SignedOn, a.MeetingID, a.AgreedVersion)
		}
		sigs, _ := f.signing.FindSignatures(system(), f.mou.ID)
		if len(sigs) != 2 || sigs[0].Place != "Islamabad" {
			t.Fatalf("signatures %+v", sigs)
		}
		// A signed text cannot change: saving is refused, and so is a plain status change to in force.
		_, err = f.texts.CreateAgreementVersion(f.as(pakDesk), &entente.NewAgreementVersion{AgreementID: f.mou.ID, Base: 2, Round: 2,
			Drafts: []entente.Draft{{Language: "en", Text: mouDraft(90, "")}}})
		wantMessage(t, err, entente.EINVALID, "can no longer change")
		inForce := entente.AgreementInForce
		_, err = f.services.agreements.UpdateAgreement(system(), f.mou.ID, entente.AgreementUpdate{Version: a.Version, Status: &inForce})
		wantCode(t, err, entente.EINVALID)
		// Belarus may not record Pakistan's notification.
		err = f.procedures.CreateProcedure(f.as(blrDesk), &entente.Procedure{AgreementID: f.mou.ID, Party: "PAK", Kind: "notification",
			DoneOn: a.SignedOn, Document: "Note verbale"})
		wantCode(t, err, entente.EFORBIDDEN)
		for _, p := range []struct {
			user  int64
			party string
		}{{blrDesk, "BLR"}, {pakDesk, "PAK"}} {
			must(t, f.procedures.CreateProcedure(f.as(p.user), &entente.Procedure{AgreementID: f.mou.ID, Party: p.party,
				Kind: entente.ProcedureNotification, DoneOn: a.SignedOn, Document: "Note verbale of " + p.party}))
		}
		a, _ = f.services.agreements.FindAgreementByID(system(), f.mou.ID)
		if a.Status != entente.AgreementInForce || a.InForceOn != a.SignedOn {
			t.Fatalf("after the notifications: %s from %s", a.Status, a.InForceOn)
		}
		v, err := f.signing.VerifyAgreement(f.as(blrDesk), f.mou.ID)
		must(t, err)
		if !v.OK || len(v.Signatures) != 2 {
			t.Fatalf("verification %+v", v)
		}
	})
}

func TestExternalKeySignature(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newAgreementFixture(t, db)
		pub, priv, err := ed25519.GenerateKey(nil)
		must(t, err)
		ext, err := f.signing.CreateSignatoryKey(f.as(blrDesk), &entente.NewSignatoryKey{PersonID: f.blrPerson.ID, PublicKey: hex.EncodeToString(pub)})
		must(t, err)
		_, err = f.signing.CreateSignatoryKey(f.as(pakDesk), &entente.NewSignatoryKey{PersonID: f.pakPerson.ID, PublicKey: hex.EncodeToString(pub)})
		wantCode(t, err, entente.ECONFLICT)
		f.save(t, blrDesk, 0, 0, entente.ScopeShared, 30)
		f.agreeAndApprove(t, 1)
		v, err := f.texts.FindAgreementVersion(system(), f.mou.ID, 1)
		must(t, err)
		digest := sha256.Sum256(clause.Canonical(v.Texts))
		other := ed25519.Sign(priv, signature.Message(f.mou.ID, 2, digest))
		_, err = f.signing.SignAgreement(f.as(blrDesk), entente.SignRequest{AgreementID: f.mou.ID, TextVersion: 1, KeyID: ext.ID, Signature: hex.EncodeToString(other)})
		wantMessage(t, err, entente.EINVALID, "does not verify with key")
		good := ed25519.Sign(priv, signature.Message(f.mou.ID, 1, digest))
		g, err := f.signing.SignAgreement(f.as(blrDesk), entente.SignRequest{AgreementID: f.mou.ID, TextVersion: 1, KeyID: ext.ID, Signature: hex.EncodeToString(good)})
		must(t, err)
		if g.Signatory != "Maxim Ryzhenkov" || g.Digest != hex.EncodeToString(digest[:]) {
			t.Fatalf("signature %+v", g)
		}
		// A revoked key signs nothing more, but stays for verification.
		_, err = f.signing.RevokeSignatoryKey(f.as(pakDesk), f.pakKey.ID)
		must(t, err)
		_, err = f.signing.SignAgreement(f.as(pakSignUser), entente.SignRequest{AgreementID: f.mou.ID, TextVersion: 1, KeyID: f.pakKey.ID, Passphrase: passphrase})
		wantMessage(t, err, entente.EINVALID, "was revoked")
		keys, err := f.signing.FindSignatoryKeys(system(), entente.SignatoryKeyFilter{Party: "PAK"})
		must(t, err)
		if len(keys) != 1 || !keys[0].Revoked || keys[0].Fingerprint == "" {
			t.Fatalf("keys %+v", keys)
		}
	})
}
