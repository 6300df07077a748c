package calendar

import (
	"strings"
	"sync"
	"testing"

	"github.com/entente/entente"
)

func TestDayStatuses(t *testing.T) {
	pak := mustFor(t, "PAK", "", OfficialOverrides("PAK"))
	pak6 := mustFor(t, "PAK", "six_day", OfficialOverrides("PAK"))
	blr := mustFor(t, "BLR", "", OfficialOverrides("BLR"))
	blr6 := mustFor(t, "BLR", "six_day", OfficialOverrides("BLR"))
	bare := mustFor(t, "PAK", "", nil)
	for _, tc := range []struct {
		name      string
		cal       *Calendar
		day       string
		status    Status
		holiday   HolidayStatus
		nameHas   string
		working   bool
		transfer  string
		shortDay  bool
		mayBeOff  bool
		infoHas   string
		hoursWant string
	}{
		{name: "Pakistan weekday", cal: pak, day: "2024-11-26", status: Working, working: true, hoursWant: "[08:00-16:00]"},
		{name: "Pakistan Friday prayers", cal: pak, day: "2024-11-29", status: Working, working: true, hoursWant: "[08:00-12:00 14:00-16:00]"},
		{name: "Pakistan Saturday", cal: pak, day: "2024-11-30", status: Weekend, nameHas: "Saturday"},
		{name: "six-day office works Saturday", cal: pak6, day: "2024-11-30", status: Working, working: true, hoursWant: "[08:00-16:00]"},
		{name: "Eid announced", cal: pak, day: "2025-03-31", status: Holiday, holiday: Official, nameHas: "Eid-ul-Fitr"},
		{name: "extra Eid day", cal: pak, day: "2025-06-09", status: Holiday, holiday: Official, nameHas: "Eid-ul-Azha"},
		{name: "without notices Eid is predicted", cal: bare, day: "2025-03-31", status: Holiday, holiday: Tentative, nameHas: "1 Shawwal 1446"},
		{name: "without notices the Umm al-Qura day may be off", cal: bare, day: "2025-03-28", status: Working, working: true, mayBeOff: false},
		{name: "fixed holiday computed", cal: bare, day: "2025-08-14", status: Holiday, holiday: Computed, nameHas: "Independence Day"},
		{name: "Christian employees only", cal: pak, day: "2025-12-26", status: Working, working: true, infoHas: "Christian employees"},
		{name: "Radunitsa", cal: blr, day: "2024-05-14", status: Holiday, holiday: Computed, nameHas: "Radunitsa"},
		{name: "Belarus bridge day off", cal: blr, day: "2024-05-13", status: DayOffTransfer, transfer: "2024-05-18", nameHas: "Saturday 18 May 2024"},
		{name: "Belarus working Saturday", cal: blr, day: "2024-05-18", status: WorkingTransfer, working: true, transfer: "2024-05-13", hoursWant: "[09:00-13:00 14:00-18:00]"},
		{name: "six-day Belarus: no transfer, eve of Radunitsa", cal: blr6, day: "2024-05-13", status: Working, working: true, shortDay: true},
		{name: "six-day Belarus Saturday", cal: blr6, day: "2024-05-18", status: Working, working: true, hoursWant: "[09:00-14:00]"},
		{name: "Belarus pre-holiday short day", cal: blr, day: "2024-11-06", status: Working, working: true, shortDay: true, hoursWant: "[09:00-13:00 14:00-17:00]"},
		{name: "eve of a Saturday holiday", cal: blr, day: "2025-03-07", status: Working, working: true, shortDay: true},
		{name: "working observance", cal: blr, day: "2024-09-17", status: Working, working: true, infoHas: "National Unity"},
		{name: "holiday on a weekend", cal: blr, day: "2025-03-08", status: Holiday, holiday: Computed, nameHas: "Women's Day"},
		{name: "Belarus unannounced bridge", cal: blr, day: "2027-05-10", status: Working, working: true, mayBeOff: true, shortDay: true},
		{name: "Belarus unannounced Radunitsa", cal: blr, day: "2027-05-11", status: Holiday, holiday: Tentative},
		{name: "Pakistan lunar range", cal: pak, day: "2027-03-09", status: Working, working: true, mayBeOff: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.cal.Day(date(tc.day))
			if d.Date != date(tc.day) || d.Status != tc.status || d.HolidayStatus != tc.holiday {
				t.Errorf("%s: got %s %s %s, want %s %s", tc.day, d.Date, d.Status, d.HolidayStatus, tc.status, tc.holiday)
			}
			if !strings.Contains(d.Name, tc.nameHas) {
				t.Errorf("name %q does not contain %q", d.Name, tc.nameHas)
			}
			if tc.cal.IsWorkingDay(d.Date) != tc.working {
				t.Errorf("IsWorkingDay = %v, want %v", !tc.working, tc.working)
			}
			if tc.transfer != "" && d.TransferDate != date(tc.transfer) {
				t.Errorf("transfer date %s, want %s", d.TransferDate, tc.transfer)
			}
			if d.ShortDay != tc.shortDay || d.MayBeOff != tc.mayBeOff {
				t.Errorf("short %v may-be-off %v, want %v %v", d.ShortDay, d.MayBeOff, tc.shortDay, tc.mayBeOff)
			}
			if tc.infoHas != "" && !strings.Contains(strings.Join(d.Info, "; "), tc.infoHas) {
				t.Errorf("info %q does not mention %q", d.Info, tc.infoHas)
			}
			if tc.hoursWant != "" && spansString(d.Hours) != tc.hoursWant {
				t.Errorf("hours %s, want %s", spansString(d.Hours), tc.hoursWant)
			}
			if !d.IsWorking() && len(d.Hours) > 0 {
				t.Errorf("a day off has hours %s", spansString(d.Hours))
			}
		})
	}
}

func TestTentativeLunarRange(t *testing.T) {
	// Without notices, Eid-ul-Fitr 1446 is predicted one day after Umm al-Qura (30 March
	// 2025) and may start on 30 or 31 March or 1 April: the three days may fall from
	// 30 March to 3 April.
	c := mustFor(t, "PAK", "", nil)
	want := Range{date("2025-03-30"), date("2025-04-03")}
	for _, s := range []string{"2025-03-31", "2025-04-01", "2025-04-02"} {
		d := c.Day(date(s))
		if d.HolidayStatus != Tentative || d.PossibleRange != want || !strings.Contains(d.Note, "moon") {
			t.Errorf("%s: %s %s %v %q, want tentative over %v", s, d.Status, d.HolidayStatus, d.PossibleRange, d.Note, want)
		}
	}
	for _, s := range []string{"2025-04-03"} {
		if d := c.Day(date(s)); d.Status != Working || !d.MayBeOff {
			t.Errorf("%s: %s may-be-off %v, want a working day that may be off", s, d.Status, d.MayBeOff)
		}
	}
	if d := c.Day(date("2025-04-04")); d.MayBeOff {
		t.Errorf("2025-04-04 is outside the range but marked may-be-off")
	}
}

func TestSightingMovesTheWholeMonth(t *testing.T) {
	// An announced start of Muharram moves both Ashura days and makes them official.
	c := mustFor(t, "PAK", "", []entente.CalendarOverride{{
		Kind: entente.OverrideHijriMonthStart, HijriYear: 1448, HijriMonth: 1, Date: date("2026-06-18"), Source: "test notice",
	}})
	for _, s := range []string{"2026-06-26", "2026-06-27"} {
		d := c.Day(date(s))
		if d.Status != Holiday || d.HolidayStatus != Official || !strings.Contains(d.Name, "Ashura") || d.Source != "test notice" {
			t.Errorf("%s: %s %s %q from %q, want official Ashura", s, d.Status, d.HolidayStatus, d.Name, d.Source)
		}
	}
	if d := c.Day(date("2026-06-25")); d.Status != Working || d.MayBeOff {
		t.Errorf("2026-06-25: %s may-be-off %v, want an ordinary working day once the month is announced", d.Status, d.MayBeOff)
	}
}

func TestOverrideKinds(t *testing.T) {
	notice := func(kind, day, to, name string) entente.CalendarOverride {
		o := entente.CalendarOverride{Kind: kind, Date: date(day), Name: name, Source: "test notice"}
		if to != "" {
			o.ToDate = date(to)
		}
		return o
	}
	c := mustFor(t, "BLR", "", []entente.CalendarOverride{
		notice(entente.OverrideNoHoliday, "2027-11-07", "", ""),
		notice(entente.OverrideMoveHoliday, "2027-07-03", "2027-07-05", ""),
		notice(entente.OverrideHoliday, "2027-06-01", "", "State funeral"),
		notice(entente.OverrideWorkingDay, "2027-06-05", "", "Working Saturday for the census"),
	})
	for _, tc := range []struct {
		day     string
		status  Status
		hs      HolidayStatus
		nameHas string
	}{
		{"2027-11-07", Weekend, "", "Sunday"},
		{"2027-07-03", Weekend, "", "Saturday"},
		{"2027-07-05", Holiday, Official, "Independence Day"},
		{"2027-06-01", Holiday, Official, "State funeral"},
		{"2027-06-05", WorkingTransfer, "", "census"},
	} {
		d := c.Day(date(tc.day))
		if d.Status != tc.status || d.HolidayStatus != tc.hs || !strings.Contains(d.Name, tc.nameHas) {
			t.Errorf("%s: %s %s %q, want %s %s %q", tc.day, d.Status, d.HolidayStatus, d.Name, tc.status, tc.hs, tc.nameHas)
		}
	}
}

func TestOfficeScopedOverride(t *testing.T) {
	o := []entente.CalendarOverride{{Kind: entente.OverrideHoliday, Date: date("2027-04-10"), Name: "Extra Eid day", Office: "six_day", Source: "test notice"}}
	if d := mustFor(t, "PAK", "six_day", o).Day(date("2027-04-10")); d.Status != Holiday {
		t.Errorf("six-day office: %s, want the holiday", d.Status)
	}
	if d := mustFor(t, "PAK", "", o).Day(date("2027-04-10")); d.Status != Weekend {
		t.Errorf("five-day office: %s, want the plain weekend", d.Status)
	}
}

func TestForErrors(t *testing.T) {
	for _, tc := range []struct {
		party, profile string
		code, field    string
	}{
		{"CHN", "", entente.ENOTFOUND, "party"},
		{"PK", "", entente.EINVALID, "party"},
		{"P4K", "", entente.EINVALID, "party"},
		{"PAK", "provincial", entente.EINVALID, "profile"},
	} {
		_, err := For(tc.party, tc.profile, nil)
		if entente.ErrorCode(err) != tc.code || entente.ErrorFields(err)[tc.field] == "" {
			t.Errorf("For(%q, %q): %v, want %s on %s", tc.party, tc.profile, err, tc.code, tc.field)
		}
	}
	if c, err := For("pak", "", nil); err != nil || c.Party() != "PAK" || c.Profile() != "federal_five_day" {
		t.Errorf("For(pak): %v, %v", c, err)
	}
	if err := entente.ErrorMessage(func() error { _, err := For("CHN", "", nil); return err }()); !strings.Contains(err, "BLR, PAK") {
		t.Errorf("the not-found message %q should name the parties that have definitions", err)
	}
}

func TestGenericCalendar(t *testing.T) {
	c, err := Generic("chn", "Asia/Shanghai", []entente.CalendarOverride{
		{Kind: entente.OverrideHoliday, Date: date("2025-10-01"), Name: "National Day", Source: "test notice"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !c.IsGeneric() || c.Party() != "CHN" || c.Location().String() != "Asia/Shanghai" {
		t.Errorf("got %v %s %s", c.IsGeneric(), c.Party(), c.Location())
	}
	if d := c.Day(date("2025-10-01")); d.Status != Holiday || d.HolidayStatus != Official {
		t.Errorf("entered holiday: %s %s", d.Status, d.HolidayStatus)
	}
	if d := c.Day(date("2025-01-01")); d.Status != Working {
		t.Errorf("a generic calendar knows no holidays, got %s", d.Status)
	}
	if notes := c.YearNotes(2025); len(notes) != 1 || !strings.Contains(notes[0], "generic") {
		t.Errorf("notes %q should say the calendar is generic", notes)
	}
	for _, zone := range []string{"", "Local", "Mars/Olympus_Mons", "../../etc/passwd"} {
		if _, err := Generic("CHN", zone, nil); entente.ErrorCode(err) != entente.EINVALID || entente.ErrorFields(err)["zone"] == "" {
			t.Errorf("Generic zone %q: %v, want EINVALID on zone", zone, err)
		}
	}
}

func TestOpen(t *testing.T) {
	if c, err := Open("BLR", "", "Asia/Tokyo", nil); err != nil || c.Location().String() != "Europe/Minsk" {
		t.Errorf("a definition's zone wins: %v %v", c, err)
	}
	if c, err := Open("TUR", "", "Europe/Istanbul", nil); err != nil || !c.IsGeneric() {
		t.Errorf("an undefined party with a zone gets a generic calendar: %v %v", c, err)
	}
	if _, err := Open("TUR", "", "", nil); entente.ErrorCode(err) != entente.ENOTFOUND {
		t.Errorf("an undefined party without a zone: %v, want ENOTFOUND", err)
	}
	if _, err := Open("TUR", "six_day", "Europe/Istanbul", nil); entente.ErrorCode(err) != entente.EINVALID {
		t.Errorf("a profile for a generic calendar: %v, want EINVALID", err)
	}
}

func TestYearNotes(t *testing.T) {
	blr := mustFor(t, "BLR", "", OfficialOverrides("BLR"))
	pak := mustFor(t, "PAK", "", OfficialOverrides("PAK"))
	for _, tc := range []struct {
		cal  *Calendar
		year int
		want string // "" for no notes
	}{
		{blr, 2024, ""},
		{blr, 2025, ""},
		{blr, 2027, "not yet announced"},
		{pak, 2025, ""},
		{pak, 2026, "moon"},
		{pak, 2090, "not computed"},
	} {
		notes := strings.Join(tc.cal.YearNotes(tc.year), " ")
		if (tc.want == "") != (notes == "") || !strings.Contains(notes, tc.want) {
			t.Errorf("%s %d: notes %q, want %q", tc.cal.Party(), tc.year, notes, tc.want)
		}
	}
}

func TestDaysSpansYears(t *testing.T) {
	c := mustFor(t, "BLR", "", nil)
	days := c.Days(date("2024-12-30"), date("2025-01-02"))
	if len(days) != 4 || days[0].Date != date("2024-12-30") || days[3].Date != date("2025-01-02") {
		t.Fatalf("got %d days from %v", len(days), days)
	}
	if c.Days(date("2025-01-02"), date("2025-01-01")) != nil {
		t.Error("a reversed range should give no days")
	}
	if got := len(c.Days(date("2024-01-01"), date("2024-12-31"))); got != 366 {
		t.Errorf("2024 has %d days, want 366", got)
	}
}

func TestConcurrentUse(t *testing.T) {
	c := mustFor(t, "PAK", "", OfficialOverrides("PAK"))
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for y := 2020; y < 2030; y++ {
				_ = c.Days(entente.NewDate(y+i%2, 1, 1), entente.NewDate(y+i%2, 12, 31))
			}
		})
	}
	wg.Wait()
}

func TestParties(t *testing.T) {
	ps := Parties()
	if len(ps) != 2 || ps[0].Party != "BLR" || ps[1].Party != "PAK" {
		t.Fatalf("Parties() = %+v", ps)
	}
	for _, p := range ps {
		if !p.Profiles[0].Default || p.Zone == "" || p.Name == "" {
			t.Errorf("%+v", p)
		}
	}
	if !HasDefinition("blr") || HasDefinition("CHN") {
		t.Error("HasDefinition")
	}
}

func TestDayNormalisesDates(t *testing.T) {
	c := mustFor(t, "PAK", "", nil)
	for _, tc := range []struct {
		in   entente.Date
		want string
	}{
		{entente.Date{Year: 2025, Month: 2, Day: 30}, "2025-03-02"},
		{entente.Date{}, entente.NewDate(0, 0, 0).String()}, // the zero Date does not panic
		{entente.Date{Year: 2025, Month: 13, Day: 1}, "2026-01-01"},
	} {
		if got := c.Day(tc.in).Date.String(); got != tc.want {
			t.Errorf("Day(%+v) is %s, want %s", tc.in, got, tc.want)
		}
	}
	if n := len(c.Days(entente.Date{Year: 2025, Month: 2, Day: 27}, entente.Date{Year: 2025, Month: 2, Day: 31})); n != 5 {
		t.Errorf("27 to \"31\" February 2025 gives %d days, want 5 (to 3 March)", n)
	}
}

func TestEachStopsEarly(t *testing.T) {
	c := mustFor(t, "BLR", "", nil)
	var seen []entente.Date
	for d := range c.Each(date("2024-12-30"), date("2025-12-31")) {
		seen = append(seen, d.Date)
		if len(seen) == 3 {
			break
		}
	}
	if len(seen) != 3 || seen[2] != date("2025-01-01") {
		t.Errorf("got %v", seen)
	}
}
