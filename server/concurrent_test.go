package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/entente/entente"
)

// TestConcurrentReadersAndWriters serves the demo to people reading the overview, the actions
// table, the Gantt page and the schedule while others add actions and change one action at
// once. Nothing may fail but a stale change (409), every action added must be stored, and the
// schedule read afterwards must hold every one of them: the kept schedules are dropped by
// writes made while they were being computed. CI runs it under the race detector.
func TestConcurrentReadersAndWriters(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rm := e.demo.Roadmap.ID
		track := firstTrack(t, e)
		var shared entente.Action
		e.do(t, "POST", "/api/v1/actions", e.tokens["PAK"], map[string]any{"roadmap_id": rm, "track_id": track,
			"title": "Changed by everyone", "lead_party": "PAK", "duration_days": 3}).want(t, 201).decode(t, &shared)

		const writers, readers, rounds = 3, 3, 8
		var (
			wg      sync.WaitGroup
			mu      sync.Mutex
			created []int64
		)
		reader := pageClient{e: e, token: e.tokens["BLR"]}
		for w := range writers {
			wg.Go(func() {
				party := []string{"PAK", "BLR"}[w%2]
				for i := range rounds {
					body := map[string]any{"roadmap_id": rm, "track_id": track, "title": fmt.Sprintf("Step %d of writer %d", i, w),
						"lead_party": party, "duration_days": 1 + i, "due": map[string]any{"value": "2025-01-31"}}
					r := e.do(t, "POST", "/api/v1/actions", e.tokens[party], body)
					var a entente.Action
					if r.status != http.StatusCreated || json.Unmarshal(r.body, &a) != nil {
						t.Errorf("writer %d: adding an action: %d %s", w, r.status, r.body)
						continue
					}
					mu.Lock()
					created = append(created, a.ID)
					mu.Unlock()
					// Everyone changes the same action from the version they last saw: some win, the
					// others are told it changed.
					var cur entente.Action
					e.do(t, "GET", fmt.Sprintf("/api/v1/actions/%d", shared.ID), e.tokens["PAK"], nil).decode(t, &cur)
					if r := e.do(t, "PATCH", fmt.Sprintf("/api/v1/actions/%d", shared.ID), e.tokens["PAK"],
						map[string]any{"version": cur.Version, "progress": (w*rounds + i) % 100}); r.status != 200 && r.status != 409 {
						t.Errorf("writer %d: changing the shared action: %d %s", w, r.status, r.body)
					}
				}
			})
		}
		pages := []string{fmt.Sprintf("/roadmaps/%d", rm), fmt.Sprintf("/roadmaps/%d/actions", rm),
			fmt.Sprintf("/roadmaps/%d/gantt", rm), fmt.Sprintf("/api/v1/roadmaps/%d/schedule", rm)}
		for r := range readers {
			wg.Go(func() {
				for i := range rounds {
					if code := reader.get(t, pages[(r+i)%len(pages)]).status; code != http.StatusOK {
						t.Errorf("reader %d: %s answered %d", r, pages[(r+i)%len(pages)], code)
					}
				}
			})
		}
		wg.Wait()

		if len(created) != writers*rounds {
			t.Fatalf("%d actions added, want %d", len(created), writers*rounds)
		}
		var sch entente.Schedule
		e.do(t, "GET", fmt.Sprintf("/api/v1/roadmaps/%d/schedule", rm), e.tokens["BLR"], nil).want(t, 200).decode(t, &sch)
		scheduled := map[int64]bool{}
		for _, a := range sch.Actions {
			scheduled[a.ID] = true
		}
		for _, id := range created {
			if !scheduled[id] {
				t.Errorf("action %d, added during the reads, is missing from the schedule read afterwards", id)
			}
		}
	})
}
