package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// demoCommitment finds a demo commitment by the start of its statement.
func demoCommitment(t *testing.T, e *env, statement string) *entente.Commitment {
	t.Helper()
	items, _, err := e.svc.Commitments.FindCommitments(itemSystemCtx(), entente.CommitmentFilter{RoadmapID: e.demo.Roadmap.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range items {
		if strings.HasPrefix(c.Statement, statement) {
			return c
		}
	}
	t.Fatalf("no demo commitment %q", statement)
	return nil
}

func TestCommitmentPagesInEveryLanguage(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := demoCommitment(t, e, "Sign agreements in February")
		words := map[string][]string{
			"en": {`lang="en" dir="ltr"`, "both sides", "February 2025", "Actions that fulfil it"},
			"ru": {`lang="ru" dir="ltr"`, "обе стороны", "февраль 2025", "Мероприятия по выполнению"},
			"ur": {`lang="ur" dir="rtl"`, "دونوں فریق", "فروری 2025", "اسے پورا کرنے والے اقدامات"},
		}
		for lang, want := range words {
			cl := pageClient{e: e, token: e.tokens["BLR"], lang: lang}
			itemPageHas(t, cl.get(t, fmt.Sprintf("/roadmaps/%d/commitments", e.demo.Roadmap.ID)), 200, want[:3]...)
			itemPageHas(t, cl.get(t, fmt.Sprintf("/commitments/%d", c.ID)), 200, want...)
			itemPageHas(t, cl.get(t, fmt.Sprintf("/roadmaps/%d/commitments/new", e.demo.Roadmap.ID)), 200, want[:2]...)
			itemPageHas(t, cl.get(t, fmt.Sprintf("/commitments/%d/edit", c.ID)), 200, want[:2]...)
		}
	})
}

func TestCommitmentListFilters(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		cl := pageClient{e: e} // a visitor of the public demo roadmap
		base := fmt.Sprintf("/roadmaps/%d/commitments", e.demo.Roadmap.ID)
		tests := []struct {
			query      string
			has, lacks []string
		}{
			{"", []string{"(7)", "Strengthen political dialogue", "Sign agreements in February"}, []string{"New commitment"}},
			{"?responsible=both&sector=trade", []string{"(1)", "Increase bilateral trade"}, []string{"Strengthen political dialogue"}},
			{"?responsible=PAK", []string{"(0)", "No commitments match."}, nil},
			{"?due_after=2025-02-01&due_before=2025-03-31", []string{"(1)", "Sign agreements in February"}, []string{"Expand inter-parliamentary"}},
			{"?q=parliamentary", []string{"(1)", "Expand inter-parliamentary exchanges"}, nil},
			{"?status=met", []string{"(0)"}, nil},
			{"?sort=due&order=desc", []string{"(7)", `aria-sort="descending"`}, nil},
			{"?due_after=2025-02-30&status=kept", []string{"(7)", `id="p-due_after"`, `id="p-status"`, `value="2025-02-30"`}, nil},
		}
		for _, tt := range tests {
			r := cl.get(t, base+tt.query)
			itemPageHas(t, r, 200, tt.has...)
			itemPageLacks(t, r, tt.lacks...)
		}
	})
}

func TestCommitmentShowsItsSourceAndQuote(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		ctx := itemSystemCtx()
		src := &entente.Source{RoadmapID: e.demo.Roadmap.ID, Title: "Joint press release, Islamabad", Publisher: "Prime Minister's Office",
			PublishedOn: entente.NewDate(2024, 11, 26), Language: "en", Scope: entente.ScopeShared,
			Text: "The two sides agreed to sign agreements in February next year."}
		if err := e.svc.Sources.CreateSource(ctx, src); err != nil {
			t.Fatal(err)
		}
		c := &entente.Commitment{RoadmapID: e.demo.Roadmap.ID, Statement: "Sign the agreements", Responsible: "both",
			Status: entente.CommitmentPending, SourceID: src.ID, Quote: "The two sides agreed to sign agreements in <February> next year."}
		if err := e.svc.Commitments.CreateCommitment(ctx, c); err != nil {
			t.Fatal(err)
		}
		cl := pageClient{e: e, token: e.tokens["PAK"]}
		quote := "The two sides agreed to sign agreements in &lt;February&gt; next year."
		itemPageHas(t, cl.get(t, fmt.Sprintf("/roadmaps/%d/commitments?q=the+agreements", e.demo.Roadmap.ID)), 200, quote)
		itemPageHas(t, cl.get(t, fmt.Sprintf("/commitments/%d", c.ID)), 200, quote,
			fmt.Sprintf(`<a href="/sources/%d" dir="auto">Joint press release, Islamabad</a>`, src.ID), "26 November 2024")
	})
}

func TestCommitmentActionsThatFulfilIt(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := demoCommitment(t, e, "Sign agreements in February")
		cl := pageClient{e: e, token: e.tokens["PAK"]}
		path := fmt.Sprintf("/commitments/%d", c.ID)
		itemPageHas(t, cl.get(t, path), 200, "No action fulfils this commitment yet.", `value="Sign agreements in February next year"`)
		// A title left empty is named next to the field, and the other choices are kept.
		r := cl.post(t, path+"/actions", url.Values{"title": {""}, "lead_party": {"PAK"}})
		itemPageHas(t, r, http.StatusUnprocessableEntity, `id="p-title"`, `<option value="PAK" selected>`, `name="return" value="`+path+`"`)
		itemPageLacks(t, r, `value="`+path+`/actions"`)
		trade := itemDemoTrack(t, e, "trade")
		r = cl.post(t, path+"/actions", url.Values{"title": {"Agree the list of agreements to sign"}, "lead_party": {"PAK"},
			"track_id": {fmt.Sprint(trade.ID)}})
		itemPageHas(t, r, http.StatusSeeOther)
		if !strings.HasPrefix(r.header.Get("Location"), "/actions/") {
			t.Fatalf("went to %s", r.header.Get("Location"))
		}
		r = cl.get(t, path)
		itemPageHas(t, r, 200, "Agree the list of agreements to sign", "not started")
		itemPageLacks(t, r, "No action fulfils this commitment yet.")
		actions, _, _ := e.svc.Actions.FindActions(itemSystemCtx(), entente.ActionFilter{RoadmapID: e.demo.Roadmap.ID, Q: "list of agreements"})
		if len(actions) != 1 || actions[0].CommitmentID != c.ID || actions[0].Due.Value != "2025-02" {
			t.Fatalf("the action does not fulfil the commitment: %+v", actions)
		}
		itemPageHas(t, pageClient{e: e, token: e.readTok["PAK"]}.post(t, path+"/actions", url.Values{"title": {"x"}}), http.StatusForbidden)
	})
}

func TestCommitmentStatusChange(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := demoCommitment(t, e, "Strengthen political dialogue")
		path := fmt.Sprintf("/commitments/%d", c.ID)
		cl := pageClient{e: e, token: e.tokens["BLR"]}
		r := cl.post(t, path+"/status", url.Values{"status": {"partly_met"}, "version": {fmt.Sprint(c.Version)}})
		itemPageHas(t, r, http.StatusSeeOther)
		itemPageHas(t, cl.get(t, path), 200, `<option value="partly_met" selected>`)
		hx := pageClient{e: e, token: e.tokens["PAK"], htmx: true, lang: "ur"}
		r = hx.post(t, path+"/status", url.Values{"status": {"met"}, "version": {fmt.Sprint(c.Version + 1)}})
		itemPageHas(t, r, 200, `<div id="commitment-status"`, "پورا ہوا")
		itemPageLacks(t, r, "<html")
		r = hx.post(t, path+"/status", url.Values{"status": {"missed"}, "version": {fmt.Sprint(c.Version)}})
		itemPageHas(t, r, 200, "ابھی ابھی کسی اور نے یہ وعدہ بدلا ہے", `<option value="met" selected>`)
		r = cl.post(t, path+"/status", url.Values{"status": {"forgotten"}, "version": {fmt.Sprint(c.Version + 2)}})
		itemPageHas(t, r, http.StatusUnprocessableEntity, "This status was not accepted")
	})
}

func TestCommitmentFormBadInputKeepsWhatWasTyped(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		cl := pageClient{e: e, token: e.tokens["PAK"], lang: "ru"}
		form := url.Values{"statement": {"   "}, "sectors": {"textiles", "trade"}, "responsible": {"both"},
			"due.value": {"next spring"}, "status": {"pending"}, "evidence": {"Minutes of the Minsk round"}}
		r := cl.post(t, fmt.Sprintf("/roadmaps/%d/commitments", e.demo.Roadmap.ID), form)
		itemPageHas(t, r, http.StatusUnprocessableEntity, "Некоторые поля заполнены неверно.", `id="p-statement"`, `id="p-due"`,
			`value="next spring"`, `value="textiles" checked`, `value="trade" checked`, ">Minutes of the Minsk round</textarea>")
		itemPageLacks(t, r, `value="agriculture" checked`)
		form = url.Values{"statement": {"Open a trade house"}, "sectors": {"tea"}, "responsible": {"KAZ"}, "status": {"pending"}}
		r = cl.post(t, fmt.Sprintf("/roadmaps/%d/commitments", e.demo.Roadmap.ID), form)
		itemPageHas(t, r, http.StatusUnprocessableEntity, `id="p-sectors"`, "выберите отрасли из списка")
	})
}

func TestCommitmentCreateEditAndStaleVersion(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		cl := pageClient{e: e, token: e.tokens["PAK"]}
		form := url.Values{"statement": {"<script>alert(1)</script> Hold a business forum"}, "sectors": {"trade", "investment"},
			"responsible": {"PAK"}, "due.value": {"2025-Q2"}, "status": {"pending"}}
		r := cl.post(t, fmt.Sprintf("/roadmaps/%d/commitments", e.demo.Roadmap.ID), form)
		itemPageHas(t, r, http.StatusSeeOther)
		path := strings.TrimSuffix(r.header.Get("Location"), "?notice=notice.created")
		for _, p := range []string{path, fmt.Sprintf("/roadmaps/%d/commitments", e.demo.Roadmap.ID)} {
			r = cl.get(t, p)
			itemPageHas(t, r, 200, "&lt;script&gt;alert(1)&lt;/script&gt; Hold a business forum", "Investment")
			itemPageLacks(t, r, "<script>alert(1)")
		}
		// Belarus's desk records the evidence first; Pakistan's edit, based on version 1, conflicts.
		c := demoCommitmentByPath(t, e, path)
		ev := "Forum held in Lahore"
		if _, err := e.svc.Commitments.UpdateCommitment(itemSystemCtx(), c.ID, entente.CommitmentUpdate{Version: 1, Evidence: &ev}); err != nil {
			t.Fatal(err)
		}
		form.Set("version", "1")
		form.Set("status", "met")
		r = cl.post(t, path, form)
		itemPageHas(t, r, http.StatusConflict, "Someone else changed this while you were editing.", "<td dir=\"auto\">Forum held in Lahore</td>",
			`name="version" value="2"`, `<option value="met" selected>`)
		form.Set("version", "2")
		itemPageHas(t, cl.post(t, path, form), http.StatusSeeOther)
		itemPageHas(t, cl.get(t, path), 200, `<span class="status-badge status-met">met</span>`)
		itemPageHas(t, cl.post(t, path+"/delete", url.Values{}), http.StatusSeeOther)
		itemPageHas(t, cl.get(t, path), http.StatusNotFound)
	})
}

// demoCommitmentByPath loads the commitment a page path names.
func demoCommitmentByPath(t *testing.T, e *env, path string) *entente.Commitment {
	t.Helper()
	var id int64
	if _, err := fmt.Sscanf(path, "/commitments/%d", &id); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c, err := e.svc.Commitments.FindCommitmentByID(itemSystemCtx(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestUnknownCommitmentIsNotFound(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		cl := pageClient{e: e, token: e.tokens["BLR"], lang: "ur"}
		for _, p := range []string{"/commitments/9999", "/commitments/0", "/commitments/9999/edit", "/roadmaps/9999/commitments"} {
			itemPageHas(t, cl.get(t, p), http.StatusNotFound, `dir="rtl"`, "یہ صفحہ موجود نہیں")
		}
	})
}

func TestCommitmentViewerCannotChangeIt(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := demoCommitment(t, e, "Strengthen political dialogue")
		path := fmt.Sprintf("/commitments/%d", c.ID)
		viewer := pageClient{e: e, token: e.readTok["BLR"]}
		r := viewer.get(t, path)
		itemPageHas(t, r, 200, "pending")
		itemPageLacks(t, r, "commitment-status-select", path+"/edit", "Add an action that fulfils it")
		itemPageHas(t, viewer.get(t, path+"/edit"), http.StatusForbidden)
		itemPageHas(t, viewer.post(t, path+"/status", url.Values{"status": {"met"}, "version": {"1"}}), http.StatusForbidden)
		itemPageHas(t, viewer.post(t, path, url.Values{"statement": {"x"}, "responsible": {"both"}, "status": {"met"}, "version": {"1"}}), http.StatusForbidden)
		itemPageHas(t, viewer.post(t, fmt.Sprintf("/roadmaps/%d/commitments", e.demo.Roadmap.ID),
			url.Values{"statement": {"x"}, "responsible": {"both"}, "status": {"met"}}), http.StatusForbidden)
		if got, _ := e.svc.Commitments.FindCommitmentByID(itemSystemCtx(), c.ID); got.Version != c.Version {
			t.Fatalf("the commitment changed: %+v", got)
		}
	})
}
