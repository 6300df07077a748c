package ical_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/ical"
	"github.com/entente/entente/internal/icaltest"
)

// FuzzRead feeds the reader arbitrary files (the seeds under testdata/fuzz/FuzzRead are a
// feed of this package, an Outlook invitation and broken variants). A file is either refused
// with EINVALID, or every event read from it is a valid meeting that the feed writes in a way
// an independent parser accepts and that reads back the same.
func FuzzRead(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		evs, err := ical.Read(bytes.NewReader(data), host)
		if err != nil {
			if entente.ErrorCode(err) != entente.EINVALID {
				t.Fatalf("a refusal with code %s: %v", entente.ErrorCode(err), err)
			}
			return
		}
		feed := &ical.Feed{}
		first := map[string]*entente.Meeting{}
		for i, ev := range evs {
			if err := ev.Validate(i); err != nil {
				t.Fatalf("Read gave an event that is not valid: %v", err)
			}
			m := asStored(ev, int64(i+1))
			if first[ev.UID] == nil {
				first[ev.UID] = m
			}
			feed.Meetings = append(feed.Meetings, m)
		}
		out := write(t, feed)
		icaltest.Parse(t, out)
		again, err := ical.Read(bytes.NewReader(out), host)
		if err != nil {
			t.Fatalf("the feed of what was read cannot be read: %v\n%s", err, out)
		}
		if len(again) != len(first) {
			t.Fatalf("%d events read back from %d UIDs", len(again), len(first))
		}
		for _, ev := range again {
			sameMeeting(t, first[ev.UID], ev)
		}
	})
}

// asStored is the meeting an event becomes, as the store would keep it.
func asStored(ev *entente.CalendarEvent, id int64) *entente.Meeting {
	m := ev.Meeting
	m.ID, m.RoadmapID, m.UID, m.Version = id, 1, ev.UID, ev.Sequence+1
	m.CreatedAt, m.UpdatedAt = created, changed
	if m.Kind == "" {
		m.Kind = "other"
	}
	return &m
}

// sameMeeting fails unless an event read back says what the meeting it was written from says.
func sameMeeting(t *testing.T, m *entente.Meeting, ev *entente.CalendarEvent) {
	t.Helper()
	got := ev.Meeting
	checks := []struct{ what, got, want string }{
		{"title", got.Title, m.Title},
		{"location", got.Location, m.Location},
		{"description", got.Description, m.Description},
		{"kind", got.Kind, m.Kind},
		{"cancelled", fmt.Sprint(got.Status == entente.MeetingCancelled), fmt.Sprint(m.Status == entente.MeetingCancelled)},
		{"sequence", fmt.Sprint(ev.Sequence), fmt.Sprint(entente.CalendarSequence(m))},
		{"starts", instant(got.StartsAt), instant(m.StartsAt)},
		{"ends", instant(got.EndsAt), instant(m.EndsAt)},
	}
	if m.StartsAt == nil {
		checks = append(checks, struct{ what, got, want string }{"days",
			got.When.Earliest.String() + "/" + got.When.Latest.String(), m.When.Earliest.String() + "/" + m.When.Latest.String()})
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %s %q came back as %q", ev.UID, c.what, c.want, c.got)
		}
	}
}

func instant(t *time.Time) string {
	if t == nil {
		return "none"
	}
	return t.UTC().Format(time.RFC3339)
}
