package timex

import (
	"testing"

	"github.com/entente/entente"
)

// TestEventWhen covers the rows of data/statements/README.md where a roadmap reads a time
// expression differently from TimeML, and the signals that carry a modifier.
func TestEventWhen(t *testing.T) {
	tests := []struct {
		text   string
		future bool
		value  string
		end    string
		mod    string
		approx bool
		gran   entente.Granularity
	}{
		{"They will meet again in two weeks.", true, "2024-12-10", "", "", true, entente.GranularityDay},
		{"A decision is due within two weeks.", true, "2024-12-10", "", "ON_OR_BEFORE", true, entente.GranularityDay},
		{"They will meet again in three months.", true, "2025-02", "", "", true, entente.GranularityMonth},
		{"Trade will reach $5 billion by 2030.", true, "2030", "", "ON_OR_BEFORE", false, entente.GranularityYear},
		{"Exports will double by July 2018.", true, "2018-07", "", "ON_OR_BEFORE", false, entente.GranularityMonth},
		{"The treaty will be signed no later than March 2025.", true, "2025-03", "", "ON_OR_BEFORE", false, entente.GranularityMonth},
		{"Trade will reach $5 billion before 2030.", true, "2030", "", "BEFORE", false, entente.GranularityYear},
		{"The roadmap will be ready by the end of the year.", true, "2024", "", "END", false, entente.GranularityYear},
		{"They will sign before the end of this year.", true, "2024", "", "END", false, entente.GranularityYear},
		{"The visit will take place later this year.", true, "2024", "", "", true, entente.GranularityYear},
		{"The JCC will meet during 1st week of December.", true, "2024-12", "", "START", true, entente.GranularityMonth},
		{"The forum will run November 25-27.", true, "2024-11-25", "2024-11-27", "", false, entente.GranularityDay},
		{"The ministers will meet on Tuesday.", true, "2024-12-03", "", "", false, entente.GranularityDay},
		{"The ministers met on Tuesday.", false, "2024-11-26", "", "", false, entente.GranularityDay},
		{"The commission meets in September.", true, "2025-09", "", "", false, entente.GranularityMonth},
		{"The commission met in September.", false, "2024-09", "", "", false, entente.GranularityMonth},
		{"The sides will meet soon.", true, "FUTURE_REF", "", "", false, ""},
		{"The sides are talking now.", true, "2024-11-26", "", "", true, entente.GranularityDay},
	}
	for _, tt := range tests {
		e := only(t, tt.text)
		w, ok := EventWhen(e, ref26Nov, tt.future)
		if !ok || w.Value != tt.value || w.End != tt.end || w.Mod != tt.mod || w.Approximate != tt.approx || w.Granularity != tt.gran {
			t.Errorf("EventWhen(%q, future=%v) = %+v, %v; want %s/%s %s approx=%v %s", e.Text, tt.future, w, ok, tt.value, tt.end, tt.mod, tt.approx, tt.gran)
		}
		v, approx, ok := ResolveEventDate(e, ref26Nov, tt.future)
		if !ok || v != w.Value || approx != w.Approximate {
			t.Errorf("ResolveEventDate(%q) = %q, %v, %v; want EventWhen's %q, %v", e.Text, v, approx, ok, w.Value, w.Approximate)
		}
	}
}

// TestEventWhenRefuses checks what cannot date an event.
func TestEventWhenRefuses(t *testing.T) {
	for _, text := range []string{
		"The commission meets every year.",
		"The talks lasted for two weeks.",
	} {
		e := only(t, text)
		if w, ok := EventWhen(e, ref26Nov, true); ok {
			t.Errorf("EventWhen(%q) = %+v, true; want false", e.Text, w)
		}
	}
}

// only returns the single expression Find finds in text at the 26 November 2024 reference.
func only(t *testing.T, text string) Expr {
	t.Helper()
	got := Find(text, ref26Nov)
	if len(got) != 1 {
		t.Fatalf("Find(%q) found %d expressions, want 1: %+v", text, len(got), got)
	}
	return got[0]
}
