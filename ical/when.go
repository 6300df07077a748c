package ical

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente"
)

// readDates sets a meeting's date from DTSTART with DTEND or DURATION: an all-day event
// becomes a When over its days (a whole month "2025-02", a whole year "2025"), a timed one its
// instants, its venue's zone and the day it starts on. A tentative event's date is
// approximate. entente's own X-ENTENTE-WHEN gives back the date as it was said, when it agrees
// with the days.
func readDates(c *component, m *entente.Meeting, zones zoneBook, probs entente.Problems) {
	sp := c.prop("DTSTART")
	if sp == nil {
		probs.Add("dtstart", "is missing: an event needs the day or time it starts")
		return
	}
	start, err := zones.readMoment(sp)
	if err != nil {
		probs.Add("dtstart", err.Error())
		return
	}
	end, ok := readEnd(c, start, zones, probs)
	if !ok {
		return
	}
	if !inRange(start) || !inRange(end) {
		probs.Addf("dtstart", "the event on line %d is not between %d and %d", sp.line, firstYear, lastYear)
		return
	}
	if start.isDay {
		m.When = daysWhen(start.day, end.day.AddDays(-1))
	} else {
		setTimes(m, start, end)
	}
	if p := c.prop("STATUS"); p != nil && strings.EqualFold(text(p.value), "TENTATIVE") {
		m.When.Approximate = true
	}
	if said, ok := saidWhen(c, m.When); ok {
		m.When = said
	}
}

// readEnd reads DTEND, or DTSTART plus DURATION; with neither, an all-day event lasts its day
// and a timed one has no end. An end before the start is refused.
func readEnd(c *component, start moment, zones zoneBook, probs entente.Problems) (moment, bool) {
	ep, dp := c.prop("DTEND"), c.prop("DURATION")
	switch {
	case ep != nil && dp != nil:
		probs.Addf("duration", "on line %d cannot go with DTEND on line %d: give one of them", dp.line, ep.line)
		return moment{}, false
	case ep != nil:
		end, err := zones.readMoment(ep)
		if err == nil && end.isDay != start.isDay {
			err = fmt.Errorf("on line %d is a %s while DTSTART is a %s", ep.line, kindOf(end), kindOf(start))
		}
		if err == nil && before(end, start) {
			err = fmt.Errorf("on line %d is before DTSTART", ep.line)
		}
		if err != nil {
			probs.Add("dtend", err.Error())
			return moment{}, false
		}
		return end, true
	case dp != nil:
		d, err := parseDuration(strings.TrimSpace(dp.value))
		if err != nil {
			probs.Addf("duration", "%q on line %d: %v", dp.value, dp.line, err)
			return moment{}, false
		}
		if start.isDay {
			return moment{day: start.day.AddDays(int(d.Hours() / 24)), isDay: true}, true
		}
		return moment{instant: start.instant.Add(d), zone: start.zone}, true
	}
	if start.isDay {
		return moment{day: start.day.AddDays(1), isDay: true}, true
	}
	return moment{}, true
}

// The years a meeting may fall in.
const (
	firstYear = 1900
	lastYear  = 2199
)

// inRange reports whether a day or instant (or no end at all) lies within the years meetings
// may fall in.
func inRange(m moment) bool {
	y := m.day.Year
	if !m.isDay {
		if m.instant.IsZero() {
			return true
		}
		y = m.instant.UTC().Year()
	}
	return y >= firstYear && y <= lastYear
}

func kindOf(m moment) string {
	if m.isDay {
		return "date"
	}
	return "date and time"
}

func before(a, b moment) bool {
	if a.isDay {
		return a.day.Before(b.day)
	}
	return a.instant.Before(b.instant)
}

// setTimes sets the instants of a timed event; an end equal to the start is no end.
func setTimes(m *entente.Meeting, start, end moment) {
	s := start.instant.UTC()
	m.StartsAt, m.TimeZone = &s, start.zone
	if !end.instant.IsZero() && end.instant.After(start.instant) {
		e := end.instant.UTC()
		m.EndsAt = &e
	}
	first := entente.DateOf(start.instant)
	last := first
	if m.EndsAt != nil {
		last = entente.DateOf(end.instant.In(start.instant.Location()).Add(-time.Nanosecond))
	}
	m.When = daysWhen(first, last)
}

// daysWhen is the When of the days from first to last: one day, a whole month, a whole year,
// or a range of days.
func daysWhen(first, last entente.Date) entente.When {
	if last.Before(first) {
		last = first
	}
	value, end := first.String(), ""
	switch {
	case first == last:
	case first.Day == 1 && last == first.EndOfMonth():
		value = first.String()[:7]
	case first.Month == 1 && first.Day == 1 && last == (entente.Date{Year: first.Year, Month: 12, Day: 31}):
		value = strconv.Itoa(first.Year)
	default:
		end = last.String()
	}
	w, err := entente.ParseWhen(value, end, "", false)
	if err != nil {
		return entente.WhenOfDate(first)
	}
	return w
}

// saidWhen reads X-ENTENTE-WHEN, written by entente's feeds, and keeps it when it agrees with
// the event's days: the same days for an all-day event, or the day a timed one starts on.
func saidWhen(c *component, got entente.When) (entente.When, bool) {
	p := c.prop(propWhen)
	if p == nil {
		return entente.When{}, false
	}
	s := text(p.value)
	approx := strings.HasPrefix(s, "~")
	s = strings.TrimPrefix(s, "~")
	value, mod, _ := strings.Cut(s, " ")
	value, end, _ := strings.Cut(value, "/")
	w, err := entente.ParseWhen(value, end, mod, approx)
	if err != nil || w.IsVague() || w.Earliest.IsZero() || w.Latest.IsZero() {
		return entente.When{}, false
	}
	if w.Earliest == got.Earliest && w.Latest == got.Latest {
		return w, true
	}
	if got.Earliest == got.Latest && w.Contains(got.Earliest) && dayOrFiner(w) {
		return w, true
	}
	return entente.When{}, false
}

// maxDuration is the longest event a file may describe.
const maxDuration = 10 * 366 * 24 * time.Hour

// parseDuration reads a positive RFC 5545 duration: P15DT5H0M20S, P7W, PT2H.
func parseDuration(s string) (time.Duration, error) {
	rest, ok := strings.CutPrefix(strings.TrimPrefix(s, "+"), "P")
	if !ok || rest == "" {
		return 0, fmt.Errorf("is not a duration such as PT2H or P1D")
	}
	units := map[byte]time.Duration{'W': 7 * 24 * time.Hour, 'D': 24 * time.Hour, 'H': time.Hour, 'M': time.Minute, 'S': time.Second}
	var total time.Duration
	inTime, digits := false, ""
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		switch {
		case c >= '0' && c <= '9':
			digits += string(c)
		case c == 'T' && !inTime && digits == "":
			inTime = true
		case units[c] != 0 && digits != "" && (inTime == (c == 'H' || c == 'M' || c == 'S')):
			n, err := strconv.Atoi(digits)
			if err != nil || time.Duration(n) > maxDuration/units[c] || total+time.Duration(n)*units[c] > maxDuration {
				return 0, fmt.Errorf("is longer than ten years")
			}
			total += time.Duration(n) * units[c]
			digits = ""
		default:
			return 0, fmt.Errorf("is not a duration such as PT2H or P1D")
		}
	}
	if digits != "" {
		return 0, fmt.Errorf("is not a duration such as PT2H or P1D")
	}
	return total, nil
}
