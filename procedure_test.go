package entente_test

import (
	"testing"

	"github.com/entente/entente"
)

func day(s string) entente.Date {
	if s == "" {
		return entente.Date{}
	}
	d, err := entente.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func notification(party, on string) *entente.Procedure {
	return &entente.Procedure{Party: party, Kind: entente.ProcedureNotification, DoneOn: day(on)}
}

func TestEntryIntoForce(t *testing.T) {
	parties := []string{"PAK", "BLR"}
	both := []*entente.Procedure{notification("BLR", "2025-02-20"), notification("PAK", "2025-02-26"),
		{Party: "PAK", Kind: entente.ProcedureRatification, DoneOn: day("2025-03-30")}}
	tests := []struct {
		name   string
		rule   entente.EntryRule
		signed string
		procs  []*entente.Procedure
		want   string
	}{
		{"on signature", entente.EntryRule{Rule: entente.EntryOnSignature}, "2025-02-18", nil, "2025-02-18"},
		{"unsigned", entente.EntryRule{Rule: entente.EntryOnSignature}, "", both, ""},
		{"last notification", entente.EntryRule{Rule: entente.EntryOnLastNotification}, "2025-02-18", both, "2025-02-26"},
		{"a party has not notified", entente.EntryRule{Rule: entente.EntryOnLastNotification}, "2025-02-18", both[:1], ""},
		{"a planned notification does not count", entente.EntryRule{Rule: entente.EntryOnLastNotification}, "2025-02-18",
			[]*entente.Procedure{notification("BLR", "2025-02-20"), {Party: "PAK", Kind: entente.ProcedureNotification, PlannedOn: day("2025-03-01")}}, ""},
		{"thirty days after", entente.EntryRule{Rule: entente.EntryDaysAfterLast, Days: 30}, "2025-02-18", both, "2025-03-28"},
		{"a second notification keeps the first", entente.EntryRule{Rule: entente.EntryOnLastNotification}, "2025-02-18",
			append([]*entente.Procedure{notification("PAK", "2025-04-01")}, both...), "2025-02-26"},
		{"fixed date", entente.EntryRule{Rule: entente.EntryOnFixedDate, FixedOn: day("2025-07-01")}, "2025-02-18", nil, "2025-07-01"},
		{"fixed date before signature", entente.EntryRule{Rule: entente.EntryOnFixedDate, FixedOn: day("2025-01-01")}, "2025-02-18", nil, "2025-02-18"},
		{"no rule", entente.EntryRule{}, "2025-02-18", both, ""},
	}
	for _, tt := range tests {
		if got := tt.rule.InForceOn(day(tt.signed), parties, tt.procs).String(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSettleEntryIntoForce(t *testing.T) {
	rule := entente.EntryRule{Rule: entente.EntryDaysAfterLast, Days: 30}
	procs := []*entente.Procedure{notification("BLR", "2025-02-20"), notification("PAK", "2025-02-26")}
	tests := []struct {
		today  string
		status string
	}{
		{"2025-03-27", entente.AgreementSigned},
		{"2025-03-28", entente.AgreementInForce},
	}
	for _, tt := range tests {
		a := &entente.Agreement{Status: entente.AgreementSigned, SignedOn: day("2025-02-18"), EntryIntoForce: rule}
		if err := a.SettleEntryIntoForce([]string{"PAK", "BLR"}, procs, day(tt.today)); err != nil {
			t.Fatal(err)
		}
		if a.Status != tt.status || a.InForceOn != day("2025-03-28") {
			t.Errorf("today %s: %s from %s", tt.today, a.Status, a.InForceOn)
		}
	}
	inForce := &entente.Agreement{Status: entente.AgreementInForce, InForceOn: day("2025-02-26"), EntryIntoForce: rule}
	if err := inForce.SettleEntryIntoForce(nil, nil, day("2025-06-01")); err != nil || inForce.InForceOn != day("2025-02-26") {
		t.Errorf("an agreement in force moved: %v %s", err, inForce.InForceOn)
	}
}

func TestProcedureValidate(t *testing.T) {
	signed := &entente.Agreement{ID: 4, Status: entente.AgreementSigned, SignedOn: day("2025-02-18")}
	today := day("2025-03-01")
	tests := []struct {
		name  string
		p     entente.Procedure
		a     *entente.Agreement
		field string
	}{
		{"done", entente.Procedure{Party: "PAK", Kind: "notification", DoneOn: day("2025-02-26"), Document: "Note verbale 12/2025"}, signed, ""},
		{"planned", entente.Procedure{Party: "PAK", Kind: "ratification", PlannedOn: day("2025-05-01")}, signed, ""},
		{"done without document", entente.Procedure{Party: "PAK", Kind: "approval", DoneOn: day("2025-02-26")}, signed, "document"},
		{"done in the future", entente.Procedure{Party: "PAK", Kind: "approval", DoneOn: day("2025-03-02"), Document: "x"}, signed, "done_on"},
		{"before the signature", entente.Procedure{Party: "PAK", Kind: "approval", DoneOn: day("2025-02-01"), Document: "x"}, signed, "done_on"},
		{"unknown kind", entente.Procedure{Party: "PAK", Kind: "accession"}, signed, "kind"},
		{"unsigned agreement", entente.Procedure{Party: "PAK", Kind: "approval"}, &entente.Agreement{Status: entente.AgreementTextAgreed}, "agreement_id"},
	}
	for _, tt := range tests {
		err := tt.p.Validate(tt.a, today)
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
		} else if _, ok := entente.ErrorFields(err)[tt.field]; !ok {
			t.Errorf("%s: %v, want a problem with %s", tt.name, err, tt.field)
		}
	}
}

func TestSupersede(t *testing.T) {
	a := &entente.Agreement{ID: 1, RoadmapID: 1, Status: entente.AgreementInForce}
	if err := a.Supersede(&entente.Agreement{ID: 1, RoadmapID: 1}); err == nil {
		t.Error("an agreement superseded itself")
	}
	if err := a.Supersede(&entente.Agreement{ID: 2, RoadmapID: 9}); err == nil {
		t.Error("an agreement of another roadmap superseded it")
	}
	if err := a.Supersede(&entente.Agreement{ID: 2, RoadmapID: 1}); err != nil || a.Status != entente.AgreementSuperseded || a.SupersededBy != 2 {
		t.Errorf("%v: %s by %d", err, a.Status, a.SupersededBy)
	}
	draft := &entente.Agreement{ID: 3, RoadmapID: 1, Status: entente.AgreementDrafting}
	if err := draft.Supersede(&entente.Agreement{ID: 2, RoadmapID: 1}); err == nil {
		t.Error("a draft was superseded")
	}
}
