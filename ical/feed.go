// Package ical adapts entente to iCalendar (RFC 5545): it writes the calendar feeds of a
// roadmap, of a user and of one meeting with github.com/arran4/golang-ical, and reads calendar
// files into events to import as meetings.
//
// A feed holds meetings as events (at their instants, in the venue's time zone with its
// VTIMEZONE, or as all-day events over the days their date covers when no time is known) and
// the deadlines of open actions, pending commitments and agreements not yet signed as all-day
// events on their last day. Every component has a stable UID, a SEQUENCE that grows with the
// row's version, and DTSTAMP and LAST-MODIFIED set to the row's last change (RFC 5545 §3.8.7.2,
// for a calendar without METHOD), so the same data always gives the same feed.
//
// Reading uses this package's own small reader rather than the writer's parser, so that each
// refusal names the line, the event and the property at fault, and so that size, event count
// and nesting are bounded while the file is read.
package ical

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/entente/entente"
)

// Feed is the content of one calendar: a roadmap's, a user's across their roadmaps, or one
// meeting's. Items appear in the order given.
type Feed struct {
	Name        string // the calendar's name shown by calendar programs
	Meetings    []*entente.Meeting
	Actions     []*entente.Action
	Agreements  []*entente.Agreement
	Commitments []*entente.Commitment
}

// Words are the phrases a feed writes in its reader's language: message ids of the "feeds"
// area, and dates as people say them.
type Words interface {
	T(id string, pairs ...any) string
	When(w entente.When) string
}

// Writer writes feeds for one installation of entente.
type Writer struct {
	// Host names the installation in UIDs ("meeting-12@Host"); it must stay the same for a
	// feed's UIDs to stay stable.
	Host string
	// BaseURL is where the installation's pages are ("https://entente.example.org"), for the
	// link back to each item.
	BaseURL string
	Words   Words
}

// productID is the feed's PRODID.
const productID = "-//entente//entente calendar feed//EN"

// Write writes the feed as an iCalendar document.
func (wr Writer) Write(w io.Writer, f *Feed) error {
	if wr.Host == "" {
		return errNoHost
	}
	cal := ics.NewCalendarFor("entente")
	cal.SetProductId(productID)
	cal.SetCalscale("GREGORIAN")
	if f.Name != "" {
		cal.SetName(f.Name)
		cal.SetXWRCalName(f.Name)
	}
	cal.SetRefreshInterval("PT1H")
	cal.SetXPublishedTTL("PT1H")
	zones, err := timeZones(f.Meetings)
	if err != nil {
		return err
	}
	for _, z := range zones {
		cal.AddVTimezone(z)
	}
	seen := map[string]bool{}
	add := func(e *ics.VEvent) {
		// One calendar holds one event per UID: a meeting imported into two roadmaps of the
		// same user appears once, as the first roadmap has it.
		if uid := e.Id(); !seen[uid] {
			seen[uid] = true
			cal.AddVEvent(e)
		}
	}
	for _, m := range f.Meetings {
		if e := wr.meetingEvent(m); e != nil {
			add(e)
		}
	}
	for _, e := range wr.deadlines(f) {
		add(e)
	}
	return cal.SerializeTo(w, ics.WithNewLine("\r\n"))
}

// uid is the UID of an item of this installation.
func (wr Writer) uid(kind string, id int64) string {
	return kind + "-" + strconv.FormatInt(id, 10) + "@" + wr.Host
}

// link is the address of an item's page.
func (wr Writer) link(path string, id int64) string {
	return strings.TrimSuffix(wr.BaseURL, "/") + "/" + path + "/" + strconv.FormatInt(id, 10)
}

// stamp sets the properties every component carries: UID, DTSTAMP, CREATED, LAST-MODIFIED,
// SEQUENCE, and the link back as URL.
func stamp(e *ics.VEvent, created, updated time.Time, sequence int, link string) {
	e.SetDtStampTime(updated)
	e.SetCreatedTime(created)
	e.SetModifiedAt(updated)
	e.SetSequence(sequence)
	e.SetURL(link)
}

// describe is an item's description in a feed: its own text, then a last paragraph with
// what was said of its date, when the calendar's days cannot say it, and the link back on its
// last line. Reading a file of entente's own drops that paragraph again (ownDescription).
func describe(own string, tail ...string) string {
	var lines []string
	for _, t := range tail {
		if t = strings.TrimSpace(t); t != "" {
			lines = append(lines, t)
		}
	}
	own = plain(own)
	last := strings.Join(lines, "\n")
	if own == "" {
		return last
	}
	return own + "\n\n" + last
}

// plain is a text with every line break a "\n" and no space around it: a carriage return
// alone would end an iCalendar line.
func plain(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"))
}

// allDay sets DTSTART and DTEND of an all-day event over the days from first to last; DTEND
// is the day after the last (RFC 5545 §3.6.1).
func allDay(e *ics.VEvent, first, last entente.Date) {
	e.SetAllDayStartAt(first.Time(time.UTC))
	e.SetAllDayEndAt(last.AddDays(1).Time(time.UTC))
	e.SetTimeTransparency(ics.TransparencyTransparent)
}

// errNoHost is the error of a Writer without a host for its UIDs.
var errNoHost = fmt.Errorf("ical: the writer needs a host for the feed's UIDs")
