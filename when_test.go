package entente_test

import (
	"encoding/json"
	"testing"

	"github.com/entente/entente"
)

func TestParseWhen(t *testing.T) {
	tests := []struct {
		value, end, mod string
		approx          bool
		gran            entente.Granularity
		earliest        string
		latest          string
	}{
		{"2025-02", "", "", false, entente.GranularityMonth, "2025-02-01", "2025-02-28"},
		{"2024-02", "", "", false, entente.GranularityMonth, "2024-02-01", "2024-02-29"},
		{"2024-12-10", "", "", true, entente.GranularityDay, "2024-12-10", "2024-12-10"},
		{"2024-11-26TAF", "", "", false, entente.GranularityPartOfDay, "2024-11-26", "2024-11-26"},
		{"2024-11-26T15:30", "", "", false, entente.GranularityTime, "2024-11-26", "2024-11-26"},
		{"2025", "", "END", false, entente.GranularityYear, "2025-09-01", "2025-12-31"},
		{"2025", "", "START", false, entente.GranularityYear, "2025-01-01", "2025-05-02"},
		{"2030", "", "BEFORE", false, entente.GranularityYear, "", "2029-12-31"},
		{"2025-03", "", "ON_OR_BEFORE", false, entente.GranularityMonth, "", "2025-03-31"},
		{"2025-03", "", "AFTER", false, entente.GranularityMonth, "2025-04-01", ""},
		{"2024-W48", "", "", false, entente.GranularityWeek, "2024-11-25", "2024-12-01"},
		{"2020-W53", "", "", false, entente.GranularityWeek, "2020-12-28", "2021-01-03"},
		{"2024-W48-WE", "", "", false, entente.GranularityWeekend, "2024-11-30", "2024-12-01"},
		{"2025-Q1", "", "", false, entente.GranularityQuarter, "2025-01-01", "2025-03-31"},
		{"2025-H2", "", "", false, entente.GranularityHalf, "2025-07-01", "2025-12-31"},
		{"2025-FA", "", "", false, entente.GranularitySeason, "2025-09-01", "2025-11-30"},
		{"2024-WI", "", "", false, entente.GranularitySeason, "2024-12-01", "2025-02-28"},
		{"199", "", "", false, entente.GranularityDecade, "1990-01-01", "1999-12-31"},
		{"2024-11-25", "2024-11-27", "", false, entente.GranularityDay, "2024-11-25", "2024-11-27"},
		{"2024-12-01", "", "approx", false, entente.GranularityDay, "2024-12-01", "2024-12-01"},
		{"PAST_REF", "", "", false, "", "", ""},
		{"FUTURE_REF", "", "", false, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.value+tt.mod, func(t *testing.T) {
			w, err := entente.ParseWhen(tt.value, tt.end, tt.mod, tt.approx)
			if err != nil {
				t.Fatal(err)
			}
			if w.Granularity != tt.gran || w.Earliest.String() != tt.earliest || w.Latest.String() != tt.latest {
				t.Errorf("got %s %s..%s, want %s %s..%s", w.Granularity, w.Earliest, w.Latest, tt.gran, tt.earliest, tt.latest)
			}
			if tt.mod == "approx" && (!w.Approximate || w.Mod != entente.ModApprox) {
				t.Errorf("APPROX should set approximate and upper-case the mod: %+v", w)
			}
		})
	}
}

func TestParseWhenRejects(t *testing.T) {
	tests := []struct{ value, end, mod string }{
		{"2025-13", "", ""},
		{"2025-02-30", "", ""},
		{"2025-W54", "", ""},
		{"2021-W53", "", ""},
		{"February 2025", "", ""},
		{"2025-02", "", "SOMETIME"},
		{"PAST_REF", "", "END"},
		{"2024-11-27", "2024-11-25", ""},
		{"", "", "END"},
		{"2024-11-26T25:00", "", ""},
		{"XXXX-02", "", ""},
	}
	for _, tt := range tests {
		if w, err := entente.ParseWhen(tt.value, tt.end, tt.mod, false); err == nil {
			t.Errorf("ParseWhen(%q, %q, %q) = %+v, want an error", tt.value, tt.end, tt.mod, w)
		}
	}
}

func TestWhenJSONDerivesBounds(t *testing.T) {
	var w entente.When
	// A client that sends bounds disagreeing with the value gets the bounds of the value.
	in := `{"value":"2025-02","approximate":false,"earliest":"2025-02-01","latest":"2025-02-01"}`
	if err := json.Unmarshal([]byte(in), &w); err != nil {
		t.Fatal(err)
	}
	if got := w.Deadline().String(); got != "2025-02-28" {
		t.Fatalf("deadline of February 2025 = %s, want 2025-02-28 (never the first of the month)", got)
	}
	out, _ := json.Marshal(w)
	want := `{"value":"2025-02","approximate":false,"granularity":"month","earliest":"2025-02-01","latest":"2025-02-28"}`
	if string(out) != want {
		t.Fatalf("got %s\nwant %s", out, want)
	}
	if err := json.Unmarshal([]byte(`{"value":"2025-02-31"}`), &w); err == nil {
		t.Fatal("an impossible day was accepted")
	}
}

func TestDateArithmetic(t *testing.T) {
	d := entente.Date{Year: 2024, Month: 1, Day: 31}
	if got := d.AddMonths(1).String(); got != "2024-02-29" {
		t.Errorf("AddMonths clamps: got %s", got)
	}
	if got := d.AddDays(30).String(); got != "2024-03-01" {
		t.Errorf("AddDays: got %s", got)
	}
	if got := (entente.Date{Year: 2024, Month: 12, Day: 10}).DaysSince(entente.Date{Year: 2024, Month: 11, Day: 26}); got != 14 {
		t.Errorf("DaysSince = %d", got)
	}
	if _, err := entente.ParseDate("2023-02-29"); err == nil {
		t.Error("2023-02-29 accepted")
	}
}
