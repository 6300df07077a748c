package schedule

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/entente/entente"
)

// benchInput builds a roadmap of n tasks and 3n dependencies over two calendars with a year
// of holidays each. Each dependency joins a task to one of the 1,000 tasks before it, so the
// graph has no cycle and long chains; most dependencies are FS, some SS or FF, some with lags.
// A twentieth of the tasks are done, a twentieth in progress, one in a hundred has a fixed
// start and one in ten a deadline.
func benchInput(n int) Input {
	r := rand.New(rand.NewPCG(uint64(n), 26))
	today := day(summit)
	pak := mondayToFriday("2025-02-05", "2025-03-31", "2025-04-01", "2025-05-01", "2025-05-28",
		"2025-06-06", "2025-08-14", "2025-11-10", "2025-12-25")
	blr := mondayToFriday("2025-01-01", "2025-01-02", "2025-01-07", "2025-03-08", "2025-04-29",
		"2025-05-01", "2025-05-09", "2025-07-03", "2025-11-07", "2025-12-25")
	blr.worked[day("2025-01-11")] = true
	in := Input{Today: today, Target: entente.MustWhen("2025-02", "", false),
		Calendars: map[string]WorkingDays{"PAK": pak, "BLR": blr}}
	for i := range n {
		t := Task{ID: int64(i + 1), Title: fmt.Sprintf("action %d", i+1), Duration: 1 + r.IntN(10),
			Calendar: []string{"PAK", "BLR"}[r.IntN(2)]}
		switch k := r.IntN(100); {
		case i < n/20:
			t.Status, t.Finished = Done, today.AddDays(-1-r.IntN(30))
		case k < 5:
			t.Status, t.Progress = InProgress, r.IntN(100)
		case k == 5:
			t.Start = today.AddDays(r.IntN(200))
		case k > 89:
			t.Due = entente.WhenOfDate(today.AddDays(30 + r.IntN(300)))
		}
		in.Tasks = append(in.Tasks, t)
	}
	for range 3 * n {
		s := 1 + r.IntN(n-1)
		p := max(0, s-1000) + r.IntN(min(s, 1000))
		d := Dependency{Predecessor: int64(p + 1), Successor: int64(s + 1)}
		switch k := r.IntN(20); {
		case k == 0:
			d.Kind = StartToStart
		case k == 1:
			d.Kind = FinishToFinish
		case k < 5:
			d.Lag = 1 + r.IntN(5)
		}
		in.Dependencies = append(in.Dependencies, d)
	}
	return in
}

// BenchmarkCompute measures a whole computation: checks, ordering, both passes, flags and
// critical paths, with the calendars' working-day indexes built afresh each time.
func BenchmarkCompute(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		in := benchInput(n)
		b.Run(fmt.Sprintf("tasks=%d/dependencies=%d", n, len(in.Dependencies)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Compute(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDeadlines measures the "what must happen by when" list of 100,000 tasks.
func BenchmarkDeadlines(b *testing.B) {
	res, err := Compute(benchInput(100_000))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		res.Deadlines()
	}
}

// TestBenchInputIsSound checks that the benchmark computes a real schedule: consistent, with
// a long critical path, and with tasks at risk against the February target.
func TestBenchInputIsSound(t *testing.T) {
	in := benchInput(1_000)
	res, err := Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	checkSchedule(t, in, res)
	atRisk := 0
	for _, ts := range res.Tasks {
		if ts.AtRisk {
			atRisk++
		}
	}
	if len(res.CriticalPaths) == 0 || len(res.CriticalPaths[0].Tasks) < 5 || atRisk == 0 {
		t.Errorf("benchmark schedule too easy: %d paths, first of %d tasks, %d at risk",
			len(res.CriticalPaths), len(res.CriticalPaths[0].Tasks), atRisk)
	}
}
