package calendar

import (
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
)

// slotTimes formats slots as their UTC start times, in rank order.
func slotTimes(slots []Slot) string {
	parts := make([]string, len(slots))
	for i, s := range slots {
		parts[i] = s.Start.Format("01-02T15:04")
	}
	return strings.Join(parts, " ")
}

func pakBLR(t *testing.T) (*Calendar, *Calendar) {
	return mustFor(t, "PAK", "", OfficialOverrides("PAK")), mustFor(t, "BLR", "", OfficialOverrides("BLR"))
}

func TestFindSlotsAcrossTheOffset(t *testing.T) {
	pak, blr := pakBLR(t)
	// Tuesday 10 December 2024, the follow-up round. Karachi works 08:00–16:00 (03:00–11:00
	// UTC); Minsk 09:00–13:00 and 14:00–18:00 (06:00–10:00 and 11:00–15:00 UTC). Both work
	// 06:00–10:00 UTC: five two-hour starts. The most central for both (Karachi's midday is
	// 07:00 UTC, Minsk's 10:30 UTC) come first.
	slots, err := FindSlots(SlotRequest{
		Parties:  []SlotParty{{Calendar: blr}, {Calendar: pak}},
		Duration: 2 * time.Hour,
		From:     date("2024-12-10"), To: date("2024-12-10"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := slotTimes(slots), "12-10T07:30 12-10T08:00 12-10T07:00 12-10T06:30 12-10T06:00"; got != want {
		t.Errorf("slots %s, want %s", got, want)
	}
	first := slots[0]
	if first.Offcentre != 2*time.Hour {
		t.Errorf("off-centre %v, want 2h", first.Offcentre)
	}
	minsk, karachi := first.Local[0], first.Local[1]
	if minsk.Party != "BLR" || minsk.Zone != "Europe/Minsk" || minsk.Start.Format("15:04 -07:00") != "10:30 +03:00" || minsk.End.Format("15:04") != "12:30" {
		t.Errorf("Minsk local %+v", minsk)
	}
	if karachi.Party != "PAK" || karachi.Start.Format("15:04 -07:00") != "12:30 +05:00" || karachi.Date != date("2024-12-10") {
		t.Errorf("Karachi local %+v", karachi)
	}
	if first.End.Sub(first.Start) != 2*time.Hour || first.Start.Location() != time.UTC {
		t.Errorf("slot %v–%v", first.Start, first.End)
	}
}

func TestFindSlotsFridayPrayers(t *testing.T) {
	pak, blr := pakBLR(t)
	// Friday 13 December 2024: Karachi breaks 12:00–14:00 (07:00–09:00 UTC). What is left in
	// common is 06:00–07:00 and 09:00–10:00 UTC: no two-hour slot, two one-hour slots.
	req := SlotRequest{Parties: []SlotParty{{Calendar: pak}, {Calendar: blr}}, From: date("2024-12-13"), To: date("2024-12-13")}
	req.Duration = 2 * time.Hour
	if slots, err := FindSlots(req); err != nil || len(slots) != 0 {
		t.Errorf("two hours on a Friday: %s, %v; want none", slotTimes(slots), err)
	}
	req.Duration = time.Hour
	slots, err := FindSlots(req)
	if err != nil {
		t.Fatal(err)
	}
	if got := slotTimes(slots); got != "12-13T09:00 12-13T06:00" {
		t.Errorf("one hour on a Friday: %s", got)
	}
	for _, s := range slots {
		k := s.Local[0]
		if k.Start.Hour() < 14 && k.End.After(time.Date(2024, 12, 13, 12, 0, 0, 0, k.Start.Location())) {
			t.Errorf("slot %s–%s Karachi time overlaps Friday prayers", k.Start.Format("15:04"), k.End.Format("15:04"))
		}
	}
}

func TestFindSlotsShortDayAndHolidays(t *testing.T) {
	pak, blr := pakBLR(t)
	long := mustHours("mon-fri 08:00-20:00")
	slots, err := FindSlots(SlotRequest{
		Parties:  []SlotParty{{Calendar: pak, Hours: &long}, {Calendar: blr}},
		Duration: time.Hour,
		From:     date("2024-11-05"), To: date("2024-11-08"),
	})
	if err != nil {
		t.Fatal(err)
	}
	latest := map[entente.Date]time.Time{}
	for _, s := range slots {
		d := s.Local[1].Date
		if s.End.After(latest[d]) {
			latest[d] = s.End
		}
	}
	// Minsk ends at 18:00 (15:00 UTC) on 5 November, at 17:00 (14:00 UTC) on the short
	// 6 November, and does not work on 7 (holiday) and 8 November (bridge day off).
	want := map[entente.Date]string{date("2024-11-05"): "15:00", date("2024-11-06"): "14:00"}
	if len(latest) != len(want) {
		t.Errorf("slots on %d days, want 2: %v", len(latest), latest)
	}
	for d, end := range want {
		if got := latest[d].Format("15:04"); got != end {
			t.Errorf("%s: last slot ends %s UTC, want %s", d, got, end)
		}
	}
}

func TestFindSlotsWorkingSaturday(t *testing.T) {
	_, blr := pakBLR(t)
	pak6 := mustFor(t, "PAK", "six_day", OfficialOverrides("PAK"))
	pak5 := mustFor(t, "PAK", "", OfficialOverrides("PAK"))
	req := SlotRequest{Duration: time.Hour, From: date("2024-11-16"), To: date("2024-11-16")}
	req.Parties = []SlotParty{{Calendar: pak5}, {Calendar: blr}}
	if slots, _ := FindSlots(req); len(slots) != 0 {
		t.Errorf("Saturday with a five-day Pakistani office: %s", slotTimes(slots))
	}
	req.Parties = []SlotParty{{Calendar: pak6}, {Calendar: blr}}
	slots, err := FindSlots(req)
	if err != nil || len(slots) == 0 {
		t.Fatalf("the working Saturday of 16 November 2024 with a six-day office: %v %v", slots, err)
	}
	// Minsk works Saturday 16 November with Friday's hours (09:00–13:00 before lunch is
	// 06:00–10:00 UTC), Karachi's six-day office 08:00–16:00 (03:00–11:00 UTC): seven
	// one-hour starts from 06:00 to 09:00 UTC.
	if len(slots) != 7 {
		t.Errorf("%d slots (%s), want 7", len(slots), slotTimes(slots))
	}
	for _, s := range slots {
		if m := s.Local[1]; m.Start.Hour() < 9 || m.End.Hour() > 13 || (m.End.Hour() == 13 && m.End.Minute() > 0) {
			t.Errorf("slot %s–%s Minsk time is outside the morning", m.Start.Format("15:04"), m.End.Format("15:04"))
		}
	}
}

func TestFindSlotsTentativeLunarDays(t *testing.T) {
	// Without notices, Eid-ul-Fitr 1448 is predicted on 10–12 March 2027 and may start on
	// 9, 10 or 11 March: 9 to 13 March may be off. 8 March is Women's Day in Belarus.
	pak := mustFor(t, "PAK", "", nil)
	blr := mustFor(t, "BLR", "", nil)
	req := SlotRequest{
		Parties: []SlotParty{{Calendar: pak}, {Calendar: blr}}, Duration: time.Hour,
		From: date("2027-03-05"), To: date("2027-03-15"),
	}
	days := func(slots []Slot) string {
		seen := map[entente.Date]bool{}
		var out []string
		for _, s := range slots {
			if d := s.Local[0].Date; !seen[d] {
				seen[d] = true
				out = append(out, d.String()[5:])
			}
		}
		return strings.Join(out, " ")
	}
	slots, err := FindSlots(req)
	if err != nil {
		t.Fatal(err)
	}
	if got := days(slots); got != "03-05 03-15" {
		t.Errorf("avoiding tentative days: slots on %s, want 03-05 03-15", got)
	}
	req.AllowTentative = true
	slots, err = FindSlots(req)
	if err != nil {
		t.Fatal(err)
	}
	if got := days(slots); got != "03-05 03-09 03-15" {
		t.Errorf("allowing tentative days: slots on %s, want 03-05 03-09 03-15", got)
	}
	for _, s := range slots {
		flagged := len(s.Warnings) > 0
		if onNinth := s.Local[0].Date == date("2027-03-09"); flagged != onNinth || (flagged && !strings.Contains(s.Warnings[0], "Eid-ul-Fitr")) {
			t.Errorf("slot %s warnings %q", s.Start, s.Warnings)
		}
	}
}

func TestFindSlotsThreePartiesAndLimit(t *testing.T) {
	pak, blr := pakBLR(t)
	chn, err := Open("CHN", "", "Asia/Shanghai", nil)
	if err != nil {
		t.Fatal(err)
	}
	// Shanghai works 09:00–17:00 (01:00–09:00 UTC): in common with Minsk and Karachi
	// 06:00–09:00 UTC, three two-hour starts. Starting at 06:30 or 07:00 UTC the slot is 3h
	// from the middle of someone's day (Minsk's, then Shanghai's); at 06:00, 3h30 from
	// Minsk's. Ties go to the earlier start.
	slots, err := FindSlots(SlotRequest{
		Parties:  []SlotParty{{Calendar: blr}, {Calendar: pak}, {Calendar: chn}},
		Duration: 2 * time.Hour, From: date("2024-12-10"), To: date("2024-12-10"), Limit: 2,
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := slotTimes(slots); got != "12-10T06:30 12-10T07:00" {
		t.Errorf("slots %s", got)
	}
	if s := slots[0].Local[2]; s.Start.Format("15:04 -07:00") != "14:30 +08:00" {
		t.Errorf("Shanghai local %s", s.Start)
	}
}

func TestFindSlotsDemoRounds(t *testing.T) {
	pak, blr := pakBLR(t)
	for _, tc := range []struct {
		name     string
		from, to string
		dur      time.Duration
	}{
		{"follow-up round in two weeks", "2024-12-09", "2024-12-13", 2 * time.Hour},
		{"signing in February", "2025-02-01", "2025-02-28", 3 * time.Hour},
	} {
		slots, err := FindSlots(SlotRequest{
			Parties: []SlotParty{{Calendar: pak}, {Calendar: blr}}, Duration: tc.dur,
			From: date(tc.from), To: date(tc.to),
		})
		if err != nil || len(slots) == 0 {
			t.Errorf("%s: %d slots, %v", tc.name, len(slots), err)
			continue
		}
		for _, s := range slots {
			for i, l := range s.Local {
				c := []*Calendar{pak, blr}[i]
				if !c.IsWorkingDay(l.Date) || l.Date == date("2025-02-05") {
					t.Errorf("%s: slot on %s, not a working day of %s", tc.name, l.Date, c.Party())
				}
			}
		}
	}
}

func TestFindSlotsErrors(t *testing.T) {
	pak, blr := pakBLR(t)
	good := SlotRequest{Parties: []SlotParty{{Calendar: pak}, {Calendar: blr}}, Duration: time.Hour, From: date("2025-01-06"), To: date("2025-01-10")}
	bad := mustHours("mon 09:00-10:00")
	bad.Week[time.Tuesday] = DayHours{Open: Span{At(10, 0), At(9, 0)}}
	for _, tc := range []struct {
		name  string
		edit  func(*SlotRequest)
		field string
	}{
		{"no party", func(r *SlotRequest) { r.Parties = nil }, "parties"},
		{"no calendar", func(r *SlotRequest) { r.Parties[1].Calendar = nil }, "parties[1]"},
		{"bad hours", func(r *SlotRequest) { r.Parties[0].Hours = &bad }, "parties[0].hours"},
		{"zero duration", func(r *SlotRequest) { r.Duration = 0 }, "duration"},
		{"negative duration", func(r *SlotRequest) { r.Duration = -time.Hour }, "duration"},
		{"seconds step", func(r *SlotRequest) { r.Step = 90 * time.Second }, "step"},
		{"negative step", func(r *SlotRequest) { r.Step = -30 * time.Minute }, "step"},
		{"no first day", func(r *SlotRequest) { r.From = entente.Date{} }, "from"},
		{"no last day", func(r *SlotRequest) { r.To = entente.Date{} }, "to"},
		{"reversed window", func(r *SlotRequest) { r.From, r.To = r.To, r.From }, "to"},
		{"window too long", func(r *SlotRequest) { r.To = r.From.AddDays(MaxSlotWindow) }, "to"},
		{"negative limit", func(r *SlotRequest) { r.Limit = -1 }, "limit"},
	} {
		req := good
		req.Parties = append([]SlotParty(nil), good.Parties...)
		tc.edit(&req)
		_, err := FindSlots(req)
		if entente.ErrorCode(err) != entente.EINVALID || entente.ErrorFields(err)[tc.field] == "" {
			t.Errorf("%s: %v, want EINVALID on %s", tc.name, err, tc.field)
		}
	}
	if _, err := FindSlots(good); err != nil {
		t.Errorf("the good request fails: %v", err)
	}
}
