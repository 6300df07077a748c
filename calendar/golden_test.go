package calendar

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestGoldenYears compares the full year of each shipped calendar, with the shipped official
// notices, to a golden file: the listing "entente calendar days" prints, then the short days,
// the days that may still become days off, and the observances. The 2024 and 2025 files were
// checked by hand against the official lists (see the package's notices files); 2026 shows
// what a year without notices looks like.
func TestGoldenYears(t *testing.T) {
	for _, tc := range []struct {
		party, profile string
		year           int
	}{
		{"PAK", "", 2024}, {"PAK", "", 2025}, {"PAK", "", 2026},
		{"BLR", "", 2024}, {"BLR", "", 2025}, {"BLR", "", 2026},
	} {
		name := fmt.Sprintf("%s-%d.golden", tc.party, tc.year)
		t.Run(name, func(t *testing.T) {
			c := mustFor(t, tc.party, tc.profile, OfficialOverrides(tc.party))
			got := yearReport(t, c, tc.year)
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
				t.Errorf("%s differs from the computed year; run go test -update and review the diff.\ngot:\n%s", path, got)
			}
		})
	}
}

// yearReport writes a year of a calendar as the golden files hold it.
func yearReport(t *testing.T, c *Calendar, year int) []byte {
	t.Helper()
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s %d, office profile %s, with the shipped official notices\n", c.Name(), year, c.Profile())
	for _, n := range c.YearNotes(year) {
		fmt.Fprintf(&b, "# note: %s\n", n)
	}
	days := c.Days(entente.NewDate(year, 1, 1), entente.NewDate(year, 12, 31))
	if err := WriteTable(&b, days); err != nil {
		t.Fatal(err)
	}
	b.WriteString("\n# days to know about: short days, days that may still become days off, observances\n")
	for _, d := range days {
		var what []string
		if d.ShortDay {
			what = append(what, "short day (hours "+spansString(d.Hours)+")")
		}
		if d.MayBeOff {
			what = append(what, "may become a day off: "+d.Note)
		}
		for _, info := range d.Info {
			what = append(what, "observance: "+info)
		}
		if len(what) > 0 {
			fmt.Fprintf(&b, "%s %s %s\n", d.Date, d.Date.Weekday().String()[:3], strings.Join(what, "; "))
		}
	}
	return b.Bytes()
}
