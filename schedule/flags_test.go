package schedule

import (
	"testing"

	"github.com/entente/entente"
)

func TestComputeFlags(t *testing.T) {
	due := func(v string) func(*Task) {
		return func(t *Task) { t.Due = entente.MustWhen(v, "", false) }
	}
	tests := []struct {
		name string
		in   Input
		want map[int64]want
	}{
		{
			name: "a deadline that has passed is late",
			in:   Input{Tasks: []Task{with(task(1, 1), due("2024-11-20")), with(task(2, 1), due("2024-11"))}},
			want: map[int64]want{
				1: {es: "2024-11-26", ef: "2024-11-26", ls: "2024-11-20", lf: "2024-11-20", slack: -4,
					critical: true, late: true, atRisk: true, reasons: []Reason{AfterDue}},
				// Due in November: the 30th, a Saturday; Friday 29 is the last working day.
				2: {es: "2024-11-26", ef: "2024-11-26", ls: "2024-11-26", lf: "2024-11-26", critical: true},
			},
		},
		{
			name: "a deadline a predecessor cannot keep",
			in: Input{Tasks: []Task{task(1, 4), with(task(2, 2), due("2024-11-29"))},
				Dependencies: []Dependency{fs(1, 2, 0)}},
			want: map[int64]want{
				1: {es: "2024-11-26", ef: "2024-11-29", ls: "2024-11-22", lf: "2024-11-27", slack: -2,
					critical: true, atRisk: true, reasons: []Reason{DelaysDependent}},
				2: {es: "2024-12-02", ef: "2024-12-03", ls: "2024-11-28", lf: "2024-11-29", slack: -2,
					critical: true, atRisk: true, reasons: []Reason{AfterDue}},
			},
		},
		{
			name: "blocked tasks block what waits for them",
			in: Input{Tasks: []Task{
				with(task(1, 1), func(t *Task) { t.Status = Blocked }), task(2, 1), task(3, 1),
				with(task(4, 1), func(t *Task) { t.Status = Done; t.Finished = day("2024-11-25") }),
				task(5, 1)},
				Dependencies: []Dependency{fs(1, 2, 0), fs(2, 3, 0), fs(1, 4, 0)}},
			want: map[int64]want{
				1: {es: "2024-11-26", ef: "2024-11-26", ls: "2024-11-26", lf: "2024-11-26", critical: true, blockedBy: 1},
				2: {es: "2024-11-27", ef: "2024-11-27", ls: "2024-11-27", lf: "2024-11-27", critical: true, blockedBy: 1},
				3: {es: "2024-11-28", ef: "2024-11-28", ls: "2024-11-28", lf: "2024-11-28", critical: true, blockedBy: 1},
				// Done: never blocked.
				4: {es: "2024-11-25", ef: "2024-11-25", ls: "2024-11-25", lf: "2024-11-25"},
				5: {es: "2024-11-26", ef: "2024-11-26", ls: "2024-11-28", lf: "2024-11-28", slack: 2},
			},
		},
		{
			name: "a task planned beyond the target is held to its own deadline",
			in: Input{Target: entente.WhenOfDate(day("2024-12-06")),
				Tasks: []Task{task(1, 10), with(task(2, 30), due("2025-03")),
					with(task(3, 1), func(t *Task) { t.Start = day("2025-06-02") })}},
			want: map[int64]want{
				1: {es: "2024-11-26", ef: "2024-12-09", ls: "2024-11-25", lf: "2024-12-06", slack: -1,
					critical: true, atRisk: true, reasons: []Reason{AfterTarget}},
				// 30 working days (4 in Nov, 22 in Dec) to Mon 6 Jan; may finish Mon 31 Mar:
				// 19 + 20 + 21 working days to spare.
				2: {es: "2024-11-26", ef: "2025-01-06", ls: "2025-02-18", lf: "2025-03-31", slack: 60},
				3: {es: "2025-06-02", ef: "2025-06-02", ls: "2025-06-02", lf: "2025-06-02", critical: true},
			},
		},
		{
			name: "the finish of a task in progress is still held",
			in: Input{Tasks: []Task{
				task(1, 3),
				with(task(2, 2), func(t *Task) { t.Status = InProgress; t.Progress = 50; t.Due = entente.WhenOfDate(day("2024-11-27")) })},
				Dependencies: []Dependency{fs(1, 2, 0), {Predecessor: 1, Successor: 2, Kind: FinishToFinish}}},
			want: map[int64]want{
				// The FS dependency no longer holds B, which has started; FF still does.
				1: {es: "2024-11-26", ef: "2024-11-28", ls: "2024-11-25", lf: "2024-11-27", slack: -1,
					critical: true, atRisk: true, reasons: []Reason{DelaysDependent}},
				2: {es: "2024-11-25", ef: "2024-11-28", ls: "2024-11-25", lf: "2024-11-27", slack: -1,
					critical: true, atRisk: true, reasons: []Reason{AfterDue}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.in.Today = day(summit)
			res, err := Compute(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			checkWant(t, res, tt.want)
			checkSchedule(t, tt.in, res)
		})
	}
}

func TestDeadlines(t *testing.T) {
	res, err := Compute(Input{
		Today:  day(summit),
		Target: entente.WhenOfDate(day("2024-12-06")),
		Tasks: []Task{
			task(1, 2), task(2, 1), task(3, 1),
			with(task(4, 1), func(t *Task) { t.Status = Done; t.Finished = day("2024-11-22") }),
		},
		Dependencies: []Dependency{fs(1, 2, 0), fs(3, 2, 0)},
	})
	if err != nil {
		t.Fatal(err)
	}
	ds := res.Deadlines()
	var got []int64
	for _, d := range ds {
		got = append(got, d.ID)
	}
	// 1 and 3 must finish by Thu 5 Dec (1 is projected later), 2 by Fri 6; 4 is done.
	if want := []int64{3, 1, 2}; !equalIDs(got, want) {
		t.Fatalf("order = %v, want %v", got, want)
	}
	if ds[0].LatestFinish != day("2024-12-05") || ds[2].LatestFinish != day("2024-12-06") {
		t.Errorf("latest finishes %v, %v; want 2024-12-05, 2024-12-06", ds[0].LatestFinish, ds[2].LatestFinish)
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestComputeLongChain(t *testing.T) {
	const n = 100_000
	in := Input{Today: day(summit), Tasks: make([]Task, n), Dependencies: make([]Dependency, n-1)}
	for i := range n {
		in.Tasks[i] = Task{ID: int64(i + 1), Title: "step", Duration: 1}
		if i > 0 {
			in.Dependencies[i-1] = fs(int64(i), int64(i+1), 0)
		}
	}
	res, err := Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	// 100,000 working days are 20,000 weeks: the last falls on the Monday 20,000 weeks less
	// one day after the first Tuesday.
	if want := day(summit).AddDays(7*20_000 - 1); res.Finish != want {
		t.Errorf("finish = %v, want %v", res.Finish, want)
	}
	if len(res.CriticalPaths) != 1 || len(res.CriticalPaths[0].Tasks) != n {
		t.Fatalf("want one critical path through all %d tasks, got %d paths", n, len(res.CriticalPaths))
	}
}

func TestComputeEmpty(t *testing.T) {
	res, err := Compute(Input{Today: day(summit)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Tasks) != 0 || len(res.CriticalPaths) != 0 || !res.Finish.IsZero() {
		t.Errorf("empty input gives %+v", res)
	}
}

func TestComputeLeavesInputAlone(t *testing.T) {
	in := Input{Today: day(summit), Tasks: []Task{task(1, 2), task(2, 1)}, Dependencies: []Dependency{fs(1, 2, 0)}}
	if _, err := Compute(in); err != nil {
		t.Fatal(err)
	}
	if in.Dependencies[0].Kind != "" || in.Tasks[0].Status != "" {
		t.Errorf("Compute changed its input: %+v", in)
	}
}
