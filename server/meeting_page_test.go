package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
)

// has fails unless the page contains every one of the texts.
func (r response) has(t *testing.T, texts ...string) response {
	t.Helper()
	for _, s := range texts {
		if !strings.Contains(string(r.body), s) {
			t.Fatalf("the page lacks %q:\n%s", s, r.body)
		}
	}
	return r
}

// lacks fails when the page contains one of the texts.
func (r response) lacks(t *testing.T, texts ...string) response {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(string(r.body), s) {
			t.Fatalf("the page has %q:\n%s", s, r.body)
		}
	}
	return r
}

// demoMeeting finds a meeting of the demo roadmap by its title, with its parts.
func demoMeeting(t *testing.T, e *env, title string) *entente.Meeting {
	t.Helper()
	ctx := entente.WithCaller(context.Background(), entente.SystemCaller)
	all, _, err := e.svc.Meetings.FindMeetings(ctx, entente.MeetingFilter{RoadmapID: e.demo.Roadmap.ID, Page: entente.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range all {
		if m.Title == title {
			m, err := e.svc.Meetings.FindMeetingByID(ctx, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
	}
	t.Fatalf("no demo meeting %q", title)
	return nil
}

// leadersTalks is the first meeting of the demo, and leadersHTML its title as a page shows it.
const (
	leadersTalks = "Leaders' talks in Islamabad"
	leadersHTML  = "Leaders&#39; talks in Islamabad"
)

func TestMeetingPagesInEveryLanguage(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		leaders := demoMeeting(t, e, leadersTalks)
		minsk := demoMeeting(t, e, "Follow-up round in Minsk")
		rid := e.demo.Roadmap.ID
		for _, lang := range []struct{ code, dir, upcoming, agenda, makeAction, newMeeting string }{
			{"en", "ltr", "Upcoming", "Agenda", "Make it an action", "New meeting"},
			{"ru", "ltr", "Предстоящие", "Повестка дня", "Превратить в мероприятие", "Новая встреча"},
			{"ur", "rtl", "آنے والی ملاقاتیں", "ایجنڈا", "اسے اقدام بنائیں", "نئی ملاقات"},
		} {
			c := pageClient{e: e, token: e.tokens["PAK"], lang: lang.code}
			html := fmt.Sprintf(`<html lang="%s" dir="%s">`, lang.code, lang.dir)
			list := c.get(t, fmt.Sprintf("/roadmaps/%d/meetings", rid)).want(t, 200).has(t, html, lang.upcoming)
			// Upcoming meetings come in date order, the one with no date last; the past ones after.
			body := string(list.body)
			order := []string{"Follow-up round in Minsk", "Signing of agreements", "Visit of the Prime Minister", "Afternoon session", leadersHTML}
			last := -1
			for _, title := range order {
				i := strings.Index(body, title)
				if i < last {
					t.Fatalf("%s: %q is out of order on the meetings page", lang.code, title)
				}
				last = i
			}
			c.get(t, fmt.Sprintf("/meetings/%d", leaders.ID)).want(t, 200).has(t, html, lang.agenda, lang.makeAction,
				"Shehbaz Sharif", "11:00 Karachi", "09:00 Minsk", `<li dir="auto">Agriculture, mining and minerals`)
			c.get(t, fmt.Sprintf("/roadmaps/%d/meetings/new", rid)).want(t, 200).has(t, html, lang.newMeeting)
			c.get(t, fmt.Sprintf("/meetings/%d/edit", minsk.ID)).want(t, 200).has(t, html, `value="Follow-up round in Minsk"`)
			c.get(t, fmt.Sprintf("/meetings/%d/follow-up", minsk.ID)).want(t, 200).has(t, html)
		}
	})
}

func TestMeetingListGroupsByMonthAndFilters(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e, token: e.readTok["BLR"]}
		path := fmt.Sprintf("/roadmaps/%d/meetings", e.demo.Roadmap.ID)
		c.get(t, path).want(t, 200).has(t, "<h3>December 2024</h3>", "<h3>February 2025</h3>", "<h3>Date open</h3>",
			"<h3>November 2024</h3>", "invitation accepted", "hosted by BLR").lacks(t, "Add a meeting")
		c.get(t, path+"?kind=visit").want(t, 200).has(t, "Visit of the Prime Minister").lacks(t, leadersHTML)
		c.get(t, path+"?status=held").want(t, 200).has(t, leadersHTML).lacks(t, "Signing of agreements")
		// A filter that makes no sense is shown as a problem, and the whole list instead.
		c.get(t, path+"?status=finished").want(t, 200).has(t, `class="problems"`, "Signing of agreements")
	})
}

func TestMeetingCreateReadsTheVenuesLocalTime(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e, token: e.tokens["PAK"]}
		form := url.Values{"kind": {"commission_session"}, "title": {"Joint Ministerial Commission"}, "status": {"planned"},
			"time_zone": {"Europe/Minsk"}, "starts_at": {"2025-02-10T11:00"}, "ends_at": {"2025-02-10T17:30"},
			"location": {"Minsk"}, "host_party": {"BLR"}}
		r := c.post(t, fmt.Sprintf("/roadmaps/%d/meetings", e.demo.Roadmap.ID), form).want(t, http.StatusSeeOther)
		var id int64
		fmt.Sscanf(r.header.Get("Location"), "/meetings/%d", &id)
		m := demoMeeting(t, e, "Joint Ministerial Commission")
		if m.ID != id || m.StartsAt == nil || !m.StartsAt.Equal(time.Date(2025, 2, 10, 8, 0, 0, 0, time.UTC)) ||
			m.When.Value != "2025-02-10" || m.TimeZone != "Europe/Minsk" {
			t.Fatalf("created %+v (starts %v) from %s", m, m.StartsAt, r.header.Get("Location"))
		}
		c.get(t, fmt.Sprintf("/meetings/%d", id)).want(t, 200).has(t, "13:00 Karachi", "11:00 Minsk", "19:30 Karachi", "17:30 Minsk")
		// The edit form shows the time at the venue again.
		c.get(t, fmt.Sprintf("/meetings/%d/edit", id)).want(t, 200).has(t, `value="2025-02-10T11:00"`, `value="2025-02-10T17:30"`)
	})
}

func TestMeetingFormBadInput(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e, token: e.tokens["PAK"], lang: "ru"}
		form := url.Values{"kind": {"working_group"}, "title": {""}, "when.value": {"2025-13"}, "status": {"planned"},
			"starts_at": {"2025-02-10T11:00"}, "location": {"Minsk <b>centre</b>"}, "description": {"Keep this text"}}
		c.post(t, fmt.Sprintf("/roadmaps/%d/meetings", e.demo.Roadmap.ID), form).want(t, http.StatusUnprocessableEntity).has(t,
			`id="p-title"`, "обязательное поле", `id="p-when"`, `id="p-time_zone"`, "выберите часовой пояс места встречи",
			`value="Minsk &lt;b&gt;centre&lt;/b&gt;"`, ">Keep this text</textarea>", `value="2025-13"`, `value="2025-02-10T11:00"`)
		form = url.Values{"kind": {"visit"}, "title": {"Ends early"}, "status": {"planned"}, "time_zone": {"Asia/Karachi"},
			"starts_at": {"2025-02-10T11:00"}, "ends_at": {"2025-02-10T09:00"}, "invitation": {"extended"}}
		c.post(t, fmt.Sprintf("/roadmaps/%d/meetings", e.demo.Roadmap.ID), form).want(t, http.StatusUnprocessableEntity).has(t,
			`id="p-ends_at"`, "должно быть позже начала", `<option value="extended" selected>`)
		form.Set("ends_at", "yesterday")
		c.post(t, fmt.Sprintf("/roadmaps/%d/meetings", e.demo.Roadmap.ID), form).want(t, http.StatusUnprocessableEntity).has(t,
			`id="p-ends_at"`, "это не дата и время", `value="yesterday"`)
	})
}

func TestMeetingTextIsShownAsText(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e, token: e.tokens["PAK"]}
		m := demoMeeting(t, e, "Follow-up round in Minsk")
		v := url.Values{"kind": {m.Kind}, "title": {"<script>alert(1)</script>"}, "status": {m.Status}, "host_party": {m.HostParty},
			"when.value": {m.When.Value}, "when.approximate": {"true"}, "time_zone": {m.TimeZone}, "location": {m.Location},
			"follows_up_id": {fmt.Sprint(m.FollowsUpID)}, "version": {fmt.Sprint(m.Version)},
			"minutes": {"Opening <b>words</b>.\nSecond line with **bold** and ** alone.\n\n- one\n- **two**\n\n<script>x()</script>"}}
		c.post(t, fmt.Sprintf("/meetings/%d", m.ID), v).want(t, http.StatusSeeOther)
		safe := "&lt;script&gt;alert(1)&lt;/script&gt;"
		c.get(t, fmt.Sprintf("/meetings/%d", m.ID)).want(t, 200).has(t, safe,
			`<p dir="auto">Opening &lt;b&gt;words&lt;/b&gt;.<br>Second line with <strong>bold</strong> and ** alone.</p>`,
			"<ul>\n<li dir=\"auto\">one</li>\n<li dir=\"auto\"><strong>two</strong></li>\n</ul>", "&lt;script&gt;x()&lt;/script&gt;").
			lacks(t, "<script>alert(1)", "<script>x()")
		c.get(t, fmt.Sprintf("/roadmaps/%d/meetings", e.demo.Roadmap.ID)).want(t, 200).has(t, safe).lacks(t, "<script>alert(1)")
	})
}

func TestMeetingStaleVersionShowsBothVersions(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e, token: e.tokens["BLR"]}
		m := demoMeeting(t, e, "Signing of agreements")
		base := url.Values{"kind": {m.Kind}, "status": {m.Status}, "host_party": {m.HostParty}, "when.value": {m.When.Value},
			"time_zone": {m.TimeZone}, "follows_up_id": {fmt.Sprint(m.FollowsUpID)}, "version": {fmt.Sprint(m.Version)}}
		first := url.Values{"title": {"Signing in Islamabad"}}
		second := url.Values{"title": {"Signing in Minsk"}, "location": {"Minsk"}}
		for k, vs := range base {
			first[k], second[k] = vs, vs
		}
		second.Set("kind", "commission_session")
		c.post(t, fmt.Sprintf("/meetings/%d", m.ID), first).want(t, http.StatusSeeOther)
		c.post(t, fmt.Sprintf("/meetings/%d", m.ID), second).want(t, http.StatusConflict).has(t, `class="conflict"`,
			"<td dir=\"auto\">Signing in Islamabad</td><td dir=\"auto\">Signing in Minsk</td>",
			"<td dir=\"auto\">Signing ceremony</td><td dir=\"auto\">Commission session</td>",
			fmt.Sprintf(`name="version" value="%d"`, m.Version+1), `value="Signing in Minsk"`)
		// Saving again from the conflict form applies the change.
		second.Set("version", fmt.Sprint(m.Version+1))
		c.post(t, fmt.Sprintf("/meetings/%d", m.ID), second).want(t, http.StatusSeeOther)
		if got := demoMeeting(t, e, "Signing in Minsk"); got.Location != "Minsk" {
			t.Fatalf("after reapplying: %+v", got)
		}
	})
}

func TestUnknownMeetingIsNotFound(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e, token: e.tokens["PAK"], lang: "ur"}
		for _, path := range []string{"/meetings/99999", "/meetings/abc", "/meetings/99999/edit", "/meetings/99999/follow-up", "/roadmaps/99999/meetings"} {
			c.get(t, path).want(t, http.StatusNotFound).has(t, `<html lang="ur" dir="rtl">`)
		}
		leaders := demoMeeting(t, e, leadersTalks)
		c.post(t, "/meetings/99999/agenda", url.Values{"title": {"x"}}).want(t, http.StatusNotFound)
		c.post(t, fmt.Sprintf("/meetings/%d/agenda/99999/delete", leaders.ID), nil).want(t, http.StatusNotFound)
		c.post(t, fmt.Sprintf("/meetings/%d/decisions/99999/action", leaders.ID), url.Values{}).want(t, http.StatusNotFound)
	})
}

func TestMeetingViewerCannotChangeIt(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		leaders := demoMeeting(t, e, leadersTalks)
		page := fmt.Sprintf("/meetings/%d", leaders.ID)
		viewer := pageClient{e: e, token: e.readTok["PAK"]}
		viewer.get(t, page).want(t, 200).has(t, "A comprehensive roadmap").lacks(t, `action="/meetings/`, "Make it an action")
		viewer.get(t, page+"/edit").want(t, http.StatusForbidden)
		viewer.get(t, page+"/follow-up").want(t, http.StatusForbidden)
		viewer.get(t, fmt.Sprintf("/roadmaps/%d/meetings/new", e.demo.Roadmap.ID)).want(t, http.StatusForbidden)
		anonymous := pageClient{e: e}
		anonymous.get(t, page).want(t, 200).lacks(t, `action="/meetings/`)
		for _, c := range []pageClient{viewer, anonymous} {
			c.post(t, page+"/agenda", url.Values{"title": {"Not allowed"}}).want(t, map[bool]int{true: 403, false: 401}[c.token != ""])
			c.post(t, fmt.Sprintf("%s/decisions/%d/action", page, leaders.Decisions[0].ID), url.Values{}).want(t, map[bool]int{true: 403, false: 401}[c.token != ""])
			c.post(t, page, url.Values{"title": {"Renamed"}, "kind": {leaders.Kind}, "status": {leaders.Status}}).want(t, map[bool]int{true: 403, false: 401}[c.token != ""])
			c.post(t, fmt.Sprintf("%s/participants/%d/delete", page, leaders.Participants[0].ID), nil).want(t, map[bool]int{true: 403, false: 401}[c.token != ""])
		}
		if got := demoMeeting(t, e, leadersTalks); len(got.Agenda) != len(leaders.Agenda) || got.Decisions[0].ActionID != 0 || len(got.Participants) != 4 {
			t.Fatalf("a viewer changed the meeting: %+v", got)
		}
	})
}

func TestAgendaAndDecisionsChangeInPlace(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		leaders := demoMeeting(t, e, leadersTalks)
		page := fmt.Sprintf("/meetings/%d", leaders.ID)
		hx := pageClient{e: e, token: e.tokens["PAK"], htmx: true}
		plain := pageClient{e: e, token: e.tokens["PAK"]}

		hx.post(t, page+"/agenda", url.Values{"title": {"Defence cooperation"}}).want(t, 200).has(t, `<section id="agenda"`, "Defence cooperation").lacks(t, "<html")
		hx.post(t, page+"/agenda", url.Values{"title": {" "}}).want(t, 200).has(t, `<section id="agenda"`, `id="p-title"`)
		plain.post(t, page+"/agenda", url.Values{"title": {""}, "notes": {"typed notes"}}).want(t, http.StatusUnprocessableEntity).has(t, `id="p-title"`, ">typed notes</textarea>", "<html")
		r := plain.post(t, page+"/agenda", url.Values{"title": {"Textiles"}}).want(t, http.StatusSeeOther)
		if loc := r.header.Get("Location"); loc != page+"?notice=notice.saved#agenda" {
			t.Fatalf("after adding a point without htmx: %s", loc)
		}
		item := demoMeeting(t, e, leadersTalks).Agenda[0]
		edit := fmt.Sprintf("%s/agenda/%d", page, item.ID)
		hx.post(t, edit, url.Values{"title": {"A roadmap, first"}, "position": {"1"}, "version": {fmt.Sprint(item.Version)}}).want(t, 200).has(t, "A roadmap, first")
		// A stale edit opens the point's form with the problem and the typed words.
		hx.post(t, edit, url.Values{"title": {"Stale words"}, "position": {"1"}, "version": {fmt.Sprint(item.Version)}}).want(t, 200).
			has(t, "<details open>", `value="Stale words"`, "Someone else changed this")
		hx.post(t, edit+"/delete", nil).want(t, 200).lacks(t, "A roadmap, first")

		hx.post(t, page+"/decisions", url.Values{"text": {"Set up a joint working group on textiles."}}).want(t, 200).
			has(t, `<section id="decisions"`, "Set up a joint working group on textiles.")
		plain.post(t, page+"/decisions", url.Values{"text": {""}}).want(t, http.StatusUnprocessableEntity).has(t, `id="p-text"`)

		d := demoMeeting(t, e, leadersTalks).Decisions[0]
		toAction := fmt.Sprintf("%s/decisions/%d/action", page, d.ID)
		hx.post(t, toAction, url.Values{"due.value": {"2025-13"}, "lead_party": {"PAK"}}).want(t, 200).
			has(t, "<details open>", fmt.Sprintf(`id="decision-%d-due.value"`, d.ID), `value="2025-13"`, `class="problem"`)
		track := firstTrack(t, e)
		hx.post(t, toAction, url.Values{"track_id": {fmt.Sprint(track)}, "lead_party": {"PAK"}, "due.value": {"2025-03"}}).want(t, 200).
			has(t, `href="/actions/`, "Draw up a comprehensive roadmap")
		d = demoMeeting(t, e, leadersTalks).Decisions[0]
		var a entente.Action
		e.do(t, "GET", fmt.Sprintf("/api/v1/actions/%d", d.ActionID), e.tokens["PAK"], nil).want(t, 200).decode(t, &a)
		if a.TrackID != track || a.LeadParty != "PAK" || a.Due.Value != "2025-03" || a.Title != d.Text {
			t.Fatalf("the action made from the decision: %+v", a)
		}
		// Without htmx, the second decision becomes an action and the browser goes back to it.
		d2 := demoMeeting(t, e, leadersTalks).Decisions[1]
		r = plain.post(t, fmt.Sprintf("%s/decisions/%d/action", page, d2.ID), url.Values{}).want(t, http.StatusSeeOther)
		if loc := r.header.Get("Location"); loc != fmt.Sprintf("%s?notice=notice.meeting_action_created#decision-%d", page, d2.ID) {
			t.Fatalf("after making an action: %s", loc)
		}
		plain.get(t, strings.Split(r.header.Get("Location"), "#")[0]).want(t, 200).has(t, "The action is created")
		hx.post(t, fmt.Sprintf("%s/decisions/%d/delete", page, d2.ID), nil).want(t, 200).lacks(t, d2.Text)
	})
}

func TestParticipantsAddAndRemove(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		minsk := demoMeeting(t, e, "Follow-up round in Minsk")
		page := fmt.Sprintf("/meetings/%d", minsk.ID)
		c := pageClient{e: e, token: e.tokens["BLR"]}
		leaders := demoMeeting(t, e, leadersTalks)
		person := leaders.Participants[1]
		c.post(t, page+"/participants", url.Values{"person_id": {fmt.Sprint(person.PersonID)}, "role": {"Head of delegation"}}).want(t, http.StatusSeeOther)
		c.post(t, page+"/participants", url.Values{"party": {"PAK"}, "name": {"Delegation of the Ministry of Commerce"}}).want(t, http.StatusSeeOther)
		c.post(t, page+"/participants", url.Values{"role": {"note-taker"}}).want(t, http.StatusUnprocessableEntity).
			has(t, `id="p-party"`, `id="p-name"`, `value="note-taker"`)
		got := demoMeeting(t, e, "Follow-up round in Minsk")
		if len(got.Participants) != 2 || got.Participants[0].Name != person.Name || got.Participants[1].Party != "PAK" {
			t.Fatalf("participants: %+v", got.Participants)
		}
		hx := pageClient{e: e, token: e.tokens["BLR"], htmx: true}
		hx.post(t, fmt.Sprintf("%s/participants/%d/delete", page, got.Participants[1].ID), nil).want(t, 200).
			has(t, `<section id="participants"`, person.Name).lacks(t, "Delegation of the Ministry of Commerce")
	})
}

func TestScheduleTheFollowUpMeeting(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e, token: e.tokens["JOINT"]}
		minsk := demoMeeting(t, e, "Follow-up round in Minsk")
		c.get(t, fmt.Sprintf("/meetings/%d/follow-up", minsk.ID)).want(t, 200).has(t, `<option value="delegation_talks" selected>`,
			`<option value="BLR" selected>`, `value="Minsk"`, `<option value="Europe/Minsk" selected>`,
			fmt.Sprintf(`<option value="%d" selected>`, minsk.ID), `value="Follow-up to: Follow-up round in Minsk"`)
		form := url.Values{"kind": {"delegation_talks"}, "title": {"Third round"}, "status": {"planned"}, "host_party": {"PAK"},
			"when.value": {"2025-01"}, "follows_up_id": {fmt.Sprint(minsk.ID)}}
		c.post(t, fmt.Sprintf("/roadmaps/%d/meetings", e.demo.Roadmap.ID), form).want(t, http.StatusSeeOther)
		third := demoMeeting(t, e, "Third round")
		if third.FollowsUpID != minsk.ID {
			t.Fatalf("the follow-up follows up %d", third.FollowsUpID)
		}
		c.get(t, fmt.Sprintf("/meetings/%d", minsk.ID)).want(t, 200).has(t, fmt.Sprintf(`<a href="/meetings/%d" dir="auto">Third round</a>`, third.ID))
		c.get(t, fmt.Sprintf("/meetings/%d", third.ID)).want(t, 200).has(t, fmt.Sprintf(`<a href="/meetings/%d" dir="auto">Follow-up round in Minsk</a>`, minsk.ID))
	})
}

func TestVisitOffersOnlyTheNextInvitationStates(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e, token: e.tokens["PAK"]}
		visit := demoMeeting(t, e, "Visit of the Prime Minister of Pakistan to Belarus")
		c.get(t, fmt.Sprintf("/meetings/%d", visit.ID)).want(t, 200).has(t, `class="invitation-steps"`, `aria-current="step">invitation accepted`)
		c.get(t, fmt.Sprintf("/meetings/%d/edit", visit.ID)).want(t, 200).
			has(t, `<option value="accepted" selected>`, `<option value="scheduled">`, `<option value="declined">`).
			lacks(t, `<option value="extended">`, `<option value="held">visit held`)
	})
}
