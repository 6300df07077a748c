package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// bigDemo is the demo roadmap grown to 10,000 actions and 500 meetings.
func bigDemo(b *testing.B, db *sqlstore.DB) *env {
	e := newEnv(b, db)
	ctx := entente.WithCaller(context.Background(), entente.SystemCaller)
	rm := e.demo.Roadmap
	tracks, _, err := e.svc.Tracks.FindTracks(ctx, entente.TrackFilter{RoadmapID: rm.ID})
	if err != nil {
		b.Fatal(err)
	}
	actions := make([]*entente.Action, 10000-15)
	for i := range actions {
		actions[i] = &entente.Action{RoadmapID: rm.ID, TrackID: tracks[i%len(tracks)].ID, Title: fmt.Sprintf("Step %d", i),
			LeadParty: rm.Parties[i%2], DurationDays: 1 + i%15, Status: entente.ActionStatuses[i%3],
			Due: entente.WhenOfDate(entente.Date{Year: 2024, Month: 12, Day: 1}.AddDays(i % 500))}
	}
	if err := db.CreateActionsForTest(ctx, actions); err != nil {
		b.Fatal(err)
	}
	for i := range 500 - 6 {
		m := &entente.Meeting{RoadmapID: rm.ID, Kind: entente.MeetingKinds[i%len(entente.MeetingKinds)], Title: fmt.Sprintf("Working group %d", i),
			When: entente.WhenOfDate(entente.Date{Year: 2024, Month: 12, Day: 1}.AddDays(i))}
		if err := e.svc.Meetings.CreateMeeting(ctx, m); err != nil {
			b.Fatal(err)
		}
	}
	return e
}

// benchGet measures one page or API answer as a signed-in Pakistani desk officer.
func benchGet(b *testing.B, e *env, path string) {
	token := e.tokens["PAK"]
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		e.handler.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", path, rec.Code, rec.Body.String()[:min(300, rec.Body.Len())])
		}
	}
}

func eachBenchDB(b *testing.B, bench func(b *testing.B, e *env)) {
	b.Run("sqlite", func(b *testing.B) { bench(b, bigDemo(b, openSQLite(b))) })
	b.Run("postgres", func(b *testing.B) { bench(b, bigDemo(b, openPostgres(b))) })
}

// BenchmarkRoadmapOverview renders the overview of a roadmap of 10,000 actions and 500 meetings.
func BenchmarkRoadmapOverview(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, e *env) { benchGet(b, e, fmt.Sprintf("/roadmaps/%d", e.demo.Roadmap.ID)) })
}

// BenchmarkActionsPage renders a filtered page of the actions table of that roadmap.
func BenchmarkActionsPage(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, e *env) {
		benchGet(b, e, fmt.Sprintf("/roadmaps/%d/actions?party=PAK&sort=due", e.demo.Roadmap.ID))
	})
}

// BenchmarkAPIListActions answers a filtered page of 100 actions as JSON.
func BenchmarkAPIListActions(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, e *env) {
		benchGet(b, e, fmt.Sprintf("/api/v1/actions?roadmap=%d&party=PAK&due_after=2025-03-01&sort=due&limit=100", e.demo.Roadmap.ID))
	})
}

// BenchmarkAPIGetRoadmap answers one roadmap with its tracks and counts.
func BenchmarkAPIGetRoadmap(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, e *env) { benchGet(b, e, fmt.Sprintf("/api/v1/roadmaps/%d", e.demo.Roadmap.ID)) })
}

// BenchmarkSignIn checks a password (argon2id at the OWASP parameters) and starts a session.
func BenchmarkSignIn(b *testing.B) {
	e := newEnv(b, openSQLite(b))
	email, pw := account(e, "PAK")
	b.ReportAllocs()
	for b.Loop() {
		if rec := e.browser("198.51.100.20:1").signIn(b, email, pw); rec.Code != http.StatusSeeOther {
			b.Fatalf("sign-in: %d", rec.Code)
		}
	}
}

// BenchmarkRoadmapOverviewAfterWrite renders the overview of that roadmap just after a change,
// when the kept schedule is stale and is computed again: the first view after every write.
func BenchmarkRoadmapOverviewAfterWrite(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, e *env) {
		ctx := entente.WithCaller(context.Background(), entente.SystemCaller)
		actions, _, err := e.svc.Actions.FindActions(ctx, entente.ActionFilter{RoadmapID: e.demo.Roadmap.ID})
		if err != nil {
			b.Fatal(err)
		}
		a := actions[0]
		path := fmt.Sprintf("/roadmaps/%d", e.demo.Roadmap.ID)
		token := e.tokens["PAK"]
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			progress := i % 100
			if a, err = e.svc.Actions.UpdateAction(ctx, a.ID, entente.ActionUpdate{Version: a.Version, Progress: &progress}); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			req := httptest.NewRequest("GET", path, nil)
			req.Header.Set("Authorization", "Bearer "+token)
			rec := httptest.NewRecorder()
			e.handler.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("%s: %d", path, rec.Code)
			}
		}
	})
}
