// Package icaltest holds calendar feeds to what calendar programs expect, reading them with an
// iCalendar parser independent of the one entente writes with (emersion/go-ical), for the
// tests of package ical and of the server.
package icaltest

import (
	"bytes"
	"sort"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"
)

// Parse reads a feed with an independent parser (emersion/go-ical) and holds it to what
// calendar programs expect before they show a feed without complaint: CRLF line ends, lines
// of at most 75 octets, properties each component may have once at most once (the encoder of
// go-ical checks that), a UID, DTSTAMP and DTSTART on every event, an end after the start
// of the same value type, and a VTIMEZONE for every TZID used.
func Parse(t *testing.T, data []byte) *goical.Calendar {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			t.Fatalf("line %d does not end in CRLF: %q", i+1, line)
		}
		if len(line) > 75 {
			t.Fatalf("line %d is %d octets long: %q", i+1, len(line), line)
		}
	}
	cal, err := goical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the feed: %v", err)
	}
	var again bytes.Buffer
	if err := goical.NewEncoder(&again).Encode(cal); err != nil {
		t.Fatalf("go-ical finds the feed malformed: %v", err)
	}
	zones := map[string]bool{}
	for _, c := range cal.Children {
		if c.Name == goical.CompTimezone {
			zones[c.Props.Get(goical.PropTimezoneID).Value] = true
		}
	}
	for _, ev := range cal.Events() {
		checkEvent(t, ev, zones)
	}
	return cal
}

func checkEvent(t *testing.T, ev goical.Event, zones map[string]bool) {
	t.Helper()
	uid := ev.Props.Get(goical.PropUID)
	if uid == nil || uid.Value == "" {
		t.Fatalf("an event has no UID: %v", ev.Props)
	}
	for _, name := range []string{goical.PropDateTimeStamp, goical.PropDateTimeStart, goical.PropSummary, goical.PropSequence} {
		if ev.Props.Get(name) == nil {
			t.Fatalf("event %s has no %s", uid.Value, name)
		}
	}
	if _, err := ev.Props.Get(goical.PropSequence).Int(); err != nil {
		t.Fatalf("event %s: SEQUENCE: %v", uid.Value, err)
	}
	start, end := ev.Props.Get(goical.PropDateTimeStart), ev.Props.Get(goical.PropDateTimeEnd)
	for _, p := range []*goical.Prop{start, end} {
		if p == nil {
			continue
		}
		if tzid := p.Params.Get(goical.PropTimezoneID); tzid != "" && !zones[tzid] {
			t.Fatalf("event %s uses the time zone %s, which has no VTIMEZONE", uid.Value, tzid)
		}
	}
	s, err := ev.DateTimeStart(nil)
	if err != nil {
		t.Fatalf("event %s: DTSTART: %v", uid.Value, err)
	}
	if end == nil {
		return
	}
	if start.ValueType() != end.ValueType() {
		t.Fatalf("event %s: DTSTART is a %s and DTEND a %s", uid.Value, start.ValueType(), end.ValueType())
	}
	e, err := ev.DateTimeEnd(nil)
	if err != nil || !e.After(s) {
		t.Fatalf("event %s: DTEND %v is not after DTSTART %v (%v)", uid.Value, e, s, err)
	}
}

// Events maps each event of a parsed feed by its UID.
func Events(cal *goical.Calendar) map[string]goical.Event {
	out := map[string]goical.Event{}
	for _, ev := range cal.Events() {
		out[ev.Props.Get(goical.PropUID).Value] = ev
	}
	return out
}

// Value is a property's value, or "" when the event lacks it.
func Value(ev goical.Event, name string) string {
	if p := ev.Props.Get(name); p != nil {
		return p.Value
	}
	return ""
}

// OffsetAt reads from a feed's VTIMEZONE the UTC offset in force at a local time: the
// observance with the latest DTSTART at or before it. It checks the VTIMEZONE itself rather
// than the Go time zone database the parser would use.
func OffsetAt(t *testing.T, cal *goical.Calendar, tzid, local string) time.Duration {
	t.Helper()
	type onset struct {
		at     string
		offset string
	}
	var onsets []onset
	for _, c := range cal.Children {
		if c.Name != goical.CompTimezone || c.Props.Get(goical.PropTimezoneID).Value != tzid {
			continue
		}
		for _, o := range c.Children {
			onsets = append(onsets, onset{o.Props.Get(goical.PropDateTimeStart).Value, o.Props.Get(goical.PropTimezoneOffsetTo).Value})
		}
	}
	sort.Slice(onsets, func(i, j int) bool { return onsets[i].at < onsets[j].at })
	found := ""
	for _, o := range onsets {
		if o.at <= local {
			found = o.offset
		}
	}
	if found == "" {
		t.Fatalf("the VTIMEZONE %s has no observance in force at %s: %v", tzid, local, onsets)
	}
	ref, err := time.Parse("-0700", found)
	if err != nil {
		t.Fatalf("TZOFFSETTO %q: %v", found, err)
	}
	_, secs := ref.Zone()
	return time.Duration(secs) * time.Second
}
