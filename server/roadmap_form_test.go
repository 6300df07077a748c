package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/entente/entente"
)

func TestRoadmapFormInEveryLanguage(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		words := map[string]string{"en": "Start a roadmap", "ru": "Новая дорожная карта", "ur": "نیا روڈ میپ"}
		edit := map[string]string{"en": "Add a track", "ru": "Добавить направление", "ur": "شعبہ شامل کریں"}
		for _, l := range dirLanguages {
			c := pageClient{e: e, token: e.tokens["JOINT"], lang: l.code}
			head := `<html lang="` + l.code + `" dir="` + l.dir + `">`
			dirHas(t, c.get(t, "/roadmaps/new").want(t, http.StatusOK), head, words[l.code], `name="parties" value="BLR"`)
			dirHas(t, c.get(t, fmt.Sprintf("/roadmaps/%d/edit", e.demo.Roadmap.ID)).want(t, http.StatusOK), head, edit[l.code])
		}
		pageClient{e: e}.get(t, "/roadmaps/new").want(t, http.StatusSeeOther)
		pageClient{e: e, token: e.readTok["PAK"]}.get(t, "/roadmaps/new").want(t, http.StatusForbidden)
	})
}

func TestRoadmapCreate(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e, token: e.tokens["PAK"]}
		// Bad input: every problem next to its field, and what was typed kept.
		bad := url.Values{"title": {""}, "description": {"Trade corridor through Central Asia"}, "parties": {"PAK"},
			"status": {"draft"}, "horizon.value": {"2025-13"}}
		r := c.post(t, "/roadmaps", bad).want(t, http.StatusUnprocessableEntity)
		dirHas(t, r, `id="p-title"`, `id="p-parties"`, "a roadmap needs at least two parties", `id="p-horizon"`,
			"Trade corridor through Central Asia", `value="2025-13"`, `value="PAK" checked`)
		good := url.Values{"title": {"<script>alert(1)</script> Pakistan–Kazakhstan roadmap"}, "parties": {"PAK", "BLR"},
			"status": {"draft"}, "horizon.value": {"2026"}, "horizon.mod": {"END"}, "public": {"true"}}
		r = c.post(t, "/roadmaps", good).want(t, http.StatusSeeOther)
		loc := r.header.Get("Location")
		if !strings.HasSuffix(loc, "/edit?notice=notice.created") {
			t.Fatalf("created a roadmap and went to %s", loc)
		}
		// The creator administers the new roadmap: the form and the tracks are there.
		r = c.get(t, strings.TrimSuffix(loc, "?notice=notice.created")).want(t, http.StatusOK)
		dirHas(t, r, "&lt;script&gt;alert(1)&lt;/script&gt; Pakistan–Kazakhstan roadmap", `value="2026"`, "This roadmap has no tracks yet.")
		dirLacks(t, r, "<script>alert(1)")
	})
}

// dirRoadmap loads the demo roadmap as it is stored, with its tracks.
func dirRoadmap(t testing.TB, e *env) *entente.Roadmap {
	t.Helper()
	rm, err := e.svc.Roadmaps.FindRoadmapByID(dirSystem(), e.demo.Roadmap.ID)
	if err != nil {
		t.Fatal(err)
	}
	return rm
}

func TestRoadmapEdit(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rm := dirRoadmap(t, e)
		path := fmt.Sprintf("/roadmaps/%d", rm.ID)
		admin := pageClient{e: e, token: e.tokens["JOINT"]}
		// The status offers the current one and those the domain allows from it.
		r := admin.get(t, path+"/edit").want(t, http.StatusOK)
		dirHas(t, r, `<option value="active" selected>active</option>`, `value="suspended"`, `value="completed"`, `value="archived"`)
		dirLacks(t, r, `<option value="draft"`)
		form := url.Values{"version": {fmt.Sprint(rm.Version)}, "title": {rm.Title}, "description": {rm.Description},
			"parties": rm.Parties, "status": {"draft"}, "horizon.value": {"2025"}, "horizon.mod": {"END"}, "public": {"true"}}
		r = admin.post(t, path, form).want(t, http.StatusUnprocessableEntity)
		dirHas(t, r, `id="p-status"`, "cannot change from active to draft")
		form.Set("status", "suspended")
		form.Set("title", "Pakistan–Belarus roadmap, 2025")
		admin.post(t, path, form).want(t, http.StatusSeeOther)
		// The same change on the old version shows both versions.
		form.Set("title", "Pakistan–Belarus roadmap (stale)")
		r = admin.post(t, path, form).want(t, http.StatusConflict)
		dirHas(t, r, `class="conflict"`, "Pakistan–Belarus roadmap, 2025", `value="Pakistan–Belarus roadmap (stale)"`,
			fmt.Sprintf(`name="version" value="%d"`, rm.Version+1))
		// An editor changes tracks but not the roadmap itself; a reader changes nothing.
		pak := pageClient{e: e, token: e.tokens["PAK"]}
		r = pak.get(t, path+"/edit").want(t, http.StatusOK)
		dirHas(t, r, "Add a track")
		dirLacks(t, r, `name="title"`)
		pak.post(t, path, form).want(t, http.StatusForbidden)
		pageClient{e: e, token: e.readTok["JOINT"]}.get(t, path+"/edit").want(t, http.StatusForbidden)
		pageClient{e: e}.get(t, path+"/edit").want(t, http.StatusSeeOther)
		admin.get(t, "/roadmaps/99999/edit").want(t, http.StatusNotFound)
	})
}

func TestTrackForms(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rm := dirRoadmap(t, e)
		edit := fmt.Sprintf("/roadmaps/%d/edit", rm.ID)
		commerce, blrTrade := dirBody(t, e, "Ministry of Commerce"), dirBody(t, e, "Ministry of Antimonopoly Regulation and Trade")
		c := pageClient{e: e, token: e.tokens["PAK"], lang: "ru"}
		// Bad input on the new track: problems next to the fields, the typed text kept.
		r := c.post(t, fmt.Sprintf("/roadmaps/%d/tracks", rm.ID), url.Values{"new_sector": {"textiles"}, "new_title": {""},
			"new_description": {"Yarn and fabric"}, "new_lead.PAK": {"first"}}).want(t, http.StatusUnprocessableEntity)
		dirHas(t, r, `id="p-new_title"`, `id="p-new_lead.PAK"`, "Yarn and fabric", `lang="ru"`)
		// A Belarusian ministry cannot lead for Pakistan: the problem shows at the lead bodies.
		r = c.post(t, fmt.Sprintf("/roadmaps/%d/tracks", rm.ID), url.Values{"new_sector": {"textiles"}, "new_title": {"Cotton"},
			"new_lead.PAK": {fmt.Sprint(blrTrade.ID)}}).want(t, http.StatusUnprocessableEntity)
		dirHas(t, r, `id="p-new_leads"`, "is a body of BLR, not of PAK", `value="Cotton"`)
		r = c.post(t, fmt.Sprintf("/roadmaps/%d/tracks", rm.ID), url.Values{"new_sector": {"textiles"}, "new_title": {"<b>Cotton</b> yarn"},
			"new_lead.PAK": {fmt.Sprint(commerce.ID)}, "new_lead.BLR": {fmt.Sprint(blrTrade.ID)}}).want(t, http.StatusSeeOther)
		tracks, _, _ := e.svc.Tracks.FindTracks(dirSystem(), entente.TrackFilter{RoadmapID: rm.ID, Q: "cotton"})
		if len(tracks) != 1 || len(tracks[0].Leads) != 2 {
			t.Fatalf("tracks after adding one: %+v", tracks)
		}
		created := tracks[0]
		r = c.get(t, edit).want(t, http.StatusOK)
		dirHas(t, r, "&lt;b&gt;Cotton&lt;/b&gt; yarn", `<span class="party">PAK</span> <span dir="auto">Ministry of Commerce</span>`)
		// Editing: the track's own form opens; a bad change keeps what was typed.
		r = c.get(t, fmt.Sprintf("%s?track=%d", edit, created.ID)).want(t, http.StatusOK)
		dirHas(t, r, fmt.Sprintf(`action="/tracks/%d"`, created.ID), `name="track_title"`)
		r = c.post(t, fmt.Sprintf("/tracks/%d", created.ID), url.Values{"version": {"1"}, "track_sector": {"nonsense"}, "track_title": {"Cotton and yarn"}}).want(t, http.StatusUnprocessableEntity)
		dirHas(t, r, `id="p-track_sector"`, `value="Cotton and yarn"`)
		c.post(t, fmt.Sprintf("/tracks/%d", created.ID), url.Values{"version": {"1"}, "track_sector": {"textiles"}, "track_title": {"Cotton and yarn"},
			"track_lead.PAK": {fmt.Sprint(commerce.ID)}}).want(t, http.StatusSeeOther)
		// A track with actions stays, and the page says why next to it.
		var busy *entente.Track
		for _, tr := range rm.Tracks {
			if tr.Stats != nil && tr.Stats.Actions > 0 {
				busy = tr
			}
		}
		r = c.post(t, fmt.Sprintf("/tracks/%d/delete", busy.ID), url.Values{}).want(t, http.StatusConflict)
		dirHas(t, r, "ещё есть мероприятия или соглашения", `role="alert"`)
		// Belarus's reader may not change tracks; the new, empty track is deleted.
		pageClient{e: e, token: e.readTok["BLR"]}.post(t, fmt.Sprintf("/tracks/%d/delete", created.ID), url.Values{}).want(t, http.StatusForbidden)
		pageClient{e: e, token: e.readTok["BLR"]}.post(t, fmt.Sprintf("/roadmaps/%d/tracks", rm.ID), url.Values{"new_sector": {"trade"}, "new_title": {"x"}}).want(t, http.StatusForbidden)
		c.post(t, fmt.Sprintf("/tracks/%d/delete", created.ID), url.Values{}).want(t, http.StatusSeeOther)
		c.post(t, fmt.Sprintf("/tracks/%d/delete", created.ID), url.Values{}).want(t, http.StatusNotFound)
	})
}
