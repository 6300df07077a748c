package server

import (
	"net/url"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
)

// FuzzReadSlotQuery reads arbitrary query strings as a slot search: it never panics, and a
// search it accepts is one FindSlots can run — parties named once each, a positive duration
// of whole minutes up to a day, and a window in order and at most a year long.
func FuzzReadSlotQuery(f *testing.F) {
	for _, seed := range []string{
		"parties=PAK,BLR&duration=2h&from=2024-12-09&to=2024-12-13",
		"parties=PAK&duration=120&from=2025-02-01&to=2025-02-28&zone=Europe/Minsk&limit=5",
		"parties=pak,blr&duration=1h30m&from=2025-01-01&to=2025-12-31&step=15m&allow_tentative=true",
		"parties=PAK,BLR&duration=-1h&from=2024-12-13&to=2024-12-09&zone=Local",
		"parties=,,PAK,,&duration=0&from=2024-02-30&hours=PAK%3Dmon-fri+09:00-17:00",
		"duration=999999999999h&step=1ns&limit=-1",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		values, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q := &query{values: values, probs: entente.Problems{}}
		sq := readSlotQuery(q)
		if len(q.probs) > 0 {
			return
		}
		seen := map[string]bool{}
		for _, p := range sq.parties {
			if !entente.ValidPartyCode(p) || seen[p] {
				t.Fatalf("accepted parties %v", sq.parties)
			}
			seen[p] = true
		}
		if len(sq.parties) == 0 || sq.duration <= 0 || sq.duration > maxMeetingDuration || sq.duration%time.Minute != 0 {
			t.Fatalf("accepted %v for %v", sq.duration, sq.parties)
		}
		if sq.step <= 0 || sq.step%time.Minute != 0 {
			t.Fatalf("accepted the step %v", sq.step)
		}
		if sq.from.IsZero() || sq.to.Before(sq.from) || sq.to.DaysSince(sq.from) >= calendar.MaxSlotWindow {
			t.Fatalf("accepted the window %s to %s", sq.from, sq.to)
		}
		if sq.limit < 1 || sq.limit > maxSlotLimit {
			t.Fatalf("accepted the limit %d", sq.limit)
		}
	})
}
