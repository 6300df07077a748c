package schedule

import (
	"errors"
	"strings"
	"testing"

	"github.com/entente/entente"
)

func TestComputeRefusesBadInput(t *testing.T) {
	titled := func(id int64, title string, duration int) Task {
		return Task{ID: id, Title: title, Duration: duration}
	}
	base := func() Input {
		return Input{Today: day(summit), Tasks: []Task{titled(1, "Draft MoU", 5), titled(2, "Legal review", 3)}}
	}
	tests := []struct {
		name  string
		edit  func(*Input)
		field string
		says  []string // the field's problem mentions each
	}{
		{"no today", func(in *Input) { in.Today = entente.Date{} }, "today", []string{"missing"}},
		{"negative duration", func(in *Input) { in.Tasks[1].Duration = -2 }, "tasks[1].duration",
			[]string{`"Legal review" (#2)`, "negative"}},
		{"duration past the horizon", func(in *Input) { in.Tasks[0].Duration = MaxDuration + 1 }, "tasks[0].duration",
			[]string{`"Draft MoU" (#1)`, "horizon"}},
		{"unknown predecessor", func(in *Input) { in.Dependencies = []Dependency{fs(9, 2, 0)} },
			"dependencies[0].predecessor", []string{`"Legal review" (#2)`, "no action #9"}},
		{"unknown successor", func(in *Input) { in.Dependencies = []Dependency{fs(1, 7, 0)} },
			"dependencies[0].successor", []string{`"Draft MoU" (#1)`, "no action #7"}},
		{"lag past the horizon", func(in *Input) { in.Dependencies = []Dependency{fs(1, 2, MaxLag+1)} },
			"dependencies[0].lag_days", []string{`"Legal review" (#2) on action "Draft MoU" (#1)`, "horizon"}},
		{"lead too long", func(in *Input) { in.Dependencies = []Dependency{fs(1, 2, -MaxLead-1)} },
			"dependencies[0].lag_days", []string{"lead of 261"}},
		{"unknown kind", func(in *Input) { in.Dependencies = []Dependency{{Predecessor: 1, Successor: 2, Kind: "SF"}} },
			"dependencies[0].kind", []string{`"SF"`}},
		{"depends on itself", func(in *Input) { in.Dependencies = []Dependency{fs(2, 2, 0)} },
			"dependencies[0].predecessor", []string{`"Legal review" (#2) depends on itself`}},
		{"duplicate id", func(in *Input) { in.Tasks[1].ID = 1 }, "tasks[1].id", []string{"same id", "tasks[0]"}},
		{"unknown calendar", func(in *Input) { in.Tasks[0].Calendar = "BLR" }, "tasks[0].calendar", []string{`"BLR"`}},
		{"unknown status", func(in *Input) { in.Tasks[0].Status = "cancelled" }, "tasks[0].status", []string{`"cancelled"`}},
		{"progress over 100", func(in *Input) { in.Tasks[0].Progress = 120 }, "tasks[0].progress", []string{"120%"}},
		{"done without a finish date", func(in *Input) { in.Tasks[0].Status = Done }, "tasks[0].finished", []string{"no finish date"}},
		{"done in the future", func(in *Input) { in.Tasks[0].Status, in.Tasks[0].Finished = Done, day("2024-12-01") },
			"tasks[0].finished", []string{"after today"}},
		{"started after finishing", func(in *Input) {
			in.Tasks[0].Status, in.Tasks[0].Started, in.Tasks[0].Finished = Done, day("2024-11-20"), day("2024-11-19")
		}, "tasks[0].started", []string{"after it finished"}},
		{"impossible date", func(in *Input) { in.Tasks[0].Start = entente.Date{Year: 2025, Month: 2, Day: 30} },
			"tasks[0].start", []string{"not a day"}},
		{"a deadline a century away", func(in *Input) { in.Tasks[0].Due = entente.MustWhen("9999", "", false) },
			"tasks[0].due", []string{"more than 100 years"}},
		{"target without a last day", func(in *Input) { in.Target = entente.MustWhen("2025", "AFTER", false) },
			"target", []string{"no last day"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := base()
			tt.edit(&in)
			_, err := Compute(in)
			var e *entente.Error
			if !errors.As(err, &e) || e.Code != entente.EINVALID {
				t.Fatalf("err = %v, want an EINVALID *entente.Error", err)
			}
			problem, ok := e.Fields[tt.field]
			if !ok {
				t.Fatalf("fields %v lack %q", e.Fields, tt.field)
			}
			for _, s := range tt.says {
				if !strings.Contains(problem, s) {
					t.Errorf("%s: %q does not say %q", tt.field, problem, s)
				}
			}
			if !strings.Contains(e.Message, problem) {
				t.Errorf("message %q does not give the first problem %q", e.Message, problem)
			}
		})
	}
}

func TestComputeReportsEveryProblem(t *testing.T) {
	in := Input{Today: day(summit), Tasks: []Task{task(1, -1), task(2, -3)}, Dependencies: []Dependency{fs(1, 5, 0)}}
	_, err := Compute(in)
	fields := entente.ErrorFields(err)
	for _, f := range []string{"tasks[0].duration", "tasks[1].duration", "dependencies[0].successor"} {
		if _, ok := fields[f]; !ok {
			t.Errorf("fields %v lack %s", fields, f)
		}
	}
	if msg := entente.ErrorMessage(err); !strings.Contains(msg, "2 more problems") {
		t.Errorf("message %q does not count the other problems", msg)
	}
}

func TestComputeRefusesCycles(t *testing.T) {
	tests := []struct {
		name  string
		tasks []Task
		deps  []Dependency
		chain string
	}{
		{
			name:  "two tasks",
			tasks: []Task{{ID: 4, Title: "Agree text"}, {ID: 2, Title: "Approve text"}},
			deps:  []Dependency{fs(4, 2, 0), fs(2, 4, 0)},
			chain: `action "Approve text" (#2) → action "Agree text" (#4) → action "Approve text" (#2)`,
		},
		{
			name: "three tasks behind a chain, in cycle order from the smallest id",
			tasks: []Task{{ID: 1, Title: "Summit"}, {ID: 7, Title: "Draft"}, {ID: 5, Title: "Review"},
				{ID: 6, Title: "Approve"}, {ID: 9, Title: "Sign"}},
			deps: []Dependency{fs(1, 7, 0), fs(7, 5, 0), fs(5, 6, 0), fs(6, 7, 2), fs(6, 9, 0)},
			chain: `action "Review" (#5) → action "Approve" (#6) → action "Draft" (#7) → ` +
				`action "Review" (#5)`,
		},
		{
			name:  "start-to-start and finish-to-finish count",
			tasks: []Task{{ID: 1, Title: "A"}, {ID: 2, Title: "B"}},
			deps:  []Dependency{{Predecessor: 1, Successor: 2, Kind: StartToStart}, {Predecessor: 2, Successor: 1, Kind: FinishToFinish}},
			chain: `action "A" (#1) → action "B" (#2) → action "A" (#1)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i := range tt.tasks {
				tt.tasks[i].Duration = 1
			}
			_, err := Compute(Input{Today: day(summit), Tasks: tt.tasks, Dependencies: tt.deps})
			if entente.ErrorCode(err) != entente.EINVALID {
				t.Fatalf("err = %v, want EINVALID", err)
			}
			if msg := entente.ErrorMessage(err); !strings.Contains(msg, "cycle") || !strings.Contains(msg, tt.chain) {
				t.Errorf("message %q does not name the cycle %s", msg, tt.chain)
			}
		})
	}
}

func TestComputeRefusesSchedulesPastTheYear9999(t *testing.T) {
	_, err := Compute(Input{Today: day("9999-12-01"), Tasks: []Task{task(1, 100)}})
	if entente.ErrorCode(err) != entente.EINVALID || !strings.Contains(entente.ErrorMessage(err), "9999-12-31") {
		t.Fatalf("err = %v, want EINVALID naming 9999-12-31", err)
	}
}

func TestComputeRefusesCalendarsWithoutWorkingDays(t *testing.T) {
	_, err := Compute(Input{Today: day(summit), Tasks: []Task{{ID: 1, Duration: 1, Calendar: "XYZ"}},
		Calendars: map[string]WorkingDays{"XYZ": noWorkingDays{}}})
	if entente.ErrorCode(err) != entente.EINVALID || !strings.Contains(entente.ErrorMessage(err), `"XYZ" has no working day`) {
		t.Fatalf("err = %v, want EINVALID naming the calendar", err)
	}
}

func TestComputeNamesTheStartOfALongCycle(t *testing.T) {
	const n = 50_000
	in := Input{Today: day(summit)}
	for i := range n {
		in.Tasks = append(in.Tasks, Task{ID: int64(i + 1), Title: "step", Duration: 1})
		in.Dependencies = append(in.Dependencies, fs(int64(i+1), int64((i+1)%n+1), 0))
	}
	_, err := Compute(in)
	msg := entente.ErrorMessage(err)
	want := `action "step" (#1) → action "step" (#2) → `
	if !strings.Contains(msg, want) || !strings.Contains(msg, "(49980 more actions) → action \"step\" (#1).") || len(msg) > 2000 {
		t.Errorf("message %q: want the first %d actions named and the rest counted", msg, maxNamed)
	}
}
