package ical

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// Read reads a calendar file into the events to import as meetings: every VEVENT of every
// VCALENDAR in it, in the file's order. To-dos, journals, free/busy and the deadlines entente's
// feeds show as events are not meetings and are passed over. host is the UID host of this installation, so that events of its own feeds
// are recognised as the meetings they came from.
//
// A file over 2 MiB or with more than 2,000 events, one that is not well-formed, and an event
// without UID or DTSTART, with a time zone that does not exist, a recurrence rule, or any
// property that cannot be read is refused with an EINVALID error naming the line, the event
// and the property.
func Read(r io.Reader, host string) ([]*entente.CalendarEvent, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, err
	}
	top, err := parse(data)
	if err != nil {
		return nil, err
	}
	var events []*entente.CalendarEvent
	for _, cal := range top {
		if cal.name != "VCALENDAR" {
			return nil, fileError("line %d: the file holds a %s where a VCALENDAR belongs", cal.line, cal.name)
		}
		zones := fileZones(cal)
		for _, c := range cal.children {
			if c.name != "VEVENT" || c.prop(propDeadline) != nil {
				continue
			}
			if len(events) == entente.MaxCalendarFileEvents {
				return nil, &entente.Error{Code: entente.EINVALID,
					Message: "The calendar file holds more than 2,000 events; import it in parts.",
					Fields:  map[string]string{"file": "holds more than 2,000 events"}}
			}
			ev, err := readEvent(c, len(events), zones, host)
			if err != nil {
				return nil, err
			}
			events = append(events, ev)
		}
	}
	if len(events) == 0 {
		return nil, &entente.Error{Code: entente.EINVALID, Message: "The calendar file holds no events.",
			Fields: map[string]string{"file": "holds no VEVENT"}}
	}
	return events, nil
}

// recurring lists the properties of a recurring event or of one occurrence of it.
var recurring = []string{"RRULE", "RDATE", "EXRULE", "EXDATE", "RECURRENCE-ID"}

// readEvent reads one VEVENT; i is its index among the file's events.
func readEvent(c *component, i int, zones zoneBook, host string) (*entente.CalendarEvent, error) {
	ev := &entente.CalendarEvent{Line: c.line}
	if p := c.prop("UID"); p != nil {
		ev.UID = text(p.value)
	}
	ev.MeetingID = ownMeeting(ev.UID, host)
	m := &ev.Meeting
	if p := c.prop("SUMMARY"); p != nil {
		m.Title = text(p.value)
	}
	probs := entente.Problems{}
	if ev.UID == "" {
		probs.Add("uid", "is missing: every event needs a UID")
	}
	for _, name := range recurring {
		if c.prop(name) != nil {
			probs.Addf(strings.ToLower(name), "makes the event recurring (line %d); recurring events are not imported as meetings",
				c.prop(name).line)
		}
	}
	if p := c.prop("SEQUENCE"); p != nil {
		n, err := strconv.Atoi(strings.TrimSpace(p.value))
		if err != nil || n < 0 || n > entente.MaxCalendarSequence {
			probs.Addf("sequence", "%q on line %d is not a whole number from 0 to %d", p.value, p.line, entente.MaxCalendarSequence)
		}
		ev.Sequence = n
	}
	readStatus(c, m, probs)
	if p := c.prop(propKind); p != nil && slices.Contains(entente.MeetingKinds, text(p.value)) {
		m.Kind = text(p.value)
	}
	if p := c.prop("LOCATION"); p != nil {
		m.Location = text(p.value)
	}
	m.Description = ownDescription(c)
	if len(probs) == 0 {
		readDates(c, m, zones, probs)
	}
	if err := ev.Problems(i, probs); err != nil {
		return nil, err
	}
	return ev, ev.Validate(i)
}

// readStatus maps STATUS: CANCELLED is a cancelled meeting; TENTATIVE and CONFIRMED are
// planned ones (a tentative one on an approximate date, which readDates marks).
func readStatus(c *component, m *entente.Meeting, probs entente.Problems) {
	m.Status = entente.MeetingPlanned
	p := c.prop("STATUS")
	if p == nil {
		return
	}
	switch strings.ToUpper(text(p.value)) {
	case "CANCELLED":
		m.Status = entente.MeetingCancelled
	case "TENTATIVE", "CONFIRMED":
	default:
		probs.Addf("status", "%q on line %d is not a status of an event (TENTATIVE, CONFIRMED or CANCELLED)", p.value, p.line)
	}
}

// ownMeeting is the id in a UID this installation gave out ("meeting-12@host"), or 0.
func ownMeeting(uid, host string) int64 {
	rest, ok := strings.CutPrefix(uid, "meeting-")
	if !ok || host == "" {
		return 0
	}
	num, h, ok := strings.Cut(rest, "@")
	if !ok || !strings.EqualFold(h, host) {
		return 0
	}
	id, err := strconv.ParseInt(num, 10, 64)
	if err != nil || id <= 0 || strconv.FormatInt(id, 10) != num {
		return 0
	}
	return id
}

// ownDescription is the event's DESCRIPTION without the paragraph entente's feeds add at its
// end (what was said of the date and the link back), so that a file exported and imported
// again does not gather a new paragraph each time.
func ownDescription(c *component) string {
	p := c.prop("DESCRIPTION")
	if p == nil {
		return ""
	}
	d := text(p.value)
	u := c.prop("URL")
	if c.prop(propKind) == nil || u == nil {
		return d
	}
	own, last := "", d
	if i := strings.LastIndex(d, "\n\n"); i >= 0 {
		own, last = d[:i], d[i+2:]
	}
	lines := strings.Split(last, "\n")
	if strings.TrimSpace(lines[len(lines)-1]) != strings.TrimSpace(u.value) {
		return d
	}
	return strings.TrimSpace(own)
}
