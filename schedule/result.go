package schedule

import (
	"cmp"
	"slices"

	"github.com/entente/entente"
)

// result turns the computed boundaries into days, slack, flags and critical paths.
func (pl *plan) result() *Result {
	res := &Result{
		Today:         pl.in.Today,
		Target:        pl.in.Target.Latest,
		Tasks:         make([]TaskSchedule, len(pl.in.Tasks)),
		CriticalPaths: []Path{},
	}
	if pl.finish != noLower {
		res.Finish = dateOf(pl.finish - 1)
	}
	for i := range pl.in.Tasks {
		pl.describe(int32(i), &res.Tasks[i])
	}
	res.CriticalPaths, res.MorePaths = pl.criticalPaths()
	return res
}

// describe fills ts with u's days, slack and flags.
func (pl *plan) describe(u int32, ts *TaskSchedule) {
	t := &pl.in.Tasks[u]
	status := pl.status(u)
	*ts = TaskSchedule{
		ID: t.ID, Title: t.Title, Status: status, Milestone: t.Duration == 0,
		EarlyStart: dateOf(pl.es[u]), EarlyFinish: dateOf(pl.ef[u] - 1),
		LateStart: dateOf(pl.late.ls[u]), LateFinish: dateOf(pl.late.lf[u] - 1),
		Due: t.Due.Latest,
	}
	if ts.Milestone {
		ts.EarlyStart, ts.LateStart = ts.EarlyFinish, ts.LateFinish
	}
	if pl.state[u] == done {
		return
	}
	ts.Slack = pl.cal[u].count(pl.ef[u], pl.late.lf[u])
	ts.Critical = ts.Slack <= 0
	ts.Late = !t.Due.Latest.IsZero() && t.Due.Latest.Before(pl.in.Today)
	if b := pl.blockedBy[u]; b >= 0 {
		ts.Blocked, ts.BlockedBy = true, pl.in.Tasks[b].ID
	}
	ts.Reasons = pl.reasons(u, ts.Slack)
	ts.AtRisk = len(ts.Reasons) > 0
}

// reasons lists why an unfinished task u is at risk.
func (pl *plan) reasons(u int32, slack int) []Reason {
	t := &pl.in.Tasks[u]
	var rs []Reason
	if due := t.Due.Latest; !due.IsZero() && pl.ef[u] > dayNumber(due)+1 {
		rs = append(rs, AfterDue)
	}
	if pl.toTarget(u) && pl.ef[u] > pl.target {
		rs = append(rs, AfterTarget)
	}
	if pl.startHeld(u) && !t.Start.IsZero() && pl.startAfterFixed(u) {
		rs = append(rs, MissesFixedStart)
	}
	if slack < 0 && len(rs) == 0 {
		rs = append(rs, DelaysDependent)
	}
	return rs
}

// startAfterFixed reports whether u was pushed past its fixed start.
func (pl *plan) startAfterFixed(u int32) bool {
	if pl.work[u] == 0 {
		return pl.ef[u] > pl.fixedStart(u)
	}
	return pl.es[u] > pl.fixedStart(u)
}

// Deadline is one line of the "what must happen by when" list.
type Deadline struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	// LatestFinish is the last day the task may finish on and keep every later date.
	LatestFinish entente.Date `json:"latest_finish"`
	// ProjectedFinish is the day it is projected to finish on.
	ProjectedFinish entente.Date `json:"projected_finish"`
	Slack           int          `json:"slack"`
	Critical        bool         `json:"critical"`
	Late            bool         `json:"late"`
	AtRisk          bool         `json:"at_risk"`
	Blocked         bool         `json:"blocked"`
}

// Deadlines returns the "what must happen by when" list: every task not done, ordered by the
// latest day it may finish on, then by projected finish, then by id.
func (r *Result) Deadlines() []Deadline {
	ds := make([]Deadline, 0, len(r.Tasks))
	for i := range r.Tasks {
		t := &r.Tasks[i]
		if t.Status == Done {
			continue
		}
		ds = append(ds, Deadline{ID: t.ID, Title: t.Title, LatestFinish: t.LateFinish,
			ProjectedFinish: t.EarlyFinish, Slack: t.Slack, Critical: t.Critical,
			Late: t.Late, AtRisk: t.AtRisk, Blocked: t.Blocked})
	}
	sortDeadlines(ds)
	return ds
}

// sortDeadlines orders by latest finish, projected finish, then id.
func sortDeadlines(ds []Deadline) {
	slices.SortFunc(ds, func(a, b Deadline) int {
		if c := a.LatestFinish.Compare(b.LatestFinish); c != 0 {
			return c
		}
		if c := a.ProjectedFinish.Compare(b.ProjectedFinish); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}
