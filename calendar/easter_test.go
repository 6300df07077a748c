package calendar

import (
	"testing"

	"github.com/entente/entente"
)

func date(s string) entente.Date {
	d, err := entente.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestEaster(t *testing.T) {
	// Western Easter Sundays from published tables, including the earliest (22 March 1818)
	// and latest (25 April 1943, 2038) possible dates.
	for _, tc := range []struct {
		year int
		want string
	}{
		{1818, "1818-03-22"}, {1943, "1943-04-25"}, {2000, "2000-04-23"}, {2008, "2008-03-23"},
		{2019, "2019-04-21"}, {2020, "2020-04-12"}, {2021, "2021-04-04"}, {2022, "2022-04-17"},
		{2023, "2023-04-09"}, {2024, "2024-03-31"}, {2025, "2025-04-20"}, {2026, "2026-04-05"},
		{2027, "2027-03-28"}, {2038, "2038-04-25"},
	} {
		if got := Easter(tc.year); got != date(tc.want) {
			t.Errorf("Easter(%d) = %s, want %s", tc.year, got, tc.want)
		}
	}
}

func TestOrthodoxEasterAndRadunitsa(t *testing.T) {
	// Orthodox Easter Sundays (Gregorian dates) and Radunitsa, the Tuesday nine days later,
	// as Belarus observed them.
	for _, tc := range []struct {
		year             int
		easter, radunica string
	}{
		{2017, "2017-04-16", "2017-04-25"},
		{2018, "2018-04-08", "2018-04-17"},
		{2019, "2019-04-28", "2019-05-07"},
		{2020, "2020-04-19", "2020-04-28"},
		{2021, "2021-05-02", "2021-05-11"},
		{2022, "2022-04-24", "2022-05-03"},
		{2023, "2023-04-16", "2023-04-25"},
		{2024, "2024-05-05", "2024-05-14"},
		{2025, "2025-04-20", "2025-04-29"},
		{2026, "2026-04-12", "2026-04-21"},
		{2027, "2027-05-02", "2027-05-11"},
		{2030, "2030-04-28", "2030-05-07"},
	} {
		if got := OrthodoxEaster(tc.year); got != date(tc.easter) {
			t.Errorf("OrthodoxEaster(%d) = %s, want %s", tc.year, got, tc.easter)
		}
		c := mustFor(t, "BLR", "", nil)
		d := c.Day(date(tc.radunica))
		if d.Status != Holiday || d.Name != "Radunitsa" {
			t.Errorf("%s: got %s %q, want the holiday Radunitsa", tc.radunica, d.Status, d.Name)
		}
		if d.Date.Weekday().String() != "Tuesday" {
			t.Errorf("Radunitsa %s is a %s, not a Tuesday", tc.radunica, d.Date.Weekday())
		}
	}
}

func TestOrthodoxEasterShiftAfter2100(t *testing.T) {
	// From 1 March 2100 the Julian calendar is 14 days behind: Julian Easter 2100 is
	// 18 April (Julian), 2 May (Gregorian); a fixed 13-day shift would give 1 May.
	if got := OrthodoxEaster(2100); got != date("2100-05-02") {
		t.Errorf("OrthodoxEaster(2100) = %s, want 2100-05-02", got)
	}
}

func TestNthWeekday(t *testing.T) {
	for _, tc := range []struct {
		rule NthWeekday
		year int
		want string
	}{
		{NthWeekday{Month: 5, Weekday: 0, N: 2}, 2024, "2024-05-12"},
		{NthWeekday{Month: 5, Weekday: 0, N: 2}, 2025, "2025-05-11"},
		{NthWeekday{Month: 5, Weekday: 1, N: -1}, 2025, "2025-05-26"},
		{NthWeekday{Month: 2, Weekday: 4, N: 5}, 2024, "2024-02-29"},
		{NthWeekday{Month: 2, Weekday: 4, N: 5}, 2025, ""},
	} {
		got := tc.rule.occurrences(tc.year, nil)
		if tc.want == "" {
			if len(got) != 0 {
				t.Errorf("%+v in %d: got %v, want none", tc.rule, tc.year, got[0].date)
			}
			continue
		}
		if len(got) != 1 || got[0].date != date(tc.want) {
			t.Errorf("%+v in %d: got %v, want %s", tc.rule, tc.year, got, tc.want)
		}
	}
}

func mustFor(t testing.TB, party, profile string, overrides []entente.CalendarOverride) *Calendar {
	t.Helper()
	c, err := For(party, profile, overrides)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
