package entente_test

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

func TestParseScheduleTarget(t *testing.T) {
	tests := []struct {
		in       string
		kind     string
		id       int64
		date     string
		problem  string // in the field problem
		asString string
	}{
		{"", "", 0, "", "", ""},
		{"meeting:5", entente.TargetMeeting, 5, "", "", "meeting:5"},
		{" agreement:12 ", entente.TargetAgreement, 12, "", "", "agreement:12"},
		{"horizon", entente.TargetHorizon, 0, "", "", "horizon"},
		{"2025-02-10", entente.TargetDate, 0, "2025-02-10", "", "2025-02-10"},
		{"2025-02", entente.TargetDate, 0, "2025-02-28", "", "2025-02"},
		{"2025-Q1", entente.TargetDate, 0, "2025-03-31", "", "2025-Q1"},
		{"meeting:", "", 0, "", "positive whole number", ""},
		{"meeting:-3", "", 0, "", "positive whole number", ""},
		{"agreement:x", "", 0, "", "positive whole number", ""},
		{"PAST_REF", "", 0, "", "no last day", ""},
		{"session:4", "", 0, "", "neither meeting:ID", ""},
		{"2025-02-30", "", 0, "", "neither meeting:ID", ""},
	}
	for _, tt := range tests {
		got, err := entente.ParseScheduleTarget("target", tt.in)
		if tt.problem != "" {
			if entente.ErrorCode(err) != entente.EINVALID || !strings.Contains(entente.ErrorFields(err)["target"], tt.problem) {
				t.Errorf("%q: %v, want EINVALID on target saying %q", tt.in, err, tt.problem)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
			continue
		}
		if got.Kind != tt.kind || got.ID != tt.id || got.Date.String() != tt.date && tt.date != "" || got.String() != tt.asString {
			t.Errorf("%q: %+v (%q), want %s %d %s (%q)", tt.in, got, got.String(), tt.kind, tt.id, tt.date, tt.asString)
		}
	}
}

// FuzzParseScheduleTarget checks that any text either parses into a target that reads back
// the same, or is refused as EINVALID on the named field.
func FuzzParseScheduleTarget(f *testing.F) {
	for _, s := range []string{"", "meeting:5", "agreement:1", "horizon", "2025-02", "2025-02-28", "2024-W48", "meeting:99999999999999999999", "PAST_REF", ":"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := entente.ParseScheduleTarget("target", s)
		if err != nil {
			if entente.ErrorCode(err) != entente.EINVALID || entente.ErrorFields(err)["target"] == "" {
				t.Fatalf("%q: %v, want EINVALID on target", s, err)
			}
			return
		}
		again, err := entente.ParseScheduleTarget("target", got.String())
		if err != nil || again.Kind != got.Kind || again.ID != got.ID || again.Date != got.Date {
			t.Fatalf("%q → %q → %+v, %v; want %+v", s, got.String(), again, err, got)
		}
		if got.Kind == entente.TargetDate && got.Date.IsZero() {
			t.Fatalf("%q: a date target without a last day", s)
		}
	})
}
