package schedule

import "github.com/entente/entente"

// The checks below make sure the schedule is not merely consistent but tight: no task could
// start earlier, or finish later, without breaking one of the rules. They move a task by one
// working day (a milestone by one day) and look for the rule that breaks.

func nextWorking(cal WorkingDays, d entente.Date, step int) entente.Date {
	d = d.AddDays(step)
	for !cal.IsWorkingDay(d) {
		d = d.AddDays(step)
	}
	return d
}

func firstWorking(cal WorkingDays, d entente.Date) entente.Date {
	for !cal.IsWorkingDay(d) {
		d = d.AddDays(1)
	}
	return d
}

func laterOf(a, b entente.Date) entente.Date {
	if a.IsZero() || b.After(a) {
		return b
	}
	return a
}

// applies reports whether d binds its successor v (by the package's rules on status).
func dependencyApplies(d Dependency, v *Task) bool {
	return statusOf(v) != Done && (d.Kind == FinishToFinish || startHeldByDeps(v))
}

// lowerBounds gives the earliest start and finish boundaries the rules allow t.
func (c *checker) lowerBounds(t *Task) (start, finish entente.Date) {
	start = c.in.Today
	if t.Duration == 0 {
		start = start.AddDays(1)
	}
	if !t.Start.IsZero() && startHeldByDeps(t) {
		fixed := t.Start
		if t.Duration == 0 {
			fixed = fixed.AddDays(1)
		}
		start = laterOf(start, fixed)
	}
	for _, d := range c.in.Dependencies {
		if d.Successor != t.ID || !dependencyApplies(d, t) {
			continue
		}
		us, uf := boundaries(c.sched[d.Predecessor], true)
		x := uf
		if d.Kind == StartToStart {
			x = us
		}
		b := walkShift(c.calendar(t), x, d.Lag)
		if d.Kind == FinishToFinish {
			finish = laterOf(finish, b)
		} else {
			start = laterOf(start, b)
		}
	}
	return start, finish
}

// checkEarliest checks that an unfinished task could not be one working day earlier.
func (c *checker) checkEarliest(t *Task, ts *TaskSchedule) {
	cal := c.calendar(t)
	start, finish := c.lowerBounds(t)
	es, ef := boundaries(ts, true)
	switch {
	case t.Duration == 0:
		if want := laterOf(start, finish); ef != want {
			c.t.Fatalf("milestone %d reached at %v, want %v", t.ID, ef, want)
		}
		return
	case startHeldByDeps(t):
		if es == firstWorking(cal, start) {
			return
		}
	default: // in progress: what is left runs from today
		left := max(1, (t.Duration*(100-t.Progress)+99)/100)
		if workingDaysIn(cal, c.in.Today, ts.EarlyFinish) < left {
			c.t.Fatalf("task %d in progress finishes %v, before %d days of work are left", t.ID, ts.EarlyFinish, left)
		}
		if workingDaysIn(cal, c.in.Today, ts.EarlyFinish) == left {
			return
		}
	}
	if !finish.IsZero() && !nextWorking(cal, ef.AddDays(-1), -1).AddDays(1).Before(finish) {
		c.t.Fatalf("task %d starts %v, finishes %v; it could be a working day earlier (bounds %v, %v)",
			t.ID, ts.EarlyStart, ts.EarlyFinish, start, finish)
	}
}

// lateEnd returns the bound on the finish of t when no successor holds it, or the zero Date.
func (c *checker) lateEnd(t *Task, finish entente.Date) entente.Date {
	target := c.in.Target.Latest
	switch {
	case target.IsZero():
		return finish.AddDays(1)
	case (t.Due.Latest.IsZero() || !t.Due.Latest.After(target)) && (t.Start.IsZero() || !t.Start.After(target)):
		return target.AddDays(1)
	case !t.Due.Latest.IsZero():
		return entente.Date{}
	}
	return finish.AddDays(1)
}

// lateBreaks reports whether t's late schedule moved to start at ls and finish at lf (as
// boundaries) breaks a rule.
func (c *checker) lateBreaks(t *Task, ls, lf, end entente.Date) bool {
	if due := t.Due.Latest; !due.IsZero() && lf.After(due.AddDays(1)) {
		return true
	}
	if !t.Start.IsZero() && startHeldByDeps(t) {
		fixed := firstWorking(c.calendar(t), t.Start)
		if t.Duration == 0 {
			fixed = t.Start.AddDays(1)
		}
		if ls.After(fixed) {
			return true
		}
	}
	held := false
	for _, d := range c.in.Dependencies {
		v := c.task[d.Successor]
		if d.Predecessor != t.ID || !dependencyApplies(d, v) || (d.Kind == StartToStart && !startHeldByDeps(t)) {
			continue
		}
		held = true
		vs, vf := boundaries(c.sched[v.ID], false)
		x, event := lf, vs
		if d.Kind == StartToStart {
			x = ls
		}
		if d.Kind == FinishToFinish {
			event = vf
		}
		if walkShift(c.calendar(v), x, d.Lag).After(event) {
			return true
		}
	}
	return !held && !end.IsZero() && lf.After(end)
}

// checkLatest checks that the late schedule keeps every rule and could not be a working day
// later.
func (c *checker) checkLatest(t *Task, ts *TaskSchedule, res *Result) {
	cal := c.calendar(t)
	end := c.lateEnd(t, res.Finish)
	ls, lf := boundaries(ts, false)
	if !startHeldByDeps(t) {
		ls = entente.Date{} // the start is history
	}
	if c.lateBreaks(t, ls, lf, end) {
		c.t.Fatalf("task %d: late dates %v–%v break a rule", t.ID, ts.LateStart, ts.LateFinish)
	}
	nls, nlf := ls.AddDays(1), lf.AddDays(1)
	if t.Duration > 0 {
		nlf = nextWorking(cal, ts.LateFinish, 1).AddDays(1)
		if !ls.IsZero() {
			nls = nextWorking(cal, ts.LateStart, 1)
		}
	}
	if !c.lateBreaks(t, nls, nlf, end) {
		c.t.Fatalf("task %d: late dates %v–%v could be a working day later", t.ID, ts.LateStart, ts.LateFinish)
	}
}
