package server_test

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente"
)

var updateGantt = flag.Bool("update-gantt", false, "rewrite the Gantt chart golden files in testdata")

// The demo's chain to the February signing, in order.
var demoCriticalPath = []string{
	"Identify agricultural machinery for joint assembly in Pakistan",
	"Draft the MoU on agricultural machinery manufacturing",
	"Negotiate the texts of the agreements",
	"Obtain Cabinet approval of the agreements",
	"Organise the signing ceremony",
}

// schedulePage requests a page in a language, as a visitor or with a token.
func schedulePage(t testing.TB, e *env, path, token, lang string) response {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.Header.Set("Accept-Language", lang)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	e.handler.ServeHTTP(rec, req)
	return response{rec.Code, rec.Header(), rec.Body.Bytes()}
}

// scheduleSystem is the context of changes made behind the server's back, as the system.
func scheduleSystem() context.Context {
	return entente.WithCaller(context.Background(), entente.SystemCaller)
}

// demoActionID finds a demo action by its title.
func demoActionID(t testing.TB, e *env, title string) int64 {
	t.Helper()
	items, _, err := e.svc.Actions.FindActions(scheduleSystem(), entente.ActionFilter{RoadmapID: e.demo.Roadmap.ID, Q: title})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range items {
		if a.Title == title {
			return a.ID
		}
	}
	t.Fatalf("no demo action %q", title)
	return 0
}

func TestScheduleOverTheAPI(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		path := "/api/v1/roadmaps/" + strconv.FormatInt(e.demo.Roadmap.ID, 10) + "/schedule"
		var s entente.Schedule
		e.do(t, "GET", path, "", nil).want(t, http.StatusOK).decode(t, &s)
		if s.Target == nil || s.Target.Title != "Signing of agreements" || s.Target.Date.String() != "2025-02-28" {
			t.Fatalf("target %+v, want the signing ceremony by 28 February 2025", s.Target)
		}
		titles := map[int64]string{}
		for _, a := range s.Actions {
			titles[a.ID] = a.Title
		}
		var path0 []string
		for _, id := range s.CriticalPaths[0].Actions {
			path0 = append(path0, titles[id])
		}
		if strings.Join(path0, " → ") != strings.Join(demoCriticalPath, " → ") {
			t.Errorf("critical path %q, want %q", path0, demoCriticalPath)
		}
		// Every form of target answers within the contract.
		for _, target := range []string{"2025-01-31", "2025-02", "horizon", "meeting:" + strconv.FormatInt(s.Target.ID, 10)} {
			e.do(t, "GET", path+"?target="+target, e.readTok["PAK"], nil).want(t, http.StatusOK)
		}
	})
}

func TestScheduleAPIRefusesBadTargets(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	path := "/api/v1/roadmaps/" + strconv.FormatInt(e.demo.Roadmap.ID, 10) + "/schedule"
	tests := []struct {
		query  string
		status int
		want   string // in the problem's detail
	}{
		{"?target=meeting:x", http.StatusBadRequest, "positive whole number"},
		{"?target=meeting:999999", http.StatusBadRequest, "no meeting #999999"},
		{"?target=agreement:999999", http.StatusBadRequest, "no agreement #999999"},
		{"?target=soon", http.StatusBadRequest, "neither meeting:ID"},
		{"?target=2300-01-01", http.StatusBadRequest, "more than 100 years"},
	}
	for _, tt := range tests {
		r := e.do(t, "GET", path+tt.query, "", nil).want(t, tt.status)
		var p struct {
			Detail string            `json:"detail"`
			Fields map[string]string `json:"fields"`
		}
		r.decode(t, &p)
		if !strings.Contains(p.Detail, tt.want) {
			t.Errorf("%s: %q, want it to say %q", tt.query, p.Detail, tt.want)
		}
	}
	e.do(t, "GET", "/api/v1/roadmaps/999999/schedule", "", nil).want(t, http.StatusNotFound)
}

func TestGanttPageInEveryLanguage(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	path := "/roadmaps/" + strconv.FormatInt(e.demo.Roadmap.ID, 10) + "/gantt"
	tests := []struct {
		lang, dir, anchor string
		texts             []string
	}{
		{"en", "ltr", `text-anchor="start"`, []string{"What must happen by when", "20 working days to spare", "Signing of agreements\u2069, February 2025; finish by 28 February 2025"}},
		{"ru", "ltr", `text-anchor="start"`, []string{"Что и к какому сроку должно быть сделано", "резерв 20 рабочих дней", "Диаграмма Ганта: 15 мероприятий"}},
		{"ur", "rtl", `text-anchor="end"`, []string{"کیا کب تک ہونا لازمی ہے", "20 کام کے دنوں کی گنجائش", "گینٹ چارٹ"}},
	}
	for _, tt := range tests {
		r := schedulePage(t, e, path, "", tt.lang)
		body := string(r.body)
		if r.status != http.StatusOK {
			t.Fatalf("%s: status %d:\n%s", tt.lang, r.status, body)
		}
		for _, want := range append(tt.texts, `dir="`+tt.dir+`"`, tt.anchor, "<svg", demoCriticalPath[0], `aria-current="page">`) {
			if !strings.Contains(body, want) {
				t.Errorf("%s: the page lacks %q", tt.lang, want)
			}
		}
		if ids := regexp.MustCompile(`schedule\.[a-z_.]+`).FindAllString(body, -1); len(ids) > 0 {
			t.Errorf("%s: message ids shown instead of words: %v", tt.lang, ids)
		}
	}
}

// TestGanttChartGolden keeps the demo's chart as drawn, left to right and mirrored.
func TestGanttChartGolden(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	path := "/roadmaps/" + strconv.FormatInt(e.demo.Roadmap.ID, 10) + "/gantt"
	ids := regexp.MustCompile(`/actions/\d+`)
	for _, lang := range []string{"en", "ur"} {
		body := string(schedulePage(t, e, path, "", lang).want(t, http.StatusOK).body)
		start, end := strings.Index(body, "<svg"), strings.Index(body, "</svg>")
		if start < 0 || end < start {
			t.Fatalf("%s: no chart on the page", lang)
		}
		// Ids depend on the database; the golden file names actions by their order.
		n := 0
		svg := ids.ReplaceAllStringFunc(body[start:end+len("</svg>")], func(string) string { n++; return "/actions/N" })
		golden := filepath.Join("testdata", "gantt."+lang+".svg")
		if *updateGantt {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, []byte(svg+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./server -run TestGanttChartGolden -update-gantt)", err)
		}
		if svg+"\n" != string(want) {
			t.Errorf("%s: the chart differs from %s (run with -update-gantt and review the diff)", lang, golden)
		}
	}
}

// TestFlagsFollowEveryChange blocks one action and makes another late, then checks that the
// Gantt page, the actions table, the action page and the overview all say so at once.
func TestFlagsFollowEveryChange(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		ctx := scheduleSystem()
		rm := strconv.FormatInt(e.demo.Roadmap.ID, 10)
		list := demoActionID(t, e, "Identify agricultural machinery for joint assembly in Pakistan")
		draft := demoActionID(t, e, "Circulate a draft of the roadmap to Belarus")
		for _, u := range []struct {
			id  int64
			upd entente.ActionUpdate
		}{
			{list, entente.ActionUpdate{Status: ptrTo(entente.ActionBlocked)}},
			{draft, entente.ActionUpdate{Due: ptrTo(entente.MustWhen("2024-11-20", "", false))}},
		} {
			a, err := e.svc.Actions.FindActionByID(ctx, u.id)
			if err != nil {
				t.Fatal(err)
			}
			u.upd.Version = a.Version
			if _, err := e.svc.Actions.UpdateAction(ctx, u.id, u.upd); err != nil {
				t.Fatal(err)
			}
		}
		gantt := string(schedulePage(t, e, "/roadmaps/"+rm+"/gantt", "", "en").want(t, http.StatusOK).body)
		for _, want := range []string{`class="flag flag-blocked"`, `class="flag flag-late"`, `class="row blocked`, "late · at risk"} {
			if !strings.Contains(gantt, want) {
				t.Errorf("the Gantt page lacks %q", want)
			}
		}
		table := string(schedulePage(t, e, "/roadmaps/"+rm+"/actions?sort=title", "", "en").want(t, http.StatusOK).body)
		if !strings.Contains(table, `class="flag flag-blocked"`) || !strings.Contains(table, `class="flag flag-at-risk"`) {
			t.Error("the actions table does not show the blocked and at-risk marks")
		}
		page := string(schedulePage(t, e, "/actions/"+strconv.FormatInt(list, 10), "", "en").want(t, http.StatusOK).body)
		for _, want := range []string{"Latest finish", `class="flag flag-blocked"`, "/roadmaps/" + rm + "/gantt"} {
			if !strings.Contains(page, want) {
				t.Errorf("the action page lacks %q", want)
			}
		}
	})
}

// TestOverviewTimelineHasTheCriticalPath checks the highlighted lane on the roadmap's page.
func TestOverviewTimelineHasTheCriticalPath(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	body := string(schedulePage(t, e, "/roadmaps/"+strconv.FormatInt(e.demo.Roadmap.ID, 10), "", "en").want(t, http.StatusOK).body)
	lane := strings.Index(body, ">Critical path</text>")
	if lane < 0 {
		t.Fatal("the timeline has no critical path lane")
	}
	for _, title := range demoCriticalPath {
		if !strings.Contains(body[lane:], "<title>"+strings.ReplaceAll(title, "'", "&#39;")+" — ") {
			t.Errorf("the critical path lane lacks %q", title)
		}
	}
	if !strings.Contains(body[lane:], " critical\">") {
		t.Error("the critical path's actions are not highlighted")
	}
}

// TestGanttPageExplainsWhatCannotBeScheduled shows the problem on the page, with the form to
// choose another target, instead of an error page.
func TestGanttPageExplainsWhatCannotBeScheduled(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	rm := strconv.FormatInt(e.demo.Roadmap.ID, 10)
	r := schedulePage(t, e, "/roadmaps/"+rm+"/gantt?target=meeting:999999", "", "en")
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(string(r.body), "the roadmap has no meeting #999999") ||
		!strings.Contains(string(r.body), `name="target"`) {
		t.Errorf("status %d; want 422 with the problem and the target form:\n%s", r.status, r.body)
	}
	a := &entente.Action{RoadmapID: e.demo.Roadmap.ID, Title: "Record the signed protocol", LeadParty: "PAK",
		Status: entente.ActionDone, DurationDays: 1, DoneOn: entente.NewDate(2025, 3, 1)}
	if err := e.svc.Actions.CreateAction(scheduleSystem(), a); err != nil {
		t.Fatal(err)
	}
	r = schedulePage(t, e, "/roadmaps/"+rm+"/gantt", "", "en")
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(string(r.body), "Record the signed protocol") {
		t.Errorf("status %d; want 422 naming the action done after today", r.status)
	}
	// The other pages stay usable without the marks.
	schedulePage(t, e, "/roadmaps/"+rm, "", "en").want(t, http.StatusOK)
	schedulePage(t, e, "/roadmaps/"+rm+"/actions", "", "en").want(t, http.StatusOK)
}

func ptrTo[T any](v T) *T { return &v }
