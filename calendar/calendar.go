package calendar

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/entente/entente"
)

// Calendar is the working calendar of one party's office profile with a fixed set of
// overrides. It is immutable once built and safe for concurrent use; it computes each year
// once, on first use, and keeps it. Build a new Calendar when the overrides change.
type Calendar struct {
	def     *Definition
	profile *Profile
	loc     *time.Location
	ix      *overrideIndex
	lunar   *lunarContext

	mu    sync.RWMutex
	years map[int][]Day // the days of each computed year, 1 January first
}

// For returns the calendar of a party that has a definition (see Parties), for the named
// office profile ("" for the party's default: Pakistan's federal five-day office, Belarus's
// five-day organisation), with the party's official overrides — those stored in the
// database, which start as OfficialOverrides(party).
// Errors: ENOTFOUND for a party without a definition (use Generic with its time zone);
// EINVALID for an unknown profile or overrides that contradict each other.
func For(party, profile string, overrides []entente.CalendarOverride) (*Calendar, error) {
	code, err := partyCode(party)
	if err != nil {
		return nil, err
	}
	def, ok := definitionFor(code)
	if !ok {
		return nil, &entente.Error{
			Code: entente.ENOTFOUND,
			Message: fmt.Sprintf("There is no calendar definition for %s (there is for %s); use a generic Monday–Friday calendar in the party's time zone.",
				code, strings.Join(knownParties(), ", ")),
			Fields: map[string]string{"party": "no calendar definition for " + code},
		}
	}
	return build(def, profile, overrides)
}

// Open returns the calendar of any party: For when the party has a definition (zone is then
// ignored: the definition's zone is the party's), else Generic in zone, whose only profile
// is five_day.
// Errors: ENOTFOUND for a party without a definition when zone is empty; otherwise those of
// For and Generic.
func Open(party, profile, zone string, overrides []entente.CalendarOverride) (*Calendar, error) {
	code, err := partyCode(party)
	if err != nil {
		return nil, err
	}
	if HasDefinition(code) || zone == "" {
		return For(code, profile, overrides)
	}
	return build(genericDefinition(code, zone), profile, overrides)
}

func knownParties() []string {
	var out []string
	for _, d := range definitions() {
		out = append(out, d.Party)
	}
	return out
}

// build makes the calendar of a definition's profile after checking the zone, the profile
// and the overrides.
func build(def *Definition, profile string, overrides []entente.CalendarOverride) (*Calendar, error) {
	loc, err := loadZone(def.Zone)
	if err != nil {
		return nil, err
	}
	prof, err := def.profile(profile)
	if err != nil {
		return nil, err
	}
	if err := validateOverrides(def, overrides); err != nil {
		return nil, err
	}
	return newCalendar(def, prof, loc, overrides), nil
}

// newCalendar makes the calendar of a profile with overrides already validated.
func newCalendar(def *Definition, prof *Profile, loc *time.Location, overrides []entente.CalendarOverride) *Calendar {
	ix := indexOverrides(overrides, prof.Name)
	return &Calendar{
		def:     def,
		profile: prof,
		loc:     loc,
		ix:      ix,
		lunar:   &lunarContext{window: def.Lunar, sighting: ix.sightings},
		years:   map[int][]Day{},
	}
}

// Party returns the party's ISO alpha-3 code.
func (c *Calendar) Party() string { return c.def.Party }

// Name returns the party's name; a generic calendar says so in its name.
func (c *Calendar) Name() string { return c.def.Name }

// Profile returns the name of the office profile.
func (c *Calendar) Profile() string { return c.profile.Name }

// Location returns the party's time zone.
func (c *Calendar) Location() *time.Location { return c.loc }

// Hours returns the working hours of the office profile.
func (c *Calendar) Hours() WorkingHours { return c.profile.Hours }

// IsGeneric reports whether this is the stand-in calendar of a party without a definition.
func (c *Calendar) IsGeneric() bool { return c.def.Generic }

// Day returns the day d of the calendar. A date out of range, such as 30 February, is
// normalised the way entente.NewDate does.
func (c *Calendar) Day(d entente.Date) Day {
	d = entente.NewDate(d.Year, d.Month, d.Day)
	days := c.year(d.Year)
	return days[d.DaysSince(entente.NewDate(d.Year, time.January, 1))]
}

// Days returns every day from from to to, both included; nil when to is before from.
func (c *Calendar) Days(from, to entente.Date) []Day {
	from, to = entente.NewDate(from.Year, from.Month, from.Day), entente.NewDate(to.Year, to.Month, to.Day)
	if to.Before(from) {
		return nil
	}
	return slices.AppendSeq(make([]Day, 0, to.DaysSince(from)+1), c.Each(from, to))
}

// Each yields every day from from to to, both included, without copying them into a slice:
// the cheap way to scan a long stretch.
func (c *Calendar) Each(from, to entente.Date) iter.Seq[Day] {
	from, to = entente.NewDate(from.Year, from.Month, from.Day), entente.NewDate(to.Year, to.Month, to.Day)
	return func(yield func(Day) bool) {
		for y := from.Year; y <= to.Year; y++ {
			days := c.year(y)
			first := entente.NewDate(y, time.January, 1)
			lo, hi := 0, len(days)-1
			if y == from.Year {
				lo = from.DaysSince(first)
			}
			if y == to.Year {
				hi = to.DaysSince(first)
			}
			for i := lo; i <= hi; i++ {
				if !yield(days[i]) {
					return
				}
			}
		}
	}
}

// YearNotes returns what the user should know about the calendar of a year: that it is a
// generic calendar, that Belarus's transfers are not yet announced, that Islamic dates are
// predictions or cannot be computed.
func (c *Calendar) YearNotes(year int) []string {
	var notes []string
	if c.def.Generic {
		notes = append(notes, fmt.Sprintf("No calendar definition for %s: a generic Monday–Friday calendar with no holidays except those entered as overrides.", c.def.Party))
	}
	if c.def.AnnouncesTransfers && !c.transfersAnnounced(year) {
		notes = append(notes, fmt.Sprintf("Transfers of working days for %d not yet announced: bridge days may still become days off and Saturdays working days.", year))
	}
	if hasHijriRules(c.def) {
		if year < firstLunarYear || year > lastLunarYear {
			notes = append(notes, fmt.Sprintf("Islamic holidays are not computed for %d: the Umm al-Qura table covers 1938–2076.", year))
		} else if c.hasTentativeLunar(year) {
			notes = append(notes, fmt.Sprintf("Islamic holidays of %d not yet announced are predicted from Umm al-Qura and tentative (subject to the sighting of the moon).", year))
		}
	}
	return notes
}

func (c *Calendar) transfersAnnounced(year int) bool {
	_, ok := c.ix.announced[year]
	return ok
}

// hasTentativeLunar reports whether an Islamic holiday of the year still awaits its sighting.
func (c *Calendar) hasTentativeLunar(year int) bool {
	for _, r := range c.def.Holidays {
		if h, ok := r.(Hijri); ok {
			for _, o := range h.occurrences(year, c.lunar) {
				if o.status == Tentative {
					return true
				}
			}
		}
	}
	return false
}

func hasHijriRules(def *Definition) bool {
	for _, r := range def.Holidays {
		if _, ok := r.(Hijri); ok {
			return true
		}
	}
	return false
}

// year returns the days of year y, computing them on first use.
func (c *Calendar) year(y int) []Day {
	c.mu.RLock()
	days, ok := c.years[y]
	c.mu.RUnlock()
	if ok {
		return days
	}
	days = c.buildYear(y)
	c.mu.Lock()
	defer c.mu.Unlock()
	if cached, ok := c.years[y]; ok {
		return cached
	}
	c.years[y] = days
	return days
}
