package sqlstore_test

import (
	"fmt"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// eachBenchDB runs a benchmark on SQLite, and on PostgreSQL when ENTENTE_TEST_POSTGRES is set.
func eachBenchDB(b *testing.B, bench func(b *testing.B, db *sqlstore.DB)) {
	b.Run("sqlite", func(b *testing.B) { bench(b, openSQLite(b)) })
	b.Run("postgres", func(b *testing.B) { bench(b, openPostgres(b)) })
}

// bigRoadmap is the fixture with n actions spread over the track, with dues over two years.
func bigRoadmap(b *testing.B, db *sqlstore.DB, n int) *fixture {
	f := newFixture(b, db)
	actions := make([]*entente.Action, n)
	for i := range actions {
		actions[i] = &entente.Action{RoadmapID: f.roadmap.ID, TrackID: f.track.ID, Title: fmt.Sprintf("Step %d of the roadmap", i),
			LeadParty: []string{"PAK", "BLR"}[i%2], DurationDays: 1 + i%20,
			Due:    entente.WhenOfDate(entente.Date{Year: 2025, Month: 1, Day: 1}.AddDays(i % 730)),
			Status: entente.ActionStatuses[i%3]}
	}
	must(b, db.CreateActionsForTest(system(), actions))
	return f
}

// BenchmarkCreateAction creates actions one request at a time, each in its own audited
// transaction, as users and the API do.
func BenchmarkCreateAction(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, db *sqlstore.DB) {
		f := newFixture(b, db)
		ctx := system()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			i++
			a := &entente.Action{RoadmapID: f.roadmap.ID, TrackID: f.track.ID, Title: fmt.Sprintf("Step %d", i), LeadParty: "PAK"}
			if err := f.services.actions.CreateAction(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkListActions lists a page of 100 actions, filtered by party and due window and
// sorted by due date, from a roadmap of 10,000.
func BenchmarkListActions(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, db *sqlstore.DB) {
		f := bigRoadmap(b, db, 10000)
		ctx := system()
		filter := entente.ActionFilter{RoadmapID: f.roadmap.ID, Party: "PAK", DueAfter: entente.Date{Year: 2025, Month: 3, Day: 1},
			Page: entente.Page{Limit: 100, Sort: "due"}}
		b.ReportAllocs()
		for b.Loop() {
			items, total, err := f.services.actions.FindActions(ctx, filter)
			if err != nil || len(items) != 100 || total == 0 {
				b.Fatalf("%d items of %d: %v", len(items), total, err)
			}
		}
	})
}

// BenchmarkListActionsAsContributor is BenchmarkListActions for a contributor, whose list is
// restricted to the roadmaps they are a member of.
func BenchmarkListActionsAsContributor(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, db *sqlstore.DB) {
		f := bigRoadmap(b, db, 10000)
		ctx := as(7, "PAK", map[int64]entente.Role{f.roadmap.ID: entente.RoleContributor}, f.pakMFA.ID)
		filter := entente.ActionFilter{RoadmapID: f.roadmap.ID, Party: "PAK", DueAfter: entente.Date{Year: 2025, Month: 3, Day: 1},
			Page: entente.Page{Limit: 100, Sort: "due"}}
		b.ReportAllocs()
		for b.Loop() {
			if items, _, err := f.services.actions.FindActions(ctx, filter); err != nil || len(items) != 100 {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkGetRoadmap reads one roadmap with its tracks and counts, out of 10,000 actions.
func BenchmarkGetRoadmap(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, db *sqlstore.DB) {
		f := bigRoadmap(b, db, 10000)
		ctx := system()
		b.ReportAllocs()
		for b.Loop() {
			r, err := f.services.roadmaps.FindRoadmapByID(ctx, f.roadmap.ID)
			if err != nil || r.Stats.Actions != 10000 {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkListActionsAsAdministrator is BenchmarkListActions for a user with the
// administrator role, the reference for the contributor's figure.
func BenchmarkListActionsAsAdministrator(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, db *sqlstore.DB) {
		f := bigRoadmap(b, db, 10000)
		ctx := as(8, "PAK", map[int64]entente.Role{f.roadmap.ID: entente.RoleAdministrator})
		filter := entente.ActionFilter{RoadmapID: f.roadmap.ID, Party: "PAK", DueAfter: entente.Date{Year: 2025, Month: 3, Day: 1},
			Page: entente.Page{Limit: 100, Sort: "due"}}
		b.ReportAllocs()
		for b.Loop() {
			if items, _, err := f.services.actions.FindActions(ctx, filter); err != nil || len(items) != 100 {
				b.Fatal(err)
			}
		}
	})
}
