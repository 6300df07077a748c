package timex

import (
	"testing"

	"github.com/entente/entente"
)

// TestDirection checks the year or week an underspecified date takes from the verbs around it
// (reference: Thursday 14 August 2025).
func TestDirection(t *testing.T) {
	ref := entente.Date{Year: 2025, Month: 8, Day: 14}
	tests := []struct{ text, span, value string }{
		// Names between the verb and the date do not push the verb out of reach.
		{"Mr Luxon will hold talks with Prime Minister Sitiveni Rabuka in Suva on Monday.", "Monday", "2025-08-18"},
		{"President Ramaphosa met Prime Minister Narendra Modi of India in Pretoria on Monday.", "Monday", "2025-08-11"},
		// An infinitive looks forward from a verb of planning, agreeing or asking ...
		{"The ministers agreed on Tuesday to meet again in June.", "June", "2026-06"},
		{"Economists expect the bank to hold rates and to start cutting them in the spring.", "the spring", "2026-SP"},
		{"The court summoned him to testify on Monday.", "Monday", "2025-08-18"},
		// ... but keeps the past of a plain past verb, or of a plan that had been made.
		{"She travelled to Minsk to sign the agreement on Tuesday.", "Tuesday", "2025-08-12"},
		{"He was forced to resign on Tuesday.", "Tuesday", "2025-08-12"},
		{"The offer had been scheduled to expire on Monday.", "Monday", "2025-08-11"},
		// An auxiliary still counts past a long object.
		{"He will address a joint sitting of the friendship groups of the two parliaments of the countries on Friday morning.", "Friday morning", "2025-08-15TMO"},
		// A verb after the date decides when no verb governs the infinitive before it.
		{"Among the first countries to join the pact on Monday were Chile and Peru.", "Monday", "2025-08-11"},
		// The present of a timetable is the future.
		{"Tickets go on sale at noon on Monday.", "Monday", "2025-08-18"},
		{"The festival opens on Friday.", "Friday", "2025-08-15"},
		// "since" counts from the past; "effective" announces what is to come.
		{"No inspection has been allowed since Jan. 13.", "Jan. 13", "2025-01-13"},
		{"The board named a new chairman, effective Feb. 1.", "Feb. 1", "2026-02-01"},
		// "next to" is a place, not the next week.
		{"A bomb went off next to the embassy in Nairobi on Friday.", "Friday", "2025-08-08"},
		// A limit that is not tied to the verb is the nearest such month either way.
		{"The lenders extended the loans through October.", "October", "2025-10"},
		{"The bank cut rates, which had risen through May.", "May", "2025-05"},
	}
	for _, tt := range tests {
		got := Find(tt.text, ref)
		checkValid(t, tt.text, got)
		found := false
		for _, e := range got {
			if e.Text == tt.span {
				found = true
				if e.Value != tt.value {
					t.Errorf("Find(%q): %q = %s, want %s", tt.text, e.Text, e.Value, tt.value)
				}
			}
		}
		if !found {
			t.Errorf("Find(%q) = %+v, want %q", tt.text, got, tt.span)
		}
	}
}

// TestSeasons checks seasons named with a relative year and bare seasons in a tensed clause
// (reference: Tuesday 21 October 2025, in the autumn).
func TestSeasons(t *testing.T) {
	ref := entente.Date{Year: 2025, Month: 10, Day: 21}
	tests := []struct{ text, span, value string }{
		{"The commission will meet in the autumn of next year.", "the autumn of next year", "2026-FA"},
		{"Construction starts in the spring of next year.", "the spring of next year", "2026-SP"},
		{"They first met in the summer of last year.", "the summer of last year", "2024-SU"},
		{"The harvest will be sold in the summer.", "the summer", "2026-SU"},
		{"The harvest was sold in the summer.", "the summer", "2025-SU"},
		{"The talks will be held in the fall.", "the fall", "2025-FA"},
		{"The ministers will meet during the winter.", "the winter", "2025-WI"},
	}
	for _, tt := range tests {
		got := Find(tt.text, ref)
		checkValid(t, tt.text, got)
		if len(got) != 1 || got[0].Text != tt.span || got[0].Value != tt.value {
			t.Errorf("Find(%q) = %+v, want %q = %s", tt.text, got, tt.span, tt.value)
		}
	}
}

// TestAnaphoraSameUnit checks that "the previous month" counts from the month last named,
// not from the day a statement was made.
func TestAnaphoraSameUnit(t *testing.T) {
	ref := entente.Date{Year: 2024, Month: 2, Day: 29}
	text := "Inflation slowed in January, the office said Thursday. Prices rose from the previous month."
	got := Find(text, ref)
	checkValid(t, text, got)
	if len(got) != 3 || got[2].Text != "the previous month" || got[2].Value != "2023-12" {
		t.Errorf("Find(%q) = %+v, want \"the previous month\" = 2023-12 last", text, got)
	}
}
