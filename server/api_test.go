package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/entente/entente"
)

func TestDemoThroughTheAPI(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		var roadmaps struct {
			Items []entente.Roadmap
			Total int
		}
		e.do(t, "GET", "/api/v1/roadmaps", "", nil).want(t, 200).decode(t, &roadmaps)
		if roadmaps.Total != 1 || len(roadmaps.Items[0].Parties) != 2 || len(roadmaps.Items[0].Tracks) != 9 {
			t.Fatalf("anonymous visitors see %d roadmaps: %+v", roadmaps.Total, roadmaps.Items)
		}
		id := roadmaps.Items[0].ID
		var meetings struct{ Items []entente.Meeting }
		e.do(t, "GET", fmt.Sprintf("/api/v1/meetings?roadmap=%d", id), "", nil).want(t, 200).decode(t, &meetings)
		var got []string
		for _, m := range meetings.Items {
			got = append(got, m.When.String()+" "+m.Status)
		}
		want := "2024-11-26 held|2024-11-26 held|2024-11-26TAF held|~2024-12-10 planned|2025-02 planned| planned"
		if strings.Join(got, "|") != want {
			t.Fatalf("meetings:\n got %s\nwant %s", strings.Join(got, "|"), want)
		}
		e.do(t, "GET", "/healthz", "", nil).want(t, 200)
	})
}

func TestCreateUpdateDeleteAction(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.tokens["PAK"]
		rid := e.demo.Roadmap.ID
		var a entente.Action
		r := e.do(t, "POST", "/api/v1/actions", tok, map[string]any{"roadmap_id": rid, "title": "<script>alert(1)</script>",
			"due": map[string]any{"value": "2025-02"}, "lead_party": "PAK"}).want(t, 201)
		r.decode(t, &a)
		if r.header.Get("Location") != fmt.Sprintf("/api/v1/actions/%d", a.ID) || a.Due.Deadline().String() != "2025-02-28" {
			t.Fatalf("created %+v at %s", a, r.header.Get("Location"))
		}
		e.do(t, "PATCH", fmt.Sprintf("/api/v1/actions/%d", a.ID), tok, map[string]any{"version": 1, "status": "in_progress"}).want(t, 200)
		// A stale version is refused with 409 and the row keeps its state.
		e.do(t, "PATCH", fmt.Sprintf("/api/v1/actions/%d", a.ID), tok, map[string]any{"version": 1, "status": "done"}).want(t, 409)
		e.do(t, "GET", fmt.Sprintf("/api/v1/actions/%d", a.ID), tok, nil).want(t, 200).decode(t, &a)
		if a.Status != entente.ActionInProgress || a.Version != 2 {
			t.Fatalf("after a stale update: %+v", a)
		}
		e.do(t, "DELETE", fmt.Sprintf("/api/v1/actions/%d", a.ID), tok, nil).want(t, 204)
		e.do(t, "GET", fmt.Sprintf("/api/v1/actions/%d", a.ID), tok, nil).want(t, 404)
	})
}

func TestBadRequestsNameTheField(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.tokens["PAK"]
		rid := e.demo.Roadmap.ID
		big := `{"roadmap_id": 1, "title": "` + strings.Repeat("x", 1<<20) + `"}`
		tests := []struct {
			name, method, path string
			body               any
			status             int
			field              string
		}{
			{"malformed JSON", "POST", "/api/v1/actions", `{"title": `, 400, ""},
			{"not an object", "POST", "/api/v1/actions", `[1, 2]`, 400, ""},
			{"two values", "POST", "/api/v1/actions", `{"title": "a"} {"title": "b"}`, 400, ""},
			{"unknown field", "POST", "/api/v1/actions", map[string]any{"roadmap_id": rid, "title": "x", "colour": "red"}, 400, "colour"},
			{"wrong type", "POST", "/api/v1/actions", map[string]any{"roadmap_id": "one", "title": "x"}, 400, "roadmap_id"},
			{"impossible date", "POST", "/api/v1/actions", map[string]any{"roadmap_id": rid, "title": "x", "planned_start": "2025-02-30"}, 400, "planned_start"},
			{"impossible when", "POST", "/api/v1/actions", map[string]any{"roadmap_id": rid, "title": "x", "due": map[string]any{"value": "2025-13"}}, 400, "due"},
			{"missing roadmap", "POST", "/api/v1/actions", map[string]any{"roadmap_id": 9999, "title": "x"}, 400, "roadmap_id"},
			{"invalid party code", "POST", "/api/v1/parties", map[string]any{"code": "pakistan", "name": "P", "time_zone": "Asia/Karachi"}, 403, ""},
			{"body over 1 MiB", "POST", "/api/v1/actions", big, 413, ""},
			{"no version", "PATCH", "/api/v1/roadmaps/1", map[string]any{"title": "x"}, 400, "version"},
			{"bad filter", "GET", "/api/v1/actions?due_before=tomorrow&status=finished&limit=0", nil, 400, "due_before"},
			{"unknown id", "GET", "/api/v1/actions/999999", nil, 404, ""},
			{"id that is not a number", "GET", "/api/v1/actions/abc", nil, 404, ""},
			{"delete a track with actions", "DELETE", fmt.Sprintf("/api/v1/tracks/%d", firstTrack(t, e)), nil, 409, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := e.do(t, tt.method, tt.path, tok, tt.body).want(t, tt.status)
				if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
					t.Fatalf("content type %q", ct)
				}
				var p struct {
					Errors []struct{ Field, Detail string }
				}
				r.decode(t, &p)
				if tt.field == "" {
					return
				}
				for _, f := range p.Errors {
					if f.Field == tt.field {
						return
					}
				}
				t.Fatalf("problem %s does not name field %q", r.body, tt.field)
			})
		}
		var list struct{ Total int }
		e.do(t, "GET", fmt.Sprintf("/api/v1/actions?roadmap=%d", rid), tok, nil).want(t, 200).decode(t, &list)
		if list.Total != 15 {
			t.Fatalf("refused requests wrote actions: %d", list.Total)
		}
	})
}

func firstTrack(t testing.TB, e *env) int64 {
	var tracks struct{ Items []entente.Track }
	e.do(t, "GET", fmt.Sprintf("/api/v1/tracks?roadmap=%d&sector=political_dialogue", e.demo.Roadmap.ID), "", nil).want(t, 200).decode(t, &tracks)
	return tracks.Items[0].ID
}

func TestDependencyCycleOverTheAPI(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.tokens["PAK"]
		var actions struct{ Items []entente.Action }
		e.do(t, "GET", fmt.Sprintf("/api/v1/actions?roadmap=%d&q=signing+ceremony", e.demo.Roadmap.ID), tok, nil).want(t, 200).decode(t, &actions)
		ceremony := actions.Items[0]
		e.do(t, "GET", fmt.Sprintf("/api/v1/actions?roadmap=%d&q=draft+of+the+roadmap", e.demo.Roadmap.ID), tok, nil).want(t, 200).decode(t, &actions)
		draft := actions.Items[0]
		r := e.do(t, "POST", "/api/v1/dependencies", tok, map[string]any{"predecessor_id": ceremony.ID, "successor_id": draft.ID}).want(t, 400)
		if !strings.Contains(string(r.body), "cycle") || !strings.Contains(string(r.body), "Organise the signing ceremony") {
			t.Fatalf("cycle problem does not name the actions: %s", r.body)
		}
	})
}

func TestPaginationWithCursor(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		seen := map[int64]bool{}
		path := fmt.Sprintf("/api/v1/actions?roadmap=%d&limit=4&sort=due", e.demo.Roadmap.ID)
		for page := 0; ; page++ {
			var p struct {
				Items      []entente.Action
				Total      int
				NextCursor string `json:"next_cursor"`
			}
			e.do(t, "GET", path, "", nil).want(t, 200).decode(t, &p)
			for _, a := range p.Items {
				if seen[a.ID] {
					t.Fatalf("action %d on two pages", a.ID)
				}
				seen[a.ID] = true
			}
			if p.NextCursor == "" {
				break
			}
			path = fmt.Sprintf("/api/v1/actions?roadmap=%d&limit=4&sort=due&cursor=%s", e.demo.Roadmap.ID, p.NextCursor)
		}
		if len(seen) != 15 {
			t.Fatalf("pages held %d actions, want 15", len(seen))
		}
		e.do(t, "GET", "/api/v1/actions?cursor=garbage", "", nil).want(t, http.StatusBadRequest)
	})
}
