package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// demoInterest finds a demo offer or request by the start of its title.
func demoInterest(t *testing.T, e *env, title string) *entente.Interest {
	t.Helper()
	items, _, err := e.svc.Interests.FindInterests(itemSystemCtx(), entente.InterestFilter{RoadmapID: e.demo.Roadmap.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range items {
		if strings.HasPrefix(i.Title, title) {
			return i
		}
	}
	t.Fatalf("no demo interest %q", title)
	return nil
}

func TestInterestPagesInEveryLanguage(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		i := demoInterest(t, e, "Transfer of technology")
		words := map[string][]string{
			"en": {`lang="en" dir="ltr"`, "BLR offers to PAK", "Heavy machinery"},
			"ru": {`lang="ru" dir="ltr"`, "от BLR для PAK", "Тяжёлое машиностроение"},
			"ur": {`lang="ur" dir="rtl"`, "BLR کی PAK کو پیشکش", "بھاری مشینری"},
		}
		for lang, want := range words {
			cl := pageClient{e: e, token: e.tokens["PAK"], lang: lang}
			itemPageHas(t, cl.get(t, fmt.Sprintf("/roadmaps/%d/interests", e.demo.Roadmap.ID)), 200, want...)
			itemPageHas(t, cl.get(t, fmt.Sprintf("/interests/%d", i.ID)), 200, want...)
			itemPageHas(t, cl.get(t, fmt.Sprintf("/roadmaps/%d/interests/new", e.demo.Roadmap.ID)), 200, want[0], want[2])
			itemPageHas(t, cl.get(t, fmt.Sprintf("/interests/%d/edit", i.ID)), 200, want[0], want[2], `value="8701, 8704, 8432, 8433"`)
		}
	})
}

func TestInterestListFilters(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		cl := pageClient{e: e}
		base := fmt.Sprintf("/roadmaps/%d/interests", e.demo.Roadmap.ID)
		tests := []struct {
			query      string
			has, lacks []string
		}{
			{"", []string{"(2)", `id="offers-h"`, `id="requests-h"`, "Transfer of technology", "Imports of Pakistani goods"}, []string{"New offer"}},
			{"?kind=request", []string{"(1)", "Imports of Pakistani goods", "52, 61, 62, 63"}, []string{`id="offers-h"`}},
			{"?sector=textiles", []string{"(1)", "Imports of Pakistani goods"}, []string{"Transfer of technology"}},
			{"?party=PAK&status=open", []string{"(2)"}, nil},
			{"?status=realised", []string{"(0)", "No offers or requests yet."}, nil},
			{"?q=tractors", []string{"(1)", "Transfer of technology"}, nil},
			{"?kind=gift&party=Pakistan", []string{"(2)", `id="p-kind"`, `id="p-party"`}, nil},
		}
		for _, tt := range tests {
			r := cl.get(t, base+tt.query)
			itemPageHas(t, r, 200, tt.has...)
			itemPageLacks(t, r, tt.lacks...)
		}
	})
}

func TestInterestPageShowsProductsAndStatus(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		i := demoInterest(t, e, "Imports of Pakistani goods")
		path := fmt.Sprintf("/interests/%d", i.ID)
		cl := pageClient{e: e, token: e.tokens["BLR"]}
		itemPageHas(t, cl.get(t, path), 200, `<code dir="ltr">52</code> <span class="hint">chapter</span>`, "BLR asks PAK",
			`<option value="open" selected>`)
		itemPageHas(t, cl.post(t, path+"/status", url.Values{"status": {"in_progress"}, "version": {fmt.Sprint(i.Version)}}), http.StatusSeeOther)
		hx := pageClient{e: e, token: e.tokens["PAK"], htmx: true, lang: "ru"}
		r := hx.post(t, path+"/status", url.Values{"status": {"realised"}, "version": {fmt.Sprint(i.Version + 1)}})
		itemPageHas(t, r, 200, `<div id="interest-status"`, "реализовано")
		itemPageLacks(t, r, "<html")
		r = cl.post(t, path+"/status", url.Values{"status": {"dropped"}, "version": {fmt.Sprint(i.Version)}})
		itemPageHas(t, r, http.StatusConflict, "Someone else changed this a moment ago.", "realised")
	})
}

func TestInterestFormBadInputKeepsWhatWasTyped(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		cl := pageClient{e: e, token: e.tokens["PAK"], lang: "ur"}
		form := url.Values{"kind": {"request"}, "from_party": {"PAK"}, "to_party": {"PAK"}, "title": {"Potash for fertiliser"},
			"sectors": {"agriculture", "mining_minerals"}, "products": {"3104, 31a"}, "status": {"open"}}
		r := cl.post(t, fmt.Sprintf("/roadmaps/%d/interests", e.demo.Roadmap.ID), form)
		itemPageHas(t, r, http.StatusUnprocessableEntity, `id="p-to_party"`, "اس فریق سے مختلف ہونا چاہیے",
			`id="p-products"`, "ہر پروڈکٹ 2، 4 یا 6 ہندسوں کا ایچ ایس کوڈ ہونا چاہیے", `value="3104, 31a"`,
			`value="Potash for fertiliser"`, `value="mining_minerals" checked`, `<option value="request" selected>`)
		form = url.Values{"kind": {"offer"}, "title": {""}, "status": {"open"}}
		r = pageClient{e: e, token: e.tokens["PAK"]}.post(t, fmt.Sprintf("/roadmaps/%d/interests", e.demo.Roadmap.ID), form)
		itemPageHas(t, r, http.StatusUnprocessableEntity, `id="p-title"`, `id="p-from_party"`, "choose one of the roadmap&#39;s parties")
	})
}

func TestInterestCreateEditAndStaleVersion(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		cl := pageClient{e: e, token: e.tokens["PAK"]}
		form := url.Values{"kind": {"offer"}, "from_party": {"PAK"}, "to_party": {"BLR"}, "title": {"<script>alert(1)</script> Surgical instruments"},
			"sectors": {"health"}, "products": {"9018 901890"}, "status": {"open"}}
		r := cl.post(t, fmt.Sprintf("/roadmaps/%d/interests", e.demo.Roadmap.ID), form)
		itemPageHas(t, r, http.StatusSeeOther)
		path := strings.TrimSuffix(r.header.Get("Location"), "?notice=notice.created")
		for _, p := range []string{path, fmt.Sprintf("/roadmaps/%d/interests", e.demo.Roadmap.ID)} {
			r = cl.get(t, p)
			itemPageHas(t, r, 200, "&lt;script&gt;alert(1)&lt;/script&gt; Surgical instruments", "901890")
			itemPageLacks(t, r, "<script>alert(1)")
		}
		var id int64
		fmt.Sscanf(path, "/interests/%d", &id)
		title := "Surgical and dental instruments"
		if _, err := e.svc.Interests.UpdateInterest(itemSystemCtx(), id, entente.InterestUpdate{Version: 1, Title: &title}); err != nil {
			t.Fatal(err)
		}
		form.Set("version", "1")
		form.Set("products", "9018")
		r = cl.post(t, path, form)
		itemPageHas(t, r, http.StatusConflict, "Someone else changed this while you were editing.", "<td dir=\"auto\">"+title+"</td>",
			"<td dir=\"auto\">9018, 901890</td><td dir=\"auto\">9018</td>", `name="version" value="2"`, `value="9018"`)
		form.Set("version", "2")
		itemPageHas(t, cl.post(t, path, form), http.StatusSeeOther)
		itemPageHas(t, cl.get(t, path), 200, `<code dir="ltr">9018</code>`)
		itemPageHas(t, cl.post(t, path+"/delete", url.Values{}), http.StatusSeeOther)
		itemPageHas(t, cl.get(t, path), http.StatusNotFound)
	})
}

func TestUnknownInterestIsNotFound(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		cl := pageClient{e: e, token: e.tokens["PAK"]}
		for _, p := range []string{"/interests/9999", "/interests/-3", "/interests/9999/edit", "/roadmaps/9999/interests"} {
			itemPageHas(t, cl.get(t, p), http.StatusNotFound, "This page does not exist")
		}
	})
}

func TestInterestViewerCannotChangeIt(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		i := demoInterest(t, e, "Transfer of technology")
		path := fmt.Sprintf("/interests/%d", i.ID)
		viewer := pageClient{e: e, token: e.readTok["PAK"]}
		r := viewer.get(t, path)
		itemPageHas(t, r, 200, "open")
		itemPageLacks(t, r, "interest-status-select", path+"/edit", "Delete this offer or request")
		itemPageHas(t, viewer.get(t, path+"/edit"), http.StatusForbidden)
		itemPageHas(t, viewer.post(t, path+"/status", url.Values{"status": {"dropped"}, "version": {"1"}}), http.StatusForbidden)
		itemPageHas(t, viewer.post(t, path+"/delete", url.Values{}), http.StatusForbidden)
		itemPageHas(t, pageClient{e: e}.post(t, path+"/status", url.Values{"status": {"dropped"}, "version": {"1"}}), http.StatusUnauthorized)
		if got, _ := e.svc.Interests.FindInterestByID(itemSystemCtx(), i.ID); got.Version != i.Version || got.Status != "open" {
			t.Fatalf("the interest changed: %+v", got)
		}
	})
}
