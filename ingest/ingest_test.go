package ingest

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// readFile reads a statement of testdata through Read.
func readFile(t testing.TB, name, date string) (*Draft, string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	ref, err := entente.ParseDate(date)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(string(b), ref)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return d, string(b)
}

// TestReadPakistanBelarus reads the statement about the talks of 26 November 2024 that the
// demo roadmap is rebuilt from, and checks what the demo needs from it.
func TestReadPakistanBelarus(t *testing.T) {
	d, text := readFile(t, "pak-blr-2024-11-26.txt", "2024-11-26")
	if !slices.Equal(d.Parties, []string{"PAK", "BLR"}) {
		t.Errorf("parties = %v, want [PAK BLR]", d.Parties)
	}
	for _, want := range []string{"agriculture", "mining_minerals", "information_technology", "heavy_machinery",
		"defense", "trade", "textiles", "parliamentary", "political_dialogue"} {
		if !slices.Contains(d.Sectors, want) {
			t.Errorf("sectors %v lack %s", d.Sectors, want)
		}
	}
	wantEvents := []struct {
		kind, value, status string
		approximate         bool
		location            string
	}{
		{KindMeeting, "2024-11-26", StatusHeld, false, "Islamabad"},
		{KindMeeting, "2024-11-26TAF", StatusPlanned, false, ""},
		{KindMeeting, "2024-12-10", StatusPlanned, true, "Minsk"},
		{KindSigning, "2025-02", StatusPlanned, false, ""},
		{KindVisit, "", StatusPlanned, false, "Belarus"},
	}
	for _, w := range wantEvents {
		found := false
		for _, e := range d.Events {
			if e.Kind == w.kind && string(e.Value) == w.value && e.Status == w.status && e.Approximate == w.approximate &&
				(w.location == "" || string(e.Location) == w.location) {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s event with value %q, status %s, approximate %v, location %q in %+v", w.kind, w.value, w.status, w.approximate, w.location, d.Events)
		}
	}
	kinds := map[string]bool{}
	for _, e := range d.Events {
		kinds[e.MeetingKind] = true
		if text[e.Evidence.Start:e.Evidence.End] == "" || !strings.Contains(text[e.Evidence.Start:e.Evidence.End], strings.TrimSpace(string(e.TimePhrase))) {
			t.Errorf("event %s: evidence %q does not hold its time phrase %q", e.ID, text[e.Evidence.Start:e.Evidence.End], e.TimePhrase)
		}
	}
	if !kinds["leaders_talks"] || !kinds["delegation_talks"] {
		t.Errorf("want both leaders' and delegation-level talks, got meeting kinds %v", kinds)
	}
	wantInterests := map[string]string{InterestOffer: "BLR→PAK", InterestRequest: "BLR→PAK"}
	for _, i := range d.Interests {
		if wantInterests[i.Kind] == i.From+"→"+i.To {
			delete(wantInterests, i.Kind)
		}
	}
	if len(wantInterests) > 0 {
		t.Errorf("missing interests %v in %+v", wantInterests, d.Interests)
	}
	visit := false
	for _, c := range d.Commitments {
		visit = visit || (c.Responsible == "PAK" && strings.Contains(c.Statement, "visit Belarus"))
	}
	if !visit {
		t.Errorf("no commitment of Pakistan to visit Belarus in %+v", d.Commitments)
	}
}

// TestDraftGolden keeps the whole draft of the statement, as JSON and as text, in golden
// files; run with -update after a deliberate change and review the difference.
func TestDraftGolden(t *testing.T) {
	d, _ := readFile(t, "pak-blr-2024-11-26.txt", "2024-11-26")
	var js, txt bytes.Buffer
	if err := d.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteText(&txt); err != nil {
		t.Fatal(err)
	}
	golden(t, "pak-blr-2024-11-26.golden.json", js.Bytes())
	golden(t, "pak-blr-2024-11-26.golden.txt", txt.Bytes())
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run go test -update and review the diff\n--- got\n%s", path, got)
	}
}

func TestReadRefusesWhatIsNotAStatement(t *testing.T) {
	ref := entente.NewDate(2024, 11, 26)
	tests := []struct {
		name, text string
		date       entente.Date
		message    string
	}{
		{"empty", "", ref, "empty"},
		{"white space", " \n\t \n", ref, "empty"},
		{"punctuation only", "... --- !!!", ref, "empty"},
		{"binary", string([]byte{0x00, 0x01, 0xff, 0xfe, 0x02, 0x03, 0x89, 'P', 'N', 'G', 0x00, 0x00}), ref, "not text"},
		{"Russian", "Президент Беларуси Александр Лукашенко провёл переговоры с премьер-министром Пакистана в Исламабаде.", ref, "No English sentences"},
		{"German", "Die beiden Regierungen haben heute in Berlin eine gemeinsame Erklärung über die Zusammenarbeit unterzeichnet.", ref, "No English sentences"},
		{"no date", "Pakistan and Belarus met.", entente.Date{}, "publication date"},
		{"too long", strings.Repeat("a", MaxText+1), ref, "limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(tt.text, tt.date)
			var e *entente.Error
			if !errors.As(err, &e) || e.Code != entente.EINVALID || !strings.Contains(e.Message, tt.message) {
				t.Fatalf("Read = %v, %v; want an EINVALID error saying %q", d, err, tt.message)
			}
		})
	}
}

func TestReadTextWithoutDates(t *testing.T) {
	d, err := Read("Kenya and Tanzania agreed to remove the barriers to trade between them. The two presidents held talks on energy.", entente.NewDate(2021, 8, 25))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Parties, []string{"KEN", "TZA"}) || len(d.Commitments) == 0 {
		t.Errorf("draft = %+v, want parties KEN, TZA and a commitment", d)
	}
	if len(d.Notes) == 0 || !strings.Contains(d.Notes[0], "No dates") {
		t.Errorf("notes = %v, want one saying there are no dates", d.Notes)
	}
	for _, e := range d.Events {
		if e.Value != "" && !e.Implicit {
			t.Errorf("event %+v has a date the text does not give", e)
		}
	}
}

func TestReadEnglishWithForeignSentences(t *testing.T) {
	text := "Президент провёл переговоры.\n\nPakistan and Belarus agreed today to expand trade."
	d, err := Read(text, entente.NewDate(2024, 11, 26))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Notes) == 0 || !strings.Contains(d.Notes[0], "not in English") {
		t.Errorf("notes = %v, want one about the skipped sentence", d.Notes)
	}
	if !slices.Equal(d.Parties, []string{"PAK", "BLR"}) {
		t.Errorf("parties = %v", d.Parties)
	}
}

// TestReadLongText reads 5 MB of statements; it must finish (linear time) and find the
// parties. The time it takes is measured by BenchmarkRead5MB, not asserted here.
func TestReadLongText(t *testing.T) {
	if testing.Short() {
		t.Skip("5 MB read skipped in -short mode")
	}
	b, err := os.ReadFile(filepath.Join("testdata", "pak-blr-2024-11-26.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat(string(b)+"\n\n", MaxText/(len(b)+2))
	d, err := Read(text, entente.NewDate(2024, 11, 26))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Parties, []string{"PAK", "BLR"}) || len(d.Events) == 0 {
		t.Errorf("long text: parties %v, %d events", d.Parties, len(d.Events))
	}
}
