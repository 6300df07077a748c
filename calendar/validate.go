package calendar

import (
	"fmt"
	"strings"
	"time"

	"github.com/entente/entente"
)

// ValidateOverrides checks a party's whole set of overrides, as the store must before it
// saves a change: each override on its own (kind, dates, office profile, source, Hijri
// month), then against the others (duplicates, two moves of one holiday, a day both off and
// worked), then against the party's rules (a transfer whose worked day is not a weekend day,
// a cancelled or moved holiday that the rules do not give, a moon sighting far from the
// Umm al-Qura month start). Parties without a definition are checked against the generic
// calendar. The error is an *entente.Error (EINVALID) whose fields are named
// "overrides[i].field", i being the position in the slice, and whose problems name the
// override.
func ValidateOverrides(party string, overrides []entente.CalendarOverride) error {
	code, err := partyCode(party)
	if err != nil {
		return err
	}
	def, ok := definitionFor(code)
	if !ok {
		def = genericDefinition(code, "UTC")
	}
	return validateOverrides(def, overrides)
}

func validateOverrides(def *Definition, list []entente.CalendarOverride) error {
	p := entente.Problems{}
	for i, o := range list {
		checkOverride(p, def, i, o)
	}
	checkClashes(p, list)
	if len(p) == 0 {
		checkAgainstRules(p, def, list)
	}
	if len(p) == 0 {
		return nil
	}
	e := &entente.Error{Code: entente.EINVALID, Fields: map[string]string(p)}
	e.Message = fmt.Sprintf("The calendar overrides of %s are not valid: %s.", def.Party, e.FieldList())
	return e
}

// describe names an override in a problem: "override 3 (transfer of 2024-05-13, id 17)".
func describe(i int, o entente.CalendarOverride) string {
	s := fmt.Sprintf("override %d (%s of %s", i, o.Kind, o.Date)
	if o.Kind == entente.OverrideHijriMonthStart {
		s = fmt.Sprintf("override %d (%s of %s %d", i, o.Kind, HijriMonthName(o.HijriMonth), o.HijriYear)
	}
	if o.ID != 0 {
		s += fmt.Sprintf(", id %d", o.ID)
	}
	return s + ")"
}

// field returns the problem key of one field of override i.
func field(i int, name string) string { return fmt.Sprintf("overrides[%d].%s", i, name) }

// checkOverride checks one override on its own.
func checkOverride(p entente.Problems, def *Definition, i int, o entente.CalendarOverride) {
	who := describe(i, o)
	if !knownKind(o.Kind) {
		p.Addf(field(i, "kind"), "%s: unknown kind %q", who, o.Kind)
		return
	}
	if o.Party != "" && !strings.EqualFold(o.Party, def.Party) {
		p.Addf(field(i, "party"), "%s: belongs to %s, not %s", who, o.Party, def.Party)
	}
	if o.Date.IsZero() {
		p.Addf(field(i, "date"), "%s: the date is missing", who)
	}
	if strings.TrimSpace(o.Source) == "" {
		p.Addf(field(i, "source"), "%s: give the source (issuing body, notice number and date, link)", who)
	}
	if o.Office != "" && !def.hasProfile(o.Office) {
		p.Addf(field(i, "office"), "%s: %s has no office profile %q", who, def.Name, o.Office)
	}
	if o.Date.IsZero() || (o.Office != "" && !def.hasProfile(o.Office)) {
		return
	}
	switch o.Kind {
	case entente.OverrideMoveHoliday, entente.OverrideTransfer:
		checkPair(p, def, i, o)
	default:
		if !o.ToDate.IsZero() {
			p.Addf(field(i, "to_date"), "%s: only a move or a transfer has a second date", who)
		}
	}
	switch o.Kind {
	case entente.OverrideWorkingDay:
		if !officeProfile(def, o).isWeekend(o.Date.Weekday()) {
			p.Addf(field(i, "date"), "%s: %s is a %s, already a working day", who, o.Date, o.Date.Weekday())
		}
	case entente.OverrideHijriMonthStart:
		checkSighting(p, def, i, o)
	}
}

func knownKind(k string) bool {
	switch k {
	case entente.OverrideHoliday, entente.OverrideNoHoliday, entente.OverrideMoveHoliday, entente.OverrideTransfer,
		entente.OverrideWorkingDay, entente.OverrideHijriMonthStart, entente.OverrideTransfersAnnounced:
		return true
	}
	return false
}

// officeProfile returns the profile an override is checked against: its office's, or the
// party's default.
func officeProfile(def *Definition, o entente.CalendarOverride) *Profile {
	prof, err := def.profile(o.Office)
	if err != nil {
		return &def.Profiles[0]
	}
	return prof
}

// checkPair checks the second date of a move or a transfer.
func checkPair(p entente.Problems, def *Definition, i int, o entente.CalendarOverride) {
	who := describe(i, o)
	switch {
	case o.ToDate.IsZero():
		p.Addf(field(i, "to_date"), "%s: the second date is missing", who)
		return
	case o.ToDate == o.Date:
		p.Addf(field(i, "to_date"), "%s: the second date is the same day", who)
		return
	}
	if o.Kind != entente.OverrideTransfer {
		return
	}
	prof := officeProfile(def, o)
	if prof.isWeekend(o.Date.Weekday()) {
		p.Addf(field(i, "date"), "%s: the day off %s is a %s, already a weekend day", who, o.Date, o.Date.Weekday())
	}
	if !prof.isWeekend(o.ToDate.Weekday()) {
		p.Addf(field(i, "to_date"), "%s: the day worked instead, %s, is a %s, not a weekend day", who, o.ToDate, o.ToDate.Weekday())
	}
}

// checkSighting checks that a moon sighting names a real Hijri month and lies near its
// Umm al-Qura start: within the party's sighting window, give or take a day.
func checkSighting(p entente.Problems, def *Definition, i int, o entente.CalendarOverride) {
	who := describe(i, o)
	if o.HijriMonth < 1 || o.HijriMonth > 12 {
		p.Addf(field(i, "hijri_month"), "%s: the Hijri month must be 1 to 12", who)
		return
	}
	uq, ok := UmmAlQuraMonthStart(o.HijriYear, o.HijriMonth)
	if !ok {
		p.Addf(field(i, "hijri_year"), "%s: the Hijri year must be %d to %d", who, minHijriYear, maxHijriYear)
		return
	}
	lo, hi := uq.AddDays(def.Lunar.Earliest-1), uq.AddDays(def.Lunar.Latest+1)
	if o.Date.Before(lo) || o.Date.After(hi) {
		p.Addf(field(i, "date"), "%s: %s is %d days from the Umm al-Qura start of the month (%s); a sighting falls between %s and %s — check the Hijri year and month",
			who, o.Date, o.Date.DaysSince(uq), uq, lo, hi)
	}
}

// checkAgainstRules checks the overrides that refer to computed holidays, each in its office
// profile, with the moon sightings of the set applied.
func checkAgainstRules(p entente.Problems, def *Definition, list []entente.CalendarOverride) {
	cals := map[string]*Calendar{}
	for i, o := range list {
		prof := officeProfile(def, o)
		c, ok := cals[prof.Name]
		if !ok {
			c = newCalendar(def, prof, time.UTC, list)
			cals[prof.Name] = c
		}
		checkOverrideRules(p, c, i, o)
	}
}

func checkOverrideRules(p entente.Problems, c *Calendar, i int, o entente.CalendarOverride) {
	who := describe(i, o)
	computed, isHoliday := c.computedOn(o.Date)
	switch o.Kind {
	case entente.OverrideNoHoliday, entente.OverrideMoveHoliday:
		verb := "move"
		if o.Kind == entente.OverrideNoHoliday {
			verb = "cancel"
		}
		if !isHoliday {
			p.Addf(field(i, "date"), "%s: no holiday is computed on %s, so there is none to %s", who, o.Date, verb)
		}
	case entente.OverrideHoliday:
		if !isHoliday && strings.TrimSpace(o.Name) == "" {
			p.Addf(field(i, "name"), "%s: a new holiday needs a name", who)
		}
	case entente.OverrideTransfer:
		if isHoliday && computed.status != Tentative {
			p.Addf(field(i, "date"), "%s: the day off %s is already a holiday (%s)", who, o.Date, computed.name)
		}
		if h, ok := c.computedOn(o.ToDate); ok && h.status != Tentative {
			p.Addf(field(i, "to_date"), "%s: the day worked instead, %s, is a holiday (%s)", who, o.ToDate, h.name)
		}
	}
}
