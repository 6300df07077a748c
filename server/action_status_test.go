package server_test

import (
	"context"
	"fmt"
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestActionStatusRowShowsRefusal changes an action's status from the actions table the way
// htmx does: a stale version or an impossible status comes back in the row with the reason,
// and nothing changes.
func TestActionStatusRowShowsRefusal(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		hx := pageClient{e: e, token: e.tokens["PAK"], htmx: true}
		sys := entente.WithCaller(context.Background(), entente.SystemCaller)
		found, _, err := e.svc.Actions.FindActions(sys, entente.ActionFilter{RoadmapID: e.demo.Roadmap.ID, Q: "machinery"})
		if err != nil || len(found) == 0 {
			t.Fatalf("no demo action: %v", err)
		}
		a := found[0]
		path := fmt.Sprintf("/actions/%d/status", a.ID)
		cases := []struct {
			name, status, version, want string
		}{
			{"stale version", "in_progress", fmt.Sprint(a.Version + 5), "Someone else changed this action"},
			{"unknown status", "finished-ish", fmt.Sprint(a.Version), "status"},
		}
		for _, c := range cases {
			r := hx.post(t, path, url.Values{"status": {c.status}, "version": {c.version}})
			body := html.UnescapeString(string(r.body))
			if r.status != 200 || !strings.Contains(body, c.want) || !strings.Contains(body, `role="alert"`) {
				t.Errorf("%s: the row (status %d) does not say why: %.400s", c.name, r.status, body)
			}
		}
		got, err := e.svc.Actions.FindActionByID(sys, a.ID)
		if err != nil || got.Version != a.Version || got.Status != a.Status {
			t.Errorf("a refused change changed the action: %+v, %v", got, err)
		}
	})
}

// TestActionEditAnswersByCause shows the edit form again with 422 for a value that cannot be
// saved and with 409 for a change someone else made first, so that scripts and tests can tell
// the two apart.
func TestActionEditAnswersByCause(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := pageClient{e: e, token: e.tokens["PAK"]}
		sys := entente.WithCaller(context.Background(), entente.SystemCaller)
		found, _, err := e.svc.Actions.FindActions(sys, entente.ActionFilter{RoadmapID: e.demo.Roadmap.ID, Q: "machinery"})
		if err != nil || len(found) == 0 {
			t.Fatalf("no demo action: %v", err)
		}
		a := found[0]
		form := func(title, version string) url.Values {
			return url.Values{"title": {title}, "track_id": {fmt.Sprint(a.TrackID)}, "lead_party": {a.LeadParty},
				"status": {string(a.Status)}, "due.value": {"2025-01-15"}, "version": {version}}
		}
		path := fmt.Sprintf("/actions/%d", a.ID)
		if r := c.post(t, path, form("", fmt.Sprint(a.Version))); r.status != 422 {
			t.Errorf("an empty title: status %d, want 422", r.status)
		}
		if r := c.post(t, path, form("A new title", fmt.Sprint(a.Version+3))); r.status != 409 {
			t.Errorf("a stale version: status %d, want 409", r.status)
		}
	})
}
