package ical_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/ical"
)

const host = "entente.example.org"

// file wraps content lines in a VCALENDAR, with CRLF line ends.
func file(lines ...string) string {
	all := append([]string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//test//EN"}, lines...)
	return strings.Join(append(all, "END:VCALENDAR"), "\r\n") + "\r\n"
}

// event is a VEVENT with a UID, a DTSTAMP and the given properties.
func event(uid string, props ...string) []string {
	out := []string{"BEGIN:VEVENT"}
	if uid != "" {
		out = append(out, "UID:"+uid)
	}
	out = append(out, "DTSTAMP:20241120T090000Z")
	return append(append(out, props...), "END:VEVENT")
}

func joined(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestReadMeetings(t *testing.T) {
	karachi := "BEGIN:VTIMEZONE\r\nTZID:Pakistan Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n" +
		"TZOFFSETFROM:+0500\r\nTZOFFSETTO:+0500\r\nEND:STANDARD\r\nEND:VTIMEZONE"
	tests := []struct {
		name  string
		ics   string
		check func(t *testing.T, ev *entente.CalendarEvent)
	}{
		{"an Outlook event in a zone the file defines", file(append([]string{karachi}, event("outlook-1",
			"SUMMARY:Leaders' talks", "DTSTART;TZID=\"Pakistan Standard Time\":20241126T110000",
			"DTEND;TZID=\"Pakistan Standard Time\":20241126T130000", "SEQUENCE:3", "LOCATION:Islamabad\\, PM House")...)...),
			func(t *testing.T, ev *entente.CalendarEvent) {
				m := ev.Meeting
				want(t, "starts", m.StartsAt.Format(time.RFC3339), "2024-11-26T06:00:00Z")
				want(t, "ends", m.EndsAt.Format(time.RFC3339), "2024-11-26T08:00:00Z")
				want(t, "zone", m.TimeZone, "")
				want(t, "when", m.When.Value, "2024-11-26")
				want(t, "location", m.Location, "Islamabad, PM House")
				want(t, "sequence", fmt.Sprint(ev.Sequence), "3")
				want(t, "status", m.Status, entente.MeetingPlanned)
			}},
		{"an IANA zone", file(event("z", "SUMMARY:Round in Minsk", "DTSTART;TZID=Europe/Minsk:20241210T100000", "DURATION:PT3H")...),
			func(t *testing.T, ev *entente.CalendarEvent) {
				want(t, "starts", ev.Meeting.StartsAt.Format(time.RFC3339), "2024-12-10T07:00:00Z")
				want(t, "ends", ev.Meeting.EndsAt.Format(time.RFC3339), "2024-12-10T10:00:00Z")
				want(t, "zone", ev.Meeting.TimeZone, "Europe/Minsk")
			}},
		{"a floating time in the calendar's zone", "BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:Asia/Karachi\r\n" +
			strings.Join(event("f", "SUMMARY:Call", "DTSTART:20241126T110000"), "\r\n") + "\r\nEND:VCALENDAR\r\n",
			func(t *testing.T, ev *entente.CalendarEvent) {
				want(t, "starts", ev.Meeting.StartsAt.Format(time.RFC3339), "2024-11-26T06:00:00Z")
				want(t, "zone", ev.Meeting.TimeZone, "Asia/Karachi")
			}},
		{"a whole month, tentative", file(event("m", "SUMMARY:Signing", "DTSTART;VALUE=DATE:20250201", "DTEND;VALUE=DATE:20250301", "STATUS:TENTATIVE")...),
			func(t *testing.T, ev *entente.CalendarEvent) {
				want(t, "when", ev.Meeting.When.String(), "~2025-02")
				if ev.Meeting.StartsAt != nil {
					t.Error("an all-day event got a start time")
				}
			}},
		{"days of a visit, cancelled", file(event("d", "SUMMARY:Visit", "DTSTART;VALUE=DATE:20250414", "DTEND;VALUE=DATE:20250417", "STATUS:CANCELLED")...),
			func(t *testing.T, ev *entente.CalendarEvent) {
				want(t, "when", ev.Meeting.When.String(), "2025-04-14/2025-04-16")
				want(t, "status", ev.Meeting.Status, entente.MeetingCancelled)
			}},
		{"folded lines and escapes", file(event("e", "SUMMARY:Talks on trade\\; textiles\\,", " machinery", "DESCRIPTION:First line\\nsecond\\\\line",
			"DTSTART;VALUE=DATE:20250101")...),
			func(t *testing.T, ev *entente.CalendarEvent) {
				want(t, "title", ev.Meeting.Title, "Talks on trade; textiles,machinery")
				want(t, "description", ev.Meeting.Description, "First line\nsecond\\line")
				want(t, "kind", ev.Meeting.Kind, "")
			}},
		{"a meeting of this installation's feed", file(event("meeting-12@ENTENTE.example.org", "SUMMARY:Talks", "DTSTART;VALUE=DATE:20250101",
			"X-ENTENTE-KIND:signing_ceremony", "X-ENTENTE-WHEN:2025-01-01TAF", "URL:https://entente.example.org/meetings/12",
			"DESCRIPTION:Our own text.\\n\\nDate as stated: 1 January 2025\\, afternoon\\nhttps://entente.example.org/meetings/12")...),
			func(t *testing.T, ev *entente.CalendarEvent) {
				want(t, "meeting", fmt.Sprint(ev.MeetingID), "12")
				want(t, "kind", ev.Meeting.Kind, "signing_ceremony")
				want(t, "when", ev.Meeting.When.String(), "2025-01-01TAF")
				want(t, "description", ev.Meeting.Description, "Our own text.")
			}},
		{"a meeting of another installation", file(event("meeting-12@elsewhere.org", "SUMMARY:Talks", "DTSTART:20250101T100000Z")...),
			func(t *testing.T, ev *entente.CalendarEvent) {
				want(t, "meeting", fmt.Sprint(ev.MeetingID), "0")
				want(t, "line", fmt.Sprint(ev.Line), "4")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := ical.Read(strings.NewReader(tt.ics), host)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != 1 {
				t.Fatalf("%d events", len(evs))
			}
			tt.check(t, evs[0])
		})
	}
}

func want(t *testing.T, what, got, expected string) {
	t.Helper()
	if got != expected {
		t.Errorf("%s: %q, want %q", what, got, expected)
	}
}

func TestReadRefusesBadFiles(t *testing.T) {
	many := []string{}
	for i := 0; i <= entente.MaxCalendarFileEvents; i++ {
		many = append(many, event(fmt.Sprintf("e%d", i), "SUMMARY:x", "DTSTART;VALUE=DATE:20250101")...)
	}
	huge := file(event("big", "SUMMARY:x", "DTSTART;VALUE=DATE:20250101", "DESCRIPTION:"+strings.Repeat("a", entente.MaxCalendarFileSize))...)
	tests := []struct {
		name, ics, field, message string
	}{
		{"not a calendar", "Dear colleagues,\r\nplease find the dates below.\r\n", "file", "line 1"},
		{"an END that closes nothing", file("BEGIN:VEVENT", "UID:x", "END:VTODO"), "file", "line 6: END:VTODO closes a component that is not open"},
		{"a component that never ends", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n", "file", "the VEVENT that begins on line 2 never ends"},
		{"a bad parameter", file("BEGIN:VEVENT", "DTSTART;TZID:20250101T100000", "END:VEVENT"), "file", "line 5, DTSTART"},
		{"not UTF-8", file(event("u", "SUMMARY:caf\xe9", "DTSTART;VALUE=DATE:20250101")...), "file", "line 7 is not UTF-8"},
		{"a continuation first", " BEGIN:VCALENDAR\r\n", "file", "line 1 continues a line"},
		{"nesting too deep", file(strings.Repeat("BEGIN:X\r\n", 10)), "file", "nest more than 8 deep"},
		{"a file too large", huge, "file", "larger than 2 MiB"},
		{"too many events", file(many...), "file", "more than 2,000 events"},
		{"no events", file(), "file", "no VEVENT"},
		{"no UID", file(event("", "SUMMARY:Talks", "DTSTART;VALUE=DATE:20250101")...), "events[0].uid", "“Talks” (UID , line 4)"},
		{"no DTSTART", file(joined(event("a", "SUMMARY:First", "DTSTART;VALUE=DATE:20250101"), event("b", "SUMMARY:Second"))...),
			"events[1].dtstart", "the event “Second” (UID b, line 10)"},
		{"a time zone that does not exist", file(event("tz", "SUMMARY:Talks", "DTSTART;TZID=Mars/Olympus_Mons:20250101T100000")...),
			"events[0].dtstart", "“Talks” (UID tz"},
		{"the machine's zone", file(event("tz", "SUMMARY:Talks", "DTSTART;TZID=Local:20250101T100000")...), "events[0].dtstart", "UID tz"},
		{"a floating time", file(event("fl", "SUMMARY:Talks", "DTSTART:20250101T100000")...), "events[0].dtstart", "UID fl"},
		{"a bad date", file(event("bd", "SUMMARY:Talks", "DTSTART;VALUE=DATE:20250230")...), "events[0].dtstart", "UID bd"},
		{"an end before the start", file(event("be", "SUMMARY:Talks", "DTSTART:20250101T100000Z", "DTEND:20250101T090000Z")...),
			"events[0].dtend", "UID be"},
		{"an all-day end for a timed start", file(event("mx", "SUMMARY:Talks", "DTSTART:20250101T100000Z", "DTEND;VALUE=DATE:20250102")...),
			"events[0].dtend", "UID mx"},
		{"DTEND and DURATION", file(event("dd", "SUMMARY:Talks", "DTSTART:20250101T100000Z", "DTEND:20250101T110000Z", "DURATION:PT1H")...),
			"events[0].duration", "UID dd"},
		{"a bad duration", file(event("du", "SUMMARY:Talks", "DTSTART:20250101T100000Z", "DURATION:P1Y")...), "events[0].duration", "UID du"},
		{"a recurring event", file(event("rr", "SUMMARY:Weekly call", "DTSTART:20250101T100000Z", "RRULE:FREQ=WEEKLY")...), "events[0].rrule", "UID rr"},
		{"a bad sequence", file(event("sq", "SUMMARY:Talks", "DTSTART:20250101T100000Z", "SEQUENCE:-1")...), "events[0].sequence", "UID sq"},
		{"a bad status", file(event("st", "SUMMARY:Talks", "DTSTART:20250101T100000Z", "STATUS:DONE")...), "events[0].status", "UID st"},
		{"no title", file(event("nt", "DTSTART:20250101T100000Z")...), "events[0].summary", "(no SUMMARY)"},
		{"a title too long", file(event("tl", "SUMMARY:"+strings.Repeat("t", 301), "DTSTART:20250101T100000Z")...), "events[0].summary", "UID tl"},
		{"a control character in the UID", file(event("a\x01b", "SUMMARY:x", "DTSTART:20250101T100000Z")...), "events[0].uid", "line 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := ical.Read(strings.NewReader(tt.ics), host)
			if err == nil {
				t.Fatalf("read %d events", len(evs))
			}
			if entente.ErrorCode(err) != entente.EINVALID {
				t.Fatalf("code %s: %v", entente.ErrorCode(err), err)
			}
			fields := entente.ErrorFields(err)
			if _, ok := fields[tt.field]; !ok {
				t.Fatalf("no problem for %s: %v", tt.field, err)
			}
			if !strings.Contains(entente.ErrorMessage(err)+" "+fields[tt.field], tt.message) {
				t.Fatalf("the error does not say %q: %v", tt.message, err)
			}
		})
	}
}

// TestReadWhatTheFeedWrote reads a feed back: its meetings come back with their UIDs,
// revisions, kinds, dates as said, instants, places and own descriptions, and its deadlines
// are passed over.
func TestReadWhatTheFeedWrote(t *testing.T) {
	f := fixture()
	evs, err := ical.Read(bytes.NewReader(write(t, f)), host)
	if err != nil {
		t.Fatal(err)
	}
	byUID := map[string]*entente.CalendarEvent{}
	for _, ev := range evs {
		byUID[ev.UID] = ev
	}
	if len(evs) != 7 {
		t.Errorf("%d events, want the 7 meetings with dates", len(evs))
	}
	for _, m := range f.Meetings {
		uid := m.UID
		if uid == "" {
			uid = fmt.Sprintf("meeting-%d@%s", m.ID, host)
		}
		ev, ok := byUID[uid]
		if m.When.IsZero() {
			if ok {
				t.Errorf("the meeting without a date came back")
			}
			continue
		}
		got := ev.Meeting
		want(t, uid+" title", got.Title, m.Title)
		want(t, uid+" kind", got.Kind, m.Kind)
		want(t, uid+" when", got.When.String(), m.When.String())
		want(t, uid+" location", got.Location, m.Location)
		want(t, uid+" description", got.Description, m.Description)
		want(t, uid+" sequence", fmt.Sprint(ev.Sequence), fmt.Sprint(entente.CalendarSequence(m)))
		want(t, uid+" starts", fmt.Sprint(got.StartsAt), fmt.Sprint(m.StartsAt))
		want(t, uid+" ends", fmt.Sprint(got.EndsAt), fmt.Sprint(m.EndsAt))
		if (m.Status == entente.MeetingCancelled) != (got.Status == entente.MeetingCancelled) {
			t.Errorf("%s: status %s came back as %s", uid, m.Status, got.Status)
		}
		if m.UID == "" && ev.MeetingID != m.ID {
			t.Errorf("%s: recognised as meeting %d", uid, ev.MeetingID)
		}
	}
}
