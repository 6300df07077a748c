package ical

import (
	"fmt"
	"strings"
	"time"

	"github.com/entente/entente"
)

// zoneBook resolves the time zones a file names: IANA zones by name, zones the file defines
// by their VTIMEZONE when they keep one offset, and floating times by the calendar's
// X-WR-TIMEZONE.
type zoneBook struct {
	fixed    map[string]*time.Location // TZID → fixed offset, from the file's VTIMEZONEs
	floating string                    // the calendar's X-WR-TIMEZONE, when it is an IANA zone
}

// fileZones reads the VTIMEZONEs and X-WR-TIMEZONE of a calendar.
func fileZones(cal *component) zoneBook {
	b := zoneBook{fixed: map[string]*time.Location{}}
	if p := cal.prop("X-WR-TIMEZONE"); p != nil {
		if _, err := ianaZone(text(p.value)); err == nil {
			b.floating = text(p.value)
		}
	}
	for _, c := range cal.children {
		if c.name != "VTIMEZONE" || c.prop("TZID") == nil {
			continue
		}
		offsets := map[string]bool{}
		for _, o := range c.children {
			if p := o.prop("TZOFFSETTO"); p != nil {
				offsets[strings.TrimSpace(p.value)] = true
			}
		}
		if len(offsets) != 1 {
			continue
		}
		for off := range offsets {
			if secs, ok := parseOffset(off); ok {
				id := text(c.prop("TZID").value)
				b.fixed[id] = time.FixedZone(id, secs)
			}
		}
	}
	return b
}

// ianaZone loads a zone of the IANA database. "Local" names the machine's zone, which says
// nothing about the event, and is refused.
func ianaZone(name string) (*time.Location, error) {
	if name == "" || strings.EqualFold(name, "Local") {
		return nil, fmt.Errorf("%q is not a time zone", name)
	}
	return time.LoadLocation(name)
}

// parseOffset reads a UTC-OFFSET such as +0500 or -033000 into seconds east of UTC.
func parseOffset(s string) (int, bool) {
	if len(s) != 5 && len(s) != 7 || (s[0] != '+' && s[0] != '-') {
		return 0, false
	}
	var parts [3]int
	for i := 0; i*2+1 < len(s); i++ {
		a, b := s[1+i*2], s[2+i*2]
		if a < '0' || a > '9' || b < '0' || b > '9' {
			return 0, false
		}
		parts[i] = int(a-'0')*10 + int(b-'0')
	}
	secs := parts[0]*3600 + parts[1]*60 + parts[2]
	if parts[1] > 59 || parts[2] > 59 || secs >= 24*3600 {
		return 0, false
	}
	if s[0] == '-' {
		secs = -secs
	}
	return secs, true
}

// moment is a DTSTART or DTEND as read: a day, or an instant with the IANA zone it was given
// in ("" for UTC or a zone the file defines).
type moment struct {
	day     entente.Date
	instant time.Time
	zone    string
	isDay   bool
}

// readMoment reads a DATE or DATE-TIME property.
func (b zoneBook) readMoment(p *property) (moment, error) {
	v := strings.TrimSpace(p.value)
	if strings.EqualFold(p.param("VALUE"), "DATE") || len(v) == 8 {
		t, err := time.Parse("20060102", v)
		if err != nil {
			return moment{}, fmt.Errorf("%q on line %d is not a date of the form YYYYMMDD", v, p.line)
		}
		return moment{day: entente.DateOf(t), isDay: true}, nil
	}
	if strings.HasSuffix(v, "Z") {
		t, err := time.Parse(utcLayout, v)
		if err != nil {
			return moment{}, fmt.Errorf("%q on line %d is not a time of the form YYYYMMDDTHHMMSSZ", v, p.line)
		}
		return moment{instant: t.UTC()}, nil
	}
	loc, zone, err := b.zoneOf(p)
	if err != nil {
		return moment{}, err
	}
	t, err := time.ParseInLocation(localLayout, v, loc)
	if err != nil {
		return moment{}, fmt.Errorf("%q on line %d is not a time of the form YYYYMMDDTHHMMSS", v, p.line)
	}
	return moment{instant: t, zone: zone}, nil
}

// zoneOf finds the zone of a local time: its TZID, or the calendar's zone for a floating time.
func (b zoneBook) zoneOf(p *property) (*time.Location, string, error) {
	tzid := strings.TrimPrefix(p.param("TZID"), "/")
	if tzid == "" {
		if b.floating == "" {
			return nil, "", fmt.Errorf("%q on line %d has no time zone: add a TZID parameter or write the time in UTC with a Z", p.value, p.line)
		}
		tzid = b.floating
	}
	if loc, err := ianaZone(tzid); err == nil {
		return loc, tzid, nil
	}
	if loc, ok := b.fixed[tzid]; ok {
		return loc, "", nil
	}
	return nil, "", fmt.Errorf("the time zone %q on line %d does not exist: it is not an IANA zone such as Asia/Karachi or Europe/Minsk, and the file defines no VTIMEZONE with one offset for it", tzid, p.line)
}
