package timex

import (
	"bytes"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// ref26Nov is the reference date of the Pakistan–Belarus talks (a Tuesday).
var ref26Nov = entente.Date{Year: 2024, Month: 11, Day: 26}

// only returns the single expression found in text, failing the test otherwise.
func only(t *testing.T, text string, ref entente.Date) Expr {
	t.Helper()
	got := Find(text, ref)
	if len(got) != 1 {
		t.Fatalf("Find(%q) found %d expressions, want 1: %+v", text, len(got), got)
	}
	return got[0]
}

func TestFindFirstCases(t *testing.T) {
	tests := []struct {
		text, span, typ, value, mod string
	}{
		{"The sides will reconvene this afternoon.", "this afternoon", TypeTime, "2024-11-26TAF", ""},
		{"They will meet again in two weeks.", "two weeks", TypeDuration, "P2W", ""},
		{"Agreements will be signed in February of the following year.", "February of the following year", TypeDate, "2025-02", ""},
		{"Exports rose every year.", "every year", TypeSet, "P1Y", ""},
		{"Trade fell in the 1990s.", "the 1990s", TypeDate, "199", ""},
		{"It will be ready by the end of the year.", "the end of the year", TypeDate, "2024", "END"},
	}
	for _, tt := range tests {
		e := only(t, tt.text, ref26Nov)
		if e.Text != tt.span || e.Type != tt.typ || e.Value != tt.value || e.Mod != tt.mod {
			t.Errorf("Find(%q) = %q %s %s %q, want %q %s %s %q", tt.text, e.Text, e.Type, e.Value, e.Mod, tt.span, tt.typ, tt.value, tt.mod)
		}
		if tt.text[e.Start:e.End] != e.Text {
			t.Errorf("Find(%q): offsets %d:%d do not give %q", tt.text, e.Start, e.End, e.Text)
		}
	}
}

func TestWriteJSONLines(t *testing.T) {
	var b bytes.Buffer
	exprs := []Expr{
		{Start: 0, End: 5, Text: "today", Type: TypeDate, Value: "2024-11-26"},
		{Start: 10, End: 29, Text: "the end of the <year>", Type: TypeDate, Value: "2024", Mod: "END"},
	}
	if err := WriteJSONLines(&b, exprs); err != nil {
		t.Fatal(err)
	}
	want := `{"start": 0, "end": 5, "text": "today", "type": "DATE", "value": "2024-11-26"}
{"start": 10, "end": 29, "text": "the end of the <year>", "type": "DATE", "value": "2024", "mod": "END"}
`
	if b.String() != want {
		t.Errorf("WriteJSONLines wrote\n%s\nwant\n%s", b.String(), want)
	}
}

func TestResolveEventDateInTwoWeeks(t *testing.T) {
	text := "The sides agreed to meet again in two weeks."
	e := only(t, text, ref26Nov)
	v, approx, ok := ResolveEventDate(e, ref26Nov, true)
	if !ok || v != "2024-12-10" || !approx {
		t.Errorf("ResolveEventDate(%q) = %q, %v, %v; want 2024-12-10, true, true", e.Text, v, approx, ok)
	}
	if !strings.Contains(text, e.Text) {
		t.Fatal("expression text not in input")
	}
}
