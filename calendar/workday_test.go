package calendar

import (
	"testing"

	"github.com/entente/entente"
)

func TestAddWorkingDays(t *testing.T) {
	pak := mustFor(t, "PAK", "", OfficialOverrides("PAK"))
	blr := mustFor(t, "BLR", "", OfficialOverrides("BLR"))
	for _, tc := range []struct {
		cal  *Calendar
		from string
		n    int
		want string
	}{
		// "Meet again in two weeks" from the summit of 26 November 2024.
		{blr, "2024-11-26", 10, "2024-12-10"},
		{pak, "2024-11-26", 10, "2024-12-10"},
		{blr, "2024-11-26", 0, "2024-11-26"},
		{blr, "2024-11-30", 0, "2024-11-30"},
		// The bridge day off and the working Saturday of November 2024.
		{blr, "2024-11-06", 1, "2024-11-11"},
		{blr, "2024-11-15", 1, "2024-11-16"},
		{blr, "2024-11-18", -1, "2024-11-16"},
		{blr, "2024-11-11", -1, "2024-11-06"},
		// Across the Eid-ul-Fitr break of 2024 (10–13 April) and the weekend.
		{pak, "2024-04-09", 1, "2024-04-15"},
		{pak, "2024-04-15", -1, "2024-04-09"},
		{pak, "2024-12-24", 2, "2024-12-27"},
		{blr, "2024-12-30", 3, "2025-01-08"},
		{blr, "2025-01-08", -3, "2024-12-30"},
	} {
		if got := tc.cal.AddWorkingDays(date(tc.from), tc.n); got != date(tc.want) {
			t.Errorf("%s AddWorkingDays(%s, %d) = %s, want %s", tc.cal.Party(), tc.from, tc.n, got, tc.want)
		}
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	blr := mustFor(t, "BLR", "", OfficialOverrides("BLR"))
	for _, tc := range []struct {
		from, to string
		want     int
	}{
		{"2024-11-26", "2024-12-10", 10},
		{"2024-12-10", "2024-11-26", -10},
		{"2024-11-26", "2024-11-26", 0},
		{"2024-10-31", "2024-11-30", 20},  // 21 weekdays, 7 and 8 November off, 16 November worked
		{"2024-11-30", "2024-10-31", -21}, // stepping back meets 31 October too
		{"2024-11-15", "2024-11-16", 1},
		{"2024-11-16", "2024-11-15", -1},
		// 262 weekdays, 9 of them holidays; two transfers each give a weekday off and a
		// Saturday worked.
		{"2023-12-31", "2024-12-31", 253},
	} {
		if got := blr.WorkingDaysBetween(date(tc.from), date(tc.to)); got != tc.want {
			t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestNonWorkingDays(t *testing.T) {
	blr := mustFor(t, "BLR", "", OfficialOverrides("BLR"))
	for _, d := range blr.NonWorkingDays(date("2024-01-01"), date("2025-12-31")) {
		if d.IsOrdinary() {
			t.Errorf("%s is an ordinary working day in the non-working listing", d.Date)
		}
	}
	if n := len(blr.NonWorkingDays(date("2024-11-04"), date("2024-11-10"))); n != 4 {
		t.Errorf("week of 4 November 2024: %d non-working days, want 4 (7, 8, 9, 10)", n)
	}
}

// FuzzWorkingDayArithmetic checks that AddWorkingDays lands on a working day, and that
// WorkingDaysBetween undoes it, for any start and count.
func FuzzWorkingDayArithmetic(f *testing.F) {
	f.Add(int64(0), int16(10), true)
	f.Add(int64(130), int16(-25), false)
	f.Add(int64(-400), int16(300), true)
	pak := mustFor(f, "PAK", "", OfficialOverrides("PAK"))
	blr := mustFor(f, "BLR", "", OfficialOverrides("BLR"))
	f.Fuzz(func(t *testing.T, offset int64, n int16, belarus bool) {
		c := pak
		if belarus {
			c = blr
		}
		from := entente.NewDate(2024, 11, 26).AddDays(int(offset % 20000))
		to := c.AddWorkingDays(from, int(n))
		if n != 0 && !c.IsWorkingDay(to) {
			t.Fatalf("AddWorkingDays(%s, %d) = %s, not a working day", from, n, to)
		}
		if got := c.WorkingDaysBetween(from, to); got != int(n) {
			t.Fatalf("WorkingDaysBetween(%s, %s) = %d, want %d", from, to, got, n)
		}
	})
}
