package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// itemPageHas fails unless the page has the status and contains every one of the texts.
func itemPageHas(t *testing.T, r response, status int, texts ...string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d:\n%s", r.status, status, r.body)
	}
	for _, s := range texts {
		if !strings.Contains(string(r.body), s) {
			t.Fatalf("the page lacks %q:\n%s", s, r.body)
		}
	}
}

// itemPageLacks fails when the page contains any of the texts.
func itemPageLacks(t *testing.T, r response, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(string(r.body), s) {
			t.Fatalf("the page has %q:\n%s", s, r.body)
		}
	}
}

// itemSystemCtx acts as the system, to arrange what a test needs behind the pages' back.
func itemSystemCtx() context.Context {
	return entente.WithCaller(context.Background(), entente.SystemCaller)
}

// demoAgreement finds a demo agreement by the start of its title.
func demoAgreement(t *testing.T, e *env, title string) *entente.Agreement {
	t.Helper()
	items, _, err := e.svc.Agreements.FindAgreements(itemSystemCtx(), entente.AgreementFilter{RoadmapID: e.demo.Roadmap.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range items {
		if strings.HasPrefix(a.Title, title) {
			return a
		}
	}
	t.Fatalf("no demo agreement %q", title)
	return nil
}

// itemDemoTrack finds a track of the demo roadmap by its sector.
func itemDemoTrack(t *testing.T, e *env, sector string) *entente.Track {
	t.Helper()
	rm, err := e.svc.Roadmaps.FindRoadmapByID(itemSystemCtx(), e.demo.Roadmap.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range rm.Tracks {
		if tr.Sector == sector {
			return tr
		}
	}
	t.Fatalf("no demo track %q", sector)
	return nil
}

func TestAgreementPagesInEveryLanguage(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		a := demoAgreement(t, e, "Memorandum of understanding on cooperation in agricultural")
		words := map[string][]string{
			"en": {`lang="en" dir="ltr"`, "To be signed", "February 2025", "Move it to:"},
			"ru": {`lang="ru" dir="ltr"`, "Срок подписания", "февраль 2025", "Перевести в статус:"},
			"ur": {`lang="ur" dir="rtl"`, "دستخط کا ہدف", "فروری 2025", "اسے اس حالت میں لے جائیں:"},
		}
		for lang, want := range words {
			c := pageClient{e: e, token: e.tokens["PAK"], lang: lang}
			itemPageHas(t, c.get(t, fmt.Sprintf("/roadmaps/%d/agreements", e.demo.Roadmap.ID)), 200, want[:3]...)
			itemPageHas(t, c.get(t, fmt.Sprintf("/agreements/%d", a.ID)), 200, want...)
			itemPageHas(t, c.get(t, fmt.Sprintf("/roadmaps/%d/agreements/new", e.demo.Roadmap.ID)), 200, want[:2]...)
			itemPageHas(t, c.get(t, fmt.Sprintf("/agreements/%d/edit", a.ID)), 200, want[:2]...)
		}
	})
}

func TestAgreementBoardRunsInLifecycleOrder(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e} // the demo roadmap is public: a visitor sees the board
		r := c.get(t, fmt.Sprintf("/roadmaps/%d/agreements", e.demo.Roadmap.ID))
		itemPageHas(t, r, 200, `id="column-proposed"`, `id="column-in_force"`, "in these final states: expired · terminated · superseded")
		body := string(r.body)
		last := -1
		for _, st := range []string{"proposed", "drafting", "negotiating", "text_agreed", "initialled", "signed", "in_force"} {
			i := strings.Index(body, `id="column-`+st+`"`)
			if i < last {
				t.Fatalf("column %s is out of lifecycle order", st)
			}
			last = i
		}
		itemPageLacks(t, r, `id="column-expired"`, "New agreement", "Move it to:")

		// A final state that holds an agreement gets its column back.
		a := demoAgreement(t, e, "Memorandum of understanding on cooperation in information")
		st := entente.AgreementTerminated
		if _, err := e.svc.Agreements.UpdateAgreement(itemSystemCtx(), a.ID, entente.AgreementUpdate{Version: a.Version, Status: &st}); err != nil {
			t.Fatal(err)
		}
		r = c.get(t, fmt.Sprintf("/roadmaps/%d/agreements", e.demo.Roadmap.ID))
		itemPageHas(t, r, 200, `id="column-terminated"`, "final states: expired · superseded")
	})
}

func TestAgreementBoardFilters(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e, token: e.tokens["BLR"]}
		base := fmt.Sprintf("/roadmaps/%d/agreements", e.demo.Roadmap.ID)
		r := c.get(t, base+"?kind=action_plan")
		itemPageHas(t, r, 200, "Roadmap for bilateral cooperation", "(1)")
		itemPageLacks(t, r, "cooperation in information technology</a>")
		it := itemDemoTrack(t, e, "information_technology")
		r = c.get(t, fmt.Sprintf("%s?track=%d", base, it.ID))
		itemPageHas(t, r, 200, "cooperation in information technology", "Roadmap for bilateral cooperation", "(2)")
		itemPageLacks(t, r, "agricultural machinery manufacturing</a>")
		// A filter that makes no sense is named next to its field; the board shows everything.
		r = c.get(t, base+"?kind=pact&track=x")
		itemPageHas(t, r, 200, "Some fields need your attention.", `id="p-kind"`, `id="p-track"`, "(3)")
	})
}

func TestAgreementStatusMovesOnlyWhereTheDomainAllows(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		a := demoAgreement(t, e, "Memorandum of understanding on cooperation in agricultural")
		c := pageClient{e: e, token: e.tokens["PAK"]}
		path := fmt.Sprintf("/agreements/%d", a.ID)
		r := c.get(t, path)
		itemPageHas(t, r, 200, `value="negotiating"`, `value="text_agreed"`, `value="terminated"`)
		itemPageLacks(t, r, `name="status" value="signed"`)

		r = c.post(t, path+"/status", url.Values{"status": {"negotiating"}, "version": {fmt.Sprint(a.Version)}})
		itemPageHas(t, r, http.StatusSeeOther)
		if loc := r.header.Get("Location"); loc != path+"?notice=notice.saved" {
			t.Fatalf("went to %s", loc)
		}
		// Signing a text still under negotiation is refused with the domain's reason.
		r = c.post(t, path+"/status", url.Values{"status": {"signed"}, "version": {fmt.Sprint(a.Version + 1)}})
		itemPageHas(t, r, http.StatusUnprocessableEntity, "An agreement cannot go from “negotiating” to “signed”.",
			"it may go to: drafting, text agreed, terminated", `name="return" value="`+path+`"`)
		itemPageLacks(t, r, `value="`+path+`/status"`)
		ru := pageClient{e: e, token: e.tokens["PAK"], lang: "ru"}
		r = ru.post(t, path+"/status", url.Values{"status": {"signed"}, "version": {fmt.Sprint(a.Version + 1)}})
		itemPageHas(t, r, http.StatusUnprocessableEntity, "Статус «переговоры» нельзя сменить на «подписано».")

		// htmx gets the status block alone.
		hx := pageClient{e: e, token: e.tokens["BLR"], htmx: true}
		r = hx.post(t, path+"/status", url.Values{"status": {"text_agreed"}, "version": {fmt.Sprint(a.Version + 1)}})
		itemPageHas(t, r, 200, `<div id="agreement-status"`, "text agreed", `value="initialled"`)
		itemPageLacks(t, r, "<html")
		// A change based on a stale version is refused; the block shows the current status.
		r = hx.post(t, path+"/status", url.Values{"status": {"terminated"}, "version": {fmt.Sprint(a.Version)}})
		itemPageHas(t, r, 200, "Someone else changed this agreement", `value="initialled"`)
		r = c.post(t, path+"/status", url.Values{"status": {"terminated"}, "version": {fmt.Sprint(a.Version)}})
		itemPageHas(t, r, http.StatusConflict, "Someone else changed this agreement")
		// Signing is an act, not a status to pick: the page says what to do instead.
		itemPageLacks(t, c.get(t, path), `name="status" value="signed"`)
		r = c.post(t, path+"/status", url.Values{"status": {"signed"}, "version": {fmt.Sprint(a.Version + 2)}})
		itemPageHas(t, r, http.StatusUnprocessableEntity, "record the signatures instead")
		r = ru.post(t, path+"/status", url.Values{"status": {"signed"}, "version": {fmt.Sprint(a.Version + 2)}})
		itemPageHas(t, r, http.StatusUnprocessableEntity, "внесите подписи")
		r = c.get(t, fmt.Sprintf("/roadmaps/%d/agreements/new", e.demo.Roadmap.ID))
		itemPageHas(t, r, 200, `<option value="initialled">`)
		itemPageLacks(t, r, `<option value="signed">`, `<option value="in_force">`)
	})
}

func TestAgreementFormBadInputKeepsWhatWasTyped(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		it := itemDemoTrack(t, e, "information_technology")
		c := pageClient{e: e, token: e.tokens["PAK"], lang: "ur"}
		form := url.Values{"kind": {"protocol"}, "title": {" "}, "description": {"Draft tabled by Pakistan"},
			"status": {"proposed"}, "track_ids": {fmt.Sprint(it.ID)}, "target.value": {"2025-13"},
			"signed_on": {"2025-04-10"}, "in_force_on": {"2025-04-01"}}
		r := c.post(t, fmt.Sprintf("/roadmaps/%d/agreements", e.demo.Roadmap.ID), form)
		itemPageHas(t, r, http.StatusUnprocessableEntity, `id="p-title"`, `id="p-target"`, `id="p-in_force_on"`,
			"دستخط کی تاریخ سے پہلے نہیں ہو سکتی", ">Draft tabled by Pakistan</textarea>", `value="2025-13"`,
			`value="2025-04-10"`, fmt.Sprintf(`value="%d" checked`, it.ID), `<option value="protocol" selected>`)
		n, _, _ := e.svc.Agreements.FindAgreements(itemSystemCtx(), entente.AgreementFilter{RoadmapID: e.demo.Roadmap.ID})
		if len(n) != 3 {
			t.Fatalf("a refused form created an agreement: %d", len(n))
		}
		// A status the domain does not allow from where the agreement is, named next to the field.
		a := demoAgreement(t, e, "Memorandum of understanding on cooperation in information")
		edit := url.Values{"kind": {"mou"}, "title": {a.Title}, "status": {"in_force"}, "version": {fmt.Sprint(a.Version)}}
		r = pageClient{e: e, token: e.tokens["PAK"]}.post(t, fmt.Sprintf("/agreements/%d", a.ID), edit)
		itemPageHas(t, r, http.StatusUnprocessableEntity, `id="p-status"`, "cannot go from “proposed” to “in force”")
	})
}

func TestAgreementCreateEditAndDelete(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e, token: e.tokens["BLR"]}
		it, agri := itemDemoTrack(t, e, "information_technology"), itemDemoTrack(t, e, "agriculture")
		form := url.Values{"kind": {"agreement"}, "title": {"<script>alert(1)</script> on visas"}, "status": {"drafting"},
			"lead_party": {"BLR"}, "track_ids": {fmt.Sprint(it.ID), fmt.Sprint(agri.ID)}, "target.value": {"2025"},
			"target.mod": {"END"}}
		r := c.post(t, fmt.Sprintf("/roadmaps/%d/agreements", e.demo.Roadmap.ID), form)
		itemPageHas(t, r, http.StatusSeeOther)
		path := strings.TrimSuffix(r.header.Get("Location"), "?notice=notice.created")
		for _, p := range []string{path, fmt.Sprintf("/roadmaps/%d/agreements", e.demo.Roadmap.ID)} {
			r = c.get(t, p)
			itemPageHas(t, r, 200, "&lt;script&gt;alert(1)&lt;/script&gt; on visas", "end of 2025", "Information technology")
			itemPageLacks(t, r, "<script>alert(1)")
		}
		r = c.get(t, path+"/edit")
		itemPageHas(t, r, 200, `name="version" value="1"`, `<option value="END" selected>`, fmt.Sprintf(`value="%d" checked`, agri.ID))
		form.Set("version", "1")
		form["track_ids"] = []string{fmt.Sprint(it.ID)}
		itemPageHas(t, c.post(t, path, form), http.StatusSeeOther)
		r = c.get(t, path)
		itemPageHas(t, r, 200, "Information technology")
		itemPageLacks(t, r, "Agriculture")
		itemPageHas(t, c.post(t, path+"/delete", url.Values{}), http.StatusSeeOther)
		itemPageHas(t, c.get(t, path), http.StatusNotFound)
	})
}

func TestAgreementStaleEditShowsBothVersions(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		a := demoAgreement(t, e, "Roadmap for bilateral cooperation")
		title := "Roadmap for bilateral cooperation 2025–2028"
		if _, err := e.svc.Agreements.UpdateAgreement(itemSystemCtx(), a.ID, entente.AgreementUpdate{Version: a.Version, Title: &title}); err != nil {
			t.Fatal(err)
		}
		form := url.Values{"kind": {"action_plan"}, "title": {"Roadmap for cooperation 2025–2030"}, "status": {"drafting"},
			"lead_party": {"PAK"}, "version": {fmt.Sprint(a.Version)}}
		r := pageClient{e: e, token: e.tokens["PAK"]}.post(t, fmt.Sprintf("/agreements/%d", a.ID), form)
		itemPageHas(t, r, http.StatusConflict, "Someone else changed this while you were editing.",
			"<td dir=\"auto\">"+title+"</td>", "<td dir=\"auto\">Roadmap for cooperation 2025–2030</td>",
			fmt.Sprintf(`name="version" value="%d"`, a.Version+1), `value="Roadmap for cooperation 2025–2030"`)
	})
}

func TestUnknownAgreementIsNotFound(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e, token: e.tokens["PAK"], lang: "ru"}
		for _, p := range []string{"/agreements/9999", "/agreements/abc", "/agreements/9999/edit", "/roadmaps/9999/agreements"} {
			itemPageHas(t, c.get(t, p), http.StatusNotFound, `lang="ru"`, "Такой страницы нет")
		}
		itemPageHas(t, c.post(t, "/agreements/9999/status", url.Values{"status": {"drafting"}, "version": {"1"}}), http.StatusNotFound)
	})
}

func TestAgreementViewerCannotChangeIt(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		a := demoAgreement(t, e, "Memorandum of understanding on cooperation in agricultural")
		path := fmt.Sprintf("/agreements/%d", a.ID)
		viewer := pageClient{e: e, token: e.readTok["PAK"]}
		r := viewer.get(t, path)
		itemPageHas(t, r, 200, "drafting")
		itemPageLacks(t, r, "Move it to:", path+"/edit", "Delete this agreement")
		itemPageHas(t, viewer.get(t, path+"/edit"), http.StatusForbidden)
		itemPageHas(t, viewer.get(t, fmt.Sprintf("/roadmaps/%d/agreements/new", e.demo.Roadmap.ID)), http.StatusForbidden)
		itemPageHas(t, viewer.post(t, path+"/status", url.Values{"status": {"negotiating"}, "version": {fmt.Sprint(a.Version)}}), http.StatusForbidden)
		itemPageHas(t, viewer.post(t, path+"/delete", url.Values{}), http.StatusForbidden)
		visitor := pageClient{e: e}
		itemPageHas(t, visitor.post(t, path+"/status", url.Values{"status": {"negotiating"}, "version": {fmt.Sprint(a.Version)}}), http.StatusUnauthorized)
		itemPageHas(t, visitor.get(t, path+"/edit"), http.StatusSeeOther)
		if got, _ := e.svc.Agreements.FindAgreementByID(itemSystemCtx(), a.ID); got.Status != entente.AgreementDrafting || got.Version != a.Version {
			t.Fatalf("the agreement changed: %+v", got)
		}
	})
}
