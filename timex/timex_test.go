package timex

import (
	"bytes"
	"testing"

	"github.com/entente/entente"
)

// ref26Nov is the reference date of the Pakistan–Belarus talks (a Tuesday).
var ref26Nov = entente.Date{Year: 2024, Month: 11, Day: 26}

// wantExpr is what a test expects of the one expression found in a text.
type wantExpr struct {
	text, span, typ, value, mod string
}

// checkOne runs Find on tt.text and compares its only expression with tt.
func checkOne(t *testing.T, tt wantExpr, ref entente.Date) {
	t.Helper()
	got := Find(tt.text, ref)
	checkValid(t, tt.text, got)
	if len(got) != 1 {
		t.Errorf("Find(%q) found %d expressions, want 1: %+v", tt.text, len(got), got)
		return
	}
	e := got[0]
	if e.Text != tt.span || e.Type != tt.typ || e.Value != tt.value || e.Mod != tt.mod {
		t.Errorf("Find(%q)\n got %q %s %s %q\nwant %q %s %s %q", tt.text, e.Text, e.Type, e.Value, e.Mod, tt.span, tt.typ, tt.value, tt.mod)
	}
}

// checkValid checks the contract every result of Find keeps: offsets inside the text, in
// order, not overlapping, and Text equal to the slice they give.
func checkValid(t *testing.T, text string, exprs []Expr) {
	t.Helper()
	last := 0
	for _, e := range exprs {
		if e.Start < last || e.End <= e.Start || e.End > len(text) {
			t.Fatalf("expression %+v has offsets out of order or out of the text (len %d, previous end %d)", e, len(text), last)
		}
		if text[e.Start:e.End] != e.Text {
			t.Fatalf("expression %+v: text[%d:%d] is %q", e, e.Start, e.End, text[e.Start:e.End])
		}
		switch e.Type {
		case TypeDate, TypeTime, TypeDuration, TypeSet:
		default:
			t.Fatalf("expression %+v has type %q", e, e.Type)
		}
		if e.Value == "" {
			t.Fatalf("expression %+v has no value", e)
		}
		last = e.End
	}
}

// TestStatementRules covers every row of the time-normalisation table of
// data/statements/README.md that TimeML annotates the same way, with the reference date of
// the 26 November 2024 talks. The rows where the roadmap reads differently are in
// TestEventWhen.
func TestStatementRules(t *testing.T) {
	tests := []wantExpr{
		{"The leaders met today.", "today", TypeDate, "2024-11-26", ""},
		{"Here, today, the ministers signed.", "today", TypeDate, "2024-11-26", ""},
		{"They will reconvene this morning.", "this morning", TypeTime, "2024-11-26TMO", ""},
		{"The sides will reconvene this afternoon.", "this afternoon", TypeTime, "2024-11-26TAF", ""},
		{"The delegation arrived last night.", "last night", TypeTime, "2024-11-25TNI", ""},
		{"The delegation arrived yesterday.", "yesterday", TypeDate, "2024-11-25", ""},
		{"The delegation leaves tomorrow.", "tomorrow", TypeDate, "2024-11-27", ""},
		{"The sides met on Tuesday.", "Tuesday", TypeDate, "2024-11-26", ""},
		{"The ministers met on Monday.", "Monday", TypeDate, "2024-11-25", ""},
		{"The ministers will meet on Friday.", "Friday", TypeDate, "2024-11-29", ""},
		{"They will meet next week.", "next week", TypeDate, "2024-W49", ""},
		{"They met last week.", "last week", TypeDate, "2024-W47", ""},
		{"Trade rose this month.", "this month", TypeDate, "2024-11", ""},
		{"Trade will rise in this month.", "this month", TypeDate, "2024-11", ""},
		{"Trade fell last month.", "last month", TypeDate, "2024-10", ""},
		{"They will meet in September.", "September", TypeDate, "2025-09", ""},
		{"They met in September.", "September", TypeDate, "2024-09", ""},
		{"They will sign on 5 January.", "5 January", TypeDate, "2025-01-05", ""},
		{"They signed on 5 January.", "5 January", TypeDate, "2024-01-05", ""},
		{"Trade grew this year.", "this year", TypeDate, "2024", ""},
		{"Trade will grow next year.", "next year", TypeDate, "2025", ""},
		{"Trade fell last year.", "last year", TypeDate, "2023", ""},
		{"Talks will resume in the following year.", "the following year", TypeDate, "2025", ""},
		{"Agreements will be signed in February of the following year.", "February of the following year", TypeDate, "2025-02", ""},
		{"Agreements will be signed in February next year.", "February next year", TypeDate, "2025-02", ""},
		{"The roadmap will be ready by the end of the year.", "the end of the year", TypeDate, "2024", "END"},
		{"They will sign before the end of this year.", "the end of this year", TypeDate, "2024", "END"},
		{"Barriers will go before end of December 2021.", "end of December 2021", TypeDate, "2021-12", "END"},
		{"Trade will reach $5 billion by 2030.", "2030", TypeDate, "2030", ""},
		{"Exports will double by July 2018.", "July 2018", TypeDate, "2018-07", ""},
		{"The treaty will be signed no later than March 2025.", "March 2025", TypeDate, "2025-03", ""},
		{"The commission will meet in the fall.", "the fall", TypeDate, "2024-FA", ""},
		{"The commission will meet this autumn.", "this autumn", TypeDate, "2024-FA", ""},
		{"The commission met last summer.", "last summer", TypeDate, "2024-SU", ""},
		{"The JCC will meet during 1st week of December.", "1st week of December", TypeDate, "2024-12", "START"},
		{"The visit is due during second week of November.", "second week of November", TypeDate, "2024-11", ""},
		{"The sides will meet soon.", "soon", TypeDate, "FUTURE_REF", ""},
		{"Talks will continue in the coming weeks.", "the coming weeks", TypeDate, "FUTURE_REF", ""},
		{"Talks will continue in the coming months.", "the coming months", TypeDate, "FUTURE_REF", ""},
		{"The ministers met recently.", "recently", TypeDate, "PAST_REF", ""},
		{"Recent talks were productive.", "Recent", TypeDate, "PAST_REF", ""},
	}
	for _, tt := range tests {
		checkOne(t, tt, ref26Nov)
	}
}

// TestTimeMLForms covers the TimeML forms the issue names: explicit dates in their usual
// written forms, weeks, quarters, halves, seasons, decades, centuries, parts of day, times,
// durations, sets, anchored expressions, modifiers and vague references.
func TestTimeMLForms(t *testing.T) {
	tests := []wantExpr{
		{"It was signed on 10 December 2024.", "10 December 2024", TypeDate, "2024-12-10", ""},
		{"It was signed on December 10, 2024.", "December 10, 2024", TypeDate, "2024-12-10", ""},
		{"It was signed on Dec. 10, 2024.", "Dec. 10, 2024", TypeDate, "2024-12-10", ""},
		{"It was signed on the 10th of December 2024.", "the 10th of December 2024", TypeDate, "2024-12-10", ""},
		{"It was signed on Tuesday, Dec. 10, 2024.", "Tuesday, Dec. 10, 2024", TypeDate, "2024-12-10", ""},
		{"It was signed on 2024-12-10.", "2024-12-10", TypeDate, "2024-12-10", ""},
		{"It was signed on 10/12/2024.", "10/12/2024", TypeDate, "2024-12-10", ""},
		{"It was signed on 12/25/2024.", "12/25/2024", TypeDate, "2024-12-25", ""},
		{"It was signed in November 2024.", "November 2024", TypeDate, "2024-11", ""},
		{"It was signed in 1998.", "1998", TypeDate, "1998", ""},
		{"Profits rose in the third quarter of 2024.", "the third quarter of 2024", TypeDate, "2024-Q3", ""},
		{"Its third-quarter profit rose.", "third-quarter", TypeDate, "2024-Q3", ""},
		{"Profits rose in Q2 2024.", "Q2 2024", TypeDate, "2024-Q2", ""},
		{"Growth will slow in the first half of next year.", "the first half of next year", TypeDate, "2025-H1", ""},
		{"It was founded in the summer of 1998.", "the summer of 1998", TypeDate, "1998-SU", ""},
		{"Trade collapsed in the 1990s.", "the 1990s", TypeDate, "199", ""},
		{"Trade boomed in the mid-1990s.", "the mid-1990s", TypeDate, "199", "MID"},
		{"It was built in the 20th century.", "the 20th century", TypeDate, "19", ""},
		{"It happened in the fiscal year 2023.", "the fiscal year 2023", TypeDate, "2023", ""},
		{"The blast occurred at 10:35 a.m. yesterday.", "10:35 a.m. yesterday", TypeTime, "2024-11-25T10:35", ""},
		{"The vote will be at 5 p.m. EST Thursday.", "5 p.m. EST Thursday", TypeTime, "2024-11-28T17:00", ""},
		{"The talks ended at noon.", "noon", TypeTime, "2024-11-26T12:00", ""},
		{"Rebels attacked Friday night.", "Friday night", TypeTime, "2024-11-22TNI", ""},
		{"They met in mid-afternoon.", "mid-afternoon", TypeTime, "2024-11-26TAF", "MID"},
		{"They talked for two weeks.", "two weeks", TypeDuration, "P2W", ""},
		{"The war lasted three years.", "three years", TypeDuration, "P3Y", ""},
		{"Prices rose over the past 18 months.", "the past 18 months", TypeDuration, "P18M", ""},
		{"The hearing took 5 1/2 hours.", "5 1/2 hours", TypeDuration, "PT5H30M", ""},
		{"The project took two and a half years.", "two and a half years", TypeDuration, "P2Y6M", ""},
		{"The contract runs for twenty-five years.", "twenty-five years", TypeDuration, "P25Y", ""},
		{"The feud lasted a dozen years.", "a dozen years", TypeDuration, "P12Y", ""},
		{"It was a two-year programme.", "two-year", TypeDuration, "P2Y", ""},
		{"They waited for about two weeks.", "about two weeks", TypeDuration, "P2W", "APPROX"},
		{"The strike lasted more than four hours.", "more than four hours", TypeDuration, "PT4H", "MORE_THAN"},
		{"It will take at least 30 days.", "at least 30 days", TypeDuration, "P30D", "EQUAL_OR_MORE"},
		{"The dispute has lasted for years.", "years", TypeDuration, "PXY", ""},
		{"It took several months.", "several months", TypeDuration, "PXM", ""},
		{"The commission meets every year.", "every year", TypeSet, "P1Y", ""},
		{"The commission meets each July.", "each July", TypeSet, "XXXX-07", ""},
		{"The co-chairs speak weekly.", "weekly", TypeSet, "P1W", ""},
		{"The board meets twice a year.", "twice a year", TypeSet, "P1Y", ""},
		{"Flights leave on Mondays.", "Mondays", TypeSet, "XXXX-WXX-1", ""},
		{"The plant was shut three years ago.", "three years ago", TypeDate, "2021", ""},
		{"The plant was shut more than a decade ago.", "more than a decade ago", TypeDate, "2014", "BEFORE"},
		{"The bridge will open early next year.", "early next year", TypeDate, "2025", "START"},
		{"Trade fell in late November.", "late November", TypeDate, "2024-11", "END"},
		{"The visit is due in mid-December.", "mid-December", TypeDate, "2024-12", "MID"},
		{"The cut came earlier this month.", "earlier this month", TypeDate, "2024-11", "START"},
		{"Prices are now stable.", "now", TypeDate, "PRESENT_REF", ""},
		{"The plant currently employs 300 people.", "currently", TypeDate, "PRESENT_REF", ""},
		{"Tensions will ease in the near future.", "the near future", TypeDate, "FUTURE_REF", ""},
		{"It was common in the past.", "the past", TypeDate, "PAST_REF", ""},
		{"It was rare in the nineties.", "the nineties", TypeDate, "199", ""},
		{"It was founded in nineteen ninety-six.", "nineteen ninety-six", TypeDate, "1996", ""},
		{"It will be ready in the year two thousand.", "the year two thousand", TypeDate, "2000", ""},
	}
	for _, tt := range tests {
		checkOne(t, tt, ref26Nov)
	}
}

// TestAnchored checks expressions computed from the date last mentioned.
func TestAnchored(t *testing.T) {
	text := "They met on 3 March 2020 and signed two weeks later. The year-earlier quarter was weak."
	got := Find(text, ref26Nov)
	checkValid(t, text, got)
	if len(got) < 2 || got[1].Text != "two weeks later" || got[1].Value != "2020-03-17" {
		t.Fatalf("Find(%q) = %+v, want \"two weeks later\" = 2020-03-17 second", text, got)
	}
	text = "Profit rose in the third quarter. Sales were flat from a year earlier."
	got = Find(text, ref26Nov)
	if len(got) != 2 || got[1].Value != "2023-Q3" {
		t.Fatalf("Find(%q) = %+v, want \"a year earlier\" = 2023-Q3", text, got)
	}
}

// TestRanges checks ranges: a range written as one token group ("November 25-27", "2024-25")
// is one expression with the end in EndValue; days joined by a word ("25 to 27 February", "28
// and 29 November") are two expressions, as TimeML marks them, the first with the second's
// value as its EndValue.
func TestRanges(t *testing.T) {
	tests := []struct {
		text   string
		spans  []string
		values []string
		end    string
	}{
		{"A forum will be held from 25 to 27 February in Lahore.", []string{"25", "27 February"}, []string{"2025-02-25", "2025-02-27"}, "2025-02-27"},
		{"The forum will run from November 25 to November 27.", []string{"November 25", "November 27"}, []string{"2024-11-25", "2024-11-27"}, "2024-11-27"},
		{"The talks were held on 28 and 29 November 2024.", []string{"28", "29 November 2024"}, []string{"2024-11-28", "2024-11-29"}, "2024-11-29"},
		{"The leaders will meet in Osaka on June 28 and 29.", []string{"June 28", "29"}, []string{"2025-06-28", "2025-06-29"}, "2025-06-29"},
		{"The committee will meet on 30 December and 2 January.", []string{"30 December", "2 January"}, []string{"2024-12-30", "2025-01-02"}, ""},
		{"The forum will run November 25-27.", []string{"November 25-27"}, []string{"2024-11-25"}, "2024-11-27"},
		{"The plan covers 2024-25.", []string{"2024-25"}, []string{"2024"}, "2025"},
	}
	for _, tt := range tests {
		got := Find(tt.text, ref26Nov)
		checkValid(t, tt.text, got)
		if len(got) != len(tt.spans) || got[0].EndValue != tt.end {
			t.Errorf("Find(%q) = %+v, want %q with end %q", tt.text, got, tt.spans, tt.end)
			continue
		}
		for i, e := range got {
			if e.Text != tt.spans[i] || e.Value != tt.values[i] {
				t.Errorf("Find(%q)[%d] = %q %s, want %q %s", tt.text, i, e.Text, e.Value, tt.spans[i], tt.values[i])
			}
		}
	}
}

// TestNotTimeExpressions lists texts with numbers and words that look temporal but are not.
func TestNotTimeExpressions(t *testing.T) {
	for _, text := range []string{
		"You may go now that it is done, he may say.",
		"The troops march on the capital.",
		"The minister, 52 years old, resigned.",
		"Iraq imports about three-quarters of its food.",
		"The company paid $2000 for 1,998 shares at 19.98 each.",
		"Resolution 2231 was adopted.",
		"A second group of directors agreed.",
		"It raised its quarterly dividend.",
		"He watched High Noon again.",
	} {
		for _, e := range Find(text, ref26Nov) {
			if e.Text != "now" {
				t.Errorf("Find(%q) found %q (%s %s), want nothing of the kind", text, e.Text, e.Type, e.Value)
			}
		}
	}
}

// TestExtents checks TimeML's extent rules: "the" goes with a temporal head noun and not with
// a date that modifies another noun; no trailing punctuation; abbreviation stops stay.
func TestExtents(t *testing.T) {
	tests := []struct{ text, span string }{
		{"Profits rose in the third quarter.", "the third quarter"},
		{"The Aug. 7 bombings shocked the city.", "Aug. 7"},
		{"He called the 14-day waiting period unfair.", "14-day"},
		{"It took a three-year period.", "a three-year period"},
		{"The letter was dated Feb. 4.", "Feb. 4"},
		{"They met in Sept.", "Sept."},
		{"It ended at 10 p.m.", "10 p.m."},
		{"Profit fell in the year-ago quarter.", "the year-ago quarter"},
		{"It compared with a year-earlier loss.", "year-earlier"},
	}
	for _, tt := range tests {
		got := Find(tt.text, ref26Nov)
		checkValid(t, tt.text, got)
		if len(got) != 1 || got[0].Text != tt.span {
			t.Errorf("Find(%q) = %+v, want one expression %q", tt.text, got, tt.span)
		}
	}
}

func TestApproximate(t *testing.T) {
	tests := []struct {
		text, span, mod string
		approx          bool
	}{
		{"They will meet around mid-December.", "around mid-December", "MID", true},
		{"They talked for about two weeks.", "about two weeks", "APPROX", true},
		{"It will be ready in a year or so.", "a year or so", "APPROX", true},
		{"They met a week or so ago.", "a week or so ago", "APPROX", true},
		{"They met in mid-December.", "mid-December", "MID", false},
	}
	for _, tt := range tests {
		got := Find(tt.text, ref26Nov)
		if len(got) != 1 || got[0].Text != tt.span || got[0].Mod != tt.mod || got[0].Approximate != tt.approx {
			t.Errorf("Find(%q) = %+v, want %q mod %q approximate %v", tt.text, got, tt.span, tt.mod, tt.approx)
		}
	}
}

func TestSignal(t *testing.T) {
	tests := []struct{ text, signal string }{
		{"It will be ready by 2030.", "by"},
		{"It will be signed no later than March 2025.", "no later than"},
		{"They will meet in two weeks.", "in"},
		{"It was signed on Tuesday.", "on"},
		{"It was signed Tuesday.", ""},
	}
	for _, tt := range tests {
		got := Find(tt.text, ref26Nov)
		if len(got) != 1 || got[0].Signal != tt.signal {
			t.Errorf("Find(%q) = %+v, want signal %q", tt.text, got, tt.signal)
		}
	}
}

func TestWriteJSONLines(t *testing.T) {
	var b bytes.Buffer
	exprs := []Expr{
		{Start: 0, End: 5, Text: "today", Type: TypeDate, Value: "2024-11-26"},
		{Start: 10, End: 29, Text: "the end of the <year> \"x\"", Type: TypeDate, Value: "2024", Mod: "END"},
	}
	if err := WriteJSONLines(&b, exprs); err != nil {
		t.Fatal(err)
	}
	want := `{"start": 0, "end": 5, "text": "today", "type": "DATE", "value": "2024-11-26"}
{"start": 10, "end": 29, "text": "the end of the <year> \"x\"", "type": "DATE", "value": "2024", "mod": "END"}
`
	if b.String() != want {
		t.Errorf("WriteJSONLines wrote\n%s\nwant\n%s", b.String(), want)
	}
}
