package calendar

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

// ov builds an override for the validation tests; to is "" for none.
func ov(kind, day, to string) entente.CalendarOverride {
	o := entente.CalendarOverride{Kind: kind, Source: "test notice"}
	if day != "" {
		o.Date = date(day)
	}
	if to != "" {
		o.ToDate = date(to)
	}
	return o
}

func with(o entente.CalendarOverride, f func(*entente.CalendarOverride)) entente.CalendarOverride {
	f(&o)
	return o
}

func TestValidateOverridesRejects(t *testing.T) {
	const (
		hol      = entente.OverrideHoliday
		noHol    = entente.OverrideNoHoliday
		move     = entente.OverrideMoveHoliday
		transfer = entente.OverrideTransfer
		working  = entente.OverrideWorkingDay
		moon     = entente.OverrideHijriMonthStart
		ann      = entente.OverrideTransfersAnnounced
	)
	named := func(o entente.CalendarOverride) entente.CalendarOverride {
		return with(o, func(o *entente.CalendarOverride) { o.Name = "Extra day" })
	}
	sight := func(hy, hm int, day string) entente.CalendarOverride {
		return with(ov(moon, day, ""), func(o *entente.CalendarOverride) { o.HijriYear, o.HijriMonth = hy, hm })
	}
	for _, tc := range []struct {
		name      string
		party     string
		list      []entente.CalendarOverride
		field     string // the field with the problem
		wantInMsg string
	}{
		{"unknown kind", "BLR", []entente.CalendarOverride{ov("bank_holiday", "2025-07-01", "")}, "overrides[0].kind", "unknown kind"},
		{"no date", "BLR", []entente.CalendarOverride{named(ov(hol, "", ""))}, "overrides[0].date", "missing"},
		{"no source", "BLR", []entente.CalendarOverride{with(named(ov(hol, "2025-06-02", "")), func(o *entente.CalendarOverride) { o.Source = " " })}, "overrides[0].source", "source"},
		{"other party", "BLR", []entente.CalendarOverride{with(named(ov(hol, "2025-06-02", "")), func(o *entente.CalendarOverride) { o.Party = "PAK" })}, "overrides[0].party", "PAK"},
		{"unknown office", "BLR", []entente.CalendarOverride{with(named(ov(hol, "2025-06-02", "")), func(o *entente.CalendarOverride) { o.Office = "federal" })}, "overrides[0].office", "federal"},
		{"new holiday without a name", "BLR", []entente.CalendarOverride{ov(hol, "2025-06-02", "")}, "overrides[0].name", "needs a name"},
		{"duplicate holiday", "BLR", []entente.CalendarOverride{named(ov(hol, "2025-06-02", "")), named(ov(hol, "2025-06-02", ""))}, "overrides[1].date", "day off twice"},
		{"two moves of one holiday", "BLR", []entente.CalendarOverride{ov(move, "2025-07-03", "2025-07-04"), ov(move, "2025-07-03", "2025-07-07")}, "overrides[1].date", "moved twice"},
		{"move without target", "BLR", []entente.CalendarOverride{ov(move, "2025-07-03", "")}, "overrides[0].to_date", "missing"},
		{"move onto itself", "BLR", []entente.CalendarOverride{ov(move, "2025-07-03", "2025-07-03")}, "overrides[0].to_date", "same day"},
		{"move of no holiday", "BLR", []entente.CalendarOverride{ov(move, "2025-07-02", "2025-07-04")}, "overrides[0].date", "none to move"},
		{"cancel of no holiday", "PAK", []entente.CalendarOverride{ov(noHol, "2025-07-02", "")}, "overrides[0].date", "none to cancel"},
		{"cancelled and moved", "BLR", []entente.CalendarOverride{ov(noHol, "2025-07-03", ""), ov(move, "2025-07-03", "2025-07-04")}, "overrides[1].date", "cancelled and moved"},
		{"declared and cancelled", "BLR", []entente.CalendarOverride{ov(noHol, "2025-07-03", ""), named(ov(hol, "2025-07-03", ""))}, "overrides[1].date", "declared and cancelled"},
		{"transfer to a weekday", "BLR", []entente.CalendarOverride{ov(transfer, "2025-07-04", "2025-07-09")}, "overrides[0].to_date", "not a weekend day"},
		{"transfer from a weekend day", "BLR", []entente.CalendarOverride{ov(transfer, "2025-07-05", "2025-07-12")}, "overrides[0].date", "already a weekend day"},
		{"transfer without a worked day", "BLR", []entente.CalendarOverride{ov(transfer, "2025-07-04", "")}, "overrides[0].to_date", "missing"},
		{"transfer off a holiday", "BLR", []entente.CalendarOverride{ov(transfer, "2025-07-03", "2025-07-12")}, "overrides[0].date", "already a holiday"},
		{"transfer to a weekend holiday", "BLR", []entente.CalendarOverride{ov(transfer, "2025-03-07", "2025-03-08")}, "overrides[0].to_date", "Women's Day"},
		{"two transfers to one Saturday", "BLR", []entente.CalendarOverride{ov(transfer, "2025-07-04", "2025-07-12"), ov(transfer, "2025-07-07", "2025-07-12")}, "overrides[1].to_date", "working day twice"},
		{"day both off and worked", "BLR", []entente.CalendarOverride{ov(transfer, "2025-07-04", "2025-07-12"), named(ov(hol, "2025-07-12", ""))}, "overrides[1].date", "both a day off and a working day"},
		{"working weekday", "BLR", []entente.CalendarOverride{ov(working, "2025-07-09", "")}, "overrides[0].date", "already a working day"},
		{"second date on a holiday", "BLR", []entente.CalendarOverride{named(ov(hol, "2025-06-02", "2025-06-03"))}, "overrides[0].to_date", "only a move or a transfer"},
		{"hijri month 13", "PAK", []entente.CalendarOverride{sight(1446, 13, "2025-03-31")}, "overrides[0].hijri_month", "1 to 12"},
		{"hijri year out of table", "PAK", []entente.CalendarOverride{sight(1600, 1, "2025-03-31")}, "overrides[0].hijri_year", "1356 to 1500"},
		{"sighting far from Umm al-Qura", "PAK", []entente.CalendarOverride{sight(1446, 10, "2025-04-30")}, "overrides[0].date", "Umm al-Qura start"},
		{"sighting a day too early", "PAK", []entente.CalendarOverride{sight(1446, 10, "2025-03-28")}, "overrides[0].date", "between 2025-03-29 and 2025-04-02"},
		{"two sightings of one month", "PAK", []entente.CalendarOverride{sight(1446, 10, "2025-03-31"), sight(1446, 10, "2025-03-30")}, "overrides[1].hijri_month", "already recorded"},
		{"announced twice", "BLR", []entente.CalendarOverride{ov(ann, "2025-01-01", ""), ov(ann, "2025-06-30", "")}, "overrides[1].date", "already recorded"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := ValidateOverrides(tc.party, tc.list)
			if entente.ErrorCode(err) != entente.EINVALID {
				t.Fatalf("got %v, want EINVALID", err)
			}
			problem := entente.ErrorFields(err)[tc.field]
			if problem == "" {
				t.Fatalf("no problem on %s: %v", tc.field, err)
			}
			if !strings.Contains(problem, tc.wantInMsg) || !strings.Contains(problem, "override ") {
				t.Errorf("problem %q should name the override and say %q", problem, tc.wantInMsg)
			}
			if !strings.Contains(entente.ErrorMessage(err), tc.party) {
				t.Errorf("message %q should name the party", entente.ErrorMessage(err))
			}
			if _, err := For(tc.party, "", tc.list); entente.ErrorCode(err) != entente.EINVALID {
				t.Errorf("For accepted the overrides: %v", err)
			}
		})
	}
}

func TestValidateOverridesAccepts(t *testing.T) {
	for _, tc := range []struct {
		name  string
		party string
		list  []entente.CalendarOverride
	}{
		{"shipped Pakistan notices", "PAK", OfficialOverrides("PAK")},
		{"shipped Belarus notices", "BLR", OfficialOverrides("BLR")},
		{"none", "BLR", nil},
		{"same day in two offices", "PAK", []entente.CalendarOverride{
			with(ov(entente.OverrideHoliday, "2027-04-10", ""), func(o *entente.CalendarOverride) { o.Name, o.Office = "A", "six_day" }),
			with(ov(entente.OverrideHoliday, "2027-04-10", ""), func(o *entente.CalendarOverride) { o.Name, o.Office = "B", "federal_five_day" }),
		}},
		{"a party without a definition", "TUR", []entente.CalendarOverride{
			with(ov(entente.OverrideHoliday, "2025-10-29", ""), func(o *entente.CalendarOverride) { o.Name = "Republic Day" }),
		}},
	} {
		if err := ValidateOverrides(tc.party, tc.list); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

func TestValidateIDInProblem(t *testing.T) {
	o := ov(entente.OverrideWorkingDay, "2025-07-09", "")
	o.ID = 42
	err := ValidateOverrides("BLR", []entente.CalendarOverride{o})
	if p := entente.ErrorFields(err)["overrides[0].date"]; !strings.Contains(p, "id 42") {
		t.Errorf("problem %q should carry the override's id", p)
	}
}

// FuzzOverrides feeds arbitrary pairs of overrides, as the API may receive them, to the
// validation and the calendar: an override set is either refused with EINVALID or gives a
// calendar whose years around the overrides compute without fault.
func FuzzOverrides(f *testing.F) {
	f.Add(uint8(3), int32(0), int32(5), uint8(0), int32(1), int32(0), int16(1446), int8(10), "PAK", false)
	f.Add(uint8(5), int32(-30), int32(0), uint8(5), int32(-30), int32(0), int16(1446), int8(10), "PAK", true)
	f.Add(uint8(2), int32(220), int32(221), uint8(1), int32(220), int32(0), int16(0), int8(0), "BLR", false)
	kinds := []string{
		entente.OverrideHoliday, entente.OverrideNoHoliday, entente.OverrideMoveHoliday, entente.OverrideTransfer,
		entente.OverrideWorkingDay, entente.OverrideHijriMonthStart, entente.OverrideTransfersAnnounced, "other",
	}
	base := date("2025-03-01")
	f.Fuzz(func(t *testing.T, k1 uint8, d1, to1 int32, k2 uint8, d2, to2 int32, hy int16, hm int8, party string, sixDay bool) {
		make1 := func(k uint8, d, to int32) entente.CalendarOverride {
			o := entente.CalendarOverride{Kind: kinds[int(k)%len(kinds)], Date: base.AddDays(int(d % 40000)), Name: "x", Source: "fuzz"}
			if to != 0 {
				o.ToDate = o.Date.AddDays(int(to % 400))
			}
			o.HijriYear, o.HijriMonth = int(hy), int(hm)
			if sixDay {
				o.Office = "six_day"
			}
			return o
		}
		list := []entente.CalendarOverride{make1(k1, d1, to1), make1(k2, d2, to2)}
		c, err := Open(party, "", "Asia/Karachi", list)
		if err != nil {
			switch entente.ErrorCode(err) {
			case entente.EINVALID, entente.ENOTFOUND:
				return
			}
			t.Fatalf("unexpected error %v", err)
		}
		for _, o := range list {
			c.Days(o.Date.AddDays(-3), o.Date.AddDays(3))
			if !o.ToDate.IsZero() {
				c.Day(o.ToDate)
			}
		}
	})
}
