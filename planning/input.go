package planning

import (
	"errors"
	"regexp"
	"strconv"

	"github.com/entente/entente"
	"github.com/entente/entente/schedule"
)

// input is the scheduler's input for a roadmap, with the actions and dependencies behind its
// tasks so that results and errors can be told in the roadmap's terms.
type input struct {
	schedule.Input
	actions []*entente.Action     // behind Input.Tasks, position by position
	deps    []*entente.Dependency // behind Input.Dependencies, position by position
}

// newInput maps the roadmap's actions and dependencies to tasks. Cancelled actions are left
// out, and with them every dependency that touches one (or an action the roadmap no longer
// holds).
func newInput(today entente.Date, goal *entente.ScheduleTarget, actions []*entente.Action, deps []*entente.Dependency) *input {
	in := &input{Input: schedule.Input{Today: today}}
	if goal != nil {
		in.Target = entente.WhenOfDate(goal.Date)
	}
	taking := make(map[int64]bool, len(actions))
	for _, a := range actions {
		if a.Status == entente.ActionCancelled {
			continue
		}
		taking[a.ID] = true
		in.actions = append(in.actions, a)
		in.Tasks = append(in.Tasks, taskOf(a, today))
	}
	for _, d := range deps {
		if taking[d.PredecessorID] && taking[d.SuccessorID] {
			in.deps = append(in.deps, d)
			in.Dependencies = append(in.Dependencies, schedule.Dependency{Predecessor: d.PredecessorID,
				Successor: d.SuccessorID, Kind: schedule.Kind(d.Kind), Lag: d.LagDays})
		}
	}
	return in
}

// taskOf maps an action to a task. The planned start is when an action in progress or done
// began, if that is consistent with today and its finish; it never fixes the start of one not
// begun. A done action without its finish day (data from before finish days were kept) is
// taken to have finished on the day it was last changed.
func taskOf(a *entente.Action, today entente.Date) schedule.Task {
	t := schedule.Task{ID: a.ID, Title: a.Title, Calendar: a.LeadParty, Duration: a.DurationDays,
		Progress: a.Progress, Due: a.Due}
	switch a.Status {
	case entente.ActionInProgress:
		t.Status = schedule.InProgress
	case entente.ActionDone:
		t.Status, t.Finished = schedule.Done, a.DoneOn
		if t.Finished.IsZero() {
			t.Finished = entente.DateOf(a.UpdatedAt.UTC())
			if t.Finished.After(today) || a.UpdatedAt.IsZero() {
				t.Finished = today
			}
		}
	case entente.ActionBlocked:
		t.Status = schedule.Blocked
	default:
		t.Status = schedule.NotStarted
	}
	begun := t.Status == schedule.InProgress || t.Status == schedule.Done
	if s := a.PlannedStart; begun && !s.IsZero() && !s.After(today) && (t.Finished.IsZero() || !s.After(t.Finished)) {
		t.Started = s
	}
	return t
}

// fieldPath matches the scheduler's field paths: tasks[3].due, dependencies[0].lag_days.
var fieldPath = regexp.MustCompile(`^(tasks|dependencies)\[(\d+)\]\.(\w+)$`)

// taskFields and dependencyFields name the scheduler's fields as the API names them.
var (
	taskFields = map[string]string{"duration": "duration_days", "status": "status", "progress": "progress",
		"calendar": "lead_party", "start": "planned_start", "due": "due", "started": "planned_start", "finished": "done_on"}
	dependencyFields = map[string]string{"predecessor": "predecessor_id", "successor": "successor_id",
		"kind": "kind", "lag_days": "lag_days"}
)

// explain rewrites the scheduler's error in the roadmap's terms: a problem with tasks[3].due
// becomes one with actions.<id>.due, a dependency's with dependencies.<id>.<field>. The
// message, which names the actions already, is kept.
func (in *input) explain(err error) error {
	var e *entente.Error
	if !errors.As(err, &e) {
		return err
	}
	out := &entente.Error{Code: e.Code, Message: e.Message, Fields: make(map[string]string, len(e.Fields))}
	for k, v := range e.Fields {
		out.Fields[in.fieldName(k)] = v
	}
	return out
}

// fieldName renames one field path of the scheduler.
func (in *input) fieldName(path string) string {
	m := fieldPath.FindStringSubmatch(path)
	if m == nil {
		return path
	}
	i, _ := strconv.Atoi(m[2])
	switch {
	case m[1] == "tasks" && i < len(in.actions):
		return "actions." + strconv.FormatInt(in.actions[i].ID, 10) + "." + renamed(taskFields, m[3])
	case m[1] == "dependencies" && i < len(in.deps):
		return "dependencies." + strconv.FormatInt(in.deps[i].ID, 10) + "." + renamed(dependencyFields, m[3])
	}
	return path
}

func renamed(names map[string]string, field string) string {
	if n, ok := names[field]; ok {
		return n
	}
	return field
}

// describe turns the scheduler's result into the roadmap's schedule.
func (in *input) describe(roadmapID int64, goal *entente.ScheduleTarget, res *schedule.Result) *entente.Schedule {
	out := &entente.Schedule{RoadmapID: roadmapID, Today: res.Today, Target: goal, Finish: res.Finish,
		Actions: make([]entente.ActionSchedule, len(res.Tasks)), CriticalPaths: make([]entente.CriticalPath, len(res.CriticalPaths)),
		MorePaths: res.MorePaths}
	for i, t := range res.Tasks {
		a := in.actions[i]
		as := entente.ActionSchedule{ID: t.ID, Title: t.Title, TrackID: a.TrackID, LeadParty: a.LeadParty,
			Status: a.Status, Milestone: t.Milestone, EarlyStart: t.EarlyStart, EarlyFinish: t.EarlyFinish,
			LateStart: t.LateStart, LateFinish: t.LateFinish, Slack: t.Slack, Due: t.Due, Critical: t.Critical,
			Late: t.Late, AtRisk: t.AtRisk, Blocked: t.Blocked, BlockedBy: t.BlockedBy}
		for _, r := range t.Reasons {
			as.Reasons = append(as.Reasons, string(r))
		}
		out.Actions[i] = as
	}
	for i, p := range res.CriticalPaths {
		out.CriticalPaths[i] = entente.CriticalPath{Actions: p.Tasks, Slack: p.Slack}
	}
	ds := res.Deadlines()
	out.Deadlines = make([]entente.ScheduleDeadline, len(ds))
	for i, d := range ds {
		out.Deadlines[i] = entente.ScheduleDeadline{ID: d.ID, Title: d.Title, LatestFinish: d.LatestFinish,
			ProjectedFinish: d.ProjectedFinish, Slack: d.Slack, Critical: d.Critical, Late: d.Late,
			AtRisk: d.AtRisk, Blocked: d.Blocked}
	}
	return out
}
