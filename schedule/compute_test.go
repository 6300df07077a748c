package schedule

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// The summit: Tuesday 26 November 2024. Working days below are Monday to Friday unless a
// test says otherwise; the comments count them.
const summit = "2024-11-26"

// want is what a test expects of one task; zero fields other than dates are checked too.
type want struct {
	es, ef, ls, lf string
	slack          int
	critical       bool
	late, atRisk   bool
	blockedBy      int64
	reasons        []Reason
}

func fs(pred, succ int64, lag int) Dependency {
	return Dependency{Predecessor: pred, Successor: succ, Lag: lag}
}

func task(id int64, duration int) Task {
	return Task{ID: id, Title: "action " + string(rune('A'-1+id)), Duration: duration}
}

func with(t Task, f func(*Task)) Task {
	f(&t)
	return t
}

func TestComputeSchedules(t *testing.T) {
	tests := []struct {
		name  string
		in    Input
		want  map[int64]want
		paths [][]int64
		slack int
	}{
		{
			name: "chain",
			in:   Input{Tasks: []Task{task(1, 3), task(2, 2)}, Dependencies: []Dependency{fs(1, 2, 0)}},
			want: map[int64]want{
				1: {es: "2024-11-26", ef: "2024-11-28", ls: "2024-11-26", lf: "2024-11-28", critical: true},
				2: {es: "2024-11-29", ef: "2024-12-02", ls: "2024-11-29", lf: "2024-12-02", critical: true},
			},
			paths: [][]int64{{1, 2}},
		},
		{
			name: "lag of two working days over a weekend",
			in:   Input{Tasks: []Task{task(1, 3), task(2, 2)}, Dependencies: []Dependency{fs(1, 2, 2)}},
			want: map[int64]want{
				// A ends Thu 28; Fri 29 and Mon 2 are the lag; B starts Tue 3.
				1: {es: "2024-11-26", ef: "2024-11-28", ls: "2024-11-26", lf: "2024-11-28", critical: true},
				2: {es: "2024-12-03", ef: "2024-12-04", ls: "2024-12-03", lf: "2024-12-04", critical: true},
			},
			paths: [][]int64{{1, 2}},
		},
		{
			name: "holidays in the calendar",
			in: Input{Tasks: []Task{task(1, 3), task(2, 2)}, Dependencies: []Dependency{fs(1, 2, 0)},
				Calendars: map[string]WorkingDays{"": mondayToFriday("2024-11-29", "2024-12-02")}},
			want: map[int64]want{
				1: {es: "2024-11-26", ef: "2024-11-28", ls: "2024-11-26", lf: "2024-11-28", critical: true},
				2: {es: "2024-12-03", ef: "2024-12-04", ls: "2024-12-03", lf: "2024-12-04", critical: true},
			},
			paths: [][]int64{{1, 2}},
		},
		{
			name: "a lead overlaps the tasks",
			in:   Input{Tasks: []Task{task(1, 3), task(2, 2)}, Dependencies: []Dependency{fs(1, 2, -1)}},
			want: map[int64]want{
				1: {es: "2024-11-26", ef: "2024-11-28", ls: "2024-11-26", lf: "2024-11-28", critical: true},
				2: {es: "2024-11-28", ef: "2024-11-29", ls: "2024-11-28", lf: "2024-11-29", critical: true},
			},
			paths: [][]int64{{1, 2}},
		},
		{
			name: "two calendars: the successor's holiday delays it",
			in: Input{
				Tasks: []Task{
					with(task(1, 1), func(t *Task) { t.Calendar = "PAK"; t.Start = day("2024-11-28") }),
					with(task(2, 1), func(t *Task) { t.Calendar = "BLR" }),
				},
				Dependencies: []Dependency{fs(1, 2, 0)},
				Calendars: map[string]WorkingDays{
					"PAK": mondayToFriday(), "BLR": mondayToFriday("2024-11-29"),
				},
			},
			want: map[int64]want{
				1: {es: "2024-11-28", ef: "2024-11-28", ls: "2024-11-28", lf: "2024-11-28", critical: true},
				2: {es: "2024-12-02", ef: "2024-12-02", ls: "2024-12-02", lf: "2024-12-02", critical: true},
			},
			// A could finish on Friday without delaying B (slack 1 in Pakistan's calendar):
			// the path joins them all the same, since a slip past Friday delays B.
			paths: [][]int64{{1, 2}},
		},
		{
			name: "slack to a target",
			in: Input{
				Target:       entente.WhenOfDate(day("2024-12-06")),
				Tasks:        []Task{task(1, 3), task(2, 5), task(3, 1)},
				Dependencies: []Dependency{fs(1, 3, 0), fs(2, 3, 0)},
			},
			want: map[int64]want{
				// A: Tue–Thu, may finish Thu 5 Dec: Fri 29, Mon 2, Tue 3, Wed 4, Thu 5 to spare.
				1: {es: "2024-11-26", ef: "2024-11-28", ls: "2024-12-03", lf: "2024-12-05", slack: 5},
				2: {es: "2024-11-26", ef: "2024-12-02", ls: "2024-11-29", lf: "2024-12-05", slack: 3},
				3: {es: "2024-12-03", ef: "2024-12-03", ls: "2024-12-06", lf: "2024-12-06", slack: 3},
			},
			paths: [][]int64{{2, 3}}, slack: 3,
		},
		{
			name: "a target too early gives negative slack",
			in: Input{
				Target:       entente.WhenOfDate(day("2024-12-02")),
				Tasks:        []Task{task(1, 3), task(2, 5), task(3, 1)},
				Dependencies: []Dependency{fs(1, 3, 0), fs(2, 3, 0)},
			},
			want: map[int64]want{
				1: {es: "2024-11-26", ef: "2024-11-28", ls: "2024-11-27", lf: "2024-11-29", slack: 1},
				2: {es: "2024-11-26", ef: "2024-12-02", ls: "2024-11-25", lf: "2024-11-29", slack: -1,
					critical: true, atRisk: true, reasons: []Reason{DelaysDependent}},
				3: {es: "2024-12-03", ef: "2024-12-03", ls: "2024-12-02", lf: "2024-12-02", slack: -1,
					critical: true, atRisk: true, reasons: []Reason{AfterTarget}},
			},
			paths: [][]int64{{2, 3}}, slack: -1,
		},
		{
			name: "February 2025 means its last day",
			in: Input{
				Target: entente.MustWhen("2025-02", "", false),
				Tasks:  []Task{task(1, 1)},
			},
			want: map[int64]want{
				// 26 Nov 2024 to 28 Feb 2025: 4 + 22 + 23 + 20 = 69 weekdays, less the task's day.
				1: {es: "2024-11-26", ef: "2024-11-26", ls: "2025-02-28", lf: "2025-02-28", slack: 68},
			},
			paths: [][]int64{{1}}, slack: 68,
		},
		{
			name: "two critical paths",
			in: Input{Tasks: []Task{task(1, 2), task(2, 2), task(3, 1)},
				Dependencies: []Dependency{fs(2, 3, 0), fs(1, 3, 0)}},
			want: map[int64]want{
				1: {es: "2024-11-26", ef: "2024-11-27", ls: "2024-11-26", lf: "2024-11-27", critical: true},
				2: {es: "2024-11-26", ef: "2024-11-27", ls: "2024-11-26", lf: "2024-11-27", critical: true},
				3: {es: "2024-11-28", ef: "2024-11-28", ls: "2024-11-28", lf: "2024-11-28", critical: true},
			},
			paths: [][]int64{{1, 3}, {2, 3}},
		},
		{
			name: "a fixed meeting holds its predecessors",
			in: Input{Tasks: []Task{task(1, 2), with(task(2, 1), func(t *Task) { t.Start = day("2024-12-10") })},
				Dependencies: []Dependency{fs(1, 2, 0)}},
			want: map[int64]want{
				// A may finish Mon 9 Dec: Thu 28, Fri 29, Mon 2 … Fri 6, Mon 9 to spare.
				1: {es: "2024-11-26", ef: "2024-11-27", ls: "2024-12-06", lf: "2024-12-09", slack: 8},
				2: {es: "2024-12-10", ef: "2024-12-10", ls: "2024-12-10", lf: "2024-12-10", critical: true},
			},
			paths: [][]int64{{2}},
		},
		{
			name: "a fixed start on a Saturday moves to Monday",
			in:   Input{Tasks: []Task{with(task(1, 1), func(t *Task) { t.Start = day("2024-11-30") })}},
			want: map[int64]want{
				1: {es: "2024-12-02", ef: "2024-12-02", ls: "2024-12-02", lf: "2024-12-02", critical: true},
			},
			paths: [][]int64{{1}},
		},
		{
			name: "predecessors push a task past its fixed start",
			in: Input{Tasks: []Task{task(1, 10), with(task(2, 1), func(t *Task) { t.Start = day("2024-12-03") })},
				Dependencies: []Dependency{fs(1, 2, 0)}},
			want: map[int64]want{
				// A takes ten days to Mon 9 Dec, so B starts Tue 10 Dec, five working days late.
				1: {es: "2024-11-26", ef: "2024-12-09", ls: "2024-11-19", lf: "2024-12-02", slack: -5,
					critical: true, atRisk: true, reasons: []Reason{DelaysDependent}},
				2: {es: "2024-12-10", ef: "2024-12-10", ls: "2024-12-03", lf: "2024-12-03", slack: -5,
					critical: true, atRisk: true, reasons: []Reason{MissesFixedStart}},
			},
			// The path's slack is to the projected finish, which A and B set.
			paths: [][]int64{{1, 2}},
		},
		{
			name: "a done task keeps its dates and frees its successor",
			in: Input{Tasks: []Task{
				with(task(1, 5), func(t *Task) { t.Status = Done; t.Started = day("2024-11-18"); t.Finished = day("2024-11-25") }),
				task(2, 2)},
				Dependencies: []Dependency{fs(1, 2, 0)}},
			want: map[int64]want{
				1: {es: "2024-11-18", ef: "2024-11-25", ls: "2024-11-18", lf: "2024-11-25"},
				2: {es: "2024-11-26", ef: "2024-11-27", ls: "2024-11-26", lf: "2024-11-27", critical: true},
			},
			paths: [][]int64{{2}},
		},
		{
			name: "a done task without a start date counts back its duration",
			in: Input{Tasks: []Task{
				with(task(1, 3), func(t *Task) { t.Status = Done; t.Finished = day("2024-11-25") })}},
			want: map[int64]want{
				1: {es: "2024-11-21", ef: "2024-11-25", ls: "2024-11-21", lf: "2024-11-25"},
			},
			paths: [][]int64{},
		},
		{
			name: "in progress: the rest runs from today",
			in: Input{Tasks: []Task{
				with(task(1, 10), func(t *Task) { t.Status = InProgress; t.Progress = 50 }),
				with(task(2, 4), func(t *Task) { t.Status = InProgress; t.Progress = 10; t.Started = day("2024-11-25") }),
			}},
			want: map[int64]want{
				// Five days left of ten: Tue 26 to Mon 2; started five working days ago.
				1: {es: "2024-11-19", ef: "2024-12-02", ls: "2024-11-19", lf: "2024-12-02", critical: true},
				// 90% of four days rounds up to four: Tue 26 to Fri 29.
				2: {es: "2024-11-25", ef: "2024-11-29", ls: "2024-11-25", lf: "2024-12-02", slack: 1},
			},
			paths: [][]int64{{1}},
		},
		{
			name: "start-to-start and finish-to-finish",
			in: Input{Tasks: []Task{task(1, 5), task(2, 3), task(3, 1)},
				Dependencies: []Dependency{
					{Predecessor: 1, Successor: 2, Kind: StartToStart, Lag: 2},
					{Predecessor: 1, Successor: 3, Kind: FinishToFinish},
				}},
			want: map[int64]want{
				1: {es: "2024-11-26", ef: "2024-12-02", ls: "2024-11-26", lf: "2024-12-02", critical: true},
				// Two working days after A starts: Thu 28.
				2: {es: "2024-11-28", ef: "2024-12-02", ls: "2024-11-28", lf: "2024-12-02", critical: true},
				// Finishes no earlier than A: Mon 2.
				3: {es: "2024-12-02", ef: "2024-12-02", ls: "2024-12-02", lf: "2024-12-02", critical: true},
			},
			paths: [][]int64{{1, 2}, {1, 3}},
		},
		{
			name: "milestones take no time",
			in: Input{Tasks: []Task{task(1, 3), task(2, 0), task(3, 2), task(4, 0)},
				Dependencies: []Dependency{fs(1, 2, 0), fs(2, 3, 0)}},
			want: map[int64]want{
				1: {es: "2024-11-26", ef: "2024-11-28", ls: "2024-11-26", lf: "2024-11-28", critical: true},
				// Reached at the end of A's last day.
				2: {es: "2024-11-28", ef: "2024-11-28", ls: "2024-11-28", lf: "2024-11-28", critical: true},
				3: {es: "2024-11-29", ef: "2024-12-02", ls: "2024-11-29", lf: "2024-12-02", critical: true},
				// Nothing before it: reached today, may wait until the end.
				4: {es: "2024-11-26", ef: "2024-11-26", ls: "2024-12-02", lf: "2024-12-02", slack: 4},
			},
			paths: [][]int64{{1, 2, 3}},
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
			var paths [][]int64
			for _, p := range res.CriticalPaths {
				paths = append(paths, p.Tasks)
				if p.Slack != tt.slack {
					t.Errorf("path %v has slack %d, want %d", p.Tasks, p.Slack, tt.slack)
				}
			}
			if !slices.EqualFunc(paths, tt.paths, slices.Equal) {
				t.Errorf("critical paths = %v, want %v", paths, tt.paths)
			}
		})
	}
}

func checkWant(t *testing.T, res *Result, wants map[int64]want) {
	t.Helper()
	for _, got := range res.Tasks {
		w, ok := wants[got.ID]
		if !ok {
			continue
		}
		dates := [4]entente.Date{got.EarlyStart, got.EarlyFinish, got.LateStart, got.LateFinish}
		wantDates := [4]entente.Date{day(w.es), day(w.ef), day(w.ls), day(w.lf)}
		if dates != wantDates {
			t.Errorf("#%d: early %v–%v late %v–%v, want early %s–%s late %s–%s", got.ID,
				dates[0], dates[1], dates[2], dates[3], w.es, w.ef, w.ls, w.lf)
		}
		if got.Slack != w.slack || got.Critical != w.critical {
			t.Errorf("#%d: slack %d critical %v, want %d %v", got.ID, got.Slack, got.Critical, w.slack, w.critical)
		}
		if got.Late != w.late || got.AtRisk != w.atRisk || got.BlockedBy != w.blockedBy || got.Blocked != (w.blockedBy != 0) {
			t.Errorf("#%d: late %v at risk %v blocked %v by %d, want %v %v by %d", got.ID,
				got.Late, got.AtRisk, got.Blocked, got.BlockedBy, w.late, w.atRisk, w.blockedBy)
		}
		if !slices.Equal(got.Reasons, w.reasons) {
			t.Errorf("#%d: reasons %v, want %v", got.ID, got.Reasons, w.reasons)
		}
	}
}
