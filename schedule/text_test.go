package schedule

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/entente/entente"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// summitRoadmap is the roadmap of 26 November 2024 as a secretariat might plan it: reconvene
// the same afternoon, meet in Minsk two weeks later, draft, review and approve the texts,
// and sign in February 2025. The calendars carry the two parties' holidays of the period.
func summitRoadmap() Input {
	pak := mondayToFriday("2024-12-25", "2025-02-05")
	blr := mondayToFriday("2024-12-25", "2025-01-01", "2025-01-02", "2025-01-07")
	a := func(id int64, title, party string, days int) Task {
		return Task{ID: id, Title: title, Calendar: party, Duration: days}
	}
	return Input{
		Today:     day(summit),
		Target:    entente.MustWhen("2025-02", "", false),
		Calendars: map[string]WorkingDays{"PAK": pak, "BLR": blr},
		Tasks: []Task{
			with(a(1, "Reconvene delegation-level talks", "PAK", 0), func(t *Task) { t.Status, t.Finished = Done, day(summit) }),
			with(a(2, "Follow-up round in Minsk", "BLR", 1), func(t *Task) { t.Start = day("2024-12-10") }),
			a(3, "Draft agriculture MoU", "PAK", 10),
			a(4, "Draft IT cooperation agreement", "BLR", 15),
			a(5, "Legal review of the drafts", "PAK", 10),
			a(6, "Approve the texts in both capitals", "BLR", 5),
			with(a(7, "Sign the agreements", "PAK", 0), func(t *Task) { t.Due = entente.MustWhen("2025-02", "", false) }),
			with(a(8, "Study of textile imports", "PAK", 20), func(t *Task) {
				t.Status, t.Progress, t.Due = InProgress, 25, entente.MustWhen("2025-03", "", false)
			}),
			with(a(9, "Inter-parliamentary exchange", "BLR", 5), func(t *Task) { t.Status = Blocked }),
		},
		Dependencies: []Dependency{
			fs(1, 2, 0), fs(2, 3, 0), fs(2, 4, 0), fs(3, 5, 0), fs(4, 5, 0),
			fs(5, 6, 2), fs(6, 7, 0), {Predecessor: 4, Successor: 8, Kind: FinishToFinish},
		},
	}
}

func TestWritersMatchGoldenFiles(t *testing.T) {
	in := summitRoadmap()
	res, err := Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	checkSchedule(t, in, res)
	var text bytes.Buffer
	if err := res.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	text.WriteString("\n")
	if err := WriteDeadlines(&text, res.Deadlines()); err != nil {
		t.Fatal(err)
	}
	js, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "summit.txt", text.Bytes())
	golden(t, "summit.json", append(js, '\n'))
}

// golden compares got with testdata/name, or rewrites the file under -update.
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
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; got:\n%s", path, got)
	}
}

func TestResultJSONRoundTrips(t *testing.T) {
	res, err := Compute(summitRoadmap())
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var back Result
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatal(err)
	}
	again, _ := json.Marshal(&back)
	if !bytes.Equal(js, again) {
		t.Errorf("JSON changes on a round trip:\n%s\n%s", js, again)
	}
}

func TestWriteTextKeepsRowsOnOneLine(t *testing.T) {
	res, err := Compute(Input{Today: day(summit), Tasks: []Task{{ID: 1, Title: "Draft\tthe\nMoU", Duration: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := res.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	// A header line, a column line, one row, one path.
	if lines := bytes.Count(b.Bytes(), []byte("\n")); lines != 4 || !bytes.Contains(b.Bytes(), []byte("Draft the MoU")) {
		t.Errorf("got %d lines:\n%s", lines, b.String())
	}
}
