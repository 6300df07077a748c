package schedule

import (
	"testing"

	"github.com/entente/entente"
)

// This file checks a computed schedule against the rules of the package comment, walking the
// calendars day by day with entente.Date: it shares no arithmetic with the code under test.

// checker holds an input and its result, looked up by task id.
type checker struct {
	t     *testing.T
	in    Input
	task  map[int64]*Task
	sched map[int64]*TaskSchedule
}

func checkSchedule(t *testing.T, in Input, res *Result) {
	t.Helper()
	c := &checker{t: t, in: in, task: map[int64]*Task{}, sched: map[int64]*TaskSchedule{}}
	if len(res.Tasks) != len(in.Tasks) {
		t.Fatalf("%d task schedules for %d tasks", len(res.Tasks), len(in.Tasks))
	}
	for i := range in.Tasks {
		c.task[in.Tasks[i].ID] = &in.Tasks[i]
		c.sched[in.Tasks[i].ID] = &res.Tasks[i]
	}
	for _, d := range in.Dependencies {
		c.checkDependency(d)
	}
	for i := range in.Tasks {
		c.checkTask(&in.Tasks[i], &res.Tasks[i])
		if statusOf(&in.Tasks[i]) != Done {
			c.checkEarliest(&in.Tasks[i], &res.Tasks[i])
			c.checkLatest(&in.Tasks[i], &res.Tasks[i], res)
		}
	}
	c.checkBlocked()
	c.checkPaths(res)
}

func (c *checker) calendar(t *Task) WorkingDays {
	if cal, ok := c.in.Calendars[t.Calendar]; ok {
		return cal
	}
	return Weekdays{}
}

func statusOf(t *Task) Status {
	if t.Status == "" {
		return NotStarted
	}
	return t.Status
}

// startHeldByDeps reports whether dependencies on t's start still apply.
func startHeldByDeps(t *Task) bool {
	s := statusOf(t)
	return s == NotStarted || s == Blocked
}

// boundaries returns the start of the days on which a task's start and finish events happen:
// the first day of work and the day after the last; both the day after a milestone's date.
func boundaries(ts *TaskSchedule, early bool) (start, finish entente.Date) {
	s, f := ts.EarlyStart, ts.EarlyFinish
	if !early {
		s, f = ts.LateStart, ts.LateFinish
	}
	if ts.Milestone {
		return f.AddDays(1), f.AddDays(1)
	}
	return s, f.AddDays(1)
}

// walkShift is shift done by hand: no lag leaves x; else the end of the lag-th working day
// from the first working day on or after x (counting backwards for a lead).
func walkShift(cal WorkingDays, x entente.Date, lag int) entente.Date {
	if lag == 0 {
		return x
	}
	d := x
	for !cal.IsWorkingDay(d) {
		d = d.AddDays(1)
	}
	step := 1
	if lag-1 < 0 {
		step = -1
	}
	for moved := 0; moved != lag-1; moved += step {
		d = d.AddDays(step)
		for !cal.IsWorkingDay(d) {
			d = d.AddDays(step)
		}
	}
	return d.AddDays(1)
}

// checkDependency checks that the early schedule, and the late schedule where both tasks are
// still to be scheduled, respect d.
func (c *checker) checkDependency(d Dependency) {
	u, v := c.task[d.Predecessor], c.task[d.Successor]
	if statusOf(v) == Done || (d.Kind != FinishToFinish && !startHeldByDeps(v)) {
		return
	}
	for _, early := range []bool{true, false} {
		if !early && (statusOf(u) == Done || (d.Kind == StartToStart && !startHeldByDeps(u))) {
			continue
		}
		us, uf := boundaries(c.sched[u.ID], early)
		vs, vf := boundaries(c.sched[v.ID], early)
		x, event := uf, vs
		if d.Kind == StartToStart {
			x = us
		}
		if d.Kind == FinishToFinish {
			event = vf
		}
		if bound := walkShift(c.calendar(v), x, d.Lag); event.Before(bound) {
			c.t.Fatalf("dependency %+v broken (early %v): successor event %v before %v", d, early, event, bound)
		}
	}
}

// workingDaysIn counts the working days from a to b inclusive.
func workingDaysIn(cal WorkingDays, a, b entente.Date) int {
	n := 0
	for d := a; !d.After(b); d = d.AddDays(1) {
		if cal.IsWorkingDay(d) {
			n++
		}
	}
	return n
}

// signedWorkingDays counts the working days in [a, b), negated when b is before a.
func signedWorkingDays(cal WorkingDays, a, b entente.Date) int {
	if b.Before(a) {
		return -signedWorkingDays(cal, b, a)
	}
	return workingDaysIn(cal, a, b.AddDays(-1))
}

func (c *checker) checkTask(t *Task, ts *TaskSchedule) {
	cal, today := c.calendar(t), c.in.Today
	status := statusOf(t)
	if status == Done {
		if ts.EarlyFinish != t.Finished || ts.LateFinish != t.Finished || ts.Slack != 0 || ts.Critical || ts.AtRisk {
			c.t.Fatalf("done task %d: %+v", t.ID, ts)
		}
		return
	}
	if t.Duration > 0 && startHeldByDeps(t) {
		for _, span := range [][2]entente.Date{{ts.EarlyStart, ts.EarlyFinish}, {ts.LateStart, ts.LateFinish}} {
			if !cal.IsWorkingDay(span[0]) || !cal.IsWorkingDay(span[1]) || workingDaysIn(cal, span[0], span[1]) != t.Duration {
				c.t.Fatalf("task %d of %d days spans %v to %v", t.ID, t.Duration, span[0], span[1])
			}
		}
		if ts.EarlyStart.Before(today) || (!t.Start.IsZero() && ts.EarlyStart.Before(t.Start)) {
			c.t.Fatalf("task %d starts %v, before today or its fixed start %v", t.ID, ts.EarlyStart, t.Start)
		}
	}
	if ts.EarlyFinish.Before(today) {
		c.t.Fatalf("unfinished task %d is projected to finish %v, before today", t.ID, ts.EarlyFinish)
	}
	_, ef := boundaries(ts, true)
	_, lf := boundaries(ts, false)
	if want := signedWorkingDays(cal, ef, lf); ts.Slack != want || ts.Critical != (want <= 0) {
		c.t.Fatalf("task %d: slack %d critical %v, want %d", t.ID, ts.Slack, ts.Critical, want)
	}
	if due := t.Due.Latest; !due.IsZero() && ts.LateFinish.After(due) {
		c.t.Fatalf("task %d may finish %v, after its deadline %v", t.ID, ts.LateFinish, due)
	}
	if late := !t.Due.Latest.IsZero() && t.Due.Latest.Before(today); ts.Late != late {
		c.t.Fatalf("task %d: late %v, want %v", t.ID, ts.Late, late)
	}
	if due := t.Due.Latest; !due.IsZero() && ts.EarlyFinish.After(due) && !ts.AtRisk {
		c.t.Fatalf("task %d finishes %v after its deadline %v and is not at risk", t.ID, ts.EarlyFinish, due)
	}
	if ts.Slack < 0 && !ts.AtRisk {
		c.t.Fatalf("task %d has negative slack and is not at risk", t.ID)
	}
}

// checkBlocked computes the blocked flags by repeating until nothing changes.
func (c *checker) checkBlocked() {
	blocked := map[int64]bool{}
	for changed := true; changed; {
		changed = false
		for _, t := range c.task {
			if blocked[t.ID] || statusOf(t) == Done {
				continue
			}
			b := statusOf(t) == Blocked
			for _, d := range c.in.Dependencies {
				applies := d.Kind == FinishToFinish || startHeldByDeps(t)
				b = b || (d.Successor == t.ID && applies && blocked[d.Predecessor])
			}
			if b {
				blocked[t.ID], changed = true, true
			}
		}
	}
	for id, ts := range c.sched {
		if ts.Blocked != blocked[id] || (ts.Blocked && !blocked[ts.BlockedBy]) {
			c.t.Fatalf("task %d: blocked %v by %d, want %v", id, ts.Blocked, ts.BlockedBy, blocked[id])
		}
	}
}

// checkPaths checks that paths are chains of dependencies through tasks of the least slack.
func (c *checker) checkPaths(res *Result) {
	if len(res.CriticalPaths) > MaxPaths {
		c.t.Fatalf("%d paths, more than %d", len(res.CriticalPaths), MaxPaths)
	}
	least, open := 0, false
	for _, ts := range res.Tasks {
		if ts.Status != Done && (!open || ts.Slack < least) {
			least, open = ts.Slack, true
		}
	}
	if want := open && c.endsAtTarget(); want != (len(res.CriticalPaths) > 0) {
		c.t.Fatalf("%d critical paths; want some: %v", len(res.CriticalPaths), want)
	}
	// Without deadlines and fixed starts, the slack to the target is the total slack.
	plain := true
	for _, t := range c.in.Tasks {
		plain = plain && t.Due.Latest.IsZero() && t.Start.IsZero()
	}
	for _, p := range res.CriticalPaths {
		if len(p.Tasks) == 0 || (plain && p.Slack != least) {
			c.t.Fatalf("path %+v: want slack %d", p, least)
		}
		hasLeast := false
		for i, id := range p.Tasks {
			ts := c.sched[id]
			if ts.Status == Done || (plain && ts.Slack < least) {
				c.t.Fatalf("path %v: task %d is done or has slack %d, below %d", p.Tasks, id, ts.Slack, least)
			}
			hasLeast = hasLeast || ts.Slack == least
			if i > 0 && !c.drivesEarly(p.Tasks[i-1], id) {
				c.t.Fatalf("path %v: no dependency of %d on %d sets its early date", p.Tasks, id, p.Tasks[i-1])
			}
		}
		if plain && !hasLeast {
			c.t.Fatalf("path %v has no task of the least slack %d", p.Tasks, least)
		}
	}
}

// drivesEarly reports whether a dependency of succ on pred sets succ's early date exactly.
func (c *checker) drivesEarly(pred, succ int64) bool {
	v := c.task[succ]
	for _, d := range c.in.Dependencies {
		if d.Predecessor != pred || d.Successor != succ || !dependencyApplies(d, v) {
			continue
		}
		us, uf := boundaries(c.sched[pred], true)
		vs, vf := boundaries(c.sched[succ], true)
		x, event := uf, vs
		if d.Kind == StartToStart {
			x = us
		}
		b := walkShift(c.calendar(v), x, d.Lag)
		if v.Duration > 0 && d.Kind == FinishToFinish {
			b = firstWorking(c.calendar(v), b.AddDays(-1)).AddDays(1)
			event = vf
		} else if v.Duration > 0 {
			b = firstWorking(c.calendar(v), b)
		} else {
			event = vf
		}
		if event == b {
			return true
		}
	}
	return false
}

// endsAtTarget reports whether some unfinished work leads to the target: without a target,
// any; with one, a task held to it (its deadline and fixed start not later) that nothing
// waits for.
func (c *checker) endsAtTarget() bool {
	target := c.in.Target.Latest
	for _, t := range c.task {
		if statusOf(t) == Done || (!target.IsZero() && (t.Due.Latest.After(target) || t.Start.After(target))) {
			continue
		}
		waitedFor := false
		for _, d := range c.in.Dependencies {
			waitedFor = waitedFor || (d.Predecessor == t.ID && dependencyApplies(d, c.task[d.Successor]) &&
				(d.Kind != StartToStart || startHeldByDeps(t)))
		}
		if !waitedFor || target.IsZero() {
			return true
		}
	}
	return false
}
