package ical_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
	"github.com/entente/entente/ical"
	"github.com/entente/entente/internal/icaltest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// english is the English locale of the real catalogue.
func english(t testing.TB) *i18n.Locale {
	t.Helper()
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	return c.Locale(i18n.Languages[0])
}

func writer(t testing.TB) ical.Writer {
	return ical.Writer{Host: "entente.example.org", BaseURL: "https://entente.example.org", Words: english(t)}
}

func at(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

var (
	created = time.Date(2024, 11, 20, 9, 0, 0, 0, time.UTC)
	changed = time.Date(2024, 11, 26, 12, 30, 0, 0, time.UTC)
)

// meeting is a meeting of the fixture feed.
func meeting(id int64, title string, when entente.When, status string) *entente.Meeting {
	return &entente.Meeting{ID: id, RoadmapID: 1, Kind: "delegation_talks", Title: title, When: when, Status: status,
		Version: 1, CreatedAt: created, UpdatedAt: changed}
}

// fixture is a feed with a meeting of every shape: timed in a zone without and with summer
// time, timed in UTC, on a part of a day, on an approximate day, in a month, with no date,
// cancelled, imported from elsewhere; and deadlines of every kind, open and closed.
func fixture() *ical.Feed {
	leaders := meeting(1, "Leaders' talks in Islamabad", entente.MustWhen("2024-11-26", "", false), entente.MeetingHeld)
	leaders.Kind, leaders.Version, leaders.Location, leaders.TimeZone = "leaders_talks", 3, "Islamabad", "Asia/Karachi"
	leaders.StartsAt, leaders.EndsAt = at("2024-11-26T06:00:00Z"), at("2024-11-26T08:00:00Z")
	leaders.Description = "Agriculture, mining; IT and heavy machinery.\nA comprehensive roadmap."
	afternoon := meeting(3, "Afternoon session", entente.MustWhen("2024-11-26TAF", "", false), entente.MeetingPlanned)
	minsk := meeting(4, "Follow-up round in Minsk", entente.MustWhen("2024-12-10", "", true), entente.MeetingPlanned)
	minsk.Location, minsk.TimeZone = "Minsk", "Europe/Minsk"
	signing := meeting(5, "Signing of agreements", entente.MustWhen("2025-02", "", false), entente.MeetingPlanned)
	signing.Kind = "signing_ceremony"
	visit := meeting(6, "Visit to Belarus", entente.When{}, entente.MeetingPlanned)
	call := meeting(7, "Call of the co-chairs", entente.MustWhen("2025-03-03", "", false), entente.MeetingCancelled)
	call.Kind, call.StartsAt, call.Version = "call", at("2025-03-03T10:00:00Z"), 2
	london := meeting(8, "Forum in London", entente.MustWhen("2025-07-15", "", false), entente.MeetingPostponed)
	london.Kind, london.TimeZone = "forum", "Europe/London"
	london.StartsAt, london.EndsAt = at("2025-07-15T09:00:00Z"), at("2025-07-15T17:00:00Z")
	imported := meeting(9, "Textile buyers' visit", entente.MustWhen("2025-04", "", false), entente.MeetingPlanned)
	imported.UID, imported.Version, imported.Kind = "040000008200E00074C5B7101A82E008@outlook.com", 6, "visit"
	return &ical.Feed{
		Name:     "Pakistan–Belarus roadmap",
		Meetings: []*entente.Meeting{leaders, afternoon, minsk, signing, visit, call, london, imported},
		Actions: []*entente.Action{
			{ID: 11, Title: "Draft the MoU on agriculture", Status: entente.ActionInProgress, Due: entente.MustWhen("2025-02", "", false),
				Version: 2, CreatedAt: created, UpdatedAt: changed},
			{ID: 12, Title: "Exchange lists of products", Status: entente.ActionDone, Due: entente.MustWhen("2024-12-01", "", false),
				Version: 4, CreatedAt: created, UpdatedAt: changed},
			{ID: 13, Title: "Keep in touch", Status: entente.ActionNotStarted, Due: entente.MustWhen(entente.FutureRef, "", false),
				Version: 1, CreatedAt: created, UpdatedAt: changed},
		},
		Agreements: []*entente.Agreement{
			{ID: 21, Title: "MoU on cooperation in agriculture", Status: entente.AgreementNegotiating,
				Target: entente.MustWhen("2025-02", "", false), Version: 1, CreatedAt: created, UpdatedAt: changed},
			{ID: 22, Title: "Protocol on IT", Status: entente.AgreementSigned, Target: entente.MustWhen("2025-02", "", false),
				SignedOn: entente.NewDate(2025, 2, 20), Version: 5, CreatedAt: created, UpdatedAt: changed},
		},
		Commitments: []*entente.Commitment{
			{ID: 31, Statement: "Meet again in two weeks in Minsk to turn the talks into actionable steps", Status: entente.CommitmentPending,
				Due: entente.MustWhen("2024-12-10", "", true), Version: 1, CreatedAt: created, UpdatedAt: changed},
			{ID: 32, Statement: "Reconvene the same afternoon", Status: entente.CommitmentMet,
				Due: entente.MustWhen("2024-11-26TAF", "", false), Version: 2, CreatedAt: created, UpdatedAt: changed},
		},
	}
}

func write(t testing.TB, f *ical.Feed) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := writer(t).Write(&b, f); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// golden compares data with a file under testdata, or rewrites it with -update.
func golden(t *testing.T, name string, data []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, want) {
		t.Errorf("%s differs from the golden file (rerun with -update after checking):\n%s", name, data)
	}
}

func TestFeedOpensInAnIndependentParser(t *testing.T) {
	data := write(t, fixture())
	golden(t, "fixture.ics", data)
	cal := icaltest.Parse(t, data)
	got := icaltest.Events(cal)
	want := []string{
		"meeting-1@entente.example.org", "meeting-3@entente.example.org", "meeting-4@entente.example.org",
		"meeting-5@entente.example.org", "meeting-7@entente.example.org", "meeting-8@entente.example.org",
		"040000008200E00074C5B7101A82E008@outlook.com", "action-11@entente.example.org",
		"agreement-21@entente.example.org", "commitment-31@entente.example.org",
	}
	if len(got) != len(want) {
		t.Errorf("%d events, want %d: %v", len(got), len(want), got)
	}
	for _, uid := range want {
		if _, ok := got[uid]; !ok {
			t.Errorf("no event %s", uid)
		}
	}
	if !bytes.Equal(data, write(t, fixture())) {
		t.Error("two feeds of the same data differ")
	}
}

func TestFeedTimeZones(t *testing.T) {
	cal := icaltest.Parse(t, write(t, fixture()))
	evs := icaltest.Events(cal)
	tests := []struct {
		uid, tzid, local string
		utc              time.Time
	}{
		{"meeting-1@entente.example.org", "Asia/Karachi", "20241126T110000", time.Date(2024, 11, 26, 6, 0, 0, 0, time.UTC)},
		{"meeting-8@entente.example.org", "Europe/London", "20250715T100000", time.Date(2025, 7, 15, 9, 0, 0, 0, time.UTC)},
		{"meeting-7@entente.example.org", "", "20250303T100000Z", time.Date(2025, 3, 3, 10, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.uid, func(t *testing.T) {
			ev := evs[tt.uid]
			start := ev.Props.Get(goical.PropDateTimeStart)
			if start.Value != tt.local || start.Params.Get(goical.PropTimezoneID) != tt.tzid {
				t.Fatalf("DTSTART %q in %q, want %q in %q", start.Value, start.Params.Get(goical.PropTimezoneID), tt.local, tt.tzid)
			}
			got, err := ev.DateTimeStart(nil)
			if err != nil || !got.Equal(tt.utc) {
				t.Fatalf("the parser reads %v (%v), want %v", got, err, tt.utc)
			}
			if tt.tzid == "" {
				return
			}
			local, _ := time.Parse("20060102T150405", tt.local)
			if byVTimezone := local.Add(-icaltest.OffsetAt(t, cal, tt.tzid, tt.local)); !byVTimezone.Equal(tt.utc) {
				t.Fatalf("by the feed's VTIMEZONE the meeting starts at %v, want %v", byVTimezone, tt.utc)
			}
		})
	}
}

func TestFeedStatusesAndDays(t *testing.T) {
	evs := icaltest.Events(icaltest.Parse(t, write(t, fixture())))
	tests := []struct {
		uid, status, start, end string
	}{
		{"meeting-1@entente.example.org", "CONFIRMED", "20241126T110000", "20241126T130000"},
		{"meeting-3@entente.example.org", "CONFIRMED", "20241126", "20241127"},
		{"meeting-4@entente.example.org", "TENTATIVE", "20241210", "20241211"},
		{"meeting-5@entente.example.org", "TENTATIVE", "20250201", "20250301"},
		{"meeting-7@entente.example.org", "CANCELLED", "20250303T100000Z", ""},
		{"meeting-8@entente.example.org", "TENTATIVE", "20250715T100000", "20250715T180000"},
		{"040000008200E00074C5B7101A82E008@outlook.com", "TENTATIVE", "20250401", "20250501"},
		{"action-11@entente.example.org", "CONFIRMED", "20250228", "20250301"},
		{"agreement-21@entente.example.org", "CONFIRMED", "20250228", "20250301"},
		{"commitment-31@entente.example.org", "TENTATIVE", "20241210", "20241211"},
	}
	for _, tt := range tests {
		ev := evs[tt.uid]
		if got := icaltest.Value(ev, goical.PropStatus); got != tt.status {
			t.Errorf("%s: STATUS %s, want %s", tt.uid, got, tt.status)
		}
		if got := icaltest.Value(ev, goical.PropDateTimeStart); got != tt.start {
			t.Errorf("%s: DTSTART %s, want %s", tt.uid, got, tt.start)
		}
		if got := icaltest.Value(ev, goical.PropDateTimeEnd); got != tt.end {
			t.Errorf("%s: DTEND %s, want %s", tt.uid, got, tt.end)
		}
		if len(tt.start) == 8 && ev.Props.Get(goical.PropDateTimeStart).ValueType() != goical.ValueDate {
			t.Errorf("%s: an all-day DTSTART without VALUE=DATE", tt.uid)
		}
	}
}

func TestFeedDescriptionsLinkBackAndKeepTheDateAsSaid(t *testing.T) {
	evs := icaltest.Events(icaltest.Parse(t, write(t, fixture())))
	tests := []struct {
		uid  string
		want []string
	}{
		{"meeting-1@entente.example.org", []string{"Agriculture, mining; IT and heavy machinery.\nA comprehensive roadmap.\n\nhttps://entente.example.org/meetings/1"}},
		{"meeting-5@entente.example.org", []string{"Date as stated: February 2025", "https://entente.example.org/meetings/5"}},
		{"meeting-3@entente.example.org", []string{"afternoon"}},
		{"action-11@entente.example.org", []string{"Due: February 2025", "https://entente.example.org/actions/11"}},
	}
	for _, tt := range tests {
		d, err := evs[tt.uid].Props.Get(goical.PropDescription).Text()
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(d, w) {
				t.Errorf("%s: the description %q lacks %q", tt.uid, d, w)
			}
		}
		if u := icaltest.Value(evs[tt.uid], goical.PropURL); !strings.HasPrefix(u, "https://entente.example.org/") {
			t.Errorf("%s: URL %q", tt.uid, u)
		}
	}
}

func TestFeedSequenceGrowsWithTheVersion(t *testing.T) {
	f := fixture()
	before := icaltest.Events(icaltest.Parse(t, write(t, f)))
	f.Meetings[0].Version++
	f.Meetings[0].Title = "Leaders' talks"
	f.Meetings[0].UpdatedAt = changed.Add(time.Hour)
	after := icaltest.Events(icaltest.Parse(t, write(t, f)))
	uid := "meeting-1@entente.example.org"
	s0, _ := before[uid].Props.Get(goical.PropSequence).Int()
	s1, _ := after[uid].Props.Get(goical.PropSequence).Int()
	if s0 != 2 || s1 != 3 {
		t.Errorf("SEQUENCE %d then %d, want 2 then 3", s0, s1)
	}
	if icaltest.Value(after[uid], goical.PropLastModified) != "20241126T133000Z" || icaltest.Value(after[uid], goical.PropDateTimeStamp) != "20241126T133000Z" {
		t.Errorf("LAST-MODIFIED %s, DTSTAMP %s", icaltest.Value(after[uid], goical.PropLastModified), icaltest.Value(after[uid], goical.PropDateTimeStamp))
	}
	if len(before) != len(after) {
		t.Errorf("the change added or removed events: %d then %d", len(before), len(after))
	}
	if s, _ := before["040000008200E00074C5B7101A82E008@outlook.com"].Props.Get(goical.PropSequence).Int(); s != 5 {
		t.Errorf("the imported meeting at version 6 has SEQUENCE %d, want 5", s)
	}
}

func TestFeedWithoutHostIsRefused(t *testing.T) {
	w := writer(t)
	w.Host = ""
	if err := w.Write(&bytes.Buffer{}, fixture()); err == nil {
		t.Fatal("a writer without a host wrote UIDs")
	}
}

func TestFeedOfOneUIDPerCalendar(t *testing.T) {
	f := fixture()
	copyOf := *f.Meetings[7]
	copyOf.ID, copyOf.RoadmapID = 99, 2
	f.Meetings = append(f.Meetings, &copyOf)
	cal := icaltest.Parse(t, write(t, f))
	n := 0
	for _, ev := range cal.Events() {
		if icaltest.Value(ev, goical.PropUID) == copyOf.UID {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("the UID %s appears %d times", copyOf.UID, n)
	}
}
