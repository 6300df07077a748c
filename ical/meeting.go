package ical

import (
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/entente/entente"
)

// entente's own properties, which let a file written here be read back without loss: the
// meeting's kind, its date as said (a TIMEX3 value, as entente.When.String writes it), and
// the kind of item whose deadline an event shows, which is not a meeting to import.
const (
	propKind     = "X-ENTENTE-KIND"
	propWhen     = "X-ENTENTE-WHEN"
	propDeadline = "X-ENTENTE-DEADLINE"
)

// meetingEvent is the VEVENT of a meeting, or nil for a meeting without a date to place it
// on (an invitation accepted for a day not yet set).
func (wr Writer) meetingEvent(m *entente.Meeting) *ics.VEvent {
	uid := m.UID
	if uid == "" {
		uid = wr.uid("meeting", m.ID)
	}
	e := ics.NewEvent(uid)
	link := wr.link("meetings", m.ID)
	stamp(e, m.CreatedAt, m.UpdatedAt, entente.CalendarSequence(m), link)
	if !placeMeeting(e, m) {
		return nil
	}
	e.SetSummary(plain(m.Title))
	if plain(m.Location) != "" {
		e.SetLocation(plain(m.Location))
	}
	e.SetStatus(meetingStatus(m))
	e.SetDescription(describe(m.Description, wr.whenSaid(m.When), link))
	e.SetProperty(ics.ComponentProperty(propKind), m.Kind)
	if !m.When.IsZero() {
		e.SetProperty(ics.ComponentProperty(propWhen), m.When.String())
	}
	return e
}

// placeMeeting sets the meeting's DTSTART and DTEND: its instants when the time is known, in
// the venue's zone when it has one; otherwise the days its date covers, as an all-day event.
// It reports false for a meeting with no date, a vague one, or one open at either end.
func placeMeeting(e *ics.VEvent, m *entente.Meeting) bool {
	if m.StartsAt != nil {
		setInstant(e, ics.ComponentPropertyDtStart, *m.StartsAt, m.TimeZone)
		if m.EndsAt != nil {
			setInstant(e, ics.ComponentPropertyDtEnd, *m.EndsAt, m.TimeZone)
		}
		return true
	}
	w := m.When
	if w.IsZero() || w.IsVague() || w.Earliest.IsZero() || w.Latest.IsZero() {
		return false
	}
	allDay(e, w.Earliest, w.Latest)
	return true
}

// localLayout is an iCalendar DATE-TIME in local time, to go with a TZID.
const localLayout = "20060102T150405"

// setInstant writes an instant as local time with TZID when the zone is known (the feed then
// carries the zone's VTIMEZONE), and in UTC otherwise.
func setInstant(e *ics.VEvent, prop ics.ComponentProperty, t time.Time, zone string) {
	if loc, err := loadZone(zone); err == nil {
		e.SetProperty(prop, t.In(loc).Format(localLayout), ics.WithTZID(zone))
		return
	}
	e.SetProperty(prop, t.UTC().Format(utcLayout))
}

// utcLayout is an iCalendar DATE-TIME in UTC.
const utcLayout = "20060102T150405Z"

// loadZone loads an IANA zone; "" and UTC are not zones a feed needs a VTIMEZONE for.
func loadZone(zone string) (*time.Location, error) {
	if zone == "" || zone == "UTC" {
		return nil, errNoZone
	}
	return time.LoadLocation(zone)
}

// meetingStatus is CANCELLED for a cancelled meeting, TENTATIVE for a postponed one and for
// a planned one whose date is approximate or known only to the week, month or coarser, and
// CONFIRMED otherwise.
func meetingStatus(m *entente.Meeting) ics.ObjectStatus {
	switch {
	case m.Status == entente.MeetingCancelled:
		return ics.ObjectStatusCancelled
	case m.Status == entente.MeetingPostponed:
		return ics.ObjectStatusTentative
	case m.Status == entente.MeetingPlanned && approximate(m):
		return ics.ObjectStatusTentative
	}
	return ics.ObjectStatusConfirmed
}

// approximate reports whether a meeting's date is not yet a firm day.
func approximate(m *entente.Meeting) bool {
	return m.When.Approximate || (m.StartsAt == nil && !dayOrFiner(m.When))
}

// dayOrFiner reports whether a When names one day, or part of one, with no modifier.
func dayOrFiner(w entente.When) bool {
	switch w.Granularity {
	case entente.GranularityDay, entente.GranularityTime, entente.GranularityPartOfDay:
		return w.End == "" && w.Mod == ""
	}
	return false
}

// whenSaid is the sentence that keeps a date as it was said ("February 2025, approximately")
// when the calendar's days cannot: a month, a part of a day, an approximate or open date.
func (wr Writer) whenSaid(w entente.When) string {
	if w.IsZero() || (dayOrFiner(w) && !w.Approximate && w.Granularity != entente.GranularityPartOfDay) {
		return ""
	}
	return wr.Words.T("feeds.when_said", "When", wr.Words.When(w))
}
