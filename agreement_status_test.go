package entente_test

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

func TestAgreementStatusesReachedOnlyByTheirAct(t *testing.T) {
	tests := []struct {
		from, to string
		want     string // "" when allowed; else a part of the reason
	}{
		{entente.AgreementDrafting, entente.AgreementNegotiating, ""},
		{entente.AgreementNegotiating, entente.AgreementTextAgreed, ""},
		{entente.AgreementTextAgreed, entente.AgreementInitialled, ""},
		{entente.AgreementTextAgreed, entente.AgreementSigned, "every party has signed"},
		{entente.AgreementSigned, entente.AgreementInForce, "entry-into-force rule"},
		{entente.AgreementInForce, entente.AgreementSuperseded, "naming the agreement"},
		{entente.AgreementInForce, entente.AgreementExpired, ""},
		{entente.AgreementNegotiating, entente.AgreementSigned, "cannot change from negotiating to signed"},
		{entente.AgreementExpired, entente.AgreementInForce, "it is final"},
	}
	for _, tt := range tests {
		a := entente.Agreement{Status: tt.from, AgreedVersion: 3}
		err := entente.AgreementUpdate{Status: &tt.to}.Apply(&a)
		if tt.want == "" {
			if err != nil {
				t.Errorf("%s → %s: %v", tt.from, tt.to, err)
			}
			continue
		}
		if reason := entente.ErrorFields(err)["status"]; !strings.Contains(reason, tt.want) {
			t.Errorf("%s → %s: reason %q, want one with %q", tt.from, tt.to, reason, tt.want)
		}
	}
}

func TestReopeningTheTextForgetsTheAgreedVersion(t *testing.T) {
	to := entente.AgreementNegotiating
	a := entente.Agreement{Status: entente.AgreementTextAgreed, AgreedVersion: 5}
	if err := (entente.AgreementUpdate{Status: &to}).Apply(&a); err != nil || a.AgreedVersion != 0 {
		t.Fatalf("reopened: %v, agreed version %d", err, a.AgreedVersion)
	}
	initialled := entente.AgreementInitialled
	a = entente.Agreement{Status: entente.AgreementTextAgreed, AgreedVersion: 5}
	if err := (entente.AgreementUpdate{Status: &initialled}).Apply(&a); err != nil || a.AgreedVersion != 5 {
		t.Fatalf("initialled: %v, agreed version %d", err, a.AgreedVersion)
	}
}

func TestVersionSavedMovesTheAgreementOn(t *testing.T) {
	tests := []struct {
		status string
		scope  string
		round  int
		want   string // the status after, or "refused"
	}{
		{entente.AgreementProposed, "BLR", 0, entente.AgreementDrafting},
		{entente.AgreementProposed, entente.ScopeShared, 0, entente.AgreementDrafting},
		{entente.AgreementProposed, entente.ScopeShared, 1, entente.AgreementNegotiating},
		{entente.AgreementDrafting, entente.ScopeShared, 0, entente.AgreementDrafting},
		{entente.AgreementDrafting, "PAK", 2, entente.AgreementDrafting},
		{entente.AgreementDrafting, entente.ScopeShared, 1, entente.AgreementNegotiating},
		{entente.AgreementNegotiating, entente.ScopeShared, 2, entente.AgreementNegotiating},
		{entente.AgreementTextAgreed, entente.ScopeShared, 2, entente.AgreementNegotiating},
		{entente.AgreementInitialled, entente.ScopeShared, 2, entente.AgreementNegotiating},
		{entente.AgreementTextAgreed, "PAK", 2, entente.AgreementTextAgreed},
		{entente.AgreementSigned, entente.ScopeShared, 3, "refused"},
		{entente.AgreementSuperseded, "PAK", 3, "refused"},
	}
	for _, tt := range tests {
		a := entente.Agreement{ID: 1, Status: tt.status}
		if tt.status == entente.AgreementTextAgreed || tt.status == entente.AgreementInitialled {
			a.AgreedVersion = 4
		}
		err := a.VersionSaved(&entente.AgreementVersion{Scope: tt.scope, Round: tt.round})
		switch {
		case tt.want == "refused":
			if entente.ErrorCode(err) != entente.EINVALID || !strings.Contains(entente.ErrorMessage(err), "can no longer change") {
				t.Errorf("%s, %s round %d: %v, want a refusal", tt.status, tt.scope, tt.round, err)
			}
		case err != nil || a.Status != tt.want:
			t.Errorf("%s, %s round %d: %s (%v), want %s", tt.status, tt.scope, tt.round, a.Status, err, tt.want)
		case a.Status == entente.AgreementNegotiating && a.AgreedVersion != 0:
			t.Errorf("%s: reopened text keeps agreed version %d", tt.status, a.AgreedVersion)
		}
	}
}

func TestAgreeText(t *testing.T) {
	tests := []struct {
		status       string
		scope        string
		number, last int
		want         string // "" when agreed; else a part of the message
	}{
		{entente.AgreementNegotiating, entente.ScopeShared, 5, 5, ""},
		{entente.AgreementDrafting, entente.ScopeShared, 2, 2, ""},
		{entente.AgreementNegotiating, "PAK", 6, 5, "internal draft"},
		{entente.AgreementNegotiating, entente.ScopeShared, 4, 5, "not the latest shared version (5)"},
		{entente.AgreementProposed, entente.ScopeShared, 1, 1, "cannot move from proposed"},
		{entente.AgreementSigned, entente.ScopeShared, 5, 5, "cannot move from signed"},
	}
	for _, tt := range tests {
		a := entente.Agreement{ID: 9, Status: tt.status}
		err := a.AgreeText(&entente.AgreementVersion{Number: tt.number, Scope: tt.scope}, tt.last)
		if tt.want == "" {
			if err != nil || a.Status != entente.AgreementTextAgreed || a.AgreedVersion != tt.number {
				t.Errorf("%+v: %v, %s, agreed %d", tt, err, a.Status, a.AgreedVersion)
			}
		} else if !strings.Contains(entente.ErrorMessage(err), tt.want) {
			t.Errorf("%+v: %v, want %q", tt, err, tt.want)
		}
	}
}

func TestAgreementLifecycleFields(t *testing.T) {
	tests := []struct {
		name  string
		a     entente.Agreement
		field string // "" when valid
	}{
		{"agreed", entente.Agreement{Status: entente.AgreementTextAgreed, AgreedVersion: 2}, ""},
		{"agreed version while negotiating", entente.Agreement{Status: entente.AgreementNegotiating, AgreedVersion: 2}, "agreed_version"},
		{"superseded without replacement", entente.Agreement{Status: entente.AgreementSuperseded}, "superseded_by"},
		{"replacement while in force", entente.Agreement{Status: entente.AgreementInForce, SupersededBy: 4}, "superseded_by"},
		{"rule without days", entente.Agreement{Status: entente.AgreementDrafting, EntryIntoForce: entente.EntryRule{Rule: entente.EntryDaysAfterLast}}, "entry_into_force.days"},
		{"unknown rule", entente.Agreement{Status: entente.AgreementDrafting, EntryIntoForce: entente.EntryRule{Rule: "at_once"}}, "entry_into_force.rule"},
	}
	for _, tt := range tests {
		a := tt.a
		a.RoadmapID, a.Kind, a.Title, a.ID = 1, "mou", "Memorandum", 7
		err := a.Validate()
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
		} else if _, ok := entente.ErrorFields(err)[tt.field]; !ok {
			t.Errorf("%s: %v, want a problem with %s", tt.name, err, tt.field)
		}
	}
}
