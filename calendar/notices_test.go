package calendar

import (
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
)

// TestPakistanNoticesAgreeWithRules checks the shipped Pakistan notices against the rules:
// every holiday the rules give in 2024 and 2025 (with the announced moon sightings) is
// confirmed by a notice, and every notice either confirms a ruled holiday, extends an Eid
// break by a day, or is one of the one-off holidays named here.
func TestPakistanNoticesAgreeWithRules(t *testing.T) {
	notices := OfficialOverrides("PAK")
	var sightings []entente.CalendarOverride
	notified := map[entente.Date]string{}
	for _, o := range notices {
		switch o.Kind {
		case entente.OverrideHijriMonthStart:
			sightings = append(sightings, o)
		case entente.OverrideHoliday:
			notified[o.Date] = o.Name
		}
	}
	oneOff := map[entente.Date]bool{date("2024-02-08"): true} // general elections
	ruled := mustFor(t, "PAK", "", sightings)
	for y := 2024; y <= 2025; y++ {
		for _, d := range ruled.Days(entente.NewDate(y, 1, 1), entente.NewDate(y, 12, 31)) {
			if d.Status == Holiday {
				if _, ok := notified[d.Date]; !ok {
					t.Errorf("%s %s is a holiday by rule but no notice lists it", d.Date, d.Name)
				}
				if d.HolidayStatus == Tentative {
					t.Errorf("%s %s is still tentative though its month's sighting is shipped", d.Date, d.Name)
				}
			}
		}
	}
	for day, name := range notified {
		r := ruled.Day(day)
		switch {
		case r.Status == Holiday && strings.HasPrefix(r.Name, name):
		case oneOff[day]:
		case extendsBreak(ruled, day, name):
		default:
			t.Errorf("notice %s %q matches no rule, extends no break and is not a known one-off", day, name)
		}
	}
}

// extendsBreak reports whether day is next to a ruled holiday of the same name (the fourth
// day of an Eid break).
func extendsBreak(c *Calendar, day entente.Date, name string) bool {
	for _, n := range []int{-1, 1} {
		if d := c.Day(day.AddDays(n)); d.Status == Holiday && strings.HasPrefix(d.Name, name) {
			return true
		}
	}
	return false
}

// TestPakistanSightingsWindow checks the README's observation on the shipped sightings:
// Pakistan's months began on the Umm al-Qura day or up to two days later, never earlier.
func TestPakistanSightingsWindow(t *testing.T) {
	n := 0
	for _, o := range OfficialOverrides("PAK") {
		if o.Kind != entente.OverrideHijriMonthStart {
			continue
		}
		n++
		uq, _ := UmmAlQuraMonthStart(o.HijriYear, o.HijriMonth)
		if off := o.Date.DaysSince(uq); off < 0 || off > 2 {
			t.Errorf("%d %s began %s, %d days from Umm al-Qura %s", o.HijriYear, HijriMonthName(o.HijriMonth), o.Date, off, uq)
		}
	}
	if n != 8 {
		t.Errorf("%d sightings shipped, want the 4 lunar holidays' months of 2024 and 2025", n)
	}
}

// TestPakistanGeneralHolidayCount checks the rules against the README: the 2025 circular
// announced 17 general holidays (the three-day Eids, two Ashura days, and 26 December for
// Christian employees among them).
func TestPakistanGeneralHolidayCount(t *testing.T) {
	var sightings []entente.CalendarOverride
	for _, o := range OfficialOverrides("PAK") {
		if o.Kind == entente.OverrideHijriMonthStart {
			sightings = append(sightings, o)
		}
	}
	c := mustFor(t, "PAK", "", sightings)
	n := 0
	for _, d := range c.Days(date("2025-01-01"), date("2025-12-31")) {
		if d.Status == Holiday {
			n++
		}
		for _, info := range d.Info {
			if strings.Contains(info, "Christian employees") {
				n++
			}
		}
	}
	if n != 17 {
		t.Errorf("the rules give %d general holidays in 2025, want 17", n)
	}
}

// TestBelarusTransfersAreBridges checks the shipped transfers against the pattern of the
// README: each day off lies between a holiday and a weekend day, each worked day is a
// Saturday within six weeks of it, and each year with transfers is marked announced.
func TestBelarusTransfersAreBridges(t *testing.T) {
	bare := mustFor(t, "BLR", "", nil)
	announced := map[int]bool{}
	var transfers []entente.CalendarOverride
	for _, o := range OfficialOverrides("BLR") {
		switch o.Kind {
		case entente.OverrideTransfersAnnounced:
			announced[o.Date.Year] = true
		case entente.OverrideTransfer:
			transfers = append(transfers, o)
		}
	}
	for _, o := range transfers {
		before, after := bare.Day(o.Date.AddDays(-1)), bare.Day(o.Date.AddDays(1))
		bridge := (before.Status == Holiday && after.Status == Weekend) || (before.Status == Weekend && after.Status == Holiday)
		if !bridge {
			t.Errorf("transfer %s: between %s and %s, not a bridge between a holiday and a weekend", o.Date, before.Status, after.Status)
		}
		if o.ToDate.Weekday() != time.Saturday || abs(o.ToDate.DaysSince(o.Date)) > 42 {
			t.Errorf("transfer %s → %s: the worked day should be a Saturday within six weeks", o.Date, o.ToDate)
		}
		if !announced[o.Date.Year] {
			t.Errorf("transfer %s: its year is not marked announced", o.Date)
		}
		if o.Office != "five_day" {
			t.Errorf("transfer %s applies to %q, want the five-day week", o.Date, o.Office)
		}
	}
	if len(transfers) != 6 {
		t.Errorf("%d transfers shipped, want 2 for 2024 and 4 for 2025", len(transfers))
	}
}

func abs(n int) int { return max(n, -n) }

func TestOfficialOverridesCarryParty(t *testing.T) {
	for _, p := range []string{"PAK", "BLR"} {
		list := OfficialOverrides(strings.ToLower(p))
		if len(list) == 0 {
			t.Fatalf("%s ships no notices", p)
		}
		for _, o := range list {
			if o.Party != p || o.Source == "" {
				t.Errorf("%s: %+v lacks its party or source", p, o)
			}
		}
	}
	if OfficialOverrides("CHN") != nil {
		t.Error("a party without a definition ships no notices")
	}
}

func TestMissingOfficial(t *testing.T) {
	all := OfficialOverrides("BLR")
	if got := MissingOfficial("BLR", nil); len(got) != len(all) {
		t.Errorf("nothing stored: %d missing, want %d", len(got), len(all))
	}
	stored := OfficialOverrides("BLR")
	for i := range stored {
		stored[i].ID, stored[i].Version = int64(i+1), 3
		stored[i].Source += " (corrected by a user)"
	}
	if got := MissingOfficial("BLR", stored); len(got) != 0 {
		t.Errorf("all stored, some edited: %d missing, want none: %+v", len(got), got)
	}
	if got := MissingOfficial("BLR", stored[1:]); len(got) != 1 || got[0] != all[0] {
		t.Errorf("one absent: got %+v, want %+v", got, all[0])
	}
	pak := OfficialOverrides("PAK")
	moved := pak[3] // a sighting: matched by its Hijri month, not its date
	if moved.Kind != entente.OverrideHijriMonthStart {
		t.Fatalf("fixture changed: %+v", moved)
	}
	moved.Date = moved.Date.AddDays(1)
	if got := MissingOfficial("PAK", append(append([]entente.CalendarOverride{}, pak[:3]...), append([]entente.CalendarOverride{moved}, pak[4:]...)...)); len(got) != 0 {
		t.Errorf("a corrected sighting is re-seeded: %+v", got)
	}
}
