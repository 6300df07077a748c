package server_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
	"github.com/entente/entente/server"
)

// problemFields returns the fields a problem document names.
func problemFields(t *testing.T, r response) []string {
	t.Helper()
	var p server.Problem
	r.decode(t, &p)
	var out []string
	for _, e := range p.Errors {
		out = append(out, e.Field)
	}
	return out
}

// wantProblem fails unless the response has the status and names the field.
func wantProblem(t *testing.T, r response, status int, field string) {
	t.Helper()
	r.want(t, status)
	if field == "" {
		return
	}
	for _, f := range problemFields(t, r) {
		if f == field {
			return
		}
	}
	t.Fatalf("the problem does not name %q: %s", field, r.body)
}

func TestCalendarDaysAPI(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		var all server.CalendarDays
		e.do(t, "GET", "/api/v1/parties/PAK/calendar?from=2025-01-01&to=2025-12-31", "", nil).want(t, 200).decode(t, &all)
		if len(all.Days) != 365 || all.Zone != "Asia/Karachi" || all.Generic {
			t.Fatalf("PAK 2025: %d days, zone %s, generic %v", len(all.Days), all.Zone, all.Generic)
		}
		var off server.CalendarDays
		e.do(t, "GET", "/api/v1/parties/PAK/calendar?from=2025-01-01&to=2025-12-31&only=non_working", "", nil).want(t, 200).decode(t, &off)
		shipped, err := calendar.For("PAK", "", calendar.OfficialOverrides("PAK"))
		if err != nil {
			t.Fatal(err)
		}
		got, want := calendar.List(off.Days), calendar.List(shipped.NonWorkingDays(entente.NewDate(2025, 1, 1), entente.NewDate(2025, 12, 31)))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("non-working days of PAK 2025 differ from the shipped calendar:\n%v\n%v", got, want)
		}
		eid := all.Days[entente.NewDate(2025, 3, 31).DaysSince(entente.NewDate(2025, 1, 1))]
		if eid.Status != calendar.Holiday || eid.HolidayStatus != calendar.Official {
			t.Fatalf("31 March 2025 in Pakistan: %+v", eid)
		}
		var later server.CalendarDays
		e.do(t, "GET", "/api/v1/parties/BLR/calendar?from=2027-01-01&to=2027-12-31&only=non_working", "", nil).want(t, 200).decode(t, &later)
		if len(later.Notes) == 0 || !strings.Contains(later.Notes[0], "not yet announced") {
			t.Fatalf("BLR 2027 notes: %v", later.Notes)
		}
	})
}

func TestCalendarAPIRefusesBadInput(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	for _, tc := range []struct {
		path   string
		status int
		field  string
	}{
		{"/api/v1/parties/XYZ/calendar", 404, ""},
		{"/api/v1/parties/PAK/calendar?from=2025-02-30", 400, "from"},
		{"/api/v1/parties/PAK/calendar?from=2025-02-01&to=2025-01-31", 400, "to"},
		{"/api/v1/parties/PAK/calendar?from=2025-01-01&to=2026-01-02", 400, "to"},
		{"/api/v1/parties/PAK/calendar?only=holidays", 400, "only"},
		{"/api/v1/parties/PAK/calendar?profile=embassy", 400, "profile"},
		{"/api/v1/parties/XYZ/calendar/overrides", 404, ""},
		{"/api/v1/slots?parties=PAK,XYZ&duration=2h&from=2024-12-09&to=2024-12-13", 404, "parties"},
		{"/api/v1/slots?parties=PAK,BLR&duration=0&from=2024-12-09&to=2024-12-13", 400, "duration"},
		{"/api/v1/slots?parties=PAK,BLR&duration=-30m&from=2024-12-09&to=2024-12-13", 400, "duration"},
		{"/api/v1/slots?parties=PAK,BLR&duration=two+hours&from=2024-12-09&to=2024-12-13", 400, "duration"},
		{"/api/v1/slots?parties=PAK,BLR&duration=2h&from=2024-12-09&to=2024-12-13&zone=Mars/Olympus_Mons", 400, "zone"},
		{"/api/v1/slots?parties=PAK,BLR&duration=2h&from=2024-12-09&to=2024-12-13&zone=Local", 400, "zone"},
		{"/api/v1/slots?parties=PAK,BLR&duration=2h&from=2024-12-13&to=2024-12-09", 400, "to"},
		{"/api/v1/slots?parties=PAK,BLR&duration=2h&from=2024-12-09&to=2026-01-01", 400, "to"},
		{"/api/v1/slots?parties=PAK,BLR&duration=2h&from=2024-12-9&to=2024-12-13", 400, "from"},
		{"/api/v1/slots?parties=PAK,BLR&duration=2h&to=2024-12-13", 400, "from"},
		{"/api/v1/slots?duration=2h&from=2024-12-09&to=2024-12-13", 400, "parties"},
		{"/api/v1/slots?parties=PAK,PAK&duration=2h&from=2024-12-09&to=2024-12-13", 400, "parties"},
		{"/api/v1/slots?parties=PAK,BLR&duration=2h&from=2024-12-09&to=2024-12-13&hours=PAK%3Dmon-fri+9-5", 400, "hours"},
		{"/api/v1/slots?parties=PAK,BLR&duration=2h&from=2024-12-09&to=2024-12-13&limit=0", 400, "limit"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			wantProblem(t, e.do(t, "GET", tc.path, "", nil), tc.status, tc.field)
		})
	}
}

func TestCalendarOverridesAPI(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		var seeded server.List[*entente.CalendarOverride]
		e.do(t, "GET", "/api/v1/parties/BLR/calendar/overrides", "", nil).want(t, 200).decode(t, &seeded)
		if seeded.Total != len(calendar.OfficialOverrides("BLR")) {
			t.Fatalf("BLR has %d overrides, want the %d shipped", seeded.Total, len(calendar.OfficialOverrides("BLR")))
		}
		path := "/api/v1/parties/BLR/calendar/overrides"
		extra := map[string]any{"kind": "holiday", "date": "2025-06-02", "name": "Extra day off", "source": "Council of Ministers, test"}
		e.do(t, "POST", path, "", extra).want(t, 401)
		e.do(t, "POST", path, e.tokens["PAK"], extra).want(t, 403)
		e.do(t, "POST", path, e.readTok["BLR"], extra).want(t, 403)
		wantProblem(t, e.do(t, "POST", path, e.tokens["BLR"], map[string]any{"kind": "holiday", "date": "2025-06-02", "name": "x", "source": "s", "party": "PAK"}), 400, "party")
		var o entente.CalendarOverride
		r := e.do(t, "POST", path, e.tokens["BLR"], extra).want(t, 201)
		r.decode(t, &o)
		if r.header.Get("Location") != path+"/"+fmt.Sprint(o.ID) || o.Party != "BLR" {
			t.Fatalf("created %+v at %s", o, r.header.Get("Location"))
		}
		var day server.CalendarDays
		e.do(t, "GET", "/api/v1/parties/BLR/calendar?from=2025-06-02&to=2025-06-02", "", nil).want(t, 200).decode(t, &day)
		if day.Days[0].HolidayStatus != calendar.Official || day.Days[0].Name != "Extra day off" {
			t.Fatalf("2 June 2025 after the notice: %+v", day.Days[0])
		}
		// Belarus worked Saturday 11 January 2025 for Monday 6 January: a holiday on it contradicts the transfer.
		clash := map[string]any{"kind": "holiday", "date": "2025-01-11", "name": "Extra day", "source": "test"}
		wantProblem(t, e.do(t, "POST", path, e.tokens["BLR"], clash), 400, "date")
		one := fmt.Sprintf("%s/%d", path, o.ID)
		wantProblem(t, e.do(t, "PATCH", one, e.tokens["BLR"], map[string]any{"version": 1, "date": "2025-01-11"}), 400, "date")
		wantProblem(t, e.do(t, "PATCH", one, e.tokens["BLR"], map[string]any{"name": "no version"}), 400, "version")
		e.do(t, "PATCH", one, e.tokens["BLR"], map[string]any{"version": 1, "name": "Renamed"}).want(t, 200)
		e.do(t, "PATCH", one, e.tokens["BLR"], map[string]any{"version": 1, "name": "Stale"}).want(t, 409)
		e.do(t, "PATCH", fmt.Sprintf("/api/v1/parties/PAK/calendar/overrides/%d", o.ID), e.tokens["JOINT"], map[string]any{"version": 2, "name": "x"}).want(t, 404)
		e.do(t, "DELETE", one, e.tokens["PAK"], nil).want(t, 403)
		e.do(t, "DELETE", one, e.tokens["JOINT"], nil).want(t, 204)
		e.do(t, "DELETE", one, e.tokens["JOINT"], nil).want(t, 404)
	})
}

// TestSlotsForTheDemoMeetings finds slots in working time of both parties for the follow-up
// round (about 10 December 2024) and the signing (February 2025).
func TestSlotsForTheDemoMeetings(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		for _, window := range [][2]string{{"2024-12-09", "2024-12-13"}, {"2025-02-01", "2025-02-28"}} {
			var list server.SlotList
			e.do(t, "GET", "/api/v1/slots?parties=PAK,BLR&duration=120&zone=Europe/Minsk&limit=500&from="+window[0]+"&to="+window[1], "", nil).
				want(t, 200).decode(t, &list)
			if list.Total == 0 || len(list.Items) == 0 || list.DurationMinutes != 120 {
				t.Fatalf("%v: %+v", window, list)
			}
			for _, s := range list.Items {
				if len(s.Local) != 2 || s.Local[0].Party != "PAK" || s.Local[1].Party != "BLR" || s.InZone == nil || s.InZone.Zone != "Europe/Minsk" {
					t.Fatalf("slot %+v", s)
				}
				for _, l := range s.Local {
					if day := mustCalendar(t, l.Party).Day(l.Date); !day.IsWorking() {
						t.Errorf("a slot on %s, a %s for %s", l.Date, day.Status, l.Party)
					}
				}
			}
		}
	})
}

func mustCalendar(t *testing.T, party string) *calendar.Calendar {
	t.Helper()
	c, err := calendar.For(party, "", calendar.OfficialOverrides(party))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// postForm sends a form as a browser without JavaScript does, with a user's token.
func postForm(t *testing.T, e *env, path, token string, form url.Values) response {
	t.Helper()
	req := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	e.handler.ServeHTTP(rec, req)
	return response{rec.Code, rec.Header(), rec.Body.Bytes()}
}

// pageHas fails unless the page holds every text.
func pageHas(t *testing.T, r response, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if !strings.Contains(string(r.body), s) {
			t.Fatalf("the page (status %d) lacks %q:\n%s", r.status, s, r.body)
		}
	}
}

func TestCalendarPage(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	r := e.do(t, "GET", "/parties/PAK/calendar?year=2025", "", nil).want(t, 200)
	pageHas(t, r, "Eid-ul-Fitr", `class="holiday official"`, "Kashmir Solidarity Day", "Holiday, officially announced")
	if strings.Contains(string(r.body), "/calendar/overrides/") {
		t.Fatal("a visitor is offered the forms to change the calendar")
	}
	r = e.do(t, "GET", "/parties/PAK/calendar?year=2027", "", nil).want(t, 200)
	pageHas(t, r, `class="holiday tentative"`, "predicted from the Umm al-Qura calendar", "possible from")
	r = e.do(t, "GET", "/parties/BLR/calendar?year=2025", "", nil).want(t, 200)
	pageHas(t, r, `class="day-off-transfer"`, `class="working-transfer"`, `class="working short"`)
	e.do(t, "GET", "/parties/BLR/calendar?year=twenty", "", nil).want(t, 404)
	e.do(t, "GET", "/parties/XYZ/calendar", "", nil).want(t, 404)

	r = e.do(t, "GET", "/parties/BLR/calendar?year=2025", e.tokens["BLR"], nil).want(t, 200)
	pageHas(t, r, `action="/parties/BLR/calendar/overrides"`, "/calendar/overrides/")
	r = e.do(t, "GET", "/parties/BLR/calendar?year=2025", e.tokens["PAK"], nil).want(t, 200)
	if strings.Contains(string(r.body), `action="/parties/BLR/calendar/overrides"`) {
		t.Fatal("a user of Pakistan is offered the form to change Belarus's calendar")
	}
}

func TestCalendarPageForms(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	base := "/parties/BLR/calendar/overrides"
	form := url.Values{"kind": {"holiday"}, "date": {"2025-06-02"}, "name": {"Extra day off"}, "source": {"Council of Ministers, test"}, "year": {"2025"}}
	r := postForm(t, e, base, e.tokens["BLR"], form)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/parties/BLR/calendar?year=2025&notice=notice.created" {
		t.Fatalf("create: %d %s", r.status, r.header.Get("Location"))
	}
	list, err := e.svc.Calendars.FindCalendarOverrides(t.Context(), "BLR")
	if err != nil {
		t.Fatal(err)
	}
	var added *entente.CalendarOverride
	for _, o := range list {
		if o.Name == "Extra day off" {
			added = o
		}
	}
	if added == nil {
		t.Fatal("the override was not stored")
	}
	clash := url.Values{"kind": {"holiday"}, "date": {"2025-01-11"}, "name": {"Extra"}, "source": {"test"}, "year": {"2025"}}
	r = postForm(t, e, base, e.tokens["BLR"], clash)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a contradicting override: %d", r.status)
	}
	pageHas(t, r, `aria-invalid="true"`, "contradicts", `value="2025-01-11"`)
	postForm(t, e, base, e.tokens["PAK"], form).want(t, http.StatusForbidden)

	one := fmt.Sprintf("%s/%d", base, added.ID)
	e.do(t, "GET", one+"/edit", e.tokens["PAK"], nil).want(t, http.StatusForbidden)
	pageHas(t, e.do(t, "GET", one+"/edit", e.tokens["BLR"], nil).want(t, 200), `value="Extra day off"`)
	edit := url.Values{"version": {"1"}, "kind": {"holiday"}, "date": {"2025-06-02"}, "name": {"Renamed day off"}, "source": {"test"}}
	postForm(t, e, one, e.tokens["BLR"], edit).want(t, http.StatusSeeOther)
	r = postForm(t, e, one, e.tokens["BLR"], edit)
	if r.status != http.StatusConflict {
		t.Fatalf("a stale edit: %d", r.status)
	}
	pageHas(t, r, "Someone else changed this")
	postForm(t, e, one+"/delete", e.tokens["BLR"], url.Values{"year": {"2025"}}).want(t, http.StatusSeeOther)
	e.do(t, "GET", one+"/edit", e.tokens["BLR"], nil).want(t, 404)
}

func TestFindATimePage(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	id := e.demo.Roadmap.ID
	path := fmt.Sprintf("/roadmaps/%d/find-a-time", id)
	r := e.do(t, "GET", path+"?from=2024-12-09&to=2024-12-13&duration=120&zone=Europe/Minsk", "", nil).want(t, 200)
	pageHas(t, r, "Follow-up round in Minsk", "Signing of agreements", "Plan a meeting in this slot",
		fmt.Sprintf("/roadmaps/%d/meetings/new?date=2024-12-09&amp;duration=120&amp;start=10%%3A30&amp;zone=Europe%%2FMinsk", id))
	// The columns follow the roadmap's parties, Pakistan first, as the slots' local times do;
	// without a zone the meeting is planned in the first party's.
	body := string(r.body)
	if pak, blr := strings.Index(body, "Pakistan (Asia/Karachi)"), strings.Index(body, "Belarus (Europe/Minsk)"); pak < 0 || blr < pak {
		t.Fatalf("the columns are not in the roadmap's order of parties:\n%s", body)
	}
	pageHas(t, r, "<td><bdi>Mon 9 December 2024, 12:30–14:30</bdi></td><td><bdi>Mon 9 December 2024, 10:30–12:30</bdi></td>")
	r = e.do(t, "GET", path+"?from=2025-02-01&to=2025-02-28", "", nil).want(t, 200)
	pageHas(t, r, "Plan a meeting in this slot", "zone=Asia%2FKarachi")
	r = e.do(t, "GET", path+"?from=2024-12-13&to=2024-12-09&duration=-5&zone=Nowhere/At_All", "", nil).want(t, 200)
	pageHas(t, r, `id="p-duration"`, `id="p-zone"`, `id="p-to"`)
}

// TestCalendarWithARefusedStoredOverride stores, behind the services' back, a transfer to a
// weekday (as an older rule might have let in): the calendar cannot be computed, the API says
// why, and the page still lists the overrides so that the bad one can be deleted.
func TestCalendarWithARefusedStoredOverride(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	_, err := e.db.ExecForTest(t.Context(), `INSERT INTO calendar_overrides (party, kind, falls_on, moved_to_on, source, created_at, updated_at)
		VALUES ('BLR', 'transfer', '2025-07-04', '2025-07-09', 'an old note', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z')`)
	if err != nil {
		t.Fatal(err)
	}
	wantProblem(t, e.do(t, "GET", "/api/v1/parties/BLR/calendar?from=2025-07-01&to=2025-07-31", "", nil), 400, "")
	r := e.do(t, "GET", "/parties/BLR/calendar?year=2025", e.tokens["BLR"], nil).want(t, 200)
	pageHas(t, r, "cannot be computed", "not a weekend day", "an old note")
	list, err := e.svc.Calendars.FindCalendarOverrides(t.Context(), "BLR")
	if err != nil {
		t.Fatal(err)
	}
	bad := list[0]
	for _, o := range list {
		if o.Source == "an old note" {
			bad = o
		}
	}
	postForm(t, e, fmt.Sprintf("/parties/BLR/calendar/overrides/%d/delete", bad.ID), e.tokens["BLR"], url.Values{"year": {"2025"}}).want(t, http.StatusSeeOther)
	e.do(t, "GET", "/api/v1/parties/BLR/calendar?from=2025-07-01&to=2025-07-31", "", nil).want(t, 200)
}
