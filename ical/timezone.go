package ical

import (
	"errors"
	"fmt"
	"sort"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/entente/entente"
)

// errNoZone says an instant is written in UTC, with no VTIMEZONE.
var errNoZone = errors.New("no time zone")

// timeZones builds a VTIMEZONE for each zone the feed's timed meetings use, covering the
// years of those meetings, in the order of the zones' names.
func timeZones(meetings []*entente.Meeting) ([]*ics.VTimezone, error) {
	type span struct{ from, to time.Time }
	spans := map[string]*span{}
	for _, m := range meetings {
		if m.StartsAt == nil {
			continue
		}
		if _, err := loadZone(m.TimeZone); err != nil {
			continue
		}
		end := *m.StartsAt
		if m.EndsAt != nil {
			end = *m.EndsAt
		}
		s := spans[m.TimeZone]
		if s == nil {
			s = &span{*m.StartsAt, end}
			spans[m.TimeZone] = s
		}
		if m.StartsAt.Before(s.from) {
			s.from = *m.StartsAt
		}
		if end.After(s.to) {
			s.to = end
		}
	}
	names := make([]string, 0, len(spans))
	for name := range spans {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []*ics.VTimezone
	for _, name := range names {
		loc, err := time.LoadLocation(name)
		if err != nil {
			return nil, fmt.Errorf("ical: time zone %q: %w", name, err)
		}
		s := spans[name]
		from := time.Date(s.from.Year()-1, 1, 1, 0, 0, 0, 0, time.UTC)
		to := time.Date(s.to.Year()+2, 1, 1, 0, 0, 0, 0, time.UTC)
		out = append(out, vtimezone(name, loc, from, to))
	}
	return out, nil
}

// vtimezone describes a zone between two instants: one STANDARD or DAYLIGHT observance for
// the offset in force at the start, and one for each change of offset until the end, each
// with its own DTSTART (no recurrence rules, so that nothing depends on rules the zone may
// change). Calendar programs read the offset of any instant in the range from it.
func vtimezone(name string, loc *time.Location, from, to time.Time) *ics.VTimezone {
	tz := ics.NewTimezone(name)
	t := from.In(loc)
	start, _ := t.ZoneBounds()
	for {
		if start.IsZero() {
			// The zone has had this offset since the beginning of its records: let the
			// observance begin before any meeting (1601, as Outlook does).
			start = time.Date(1601, 1, 1, 0, 0, 0, 0, loc)
		}
		tz.Components = append(tz.Components, observance(start))
		_, end := start.ZoneBounds()
		if end.IsZero() || !end.Before(to) {
			return tz
		}
		start = end
	}
}

// observance is the STANDARD or DAYLIGHT component of the offset that starts at an instant.
func observance(start time.Time) ics.Component {
	name, offset := start.Zone()
	_, before := start.Add(-time.Second).Zone()
	base := ics.ComponentBase{}
	// DTSTART is the local time of the change in the offset that was in force before it.
	local := start.In(time.FixedZone("", before)).Format(localLayout)
	base.SetProperty(ics.ComponentPropertyDtStart, local)
	base.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), utcOffset(before))
	base.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), utcOffset(offset))
	if name != "" {
		base.SetProperty(ics.ComponentProperty(ics.PropertyTzname), name)
	}
	if start.IsDST() {
		return &ics.Daylight{ComponentBase: base}
	}
	return &ics.Standard{ComponentBase: base}
}

// utcOffset formats seconds east of UTC as an iCalendar UTC-OFFSET: +0500, -0330, +053328.
func utcOffset(seconds int) string {
	sign := '+'
	if seconds < 0 {
		sign, seconds = '-', -seconds
	}
	h, m, s := seconds/3600, seconds/60%60, seconds%60
	if s != 0 {
		return fmt.Sprintf("%c%02d%02d%02d", sign, h, m, s)
	}
	return fmt.Sprintf("%c%02d%02d", sign, h, m)
}
