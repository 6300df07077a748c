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

// dirHas fails unless the page contains every one of the texts.
func dirHas(t testing.TB, r response, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if !strings.Contains(string(r.body), s) {
			t.Fatalf("the page (status %d) lacks %q:\n%s", r.status, s, r.body)
		}
	}
}

// dirLacks fails when the page contains one of the texts.
func dirLacks(t testing.TB, r response, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(string(r.body), s) {
			t.Fatalf("the page (status %d) has %q:\n%s", r.status, s, r.body)
		}
	}
}

// system is a context in which the services act for the command line, to look up demo rows.
func dirSystem() context.Context {
	return entente.WithCaller(context.Background(), entente.SystemCaller)
}

// dirBody finds a body of the demo directory by its name.
func dirBody(t testing.TB, e *env, name string) *entente.Body {
	t.Helper()
	bodies, _, err := e.svc.Bodies.FindBodies(dirSystem(), entente.BodyFilter{Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bodies {
		if b.Name == name {
			return b
		}
	}
	t.Fatalf("no body %q in the demo", name)
	return nil
}

// dirPerson finds a person of the demo directory by name.
func dirPerson(t testing.TB, e *env, name string) *entente.Person {
	t.Helper()
	people, _, err := e.svc.People.FindPeople(dirSystem(), entente.PersonFilter{Q: name})
	if err != nil || len(people) == 0 {
		t.Fatalf("no person %q in the demo: %v", name, err)
	}
	return people[0]
}

// dirLanguages are the interface dirLanguages with a word each page shows in them.
var dirLanguages = []struct{ code, dir, parties, bodies, people string }{
	{"en", "ltr", "Parties", "Bodies", "People"},
	{"ru", "ltr", "Стороны", "Органы", "Люди"},
	{"ur", "rtl", "فریقین", "ادارے", "افراد"},
}

func TestDirectoryPagesInEveryLanguage(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		jmc := dirBody(t, e, "Pakistan–Belarus Joint Ministerial Commission")
		dar := dirPerson(t, e, "Ishaq Dar")
		for _, l := range dirLanguages {
			c := pageClient{e: e, lang: l.code}
			head := fmt.Sprintf(`<html lang="%s" dir="%s">`, l.code, l.dir)
			for _, p := range []struct{ path, word string }{
				{"/parties", l.parties}, {"/parties/PAK", l.bodies}, {"/bodies", l.bodies},
				{fmt.Sprintf("/bodies/%d", jmc.ID), l.people}, {"/people", l.people}, {fmt.Sprintf("/people/%d", dar.ID), "Ishaq Dar"},
			} {
				r := c.get(t, p.path).want(t, http.StatusOK)
				dirHas(t, r, head, p.word)
			}
		}
	})
}

func TestPartyPageShowsLocalTimeBodiesPeopleAndRoadmaps(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e}
		// The test clock says 06:00 UTC: 11:00 in Karachi, 09:00 in Minsk.
		dirHas(t, c.get(t, "/parties").want(t, 200), "11:00 Karachi", "09:00 Minsk", "Urdu (ur)")
		r := c.get(t, "/parties/PAK").want(t, 200)
		dirHas(t, r, "11:00 Karachi", "UTC&#43;05:00", "26 November 2024", "Ministry of Commerce", "Pakistan–Belarus Joint Ministerial Commission",
			"Shehbaz Sharif", "Pakistan–Belarus cooperation roadmap")
		dirLacks(t, r, "Ministry of Industry<", "Maxim Ryzhenkov")
		dirHas(t, pageClient{e: e, lang: "ru"}.get(t, "/parties/BLR"), "09:00 Minsk", "белорусский (be)")
		pageClient{e: e, lang: "ur"}.get(t, "/parties/ZZZ").want(t, http.StatusNotFound)
		dirHas(t, pageClient{e: e, lang: "ur"}.get(t, "/parties/ZZZ"), `dir="rtl"`)
	})
}

func TestBodyListFilters(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e}
		r := c.get(t, "/bodies?party=joint").want(t, 200)
		dirHas(t, r, "Pakistan–Belarus Joint Ministerial Commission", "Joint working group on textiles")
		dirLacks(t, r, "Ministry of Commerce")
		r = c.get(t, "/bodies?party=BLR&kind=agency").want(t, 200)
		dirHas(t, r, "State Authority for Military Industry")
		dirLacks(t, r, "Ministry of Industry<", "Ministry of Commerce")
		r = c.get(t, "/bodies?q=COMMERCE").want(t, 200)
		dirHas(t, r, "Ministry of Commerce", `value="COMMERCE"`)
		dirLacks(t, r, "Ministry of Defence Production")
		// A filter that is not a party code says so above the list, which then shows everything.
		r = c.get(t, "/bodies?party=pakistan").want(t, 200)
		dirHas(t, r, `class="problems"`, "Ministry of Commerce")
		dirHas(t, c.get(t, "/bodies?q=nothing-like-this").want(t, 200), "No bodies match.")
	})
}

func TestBodyPageShowsWhatItLeads(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		commerce := dirBody(t, e, "Ministry of Commerce")
		mofa := dirBody(t, e, "Ministry of Foreign Affairs")
		jmc := dirBody(t, e, "Pakistan–Belarus Joint Ministerial Commission")
		c := pageClient{e: e}
		r := c.get(t, fmt.Sprintf("/bodies/%d", commerce.ID)).want(t, 200)
		dirHas(t, r, "Trade and economic cooperation", "Textiles", "lead for PAK", "Pakistan–Belarus cooperation roadmap")
		r = c.get(t, fmt.Sprintf("/bodies/%d", jmc.ID)).want(t, 200)
		dirHas(t, r, "Joint working group on agriculture", `<a href="/parties/BLR">BLR</a>`)
		wg := dirBody(t, e, "Joint working group on agriculture")
		dirHas(t, c.get(t, fmt.Sprintf("/bodies/%d", wg.ID)).want(t, 200), fmt.Sprintf(`<a href="/bodies/%d" dir="auto">Pakistan–Belarus Joint Ministerial Commission</a>`, jmc.ID))
		dirHas(t, c.get(t, fmt.Sprintf("/bodies/%d", mofa.ID)).want(t, 200), "Ishaq Dar")
		c.get(t, "/bodies/99999").want(t, http.StatusNotFound)
		c.get(t, "/bodies/abc").want(t, http.StatusNotFound)
	})
}

func TestPeopleListAndPage(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e}
		r := c.get(t, "/people?party=BLR").want(t, 200)
		dirHas(t, r, "Maxim Ryzhenkov", "Aleksandr Lukashenko")
		dirLacks(t, r, "Ishaq Dar")
		mofa := dirBody(t, e, "Ministry of Foreign Affairs")
		r = c.get(t, fmt.Sprintf("/people?body=%d", mofa.ID)).want(t, 200)
		dirHas(t, r, "Ishaq Dar")
		dirLacks(t, r, "Shehbaz Sharif")
		dirHas(t, c.get(t, "/people?q=ryzh").want(t, 200), "Maxim Ryzhenkov")
		// The leaders took part in the talks of 26 November, which the public roadmap shows.
		pm := dirPerson(t, e, "Shehbaz Sharif")
		r = c.get(t, fmt.Sprintf("/people/%d", pm.ID)).want(t, 200)
		dirHas(t, r, "Prime Minister", "26 November 2024", "/meetings/")
		c.get(t, "/people/99999").want(t, http.StatusNotFound)
	})
}

func TestPartyForms(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		admin := pageClient{e: e, token: e.tokens["JOINT"]}
		admin.get(t, "/parties/new").want(t, 200)
		// Bad input: each problem next to its field, and what was typed kept.
		r := admin.post(t, "/parties", url.Values{"code": {"kz"}, "name": {""}, "languages": {"kk, ru"}, "time_zone": {"Mars/Olympus"}}).want(t, http.StatusUnprocessableEntity)
		dirHas(t, r, `id="p-code"`, `id="p-name"`, `id="p-time_zone"`, `value="kz"`, `value="kk, ru"`, `value="Mars/Olympus"`)
		r = admin.post(t, "/parties", url.Values{"code": {"PAK"}, "name": {"Pakistan again"}, "time_zone": {"Asia/Karachi"}}).want(t, http.StatusUnprocessableEntity)
		dirHas(t, r, `id="p-code"`, "is taken", `value="Pakistan again"`)
		r = admin.post(t, "/parties", url.Values{"code": {"KAZ"}, "name": {"<script>alert(1)</script>"}, "languages": {"kk, ru"}, "time_zone": {"Asia/Almaty"}}).want(t, http.StatusSeeOther)
		if loc := r.header.Get("Location"); loc != "/parties/KAZ?notice=notice.created" {
			t.Fatalf("created a party and went to %s", loc)
		}
		r = admin.get(t, "/parties/KAZ").want(t, 200)
		dirHas(t, r, "&lt;script&gt;alert(1)&lt;/script&gt;", "Kazakh (kk)")
		dirLacks(t, r, "<script>alert")
		// Editing with a stale version shows both versions.
		admin.post(t, "/parties/KAZ", url.Values{"version": {"1"}, "name": {"Kazakhstan"}, "languages": {"kk"}, "time_zone": {"Asia/Almaty"}}).want(t, http.StatusSeeOther)
		r = admin.post(t, "/parties/KAZ", url.Values{"version": {"1"}, "name": {"Qazaqstan"}, "languages": {"kk"}, "time_zone": {"Asia/Almaty"}}).want(t, http.StatusConflict)
		dirHas(t, r, `class="conflict"`, "Kazakhstan", `value="Qazaqstan"`, `name="version" value="2"`)
		// Only administrators of the installation may change parties.
		pak := pageClient{e: e, token: e.tokens["PAK"]}
		pak.get(t, "/parties/new").want(t, http.StatusForbidden)
		pak.get(t, "/parties/PAK/edit").want(t, http.StatusForbidden)
		pak.post(t, "/parties/PAK", url.Values{"version": {"1"}, "name": {"Pakistan"}, "time_zone": {"Asia/Karachi"}}).want(t, http.StatusForbidden)
		dirLacks(t, pak.get(t, "/parties/PAK"), "/parties/PAK/edit")
		pageClient{e: e}.get(t, "/parties/new").want(t, http.StatusSeeOther)
	})
}

func TestBodyForms(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		pak := pageClient{e: e, token: e.tokens["PAK"], lang: "ru"}
		dirHas(t, pak.get(t, "/bodies/new").want(t, 200), `lang="ru"`, "Новый орган")
		// A joint body needs two parties: the problem shows at the checkboxes, the name stays.
		r := pak.post(t, "/bodies", url.Values{"party": {""}, "parties": {"PAK"}, "name": {"Joint business council"}, "kind": {"business_council"}}).want(t, http.StatusUnprocessableEntity)
		dirHas(t, r, `id="p-parties"`, "совместный орган объединяет не менее двух сторон", `value="Joint business council"`, `value="PAK" checked`)
		r = pak.post(t, "/bodies", url.Values{"party": {"PAK"}, "name": {""}, "kind": {"ministry"}, "parent_id": {"x"}}).want(t, http.StatusUnprocessableEntity)
		dirHas(t, r, `id="p-name"`, `id="p-parent_id"`)
		r = pak.post(t, "/bodies", url.Values{"party": {"PAK"}, "name": {"<script>x</script> Board of Investment"}, "short_name": {"BOI"}, "kind": {"agency"}}).want(t, http.StatusSeeOther)
		loc := r.header.Get("Location")
		r = pak.get(t, strings.TrimSuffix(loc, "?notice=notice.created")).want(t, 200)
		dirHas(t, r, "&lt;script&gt;x&lt;/script&gt; Board of Investment", "Ведомство")
		// Belarus may not add or change Pakistan's bodies; a read-only token changes nothing.
		commerce := dirBody(t, e, "Ministry of Commerce")
		blr := pageClient{e: e, token: e.tokens["BLR"]}
		blr.post(t, "/bodies", url.Values{"party": {"PAK"}, "name": {"Shadow ministry"}, "kind": {"ministry"}}).want(t, http.StatusForbidden)
		blr.get(t, fmt.Sprintf("/bodies/%d/edit", commerce.ID)).want(t, http.StatusForbidden)
		blr.post(t, fmt.Sprintf("/bodies/%d", commerce.ID), url.Values{"version": {"1"}, "name": {"Renamed"}, "kind": {"ministry"}}).want(t, http.StatusForbidden)
		dirLacks(t, blr.get(t, fmt.Sprintf("/bodies/%d", commerce.ID)), "/edit")
		viewer := pageClient{e: e, token: e.readTok["PAK"]}
		viewer.post(t, fmt.Sprintf("/bodies/%d", commerce.ID), url.Values{"version": {"1"}, "name": {"Renamed"}, "kind": {"ministry"}}).want(t, http.StatusForbidden)
		// Pakistan changes its own body; a stale version shows both versions.
		edit := pageClient{e: e, token: e.tokens["PAK"]}
		dirHas(t, edit.get(t, fmt.Sprintf("/bodies/%d/edit", commerce.ID)).want(t, 200), `value="Ministry of Commerce"`)
		form := url.Values{"version": {"1"}, "name": {"Ministry of Commerce and Trade"}, "short_name": {"MoC"}, "kind": {"ministry"}}
		edit.post(t, fmt.Sprintf("/bodies/%d", commerce.ID), form).want(t, http.StatusSeeOther)
		form.Set("name", "Ministry of Trade")
		r = edit.post(t, fmt.Sprintf("/bodies/%d", commerce.ID), form).want(t, http.StatusConflict)
		dirHas(t, r, `class="conflict"`, "Ministry of Commerce and Trade", `value="Ministry of Trade"`)
		edit.get(t, "/bodies/99999/edit").want(t, http.StatusNotFound)
	})
}

func TestPersonForms(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		pak := pageClient{e: e, token: e.tokens["PAK"], lang: "ur"}
		dirHas(t, pak.get(t, "/people/new").want(t, 200), `dir="rtl"`, "نیا فرد", `<option value="PAK" selected>`)
		commerce := dirBody(t, e, "Ministry of Commerce")
		blrTrade := dirBody(t, e, "Ministry of Antimonopoly Regulation and Trade")
		r := pak.post(t, "/people", url.Values{"party": {"PAK"}, "name": {" "}, "role": {"Secretary"}}).want(t, http.StatusUnprocessableEntity)
		dirHas(t, r, `id="p-name"`, "لازمی ہے", `value="Secretary"`)
		r = pak.post(t, "/people", url.Values{"party": {"PAK"}, "name": {"Jawad Paul"}, "body_id": {fmt.Sprint(blrTrade.ID)}}).want(t, http.StatusUnprocessableEntity)
		dirHas(t, r, `id="p-body_id"`, `value="Jawad Paul"`)
		r = pak.post(t, "/people", url.Values{"party": {"PAK"}, "name": {"Jawad Paul"}, "role": {"Secretary of Commerce"}, "body_id": {fmt.Sprint(commerce.ID)}}).want(t, http.StatusSeeOther)
		path := strings.TrimSuffix(r.header.Get("Location"), "?notice=notice.created")
		dirHas(t, pak.get(t, path).want(t, 200), "Jawad Paul", "Ministry of Commerce", "Secretary of Commerce")
		// Belarus may not change Pakistan's people.
		blr := pageClient{e: e, token: e.tokens["BLR"]}
		blr.get(t, path+"/edit").want(t, http.StatusForbidden)
		blr.post(t, path, url.Values{"version": {"1"}, "name": {"Someone else"}}).want(t, http.StatusForbidden)
		blr.post(t, "/people", url.Values{"party": {"PAK"}, "name": {"Someone else"}}).want(t, http.StatusForbidden)
		// Pakistan edits; a bad body keeps the typed name.
		edit := pageClient{e: e, token: e.tokens["PAK"]}
		r = edit.post(t, path, url.Values{"version": {"1"}, "name": {"Jawad Paul Khan"}, "role": {"Secretary"}, "body_id": {"nine"}}).want(t, http.StatusUnprocessableEntity)
		dirHas(t, r, `id="p-body_id"`, `value="Jawad Paul Khan"`)
		edit.post(t, path, url.Values{"version": {"1"}, "name": {"Jawad Paul Khan"}, "role": {"Secretary"}, "body_id": {fmt.Sprint(commerce.ID)}}).want(t, http.StatusSeeOther)
		dirHas(t, edit.get(t, path), "Jawad Paul Khan")
		pageClient{e: e}.get(t, "/people/new").want(t, http.StatusSeeOther)
	})
}
