package server_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/icaltest"
	"github.com/entente/entente/server"
	"github.com/entente/entente/sqlstore"
)

// calendar fetches a feed and parses it with the independent parser.
func (e *env) calendar(t *testing.T, path, token string) (response, *goical.Calendar) {
	t.Helper()
	res := e.do(t, "GET", path, token, nil).want(t, http.StatusOK)
	if ct := res.header.Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
		t.Fatalf("%s is %s", path, ct)
	}
	return res, icaltest.Parse(t, res.body)
}

// importICS posts a calendar file to the import API, checked against the contract.
func (e *env) importICS(t *testing.T, roadmapID int64, token, contentType string, body []byte) response {
	t.Helper()
	req := httptest.NewRequest("POST", fmt.Sprintf("/api/v1/roadmaps/%d/meetings/import", roadmapID), bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	e.handler.ServeHTTP(rec, req)
	validate(t, req, rec)
	return response{rec.Code, rec.Header(), rec.Body.Bytes()}
}

func demoFeed(e *env) string { return fmt.Sprintf("/roadmaps/%d/calendar.ics", e.demo.Roadmap.ID) }

func TestDemoRoadmapFeed(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		first, cal := e.calendar(t, demoFeed(e), "")
		second, _ := e.calendar(t, demoFeed(e), "")
		if !bytes.Equal(first.body, second.body) {
			t.Fatal("two exports of the same roadmap differ")
		}
		leaders := demoMeeting(t, e, leadersTalks)
		ev, ok := icaltest.Events(cal)[fmt.Sprintf("meeting-%d@example.com", leaders.ID)]
		if !ok {
			t.Fatalf("the leaders' talks are not in the feed:\n%s", first.body)
		}
		start := ev.Props.Get(goical.PropDateTimeStart)
		if start.Value != "20241126T110000" || start.Params.Get(goical.PropTimezoneID) != "Asia/Karachi" {
			t.Fatalf("DTSTART %s in %q, want 11:00 in Asia/Karachi", start.Value, start.Params.Get(goical.PropTimezoneID))
		}
		utc, err := ev.DateTimeStart(nil)
		if err != nil || !utc.Equal(time.Date(2024, 11, 26, 6, 0, 0, 0, time.UTC)) {
			t.Fatalf("the parser reads %v (%v), want 06:00 UTC", utc, err)
		}
		if off := icaltest.OffsetAt(t, cal, "Asia/Karachi", start.Value); off != 5*time.Hour {
			t.Fatalf("the feed's VTIMEZONE gives Islamabad UTC%+v", off)
		}
		if got := icaltest.Value(ev, goical.PropStatus); got != "CONFIRMED" {
			t.Errorf("the held leaders' talks are %s", got)
		}
		signing := icaltest.Events(cal)[fmt.Sprintf("meeting-%d@example.com", demoMeeting(t, e, "Signing of agreements").ID)]
		if icaltest.Value(signing, goical.PropStatus) != "TENTATIVE" || icaltest.Value(signing, goical.PropDateTimeStart) != "20250201" ||
			icaltest.Value(signing, goical.PropDateTimeEnd) != "20250301" {
			t.Errorf("the signing in February 2025 is %s from %s to %s", icaltest.Value(signing, goical.PropStatus),
				icaltest.Value(signing, goical.PropDateTimeStart), icaltest.Value(signing, goical.PropDateTimeEnd))
		}
		deadlines := 0
		for uid := range icaltest.Events(cal) {
			if !strings.HasPrefix(uid, "meeting-") {
				deadlines++
			}
		}
		if deadlines == 0 {
			t.Error("the feed shows no deadlines of actions, agreements or commitments")
		}
	})
}

func TestFeedFollowsChanges(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		minsk := demoMeeting(t, e, "Follow-up round in Minsk")
		uid := fmt.Sprintf("meeting-%d@example.com", minsk.ID)
		_, before := e.calendar(t, demoFeed(e), "")
		cancelled := entente.MeetingCancelled
		e.do(t, "PATCH", fmt.Sprintf("/api/v1/meetings/%d", minsk.ID), e.tokens["PAK"],
			map[string]any{"version": minsk.Version, "status": cancelled}).want(t, http.StatusOK)
		_, after := e.calendar(t, demoFeed(e), "")
		s0, _ := icaltest.Events(before)[uid].Props.Get(goical.PropSequence).Int()
		s1, _ := icaltest.Events(after)[uid].Props.Get(goical.PropSequence).Int()
		if s1 != s0+1 {
			t.Errorf("SEQUENCE %d after the change, %d before", s1, s0)
		}
		if got := icaltest.Value(icaltest.Events(after)[uid], goical.PropStatus); got != "CANCELLED" {
			t.Errorf("the cancelled meeting is %s", got)
		}
		one, cal := e.calendar(t, fmt.Sprintf("/meetings/%d/calendar.ics", minsk.ID), "")
		if len(cal.Events()) != 1 || !strings.HasPrefix(one.header.Get("Content-Disposition"), "attachment") {
			t.Errorf("the meeting's file has %d events, disposition %q", len(cal.Events()), one.header.Get("Content-Disposition"))
		}
	})
}

// meetingEvents are the meeting events of a feed, by UID, without what differs by where the
// feed is served from: the link back, and when the rows were written.
func meetingEvents(t *testing.T, cal *goical.Calendar) map[string]map[string]string {
	out := map[string]map[string]string{}
	for uid, ev := range icaltest.Events(cal) {
		if icaltest.Value(ev, "X-ENTENTE-KIND") == "" {
			continue
		}
		props := map[string]string{}
		for _, name := range []string{"SUMMARY", "DTSTART", "DTEND", "STATUS", "LOCATION", "SEQUENCE", "TRANSP", "X-ENTENTE-KIND", "X-ENTENTE-WHEN"} {
			if p := ev.Props.Get(name); p != nil {
				props[name] = p.Params.Get("TZID") + ":" + p.Value
			}
		}
		d, _ := ev.Props.Get(goical.PropDescription).Text()
		if i := strings.LastIndex(d, "\n\n"); i >= 0 {
			d = d[:i]
		}
		props["DESCRIPTION"] = d
		out[uid] = props
	}
	return out
}

func TestFeedRoundTripsThroughImport(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		exported, before := e.calendar(t, demoFeed(e), "")
		var copyOf entente.Roadmap
		e.do(t, "POST", "/api/v1/roadmaps", e.tokens["PAK"], map[string]any{"title": "Copy of the roadmap", "parties": []string{"PAK", "BLR"},
			"status": "active"}).want(t, http.StatusCreated).decode(t, &copyOf)
		var res entente.CalendarImport
		e.importICS(t, copyOf.ID, e.tokens["PAK"], "text/calendar", exported.body).want(t, http.StatusOK).decode(t, &res)
		want := meetingEvents(t, before)
		if len(res.Created) != len(want) || len(res.Updated)+len(res.Unchanged) != 0 {
			t.Fatalf("the import did %+v of %d meetings", res, len(want))
		}
		_, after := e.calendar(t, fmt.Sprintf("/roadmaps/%d/calendar.ics", copyOf.ID), e.tokens["PAK"])
		got := meetingEvents(t, after)
		if len(got) != len(want) {
			t.Fatalf("%d meetings after the round trip, %d before", len(got), len(want))
		}
		for uid, props := range want {
			for name, v := range props {
				if got[uid][name] != v {
					t.Errorf("%s %s: %q before, %q after", uid, name, v, got[uid][name])
				}
			}
		}
		e.importICS(t, copyOf.ID, e.tokens["PAK"], "text/calendar", exported.body).want(t, http.StatusOK).decode(t, &res)
		if len(res.Unchanged) != len(want) || len(res.Created)+len(res.Updated) != 0 {
			t.Fatalf("the same file again did %+v", res)
		}
		e.importICS(t, e.demo.Roadmap.ID, e.tokens["PAK"], "text/calendar", exported.body).want(t, http.StatusOK).decode(t, &res)
		if len(res.Unchanged) != len(want) {
			t.Fatalf("the demo's own feed imported into the demo did %+v", res)
		}
	})
}

func TestImportAPIRefusesBadFiles(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rid := e.demo.Roadmap.ID
		count := func() int {
			var list struct{ Total int }
			e.do(t, "GET", fmt.Sprintf("/api/v1/meetings?roadmap=%d", rid), e.tokens["PAK"], nil).want(t, http.StatusOK).decode(t, &list)
			return list.Total
		}
		before := count()
		good := "BEGIN:VEVENT\r\nUID:good@example.org\r\nSUMMARY:Good\r\nDTSTART;VALUE=DATE:20250110\r\nEND:VEVENT\r\n"
		wrap := func(events string) []byte {
			return []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + events + "END:VCALENDAR\r\n")
		}
		tests := []struct {
			name, contentType string
			body              []byte
			status            int
			field             string
		}{
			{"not a calendar type", "application/json", wrap(good), http.StatusBadRequest, "file"},
			{"malformed", "text/calendar", []byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"), http.StatusBadRequest, "file"},
			{"huge", "text/calendar", wrap(good + strings.Repeat("X-PADDING:"+strings.Repeat("x", 60)+"\r\n", 40000)), http.StatusBadRequest, "file"},
			{"no UID after a good event", "text/calendar", wrap(good + "BEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART;VALUE=DATE:20250110\r\nEND:VEVENT\r\n"),
				http.StatusBadRequest, "events[1].uid"},
			{"no DTSTART", "text/calendar", wrap("BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:x\r\nEND:VEVENT\r\n"), http.StatusBadRequest, "events[0].dtstart"},
			{"a zone that does not exist", "text/calendar", wrap(good + "BEGIN:VEVENT\r\nUID:tz\r\nSUMMARY:x\r\nDTSTART;TZID=Asia/Atlantis:20250110T100000\r\nEND:VEVENT\r\n"),
				http.StatusBadRequest, "events[1].dtstart"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := e.importICS(t, rid, e.tokens["PAK"], tt.contentType, tt.body).want(t, tt.status)
				var p server.Problem
				res.decode(t, &p)
				found := false
				for _, fp := range p.Errors {
					found = found || fp.Field == tt.field
				}
				if !found {
					t.Fatalf("no problem for %s: %s", tt.field, res.body)
				}
				if n := count(); n != before {
					t.Fatalf("%d meetings after a refused file, %d before", n, before)
				}
			})
		}
		e.importICS(t, rid, e.readTok["PAK"], "text/calendar", wrap(good)).want(t, http.StatusForbidden)
		e.importICS(t, rid, "", "text/calendar", wrap(good)).want(t, http.StatusUnauthorized)
		e.importICS(t, 9999, e.tokens["PAK"], "text/calendar", wrap(good)).want(t, http.StatusNotFound)
	})
}

// privateRoadmap is a roadmap of Pakistan's desk officer that Belarus's does not work on, with
// one meeting.
func privateRoadmap(t *testing.T, e *env) (*entente.Roadmap, *entente.Meeting) {
	var rm entente.Roadmap
	e.do(t, "POST", "/api/v1/roadmaps", e.tokens["PAK"], map[string]any{"title": "Pakistan's own plans", "parties": []string{"PAK", "BLR"},
		"status": "active"}).want(t, http.StatusCreated).decode(t, &rm)
	var m entente.Meeting
	e.do(t, "POST", "/api/v1/meetings", e.tokens["PAK"], map[string]any{"roadmap_id": rm.ID, "kind": "call", "title": "Preparatory call",
		"when": "2024-12-02"}).want(t, http.StatusCreated).decode(t, &m)
	return &rm, &m
}

// feedSecret makes a feed link for a demo account, as that user signed in.
func feedSecret(t *testing.T, e *env, party string) string {
	email, password := account(e, party)
	u, err := e.svc.Auth.SignIn(context.Background(), email, password, "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	secret, _, err := e.svc.Feeds.CreateFeedLink(entente.WithCaller(context.Background(), u.Caller()), "test")
	if err != nil {
		t.Fatal(err)
	}
	return secret
}

func TestFeedsShowWhatTheirReaderMayRead(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rm, m := privateRoadmap(t, e)
		private := fmt.Sprintf("/roadmaps/%d/calendar.ics", rm.ID)
		e.do(t, "GET", private, "", nil).want(t, http.StatusNotFound)
		e.do(t, "GET", private, e.tokens["BLR"], nil).want(t, http.StatusNotFound)
		e.calendar(t, private, e.readTok["PAK"])

		uid := fmt.Sprintf("meeting-%d@example.com", m.ID)
		leaders := fmt.Sprintf("meeting-%d@example.com", demoMeeting(t, e, leadersTalks).ID)
		pak, blr := feedSecret(t, e, "PAK"), feedSecret(t, e, "BLR")
		_, pakCal := e.calendar(t, "/feeds/"+pak, "")
		_, blrCal := e.calendar(t, "/feeds/"+blr, "")
		if _, ok := icaltest.Events(pakCal)[uid]; !ok {
			t.Error("Pakistan's feed lacks its own roadmap's meeting")
		}
		if _, ok := icaltest.Events(blrCal)[uid]; ok {
			t.Error("Belarus's feed shows a meeting of a roadmap Belarus may not read")
		}
		if _, ok := icaltest.Events(blrCal)[leaders]; !ok {
			t.Error("Belarus's feed lacks the demo roadmap it works on")
		}
		// A feed link reads; it never writes, and a bearer token sent with it changes nothing.
		e.do(t, "GET", "/feeds/"+blr, e.tokens["PAK"], nil).want(t, http.StatusOK).lacks(t, uid)
		e.do(t, "GET", "/feeds/feed_unknown", "", nil).want(t, http.StatusNotFound)
	})
}

func TestFeedLinkOnTheAccountPage(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		var logs bytes.Buffer
		h, err := server.NewServer(slog.New(slog.NewTextHandler(&logs, nil)), entente.FixedClock(testNow), e.svc,
			sqlstore.NewSessionStore(e.db), e.db.Ping)
		if err != nil {
			t.Fatal(err)
		}
		e.handler = h
		b := e.browser("192.0.2.10:1234")
		email, password := account(e, "BLR")
		b.signIn(t, email, password)
		page := b.do(t, "POST", "/account/feeds", url.Values{"feed_name": {"Outlook in the ministry"}})
		if page.Code != http.StatusOK {
			t.Fatalf("making a link: %d %s", page.Code, page.Body)
		}
		link := regexp.MustCompile(`http://example\.com/feeds/(feed_[A-Za-z0-9_-]+)`).FindStringSubmatch(page.Body.String())
		if link == nil {
			t.Fatalf("the page does not show the link:\n%s", page.Body)
		}
		secret := link[1]
		e.calendar(t, "/feeds/"+secret, "")
		again := b.do(t, "GET", "/account", nil)
		if strings.Contains(again.Body.String(), secret) || !strings.Contains(again.Body.String(), "Outlook in the ministry") {
			t.Fatal("the account page shows the secret again, or not the link")
		}
		refused := b.do(t, "POST", "/account/feeds", url.Values{"feed_name": {""}})
		if refused.Code != http.StatusUnprocessableEntity || !strings.Contains(refused.Body.String(), `id="p-feed_name"`) {
			t.Fatalf("a link without a name: %d", refused.Code)
		}
		links, err := e.svc.Feeds.FindFeedLinks(entente.WithCaller(context.Background(), callerOf(t, e, "BLR")))
		if err != nil || len(links) != 1 {
			t.Fatalf("links %v, %v", links, err)
		}
		if res := b.do(t, "POST", fmt.Sprintf("/account/feeds/%d/revoke", links[0].ID), url.Values{}); res.Code != http.StatusSeeOther {
			t.Fatalf("revoking: %d", res.Code)
		}
		e.do(t, "GET", "/feeds/"+secret, "", nil).want(t, http.StatusNotFound)
		if strings.Contains(logs.String(), secret) || !strings.Contains(logs.String(), "/feeds/[secret]") {
			t.Fatalf("the request log shows the feed's secret, or not the feed requests:\n%s", logs.String())
		}
		var trail server.List[entente.AuditEntry]
		e.do(t, "GET", "/api/v1/audit?limit=500", e.tokens["JOINT"], nil).want(t, http.StatusOK).decode(t, &trail)
		for _, entry := range trail.Items {
			if strings.Contains(string(entry.Before)+string(entry.After), secret) {
				t.Fatalf("the audit trail holds the secret: %+v", entry)
			}
		}
	})
}

// callerOf is the caller of a demo account.
func callerOf(t *testing.T, e *env, party string) *entente.Caller {
	email, password := account(e, party)
	u, err := e.svc.Auth.SignIn(context.Background(), email, password, "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	return u.Caller()
}

// upload posts a file with the import form, as a browser with the session's cookies does.
func upload(t *testing.T, b *browser, path string, content []byte) *httptest.ResponseRecorder {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", "invitation.ics")
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(content)
	mw.Close()
	req := httptest.NewRequest("POST", path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.RemoteAddr = b.addr
	for _, c := range b.cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	b.e.handler.ServeHTTP(rec, req)
	return rec
}

func TestImportPage(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		path := fmt.Sprintf("/roadmaps/%d/meetings/import", e.demo.Roadmap.ID)
		b := e.browser("192.0.2.20:1234")
		email, password := account(e, "PAK")
		b.signIn(t, email, password)
		if page := b.do(t, "GET", path, nil); page.Code != http.StatusOK || !strings.Contains(page.Body.String(), `enctype="multipart/form-data"`) {
			t.Fatalf("the import page: %d", page.Code)
		}
		bad := []byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Talks\r\nDTSTART;TZID=Mars/Olympus:20250110T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
		refused := upload(t, b, path, bad)
		if refused.Code != http.StatusUnprocessableEntity || !strings.Contains(refused.Body.String(), "DTSTART: the time zone &#34;Mars/Olympus&#34; on line 5 does not exist") {
			t.Fatalf("a bad file: %d\n%s", refused.Code, refused.Body)
		}
		good := []byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:jmc@example.org\r\nSUMMARY:Joint Ministerial Commission\r\n" +
			"DTSTART;VALUE=DATE:20250212\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
		done := upload(t, b, path, good)
		if done.Code != http.StatusOK || !strings.Contains(done.Body.String(), "1 meeting created") {
			t.Fatalf("a good file: %d\n%s", done.Code, done.Body)
		}
		if again := upload(t, b, path, good); !strings.Contains(again.Body.String(), "1 meeting unchanged") {
			t.Fatalf("the same file again:\n%s", again.Body)
		}
		viewer := pageClient{e: e, token: e.readTok["PAK"]}
		viewer.get(t, path).want(t, http.StatusForbidden)
		list := fmt.Sprintf("/roadmaps/%d/meetings", e.demo.Roadmap.ID)
		viewer.get(t, list).want(t, http.StatusOK).has(t, fmt.Sprintf(`href="/roadmaps/%d/calendar.ics"`, e.demo.Roadmap.ID)).lacks(t, path)
		editor := pageClient{e: e, token: e.tokens["PAK"], lang: "ur"}
		editor.get(t, list).want(t, http.StatusOK).has(t, `href="`+path+`"`, "کیلنڈر فائل سے درآمد")
		leaders := demoMeeting(t, e, leadersTalks)
		viewer.get(t, fmt.Sprintf("/meetings/%d", leaders.ID)).want(t, http.StatusOK).
			has(t, fmt.Sprintf(`href="/meetings/%d/calendar.ics" download`, leaders.ID))
	})
}
