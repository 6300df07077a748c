package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
	"github.com/entente/entente/sqlstore"
)

var updateCalendarGolden = flag.Bool("update-calendar", false, "rewrite the calendar and slot golden files under testdata/")

// TestCalendarCommandsOnTheDemo runs the calendar and slot commands on one database loaded
// with the demo (and so seeded with the shipped calendar notices), which they only read.
func TestCalendarCommandsOnTheDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	mustRun(t, "demo", "--load-only", "--db", db)
	t.Run("days golden", func(t *testing.T) { testCalendarDaysGolden(t, db) })
	t.Run("days JSON is the listing", func(t *testing.T) { testCalendarDaysJSONIsTheListing(t, db) })
	t.Run("later years are tentative", func(t *testing.T) { testLaterYearsAreTentative(t, db) })
	t.Run("add working days", func(t *testing.T) { testAddWorkingDays(t, db) })
	t.Run("slots for the demo meetings", func(t *testing.T) { testScheduleSlotsForTheDemoMeetings(t, db) })
	t.Run("bad input", func(t *testing.T) { testCalendarCommandsRefuseBadInput(t, db) })
}

// golden compares output with testdata/name, or rewrites it with -update-calendar.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateCalendarGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update-calendar to create it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("the output differs from %s; run go test -update-calendar and review the diff.\ngot:\n%s", path, got)
	}
}

// testCalendarDaysGolden lists the 2025 calendars of both parties from the demo database, as
// text and as JSON. The package's golden files hold the same years against the official
// lists; these hold what the command prints.
func testCalendarDaysGolden(t *testing.T, db string) {
	for _, party := range []string{"PAK", "BLR"} {
		for _, format := range []string{"txt", "json"} {
			t.Run(party+"."+format, func(t *testing.T) {
				args := []string{"calendar", "days", "--db", db, "--party", party, "--from", "2025-01-01", "--to", "2025-12-31"}
				if format == "json" {
					args = append(args, "--json")
				}
				golden(t, "calendar-days-"+party+"-2025."+format, mustRun(t, args...))
			})
		}
	}
}

// testCalendarDaysJSONIsTheListing checks that --json is exactly calendar.List of the days,
// with only the listing's statuses.
func testCalendarDaysJSONIsTheListing(t *testing.T, db string) {
	out := mustRun(t, "calendar", "days", "--db", db, "--party", "BLR", "--from", "2024-11-01", "--to", "2024-11-30", "--json")
	var got []calendar.Entry
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	blr, err := calendar.For("BLR", "", calendar.OfficialOverrides("BLR"))
	if err != nil {
		t.Fatal(err)
	}
	want := calendar.List(blr.Days(entente.NewDate(2024, 11, 1), entente.NewDate(2024, 11, 30)))
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d:\n%s", len(got), len(want), out)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("entry %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

// testLaterYearsAreTentative lists 2027: the Islamic holidays are predictions, Belarus's
// transfers are not announced, and the text says so before the table.
func testLaterYearsAreTentative(t *testing.T, db string) {
	for _, tc := range []struct{ party, note string }{
		{"PAK", "Islamic holidays of 2027 not yet announced"},
		{"BLR", "Transfers of working days for 2027 not yet announced"},
	} {
		out := mustRun(t, "calendar", "days", "--db", db, "--party", tc.party, "--from", "2027-01-01", "--to", "2027-12-31")
		note := strings.Index(out, "Note: "+tc.note)
		table := strings.Index(out, "DATE ")
		if note < 0 || table < note {
			t.Errorf("%s 2027: the note %q does not come before the table:\n%s", tc.party, tc.note, out)
		}
		if !strings.Contains(out, " tentative ") {
			t.Errorf("%s 2027 has no tentative holiday:\n%s", tc.party, out)
		}
	}
}

func testAddWorkingDays(t *testing.T, db string) {
	for _, tc := range []struct {
		party, from, days, want string
	}{
		{"BLR", "2024-11-26", "10", "2024-12-10 (Tuesday)"},
		{"BLR", "2024-12-10", "-10", "2024-11-26 (Tuesday)"},
		{"PAK", "2025-03-27", "2", "2025-04-03 (Thursday)"}, // over Eid-ul-Fitr
		{"PAK", "2025-03-27", "0", "2025-03-27 (Thursday)"},
	} {
		out := mustRun(t, "calendar", "add-working-days", "--db", db, "--party", tc.party, "--from", tc.from, "--days", tc.days)
		if !strings.HasPrefix(out, tc.want) {
			t.Errorf("%s %s %+s working days: %s, want %s", tc.party, tc.from, tc.days, out, tc.want)
		}
	}
	out := mustRun(t, "calendar", "add-working-days", "--db", db, "--party", "BLR", "--from", "2024-11-26", "--days", "10", "--json")
	var got struct {
		Party string       `json:"party"`
		Date  entente.Date `json:"date"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || got.Party != "BLR" || got.Date != entente.NewDate(2024, 12, 10) {
		t.Fatalf("--json: %v %s", err, out)
	}
}

// testScheduleSlotsForTheDemoMeetings finds slots in working time of both parties for the
// follow-up round (about 10 December 2024, in Minsk) and the signing (February 2025).
func testScheduleSlotsForTheDemoMeetings(t *testing.T, db string) {
	out := mustRun(t, "schedule", "slots", "--db", db, "--parties", "PAK,BLR", "--duration", "2h",
		"--from", "2024-12-09", "--to", "2024-12-13", "--zone", "UTC", "--limit", "12")
	golden(t, "schedule-slots-follow-up-round.txt", out)
	for _, window := range [][2]string{{"2024-12-09", "2024-12-13"}, {"2025-02-01", "2025-02-28"}} {
		out := mustRun(t, "schedule", "slots", "--db", db, "--parties", "PAK,BLR", "--duration", "2h",
			"--from", window[0], "--to", window[1], "--limit", "0", "--json")
		var slots []calendar.Slot
		if err := json.Unmarshal([]byte(out), &slots); err != nil {
			t.Fatal(err)
		}
		if len(slots) == 0 {
			t.Fatalf("no slot from %s to %s", window[0], window[1])
		}
		checkSlotsInWorkingTime(t, slots)
	}
}

// checkSlotsInWorkingTime checks every slot against each party's calendar and hours.
func checkSlotsInWorkingTime(t *testing.T, slots []calendar.Slot) {
	t.Helper()
	cals := map[string]*calendar.Calendar{}
	for _, p := range []string{"PAK", "BLR"} {
		c, err := calendar.For(p, "", calendar.OfficialOverrides(p))
		if err != nil {
			t.Fatal(err)
		}
		cals[p] = c
	}
	for _, s := range slots {
		if len(s.Local) != 2 || s.End.Sub(s.Start).Hours() != 2 {
			t.Fatalf("slot %+v", s)
		}
		for _, l := range s.Local {
			day := cals[l.Party].Day(l.Date)
			if !day.IsWorking() {
				t.Errorf("%s: %s is a %s", l.Party, l.Date, day.Status)
			}
			start := calendar.At(l.Start.Hour(), l.Start.Minute())
			end := start + calendar.TimeOfDay(l.End.Sub(l.Start).Minutes())
			inside := false
			for _, h := range day.Hours {
				inside = inside || (h.Start <= start && end <= h.End)
			}
			if !inside {
				t.Errorf("%s: %s %s–%s is outside the hours %v", l.Party, l.Date, l.Start.Format("15:04"), l.End.Format("15:04"), day.Hours)
			}
		}
	}
}

// TestCalendarCommandsReadTheDatabase adds an override to a copy of the demo database and
// sees it in the listing and the slots.
func TestCalendarCommandsReadTheDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	mustRun(t, "demo", "--load-only", "--db", path)
	db, err := sqlstore.Open(context.Background(), path, entente.SystemClock{})
	if err != nil {
		t.Fatal(err)
	}
	o := &entente.CalendarOverride{Party: "BLR", Kind: entente.OverrideHoliday, Date: entente.NewDate(2024, 12, 10),
		Name: "Extra day off", Source: "Council of Ministers, test"}
	err = sqlstore.NewCalendarService(db).CreateCalendarOverride(entente.WithCaller(context.Background(), entente.SystemCaller), o)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "calendar", "days", "--db", path, "--party", "BLR", "--from", "2024-12-01", "--to", "2024-12-31")
	if !strings.Contains(out, "2024-12-10  Tue  official  Extra day off") {
		t.Errorf("the stored override is not listed:\n%s", out)
	}
	out = mustRun(t, "schedule", "slots", "--db", path, "--parties", "PAK,BLR", "--duration", "2h", "--from", "2024-12-10", "--to", "2024-12-10")
	if !strings.Contains(out, "No slot") {
		t.Errorf("slots on a Belarus holiday:\n%s", out)
	}
}

// TestCalendarOfAPartyNotInTheDatabase uses the shipped notices and says so.
func TestCalendarOfAPartyNotInTheDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	out, stderr, err := runCLI(t, "calendar", "days", "--db", path, "--party", "pak", "--from", "2025-03-29", "--to", "2025-04-06")
	if err != nil || !strings.Contains(stderr, "PAK is not in the database") || !strings.Contains(out, "2025-03-31  Mon  official  Eid-ul-Fitr") {
		t.Fatalf("err %v\nstderr %s\nout %s", err, stderr, out)
	}
	if _, _, err := runCLI(t, "calendar", "days", "--db", path, "--party", "UZB"); err == nil || !strings.Contains(err.Error(), "UZB") {
		t.Fatalf("a party neither stored nor defined: %v", err)
	}
}

func testCalendarCommandsRefuseBadInput(t *testing.T, db string) {
	slots := func(extra ...string) []string {
		args := map[string]string{"--parties": "PAK,BLR", "--duration": "2h", "--from": "2024-12-09", "--to": "2024-12-13"}
		for i := 0; i+1 < len(extra); i += 2 {
			args[extra[i]] = extra[i+1]
		}
		out := []string{"schedule", "slots", "--db", db}
		for k, v := range args {
			out = append(out, k, v)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		args []string
		want string // in the error or the usage
	}{
		{"days without a party", []string{"calendar", "days", "--db", db}, "--party is required"},
		{"days of a malformed party", []string{"calendar", "days", "--db", db, "--party", "PAKI"}, "--party"},
		{"days with a malformed date", []string{"calendar", "days", "--db", db, "--party", "PAK", "--from", "2025-02-30"}, "--from"},
		{"days ending before they start", []string{"calendar", "days", "--db", db, "--party", "PAK", "--from", "2025-02-01", "--to", "2025-01-01"}, "before it starts"},
		{"days over a year", []string{"calendar", "days", "--db", db, "--party", "PAK", "--from", "2025-01-01", "--to", "2026-01-02"}, "at most 366 days"},
		{"too many working days", []string{"calendar", "add-working-days", "--db", db, "--party", "BLR", "--from", "2024-11-26", "--days", "100000"}, "at most 1000"},
		{"working days from a malformed date", []string{"calendar", "add-working-days", "--db", db, "--party", "BLR", "--from", "26.11.2024", "--days", "1"}, "--from"},
		{"an unknown subcommand", []string{"calendar", "weeks"}, "Usage: entente calendar"},
		{"slots of an unknown party", slots("--parties", "PAK,XYZ"), "XYZ"},
		{"slots of a party named twice", slots("--parties", "PAK,PAK"), "named twice"},
		{"slots of no time", slots("--duration", "0s"), "--duration"},
		{"slots of negative time", slots("--duration", "-1h"), "--duration"},
		{"slots in a zone that does not exist", slots("--zone", "Mars/Olympus_Mons"), "--zone"},
		{"slots in a window that ends before it starts", slots("--to", "2024-12-01"), "before it starts"},
		{"slots in a window over a year", slots("--to", "2026-01-01"), "at most 366 days"},
		{"slots from a malformed date", slots("--from", "2024-13-01"), "--from"},
		{"slots with unreadable hours", slots("--hours", "PAK=mon-fri 9-5"), "--hours PAK"},
		{"slots with hours of another party", slots("--hours", "UZB=mon-fri 09:00-17:00"), "not one of --parties"},
		{"slots with a step that is not whole minutes", slots("--step", "90s"), "--step"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, err := runCLI(t, tc.args...)
			if err == nil {
				t.Fatal("the command succeeded")
			}
			if msg := err.Error() + stderr; !strings.Contains(msg, tc.want) {
				t.Fatalf("%q does not say %q", msg, tc.want)
			}
		})
	}
}

// TestSeedingAtStartAddsTheNoticesOnce runs the seeding twice on the demo database.
func TestSeedingAtStartAddsTheNoticesOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	mustRun(t, "demo", "--load-only", "--db", path)
	db, err := sqlstore.Open(context.Background(), path, entente.SystemClock{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var stderr bytes.Buffer
	if err := seedCalendars(context.Background(), &env{stderr: &stderr}, db); err != nil || stderr.Len() > 0 {
		t.Fatalf("seeding again: %v %s", err, stderr.String())
	}
	list, err := sqlstore.NewCalendarService(db).FindCalendarOverrides(context.Background(), "PAK")
	if err != nil || len(list) != len(calendar.OfficialOverrides("PAK")) {
		t.Fatalf("PAK has %d overrides after two seedings (%v), want %d", len(list), err, len(calendar.OfficialOverrides("PAK")))
	}
}
