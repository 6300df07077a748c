package sqlstore_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

func TestFeedLinksAreMadeSeenOnceAndRevoked(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		feeds := sqlstore.NewFeedService(db)
		addUser(t, db, 1, "PAK")
		addUser(t, db, 2, "BLR")
		_, err := db.ExecForTest(context.Background(), "INSERT INTO memberships (user_id, roadmap_id, role) VALUES (1, ?, 'viewer')", f.roadmap.ID)
		must(t, err)
		owner := as(1, "PAK", map[int64]entente.Role{f.roadmap.ID: entente.RoleViewer})

		secret, link, err := feeds.CreateFeedLink(owner, "  Outlook at the office ")
		must(t, err)
		if !strings.HasPrefix(secret, "feed_") || link.Name != "Outlook at the office" || link.UserID != 1 {
			t.Fatalf("secret %q, link %+v", secret, link)
		}
		c, err := feeds.CallerForFeed(context.Background(), secret)
		must(t, err)
		if c.UserID != 1 || c.TokenScope != entente.TokenScopeRead || c.RoleIn(f.roadmap.ID) != entente.RoleViewer {
			t.Fatalf("the feed's caller is %+v", c)
		}
		if entente.CanWrite(c) {
			t.Fatal("a feed's caller may write")
		}
		links, err := feeds.FindFeedLinks(owner)
		must(t, err)
		if len(links) != 1 || links[0].LastUsedAt == nil {
			t.Fatalf("links %+v", links)
		}
		others, err := feeds.FindFeedLinks(as(2, "BLR", nil))
		must(t, err)
		if len(others) != 0 {
			t.Fatal("another user sees the link")
		}
		wantCode(t, feeds.RevokeFeedLink(as(2, "BLR", nil), link.ID), entente.ENOTFOUND)
		must(t, feeds.RevokeFeedLink(owner, link.ID))
		must(t, feeds.RevokeFeedLink(owner, link.ID))
		_, err = feeds.CallerForFeed(context.Background(), secret)
		wantCode(t, err, entente.ENOTFOUND)
		_, err = feeds.CallerForFeed(context.Background(), "feed_guessed")
		wantCode(t, err, entente.ENOTFOUND)
		secretIsNowhere(t, db, secret)
	})
}

// secretIsNowhere fails when a secret can be read back from the database: in the audit
// trail, or anywhere in the export.
func secretIsNowhere(t *testing.T, db *sqlstore.DB, secret string) {
	t.Helper()
	entries, _, err := sqlstore.NewAuditService(db).FindAuditEntries(system(), entente.AuditFilter{Page: entente.Page{Limit: entente.MaxPageLimit}})
	must(t, err)
	n := 0
	for _, e := range entries {
		if e.EntityType == "feed_link" {
			n++
		}
		if strings.Contains(string(e.Before)+string(e.After)+e.EntityID, secret) {
			t.Fatalf("the audit trail holds the secret: %+v", e)
		}
	}
	if n < 2 {
		t.Fatalf("%d audit entries of feed links, want the making and the revoking", n)
	}
	var out bytes.Buffer
	must(t, db.Export(system(), &out))
	if !strings.Contains(out.String(), "feed_links") || strings.Contains(out.String(), secret) {
		t.Fatal("the export lacks the feed links, or holds a secret in clear")
	}
}

func TestFeedLinksNeedAPasswordSessionAndAName(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		feeds := sqlstore.NewFeedService(db)
		addUser(t, db, 1, "PAK")
		_, _, err := feeds.CreateFeedLink(context.Background(), "Outlook")
		wantCode(t, err, entente.EFORBIDDEN)
		token := entente.WithCaller(context.Background(), &entente.Caller{UserID: 1, Party: "PAK", TokenScope: entente.TokenScopeWrite})
		_, _, err = feeds.CreateFeedLink(token, "Outlook")
		wantCode(t, err, entente.EFORBIDDEN)
		_, _, err = feeds.CreateFeedLink(as(1, "PAK", nil), " ")
		wantCode(t, err, entente.EINVALID)
		_, err = feeds.FindFeedLinks(context.Background())
		wantCode(t, err, entente.EUNAUTHORIZED)

		secret, _, err := feeds.CreateFeedLink(as(1, "PAK", nil), "Phone")
		must(t, err)
		_, err = db.ExecForTest(context.Background(), "UPDATE users SET disabled = TRUE WHERE id = 1")
		must(t, err)
		_, err = feeds.CallerForFeed(context.Background(), secret)
		wantCode(t, err, entente.ENOTFOUND)
	})
}

// calendarEvent is an event as the calendar reader gives it.
func calendarEvent(uid, title string, seq int, day string) *entente.CalendarEvent {
	return &entente.CalendarEvent{UID: uid, Sequence: seq, Line: 10,
		Meeting: entente.Meeting{Title: title, When: entente.MustWhen(day, "", false), Status: entente.MeetingPlanned}}
}

func TestImportCreatesUpdatesAndKeepsMeetingsByUID(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		feeds := sqlstore.NewFeedService(db)
		editor := as(1, "PAK", map[int64]entente.Role{f.roadmap.ID: entente.RoleEditor})
		addUser(t, db, 1, "PAK")
		jmc := calendarEvent("jmc@outlook.com", "Joint Ministerial Commission", 0, "2025-02-12")
		start := time.Date(2025, 2, 12, 5, 0, 0, 0, time.UTC)
		jmc.Meeting.StartsAt, jmc.Meeting.TimeZone = &start, "Asia/Karachi"
		visit := calendarEvent("visit@outlook.com", "Visit to Minsk", 4, "2025-04")
		res, err := feeds.ImportMeetings(editor, f.roadmap.ID, []*entente.CalendarEvent{jmc, visit})
		must(t, err)
		if len(res.Created) != 2 || len(res.Updated)+len(res.Unchanged) != 0 {
			t.Fatalf("first import: %+v", res)
		}
		m, err := f.services.meetings.FindMeetingByID(editor, res.Created[1])
		must(t, err)
		if m.UID != "visit@outlook.com" || m.Kind != "other" || m.Version != 5 || entente.CalendarSequence(m) != 4 || m.When.Value != "2025-04" {
			t.Fatalf("the imported meeting is %+v", m)
		}

		// The same file again changes nothing; a later revision of one event updates its meeting
		// and keeps what only entente knows.
		notes := "Minutes taken in entente"
		_, err = f.services.meetings.UpdateMeeting(editor, m.ID, entente.MeetingUpdate{Version: m.Version, Minutes: &notes})
		must(t, err)
		res, err = feeds.ImportMeetings(editor, f.roadmap.ID, []*entente.CalendarEvent{jmc, visit})
		must(t, err)
		if len(res.Unchanged) != 2 {
			t.Fatalf("the same file again: %+v", res)
		}
		moved := calendarEvent("visit@outlook.com", "Visit to Minsk (moved)", 9, "2025-04-15")
		moved.Meeting.Status = entente.MeetingCancelled
		res, err = feeds.ImportMeetings(editor, f.roadmap.ID, []*entente.CalendarEvent{moved})
		must(t, err)
		if len(res.Updated) != 1 || res.Updated[0] != m.ID {
			t.Fatalf("a newer revision: %+v", res)
		}
		m, err = f.services.meetings.FindMeetingByID(editor, m.ID)
		must(t, err)
		if m.Title != "Visit to Minsk (moved)" || m.Status != entente.MeetingCancelled || m.Minutes != notes ||
			entente.CalendarSequence(m) != 9 || m.When.Value != "2025-04-15" {
			t.Fatalf("after the update the meeting is %+v", m)
		}
		entries, _, err := f.services.audit.FindAuditEntries(system(), entente.AuditFilter{EntityType: "roadmap", Action: "import"})
		must(t, err)
		if len(entries) != 3 {
			t.Fatalf("%d audit entries of imports, want 3", len(entries))
		}
	})
}

func TestImportIsAllOrNothing(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		feeds := sqlstore.NewFeedService(db)
		editor := as(1, "PAK", map[int64]entente.Role{f.roadmap.ID: entente.RoleEditor})
		addUser(t, db, 1, "PAK")
		held := &entente.Meeting{RoadmapID: f.roadmap.ID, Kind: "call", Title: "Call", Status: entente.MeetingHeld,
			When: entente.MustWhen("2024-11-20", "", false), UID: "held@example.org"}
		must(t, f.services.meetings.CreateMeeting(system(), held))
		count := func() int {
			_, n, err := f.services.meetings.FindMeetings(system(), entente.MeetingFilter{RoadmapID: f.roadmap.ID})
			must(t, err)
			return n
		}
		before := count()
		good := calendarEvent("good@example.org", "Good", 0, "2025-01-10")
		untitled := calendarEvent("untitled@example.org", "", 0, "2025-01-11")
		cancelHeld := calendarEvent("held@example.org", "Call", 5, "2024-11-20")
		cancelHeld.Meeting.Status = entente.MeetingCancelled
		tests := []struct {
			name   string
			events []*entente.CalendarEvent
			code   string
			field  string
		}{
			{"an event without a title after a good one", []*entente.CalendarEvent{good, untitled}, entente.EINVALID, "events[1].summary"},
			{"a UID twice", []*entente.CalendarEvent{good, calendarEvent("good@example.org", "Again", 0, "2025-01-12")}, entente.EINVALID, "events[1].uid"},
			{"cancelling a held meeting", []*entente.CalendarEvent{good, cancelHeld}, entente.EINVALID, "events[1].status"},
			{"a sequence too high", []*entente.CalendarEvent{calendarEvent("big@example.org", "Big", entente.MaxCalendarSequence+1, "2025-01-10")},
				entente.EINVALID, "events[0].sequence"},
			{"no events", nil, entente.EINVALID, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := feeds.ImportMeetings(editor, f.roadmap.ID, tt.events)
				wantCode(t, err, tt.code)
				if _, ok := entente.ErrorFields(err)[tt.field]; tt.field != "" && !ok {
					t.Fatalf("no problem for %s: %v", tt.field, err)
				}
				if n := count(); n != before {
					t.Fatalf("%d meetings after a refused import, %d before", n, before)
				}
			})
		}
		_, err := feeds.ImportMeetings(as(2, "BLR", map[int64]entente.Role{f.roadmap.ID: entente.RoleViewer}), f.roadmap.ID, []*entente.CalendarEvent{good})
		wantCode(t, err, entente.EFORBIDDEN)
		_, err = feeds.ImportMeetings(editor, f.roadmap.ID+100, []*entente.CalendarEvent{good})
		wantCode(t, err, entente.ENOTFOUND)
	})
}

func TestImportRecognisesTheRoadmapsOwnFeed(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		feeds := sqlstore.NewFeedService(db)
		m := &entente.Meeting{RoadmapID: f.roadmap.ID, Kind: "call", Title: "Call", Status: entente.MeetingPlanned,
			When: entente.MustWhen("2025-01-20", "", false)}
		must(t, f.services.meetings.CreateMeeting(system(), m))
		other := &entente.Roadmap{Title: "Another", Parties: []string{"PAK", "BLR"}, Status: entente.RoadmapActive}
		must(t, f.services.roadmaps.CreateRoadmap(system(), other))
		own := calendarEvent("meeting-1@entente.example.org", "Call", 0, "2025-01-20")
		own.MeetingID = m.ID
		res, err := feeds.ImportMeetings(system(), f.roadmap.ID, []*entente.CalendarEvent{own})
		must(t, err)
		if len(res.Unchanged) != 1 || res.Unchanged[0] != m.ID {
			t.Fatalf("the roadmap's own feed: %+v", res)
		}
		res, err = feeds.ImportMeetings(system(), other.ID, []*entente.CalendarEvent{own})
		must(t, err)
		if len(res.Created) != 1 {
			t.Fatalf("the feed in another roadmap: %+v", res)
		}
		copied, err := f.services.meetings.FindMeetingByID(system(), res.Created[0])
		must(t, err)
		if copied.UID != own.UID || copied.RoadmapID != other.ID {
			t.Fatalf("the copy is %+v", copied)
		}
	})
}
