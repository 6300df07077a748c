package ingest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/testenv"
)

func TestScoreCountsMatches(t *testing.T) {
	gold := &Draft{
		Parties: []string{"PAK", "BLR"},
		People:  []Person{{Name: "Shehbaz Sharif", Role: "Prime Minister", Party: "PAK"}, {Name: "Aleksandr Lukashenko", Role: "President", Party: "BLR"}},
		Sectors: []string{"trade", "agriculture"},
		Events: []Event{
			{Kind: KindMeeting, TimePhrase: "today", Value: "2024-11-26", Granularity: "day", Status: StatusHeld, Location: "Islamabad"},
			{Kind: KindMeeting, TimePhrase: "in two weeks", Value: "2024-12-10", Granularity: "day", Status: StatusPlanned},
			{Kind: KindVisit, Status: StatusPlanned, Location: "Belarus"},
		},
		Commitments: []Commitment{
			{Statement: "Sign agreements", Responsible: "both", Due: "2025-02"},
			{Statement: "Belarus ready to share its technologies with Pakistan", Responsible: "BLR"},
		},
	}
	got := &Draft{
		Parties: []string{"PAK", "BLR", "KAZ"},
		People:  []Person{{Name: "Sharif", Role: "Prime Minister", Party: "PAK"}, {Name: "Aleksandr Lukashenko", Role: "Former President", Party: "BLR"}},
		Sectors: []string{"trade"},
		Events: []Event{
			{Kind: KindMeeting, TimePhrase: "today", Value: "2024-11-26", Granularity: "day", Status: StatusHeld, Location: "Islamabad (PM House)"},
			{Kind: KindMeeting, TimePhrase: "two weeks", Value: "2024-12-11", Granularity: "day", Status: StatusPlanned},
			{Kind: KindVisit, Status: StatusPlanned},
			{Kind: KindSigning, TimePhrase: "in February", Value: "2025-02", Status: StatusPlanned},
		},
		Commitments: []Commitment{
			{Statement: "The agreements are to be signed in February", Responsible: "both", Due: "2025-02"},
			{Statement: "Hold a forum", Responsible: "both"},
		},
	}
	s := Score(got, gold)
	checks := []struct {
		name string
		got  Counts
		want Counts
	}{
		{"parties", s.Parties, Counts{TP: 2, FP: 1, FN: 0}},
		{"people", s.People, Counts{TP: 1, FP: 1, FN: 1}},
		{"sectors", s.Sectors, Counts{TP: 1, FP: 0, FN: 1}},
		{"events", s.Events, Counts{TP: 3, FP: 1, FN: 0}},
		{"commitments", s.Commitments, Counts{TP: 1, FP: 1, FN: 1}},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %+v, want %+v", c.name, c.got, c.want)
		}
	}
	accs := []struct {
		name      string
		got, want Accuracy
	}{
		{"person role", s.PersonRole, Accuracy{0, 1}}, // "Former President" is not "President"
		{"event value", s.EventValue, Accuracy{2, 3}},
		{"event location", s.EventLocation, Accuracy{2, 3}}, // the visit has no place
		{"commitment due", s.Due, Accuracy{1, 1}},
	}
	for _, a := range accs {
		if a.got != a.want {
			t.Errorf("%s = %+v, want %+v", a.name, a.got, a.want)
		}
	}
	if f := s.Parties.F1(); f < 0.79 || f > 0.81 {
		t.Errorf("parties F1 = %v, want 0.8", f)
	}
}

// bar is what Read must reach on statements of the corpus's kind (issue 5).
func checkBar(t *testing.T, r Report) {
	t.Helper()
	tot := r.Total
	for _, b := range []struct {
		name string
		got  float64
		min  float64
	}{
		{"parties F1", tot.Parties.F1(), 0.97},
		{"sectors F1", tot.Sectors.F1(), 0.85},
		{"events F1", tot.Events.F1(), 0.85},
		{"event values correct", tot.EventValue.Rate(), 0.85},
		{"commitments F1", tot.Commitments.F1(), 0.70},
	} {
		if b.got < b.min {
			t.Errorf("%s = %.2f, below %.2f", b.name, b.got, b.min)
		}
	}
}

// TestEvaluateOwnStatements scores Read on the statements written for these tests (other
// country pairs and forms than the corpus's dev files) and keeps each table in a golden file.
// Batches a and b were read while Read was developed and must meet the bar. Batch c was kept
// unseen when written, and batch d was annotated before the rules it then guided were
// written (its first, unseen score: parties 1.00, sectors 0.84, events 0.70 with 0.89 of
// values right, commitments 0.78), and batch e after those rules (first score: parties 0.96,
// sectors 0.96, events 0.87 with 1.00 of values right, commitments 0.78); their tables are
// only compared with their golden files, which record what Read does, not what it should.
func TestEvaluateOwnStatements(t *testing.T) {
	for _, batch := range []struct {
		dir, golden string
		files       int
		bar         bool
	}{
		{"statements", "statements.table.golden", 8, true},
		{"statements-b", "statements-b.table.golden", 6, true},
		{"statements-c", "statements-c.table.golden", 4, false},
		{"statements-d", "statements-d.table.golden", 9, false},
		{"statements-e", "statements-e.table.golden", 6, false},
	} {
		t.Run(batch.dir, func(t *testing.T) {
			r, err := Evaluate(filepath.Join("testdata", batch.dir))
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Files) < batch.files {
				t.Fatalf("%d statements, want at least %d", len(r.Files), batch.files)
			}
			if batch.bar {
				checkBar(t, r)
			}
			var buf bytes.Buffer
			if err := r.WriteTable(&buf); err != nil {
				t.Fatal(err)
			}
			golden(t, batch.golden, buf.Bytes())
		})
	}
}

// TestEvaluateDev scores Read on the corpus's dev split.
func TestEvaluateDev(t *testing.T) {
	dir := testenv.SharedData(t, "statements/dev")
	r, err := Evaluate(dir)
	if err != nil {
		t.Fatal(err)
	}
	checkBar(t, r)
	var buf bytes.Buffer
	if err := r.WriteTable(&buf); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", buf.String())
}

func TestEvaluateRefusesBadFolders(t *testing.T) {
	empty := t.TempDir()
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "x.json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		dir, code string
	}{
		{filepath.Join(empty, "missing"), entente.ENOTFOUND},
		{empty, entente.EINVALID},
		{bad, entente.EINVALID},
	} {
		_, err := Evaluate(tt.dir)
		var e *entente.Error
		if !errors.As(err, &e) || e.Code != tt.code {
			t.Errorf("Evaluate(%s) = %v, want code %s", tt.dir, err, tt.code)
		}
	}
}
