package entente_test

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

func TestCanSign(t *testing.T) {
	r := &entente.Roadmap{ID: 1}
	member := map[int64]entente.Role{1: entente.RoleContributor}
	generated := &entente.SignatoryKey{ID: 1, Party: "PAK", UserID: 7, Origin: entente.KeyGenerated}
	external := &entente.SignatoryKey{ID: 2, Party: "PAK", Origin: entente.KeyExternal}
	tests := []struct {
		name       string
		c          *entente.Caller
		party      string
		key        *entente.SignatoryKey
		passphrase bool
		want       bool
	}{
		{"the holder with the passphrase", &entente.Caller{UserID: 7, Party: "PAK", Roles: member}, "PAK", generated, true, true},
		{"someone else with the passphrase", &entente.Caller{UserID: 8, Party: "PAK", Roles: member}, "PAK", generated, true, false},
		{"the holder for another party", &entente.Caller{UserID: 7, Party: "PAK", Roles: member}, "BLR", generated, true, false},
		{"not a member of the roadmap", &entente.Caller{UserID: 7, Party: "PAK"}, "PAK", generated, true, false},
		{"a member records an external signature", &entente.Caller{UserID: 8, Party: "PAK", Roles: member}, "PAK", external, false, true},
		{"an external signature for a generated key", &entente.Caller{UserID: 7, Party: "PAK", Roles: member}, "PAK", generated, false, false},
		{"a read-only token", &entente.Caller{UserID: 7, Party: "PAK", Roles: member, TokenScope: entente.TokenScopeRead}, "PAK", generated, true, false},
		{"the system", entente.SystemCaller, "BLR", generated, true, true},
	}
	for _, tt := range tests {
		if got := entente.CanSign(tt.c, r, tt.party, tt.key, tt.passphrase); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCheckKeyUsable(t *testing.T) {
	tests := []struct {
		key        entente.SignatoryKey
		passphrase bool
		field      string
	}{
		{entente.SignatoryKey{Origin: entente.KeyGenerated}, true, ""},
		{entente.SignatoryKey{Origin: entente.KeyExternal}, false, ""},
		{entente.SignatoryKey{Origin: entente.KeyGenerated, Revoked: true}, true, "key_id"},
		{entente.SignatoryKey{Origin: entente.KeyExternal}, true, "passphrase"},
		{entente.SignatoryKey{Origin: entente.KeyGenerated}, false, "signature"},
	}
	for _, tt := range tests {
		err := entente.CheckKeyUsable(&tt.key, tt.passphrase)
		if tt.field == "" {
			if err != nil {
				t.Errorf("%+v: %v", tt.key, err)
			}
		} else if _, ok := entente.ErrorFields(err)[tt.field]; !ok {
			t.Errorf("%+v: %v, want a problem with %s", tt.key, err, tt.field)
		}
	}
}

func TestCanRegisterKey(t *testing.T) {
	tests := []struct {
		name      string
		c         *entente.Caller
		party     string
		generated bool
		holder    int64
		want      bool
	}{
		{"own generated key", &entente.Caller{UserID: 7, Party: "PAK"}, "PAK", true, 7, true},
		{"a generated key for someone else", &entente.Caller{UserID: 7, Party: "PAK", Admin: true}, "PAK", true, 8, false},
		{"a generated key for another party's signatory", &entente.Caller{UserID: 7, Party: "PAK"}, "BLR", true, 7, false},
		{"an external key of the own party", &entente.Caller{UserID: 7, Party: "PAK"}, "PAK", false, 0, true},
		{"an external key of another party", &entente.Caller{UserID: 7, Party: "PAK"}, "BLR", false, 0, false},
		{"the system generates for anyone", entente.SystemCaller, "BLR", true, 9, true},
		{"a visitor", entente.Anonymous, "PAK", false, 0, false},
	}
	for _, tt := range tests {
		if got := entente.CanRegisterKey(tt.c, tt.party, tt.generated, tt.holder); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSignaturesComplete(t *testing.T) {
	sigs := []*entente.AgreementSignature{
		{Party: "BLR", TextVersion: 5, SignedOn: day("2025-02-18")},
		{Party: "PAK", TextVersion: 4, SignedOn: day("2025-02-10")},
	}
	if _, ok := entente.SignaturesComplete([]string{"PAK", "BLR"}, sigs, 5); ok {
		t.Error("complete with Pakistan's signature on another version")
	}
	sigs = append(sigs, &entente.AgreementSignature{Party: "PAK", TextVersion: 5, SignedOn: day("2025-02-19")})
	if on, ok := entente.SignaturesComplete([]string{"PAK", "BLR"}, sigs, 5); !ok || on != day("2025-02-19") {
		t.Errorf("%v on %s", ok, on)
	}
}

func TestRequestValidation(t *testing.T) {
	today := day("2025-02-18")
	tests := []struct {
		name  string
		err   error
		field string
	}{
		{"sign with both", (&entente.SignRequest{TextVersion: 5, Party: "PAK", KeyID: 1, Passphrase: "x", Signature: "y"}).Validate(today), "signature"},
		{"sign with neither", (&entente.SignRequest{TextVersion: 5, Party: "PAK", KeyID: 1}).Validate(today), "passphrase"},
		{"sign tomorrow", (&entente.SignRequest{TextVersion: 5, Party: "PAK", KeyID: 1, Passphrase: "x", SignedOn: day("2025-02-19")}).Validate(today), "signed_on"},
		{"sign without a version", (&entente.SignRequest{Party: "PAK", KeyID: 1, Passphrase: "x"}).Validate(today), "text_version"},
		{"key with neither", (&entente.NewSignatoryKey{PersonID: 3}).Validate(), "passphrase"},
		{"external key with a holder", (&entente.NewSignatoryKey{PersonID: 3, PublicKey: "ab", UserID: 4}).Validate(), "user_id"},
		{"return without a note", (&entente.ApprovalDecision{Party: "PAK", Step: 1, TextVersion: 5, Decision: "returned"}).Validate(today), "note"},
		{"approve in the future", (&entente.ApprovalDecision{Party: "PAK", Step: 1, TextVersion: 5, Decision: "approved", DecidedOn: day("2025-03-01")}).Validate(today), "decided_on"},
		{"version without text", (&entente.NewAgreementVersion{Party: "BLR", Scope: "shared"}).Validate(), "texts"},
		{"version of another party's scope", (&entente.NewAgreementVersion{Party: "BLR", Scope: "PAK", Drafts: []entente.Draft{{Language: "en"}}}).Validate(), "scope"},
		{"version with both", (&entente.NewAgreementVersion{Party: "BLR", Scope: "shared", Drafts: []entente.Draft{{Language: "en"}},
			Texts: []entente.AgreementText{{Language: "en"}}}).Validate(), "drafts"},
		{"a draft in no language", (&entente.NewAgreementVersion{Party: "BLR", Scope: "shared", Drafts: []entente.Draft{{Language: "English"}}}).Validate(), "drafts[0].language"},
		{"a language twice", entente.CheckLanguages([]entente.AgreementText{{Language: "en"}, {Language: "EN"}}), "texts[1].language"},
	}
	for _, tt := range tests {
		if _, ok := entente.ErrorFields(tt.err)[tt.field]; !ok {
			t.Errorf("%s: %v, want a problem with %s", tt.name, tt.err, tt.field)
		}
	}
}

func TestCheckBase(t *testing.T) {
	latest := &entente.AgreementVersion{Number: 4, Party: "PAK", CreatedByName: "Desk officer"}
	if err := entente.CheckBase(4, latest); err != nil {
		t.Fatal(err)
	}
	if err := entente.CheckBase(0, nil); err != nil {
		t.Fatal(err)
	}
	err := entente.CheckBase(3, latest)
	if entente.ErrorCode(err) != entente.ECONFLICT || !strings.Contains(entente.ErrorMessage(err), "Version 4 was saved by Desk officer (PAK) after you started from version 3") {
		t.Fatalf("stale base: %v", err)
	}
	if err := entente.CheckBase(7, latest); entente.ErrorCode(err) != entente.EINVALID {
		t.Fatalf("base from the future: %v", err)
	}
	if err := entente.CheckRound(1, &entente.AgreementVersion{Number: 4, Round: 2}); err == nil {
		t.Fatal("a round went back")
	}
}
