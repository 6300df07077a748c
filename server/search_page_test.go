package server_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/entente/entente"
)

func TestSearchInEveryLanguage(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		words := map[string][2]string{ // language → the heading of meetings, the message for no match
			"en": {"Meetings", "Nothing you may read matches"},
			"ru": {"Встречи", "ничего доступного вам не найдено"},
			"ur": {"ملاقاتیں", "کوئی چیز نہیں ملی"},
		}
		for _, l := range dirLanguages {
			c := pageClient{e: e, lang: l.code}
			r := c.get(t, "/search").want(t, http.StatusOK)
			dirHas(t, r, `lang="`+l.code+`" dir="`+l.dir+`"`, `id="search-q"`)
			dirLacks(t, r, `class="search-summary"`)
			r = c.get(t, "/search?q=minsk").want(t, http.StatusOK)
			dirHas(t, r, words[l.code][0], "Follow-up round in Minsk", `href="/meetings/`, "<mark>Minsk</mark>")
			r = c.get(t, "/search?q=zanzibar").want(t, http.StatusOK)
			dirHas(t, r, words[l.code][1], "zanzibar")
		}
	})
}

func TestSearchGroupsEveryKind(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e, token: e.tokens["PAK"]}
		r := c.get(t, "/search?q=ministry").want(t, http.StatusOK)
		dirHas(t, r, `id="kind-bodies"`, "Ministry of Commerce", `href="/bodies/`)
		r = c.get(t, "/search?q=textiles").want(t, http.StatusOK)
		dirHas(t, r, `id="kind-tracks"`, `id="kind-interests"`, "/actions?track=")
		dirHas(t, c.get(t, "/search?q=sharif"), `id="kind-people"`, "Shehbaz Sharif", "Prime Minister")
		dirHas(t, c.get(t, "/search?q=pakistan–belarus"), `id="kind-roadmaps"`, `href="/roadmaps/`)
		dirHas(t, c.get(t, "/search?q=belarus"), `id="kind-parties"`, `href="/parties/BLR"`)
		// A kind with more results than the page shows links to all of them.
		r = c.get(t, "/search?q=joint+working+group").want(t, http.StatusOK)
		dirHas(t, r, "/search?kind=bodies&amp;q=joint&#43;working&#43;group", "Show all 9 results")
		r = c.get(t, "/search?q=joint+working+group&kind=bodies").want(t, http.StatusOK)
		dirHas(t, r, "Joint working group on textiles", "Joint working group on political dialogue")
		dirLacks(t, r, `id="kind-meetings"`)
	})
}

func TestSearchShowsOnlyWhatTheCallerMayRead(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		// The demo's note internal to Pakistan: Belarus and the public never find it.
		dirHas(t, pageClient{e: e, token: e.tokens["PAK"]}.get(t, "/search?q=vetting"), `id="kind-notes"`, "Note on an action", "<mark>vetting</mark>")
		for _, c := range []pageClient{{e: e, token: e.tokens["BLR"]}, {e: e}} {
			r := c.get(t, "/search?q=vetting").want(t, http.StatusOK)
			dirHas(t, r, "Nothing you may read matches")
			dirLacks(t, r, "Cabinet summary")
		}
		// Text in any script is found whatever its case; a query is shown as text, never as HTML.
		a := &entente.Action{RoadmapID: e.demo.Roadmap.ID, Title: "Поставка тракторов МТЗ", LeadParty: "BLR"}
		if err := e.svc.Actions.CreateAction(dirSystem(), a); err != nil {
			t.Fatal(err)
		}
		dirHas(t, pageClient{e: e}.get(t, "/search?q="+url.QueryEscape("ТРАКТОРОВ")), "Поставка тракторов МТЗ")
		r := pageClient{e: e}.get(t, "/search?q="+url.QueryEscape("<script>alert(1)</script>")).want(t, http.StatusOK)
		dirHas(t, r, "&lt;script&gt;alert(1)&lt;/script&gt;")
		dirLacks(t, r, "<script>alert(1)")
	})
}
