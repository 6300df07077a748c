package sqlstore_test

import (
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

func TestActionLifecycle(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		ctx := system()
		a := f.action(t, "Draft the MoU on agricultural machinery", "2025-02")
		got, err := f.services.actions.FindActionByID(ctx, a.ID)
		must(t, err)
		if got.Due.Deadline().String() != "2025-02-28" || got.Status != entente.ActionNotStarted || got.Version != 1 {
			t.Fatalf("stored action = %+v", got)
		}
		done := entente.ActionDone
		upd, err := f.services.actions.UpdateAction(ctx, a.ID, entente.ActionUpdate{Version: 1, Status: &done})
		must(t, err)
		if upd.Progress != 100 || upd.DoneOn.String() != "2024-11-26" || upd.Version != 2 {
			t.Fatalf("done action = %+v", upd)
		}
		// A second update based on version 1 is stale and changes nothing.
		title := "Overwritten"
		_, err = f.services.actions.UpdateAction(ctx, a.ID, entente.ActionUpdate{Version: 1, Title: &title})
		wantCode(t, err, entente.ECONFLICT)
		got, _ = f.services.actions.FindActionByID(ctx, a.ID)
		if got.Title == title || got.Version != 2 {
			t.Fatalf("a stale update changed the row: %+v", got)
		}
	})
}

func TestActionRefusesBadReferences(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		ctx := system()
		other := &entente.Roadmap{Title: "Other", Parties: []string{"PAK", "BLR"}, Status: entente.RoadmapDraft}
		must(t, f.services.roadmaps.CreateRoadmap(ctx, other))
		tests := []struct {
			name  string
			a     entente.Action
			field string
		}{
			{"missing roadmap", entente.Action{RoadmapID: 999, Title: "x"}, "roadmap_id"},
			{"missing track", entente.Action{RoadmapID: f.roadmap.ID, TrackID: 999, Title: "x"}, "track_id"},
			{"track of another roadmap", entente.Action{RoadmapID: other.ID, TrackID: f.track.ID, Title: "x"}, "track_id"},
			{"party outside the roadmap", entente.Action{RoadmapID: f.roadmap.ID, LeadParty: "CHN", Title: "x"}, "lead_party"},
			{"body of the other party", entente.Action{RoadmapID: f.roadmap.ID, LeadParty: "PAK", LeadBodyID: f.blrMFA.ID, Title: "x"}, "lead_body_id"},
			{"no title", entente.Action{RoadmapID: f.roadmap.ID}, "title"},
			{"progress over 100", entente.Action{RoadmapID: f.roadmap.ID, Title: "x", Progress: 140}, "progress"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				a := tt.a
				err := f.services.actions.CreateAction(ctx, &a)
				wantCode(t, err, entente.EINVALID)
				if _, ok := entente.ErrorFields(err)[tt.field]; !ok {
					t.Fatalf("error %v does not name field %s", err, tt.field)
				}
			})
		}
		_, total, err := f.services.actions.FindActions(ctx, entente.ActionFilter{RoadmapID: f.roadmap.ID})
		must(t, err)
		if total != 0 {
			t.Fatalf("%d actions were written by refused requests", total)
		}
	})
}

func TestDependencyCycleIsRefused(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		ctx := system()
		a, b, c := f.action(t, "Draft", ""), f.action(t, "Negotiate", ""), f.action(t, "Sign", "")
		must(t, f.services.actions.CreateDependency(ctx, &entente.Dependency{PredecessorID: a.ID, SuccessorID: b.ID}))
		must(t, f.services.actions.CreateDependency(ctx, &entente.Dependency{PredecessorID: b.ID, SuccessorID: c.ID, LagDays: 3}))
		err := f.services.actions.CreateDependency(ctx, &entente.Dependency{PredecessorID: c.ID, SuccessorID: a.ID})
		wantCode(t, err, entente.EINVALID)
		for _, name := range []string{"Draft", "Negotiate", "Sign"} {
			if !strings.Contains(entente.ErrorMessage(err), name) {
				t.Errorf("cycle message %q does not name %s", entente.ErrorMessage(err), name)
			}
		}
		// Deleting an action others wait for is refused; deleting the last one is not.
		wantCode(t, f.services.actions.DeleteAction(ctx, a.ID), entente.ECONFLICT)
		must(t, f.services.actions.DeleteAction(ctx, c.ID))
		got, err := f.services.actions.FindActionByID(ctx, b.ID)
		must(t, err)
		if len(got.Predecessors) != 1 || len(got.Successors) != 0 {
			t.Fatalf("dependencies of b after deleting c: %+v %+v", got.Predecessors, got.Successors)
		}
	})
}

func TestActionListPagesAndFilters(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		ctx := system()
		for i, due := range []string{"2025-03", "2024-12-10", "", "2025-01", "2024-11-30"} {
			f.action(t, "Step "+string(rune('A'+i)), due)
		}
		var titles []string
		page := entente.Page{Limit: 2, Sort: "due"}
		for {
			items, total, err := f.services.actions.FindActions(ctx, entente.ActionFilter{RoadmapID: f.roadmap.ID, Page: page})
			must(t, err)
			if total != 5 {
				t.Fatalf("total = %d", total)
			}
			for _, a := range items {
				titles = append(titles, a.Title)
			}
			if len(items) < page.Limit {
				break
			}
			page.Cursor = entente.EncodeCursor(items[len(items)-1].ID)
		}
		if got := strings.Join(titles, ","); got != "Step E,Step B,Step D,Step A,Step C" {
			t.Fatalf("order by due over pages = %s", got)
		}
		overdue, n, err := f.services.actions.FindActions(ctx, entente.ActionFilter{RoadmapID: f.roadmap.ID,
			OverdueOn: entente.Date{Year: 2024, Month: 12, Day: 15}})
		must(t, err)
		if n != 2 || len(overdue) != 2 {
			t.Fatalf("overdue on 15 December: %d", n)
		}
		found, n, err := f.services.actions.FindActions(ctx, entente.ActionFilter{Q: "STEP c"})
		must(t, err)
		if n != 1 || found[0].Title != "Step C" {
			t.Fatalf("text search found %d", n)
		}
	})
}
