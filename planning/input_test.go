package planning

import (
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/schedule"
)

var today = entente.NewDate(2025, 1, 20)

func TestTaskOf(t *testing.T) {
	d := entente.NewDate
	tests := []struct {
		name   string
		action entente.Action
		want   schedule.Task
	}{
		{"a planned start never fixes the start of work not begun",
			entente.Action{ID: 1, Title: "a", LeadParty: "PAK", Status: entente.ActionNotStarted, PlannedStart: d(2025, 2, 3), DurationDays: 5},
			schedule.Task{ID: 1, Title: "a", Calendar: "PAK", Duration: 5, Status: schedule.NotStarted}},
		{"in progress: began on its planned start",
			entente.Action{ID: 2, Title: "b", Status: entente.ActionInProgress, PlannedStart: d(2025, 1, 13), DurationDays: 8, Progress: 40},
			schedule.Task{ID: 2, Title: "b", Duration: 8, Status: schedule.InProgress, Progress: 40, Started: d(2025, 1, 13)}},
		{"in progress with a planned start after today: estimated from progress",
			entente.Action{ID: 3, Title: "c", Status: entente.ActionInProgress, PlannedStart: d(2025, 1, 27), DurationDays: 8, Progress: 10},
			schedule.Task{ID: 3, Title: "c", Duration: 8, Status: schedule.InProgress, Progress: 10}},
		{"done on its finish day",
			entente.Action{ID: 4, Title: "d", Status: entente.ActionDone, PlannedStart: d(2025, 1, 2), DoneOn: d(2025, 1, 10), DurationDays: 5, Progress: 100},
			schedule.Task{ID: 4, Title: "d", Duration: 5, Status: schedule.Done, Progress: 100, Started: d(2025, 1, 2), Finished: d(2025, 1, 10)}},
		{"done before its planned start: the start is not believed",
			entente.Action{ID: 5, Title: "e", Status: entente.ActionDone, PlannedStart: d(2025, 1, 15), DoneOn: d(2025, 1, 10), DurationDays: 5, Progress: 100},
			schedule.Task{ID: 5, Title: "e", Duration: 5, Status: schedule.Done, Progress: 100, Finished: d(2025, 1, 10)}},
		{"done without a finish day: the day it was last changed",
			entente.Action{ID: 6, Title: "f", Status: entente.ActionDone, DurationDays: 1, Progress: 100, UpdatedAt: time.Date(2025, 1, 17, 22, 0, 0, 0, time.UTC)},
			schedule.Task{ID: 6, Title: "f", Duration: 1, Status: schedule.Done, Progress: 100, Finished: d(2025, 1, 17)}},
		{"blocked, with its deadline",
			entente.Action{ID: 7, Title: "g", Status: entente.ActionBlocked, DurationDays: 3, Due: entente.MustWhen("2025-02", "", false)},
			schedule.Task{ID: 7, Title: "g", Duration: 3, Status: schedule.Blocked, Due: entente.MustWhen("2025-02", "", false)}},
	}
	for _, tt := range tests {
		if got := taskOf(&tt.action, today); got != tt.want {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

// TestNewInputLeavesCancelledOut checks that a cancelled action and its dependencies take no
// part, and that the target is the goal's last day.
func TestNewInputLeavesCancelledOut(t *testing.T) {
	actions := []*entente.Action{
		{ID: 1, Title: "a", Status: entente.ActionNotStarted, DurationDays: 2},
		{ID: 2, Title: "b", Status: entente.ActionCancelled, DurationDays: 2},
		{ID: 3, Title: "c", Status: entente.ActionNotStarted, DurationDays: 2},
	}
	deps := []*entente.Dependency{
		{ID: 10, PredecessorID: 1, SuccessorID: 2, Kind: entente.FinishToStart},
		{ID: 11, PredecessorID: 2, SuccessorID: 3, Kind: entente.FinishToStart},
		{ID: 12, PredecessorID: 1, SuccessorID: 3, Kind: entente.StartToStart, LagDays: 1},
	}
	goal := &entente.ScheduleTarget{Kind: entente.TargetDate, Date: entente.NewDate(2025, 2, 28)}
	in := newInput(today, goal, actions, deps)
	if len(in.Tasks) != 2 || in.Tasks[0].ID != 1 || in.Tasks[1].ID != 3 {
		t.Errorf("tasks %+v, want actions 1 and 3", in.Tasks)
	}
	want := schedule.Dependency{Predecessor: 1, Successor: 3, Kind: schedule.StartToStart, Lag: 1}
	if len(in.Dependencies) != 1 || in.Dependencies[0] != want {
		t.Errorf("dependencies %+v, want only %+v", in.Dependencies, want)
	}
	if in.Target.Latest != goal.Date {
		t.Errorf("target %v, want %v", in.Target, goal.Date)
	}
}

// TestExplainNamesActions checks that the scheduler's problems come back keyed by action and
// dependency ids, with messages that name the actions.
func TestExplainNamesActions(t *testing.T) {
	actions := []*entente.Action{
		{ID: 41, Title: "Draft the protocol", Status: entente.ActionNotStarted, DurationDays: 2},
		{ID: 42, Title: "Agree the protocol", Status: entente.ActionNotStarted, DurationDays: 2},
		{ID: 43, Title: "Sign the protocol", Status: entente.ActionDone, DurationDays: 1, DoneOn: entente.NewDate(2025, 3, 1)},
	}
	tests := []struct {
		name  string
		deps  []*entente.Dependency
		field string
		want  string
	}{
		{"a cycle", []*entente.Dependency{
			{ID: 7, PredecessorID: 41, SuccessorID: 42, Kind: entente.FinishToStart},
			{ID: 8, PredecessorID: 42, SuccessorID: 41, Kind: entente.FinishToStart},
		}, "dependencies", `"Draft the protocol" (#41)`},
		{"a lag beyond the horizon", []*entente.Dependency{
			{ID: 9, PredecessorID: 41, SuccessorID: 42, Kind: entente.FinishToStart, LagDays: 9000},
		}, "dependencies.9.lag_days", `"Agree the protocol" (#42)`},
	}
	for _, tt := range tests {
		in := newInput(today, nil, actions[:2], tt.deps)
		_, err := schedule.Compute(in.Input)
		err = in.explain(err)
		if entente.ErrorCode(err) != entente.EINVALID || entente.ErrorFields(err)[tt.field] == "" || !strings.Contains(entente.ErrorMessage(err), tt.want) {
			t.Errorf("%s: %v, want EINVALID on %s naming %s", tt.name, err, tt.field, tt.want)
		}
	}
	in := newInput(today, nil, actions, nil)
	_, err := schedule.Compute(in.Input)
	if f := entente.ErrorFields(in.explain(err)); f["actions.43.done_on"] == "" {
		t.Errorf("a done action finished after today: fields %v, want actions.43.done_on", f)
	}
}

// TestCalendarProblemNamesTheActions checks the error of a lead party without a calendar.
func TestCalendarProblemNamesTheActions(t *testing.T) {
	var actions []*entente.Action
	for i := range 5 {
		actions = append(actions, &entente.Action{ID: int64(i + 1), Title: "step " + string(rune('a'+i)), LeadParty: "XYZ"})
	}
	actions[1].Status = entente.ActionCancelled
	err := calendarProblem("XYZ", actions, entente.NotFound("party", "XYZ"))
	want := `XYZ, which leads "step a" (#1), "step c" (#3), "step d" (#4), and 1 more, has no working calendar`
	if entente.ErrorCode(err) != entente.EINVALID || !strings.Contains(entente.ErrorMessage(err), want) || entente.ErrorFields(err)["lead_party"] == "" {
		t.Errorf("%v, want EINVALID on lead_party saying %q", err, want)
	}
}
