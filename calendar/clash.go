package calendar

import (
	"fmt"

	"github.com/entente/entente"
)

// effect is what an override does to one day, for finding overrides that contradict each
// other.
type effect int

const (
	makesOff    effect = iota // holiday, a transfer's day off, a moved holiday's new day
	makesWorked               // working_day, a transfer's worked day
	cancels                   // no_holiday
	movesAway                 // a moved holiday's old day
)

// claim is one override's effect on one day.
type claim struct {
	index  int
	office string
	effect effect
	field  string // the override's field holding the day: "date" or "to_date"
}

// clashes reports whether two effects on one day contradict each other: the same effect
// twice (a duplicate, two moves of one holiday, two transfers to one Saturday), a day both
// off and worked, a holiday both declared and cancelled, or both cancelled and moved.
func clashes(a, b effect) bool {
	switch {
	case a == b:
		return true
	case a > b:
		a, b = b, a
	}
	return (a == makesOff && b == makesWorked) || (a == makesOff && b == cancels) || (a == cancels && b == movesAway)
}

// sameOffice reports whether two overrides can apply to the same office: an override without
// an office applies to every office.
func sameOffice(a, b string) bool { return a == "" || b == "" || a == b }

// checkClashes finds overrides that contradict each other day by day, and duplicate moon
// sightings and transfer announcements. Each problem is recorded on the later override.
func checkClashes(p entente.Problems, list []entente.CalendarOverride) {
	days := map[entente.Date][]claim{}
	months := map[hijriMonth][]claim{}
	years := map[int][]claim{}
	for i, o := range list {
		for _, c := range claimsOf(i, o) {
			day := o.Date
			if c.field == "to_date" {
				day = o.ToDate
			}
			if day.IsZero() {
				continue
			}
			reportClash(p, list, days[day], c, "")
			days[day] = append(days[day], c)
		}
		switch o.Kind {
		case entente.OverrideHijriMonthStart:
			m := hijriMonth{o.HijriYear, o.HijriMonth}
			c := claim{index: i, office: o.Office, field: "hijri_month"}
			reportClash(p, list, months[m], c, "the start of this month is already recorded")
			months[m] = append(months[m], c)
		case entente.OverrideTransfersAnnounced:
			c := claim{index: i, office: o.Office, field: "date"}
			reportClash(p, list, years[o.Date.Year], c, fmt.Sprintf("the transfers of %d are already recorded as announced", o.Date.Year))
			years[o.Date.Year] = append(years[o.Date.Year], c)
		}
	}
}

// claimsOf lists what an override does to which of its days.
func claimsOf(i int, o entente.CalendarOverride) []claim {
	one := func(e effect, field string) claim { return claim{index: i, office: o.Office, effect: e, field: field} }
	switch o.Kind {
	case entente.OverrideHoliday:
		return []claim{one(makesOff, "date")}
	case entente.OverrideNoHoliday:
		return []claim{one(cancels, "date")}
	case entente.OverrideMoveHoliday:
		return []claim{one(movesAway, "date"), one(makesOff, "to_date")}
	case entente.OverrideTransfer:
		return []claim{one(makesOff, "date"), one(makesWorked, "to_date")}
	case entente.OverrideWorkingDay:
		return []claim{one(makesWorked, "date")}
	}
	return nil
}

// reportClash records a problem when c contradicts an earlier claim on the same day (or the
// same Hijri month or year, when why is given).
func reportClash(p entente.Problems, list []entente.CalendarOverride, earlier []claim, c claim, why string) {
	for _, e := range earlier {
		if !sameOffice(e.office, c.office) || (why == "" && !clashes(e.effect, c.effect)) {
			continue
		}
		reason := why
		if reason == "" {
			reason = clashReason(e.effect, c.effect)
		}
		p.Addf(field(c.index, c.field), "%s contradicts %s: %s",
			describe(c.index, list[c.index]), describe(e.index, list[e.index]), reason)
		return
	}
}

func clashReason(a, b effect) string {
	switch {
	case a == b && a == movesAway:
		return "the same holiday is moved twice"
	case a == b && a == makesWorked:
		return "the same day is made a working day twice"
	case a == b && a == cancels:
		return "the same holiday is cancelled twice"
	case a == b:
		return "the same day is made a day off twice"
	case a == makesWorked || b == makesWorked:
		return "the day would be both a day off and a working day"
	case a == movesAway || b == movesAway:
		return "the holiday would be both cancelled and moved"
	}
	return "the holiday would be both declared and cancelled"
}
