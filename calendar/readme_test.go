package calendar

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/testenv"
)

// readCalendarsREADME returns the calendars README of the shared data: the specification the
// definitions follow.
func readCalendarsREADME(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testenv.SharedData(t, "calendars"), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestREADMEZones checks the definitions' zones against the README's table.
func TestREADMEZones(t *testing.T) {
	readme := readCalendarsREADME(t)
	for _, p := range Parties() {
		row := regexp.MustCompile(`(?m)^\| ` + p.Name + " \\| `([^`]+)`").FindStringSubmatch(readme)
		if row == nil {
			t.Errorf("the README has no zone for %s", p.Name)
			continue
		}
		if row[1] != p.Zone {
			t.Errorf("%s: definition zone %s, README %s", p.Name, p.Zone, row[1])
		}
	}
}

// TestREADMEFixedHolidays checks that every fixed Gregorian holiday of the README's tables is
// a holiday of the same name in 2025 by rule alone.
func TestREADMEFixedHolidays(t *testing.T) {
	readme := readCalendarsREADME(t)
	row := regexp.MustCompile(`(?m)^\| ((?:\d{1,2} [A-Z][a-z]{2}(?:, )?)+) \| ([^|]+?) \|`)
	sections := map[string]string{
		"PAK": between(readme, "## 2. Pakistan", "## 3. Belarus"),
		"BLR": between(readme, "## 3. Belarus", "### 3.3"),
	}
	for party, text := range sections {
		c := mustFor(t, party, "", nil)
		rows := row.FindAllStringSubmatch(text, -1)
		if len(rows) < 6 {
			t.Fatalf("%s: only %d fixed-date rows found in the README", party, len(rows))
		}
		for _, r := range rows {
			name := strings.Fields(r[2])[0]
			for _, day := range strings.Split(r[1], ", ") {
				d, err := time.Parse("2 Jan 2006", day+" 2025")
				if err != nil {
					t.Fatal(err)
				}
				got := c.Day(entente.DateOf(d))
				if got.Status != Holiday || !strings.Contains(got.Name, name) {
					t.Errorf("%s %s (%s): got %s %q", party, day, r[2], got.Status, got.Name)
				}
			}
		}
	}
}

// TestREADMEResolutions checks that the shipped Belarus notices cite the resolutions the
// README names for their years.
func TestREADMEResolutions(t *testing.T) {
	readme := readCalendarsREADME(t)
	sources := map[int]string{}
	for _, o := range OfficialOverrides("BLR") {
		if o.Kind == entente.OverrideTransfersAnnounced {
			sources[o.Date.Year] = o.Source
		}
	}
	cited := regexp.MustCompile(`(?m)^  - for (\d{4}): (No\. \d+) of`).FindAllStringSubmatch(readme, -1)
	if len(cited) == 0 {
		t.Fatal("no resolutions found in the README")
	}
	for _, c := range cited {
		year, _ := strconv.Atoi(c[1])
		src, shipped := sources[year]
		if shipped && !strings.Contains(src, c[2]+" ") {
			t.Errorf("%s: shipped source %q does not cite %s", c[1], src, c[2])
		}
	}
	for _, y := range []int{2024, 2025} {
		if sources[y] == "" {
			t.Errorf("no announced transfers shipped for %d", y)
		}
	}
}

func between(s, from, to string) string {
	_, after, _ := strings.Cut(s, from)
	before, _, _ := strings.Cut(after, to)
	return before
}
