package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/demo"
)

// TestPakistanReadsItsOwnInternalNote is the other half of the access test: the internal note
// is there for its own party.
func TestPakistanReadsItsOwnInternalNote(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		ids := e.routeIDs(t)
		page := e.do(t, "GET", fmt.Sprintf("/actions/%d", ids.byName["actions"]), e.tokens["PAK"], nil).want(t, 200)
		if !strings.Contains(string(page.body), "Cabinet summary needs vetting") {
			t.Fatal("Pakistan does not see its internal note on the action page")
		}
		e.do(t, "GET", fmt.Sprintf("/api/v1/notes/%d", ids.byName["notes"]), e.tokens["PAK"], nil).want(t, 200)
		var list struct{ Total int }
		e.do(t, "GET", fmt.Sprintf("/api/v1/notes?entity_type=action&entity_id=%d", ids.byName["actions"]), e.tokens["BLR"], nil).want(t, 200).decode(t, &list)
		if list.Total != 0 {
			t.Fatalf("Belarus counts %d notes on the action", list.Total)
		}
	})
}

func TestAttacks(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		ids := e.routeIDs(t)
		action := ids.byName["actions"]
		t.Run("claiming another party's scope", func(t *testing.T) {
			r := e.do(t, "POST", "/api/v1/notes", e.tokens["BLR"], map[string]any{"entity_type": "action", "entity_id": action, "scope": "PAK", "body": "planted"}).want(t, 400)
			if !strings.Contains(string(r.body), "scope") {
				t.Fatalf("the problem does not name the scope: %s", r.body)
			}
			e.do(t, "POST", "/api/v1/positions", e.tokens["BLR"], map[string]any{"entity_type": "action", "entity_id": action, "party": "PAK", "stance": "oppose", "text": "planted"}).want(t, 400)
		})
		t.Run("a viewer posting to an edit route", func(t *testing.T) {
			viewer := e.memberToken(t, "viewer2@mofa.gov.pk", "PAK", entente.RoleViewer)
			e.do(t, "PATCH", fmt.Sprintf("/api/v1/actions/%d", action), viewer, map[string]any{"version": 1, "progress": 50}).want(t, 403)
		})
		t.Run("a revoked token", func(t *testing.T) {
			ctx := e.pakCaller(t)
			secret, tok, err := e.svc.Users.CreateAPIToken(ctx, "to revoke", entente.TokenScopeWrite)
			must(t, err)
			e.do(t, "GET", "/api/v1/roadmaps", secret, nil).want(t, 200)
			must(t, e.svc.Users.RevokeAPIToken(ctx, tok.ID))
			e.do(t, "GET", "/api/v1/roadmaps", secret, nil).want(t, 401)
		})
		t.Run("a cross-site form post", func(t *testing.T) {
			req := httptest.NewRequest("POST", fmt.Sprintf("/actions/%d/status", action), strings.NewReader("status=done&version=1"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Authorization", "Bearer "+e.tokens["PAK"])
			req.Header.Set("Origin", "https://attacker.example")
			req.Header.Set("Sec-Fetch-Site", "cross-site")
			rec := httptest.NewRecorder()
			e.handler.ServeHTTP(rec, req)
			if rec.Code != http.StatusForbidden {
				t.Fatalf("a cross-site post was answered %d", rec.Code)
			}
		})
		t.Run("SQL and HTML in text fields", func(t *testing.T) {
			for _, title := range []string{`'; DROP TABLE actions; --`, `<img src=x onerror=alert(1)>`, `" OR 1=1 --`, `<script>alert("x")</script>`} {
				var a entente.Action
				e.do(t, "POST", "/api/v1/actions", e.tokens["PAK"], map[string]any{"roadmap_id": e.demo.Roadmap.ID, "title": title}).want(t, 201).decode(t, &a)
				if a.Title != title {
					t.Fatalf("stored %q as %q", title, a.Title)
				}
				page := e.do(t, "GET", fmt.Sprintf("/actions/%d", a.ID), e.tokens["PAK"], nil).want(t, 200)
				if strings.Contains(string(page.body), title) && strings.ContainsAny(title, "<>") {
					t.Fatalf("the page shows %q unescaped", title)
				}
				var found struct{ Total int }
				e.do(t, "GET", "/api/v1/actions?q="+strings.ReplaceAll(title, " ", "+"), e.tokens["PAK"], nil).want(t, 200).decode(t, &found)
			}
			var all struct{ Total int }
			e.do(t, "GET", fmt.Sprintf("/api/v1/actions?roadmap=%d", e.demo.Roadmap.ID), e.tokens["PAK"], nil).want(t, 200).decode(t, &all)
			if all.Total != 19 {
				t.Fatalf("the roadmap has %d actions after the injections, want 19", all.Total)
			}
		})
		t.Run("security headers", func(t *testing.T) {
			r := e.do(t, "GET", "/", "", nil)
			for h, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
				"Referrer-Policy": "same-origin"} {
				if got := r.header.Get(h); got != want {
					t.Errorf("%s = %q", h, got)
				}
			}
			if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("Content-Security-Policy %q", csp)
			}
		})
	})
	_ = context.Background
	_ = demo.InternalNote
}
