package schedule

import (
	"github.com/entente/entente"
)

// plan is one computation: the checked input, the graph, and per task (by position) the
// working calendar, the work left and the computed boundaries. All dates are day numbers; a
// start S is the boundary at the start of the first day of work, a finish F the boundary
// after the last day (a milestone has S = F, the boundary after its date).
type plan struct {
	in      *Input
	g       *graph
	cal     []*workIndex
	state   []state
	indexes []*workIndex // one per calendar used
	work    []int32      // working days still to do: the duration, or what is left in progress
	today   int32
	target  int32 // the boundary after the target's last day, or noUpper
	finish  int32 // the latest early finish of unfinished work, or noLower

	// Forward pass: lower bounds from dependencies, then the early boundaries.
	startMin, finishMin []int32
	es, ef              []int32
	late                *latePass // the full backward pass
	blockedBy           []int32   // position of a blocked task waited for, or -1
}

// Compute schedules the tasks. It returns an EINVALID *entente.Error when the input is wrong
// (every problem in Fields, the first in Message), when the dependencies form a cycle (the
// message names the actions in cycle order), or when the schedule would leave the years
// 1–9999. It never recurses, so chains of any length are safe. Compute does not change in.
func Compute(in Input) (*Result, error) {
	p := &problems{fields: entente.Problems{}}
	checkInput(&in, p)
	g, err := buildGraph(&in, p)
	if err != nil {
		return nil, err
	}
	pl := newPlan(&in, g)
	pl.forward()
	if err := pl.indexError(); err != nil {
		return nil, err
	}
	pl.late = pl.backward(true)
	if err := pl.indexError(); err != nil {
		return nil, err
	}
	res := pl.result()
	if err := pl.indexError(); err != nil {
		return nil, err
	}
	return res, nil
}

// newPlan resolves each task's calendar to one shared working-day index per calendar and
// works out the work left.
func newPlan(in *Input, g *graph) *plan {
	n := len(in.Tasks)
	pl := &plan{in: in, g: g, today: dayNumber(in.Today), target: noUpper, finish: noLower,
		cal: make([]*workIndex, n), state: make([]state, n), work: make([]int32, n), blockedBy: make([]int32, n),
		startMin: fill(n, noLower), finishMin: fill(n, noLower), es: make([]int32, n), ef: make([]int32, n),
	}
	if !in.Target.IsZero() {
		pl.target = dayNumber(in.Target.Latest) + 1
	}
	byName := map[string]*workIndex{}
	for i := range in.Tasks {
		t := &in.Tasks[i]
		w := byName[t.Calendar]
		if w == nil {
			cal, ok := in.Calendars[t.Calendar]
			if !ok {
				cal = Weekdays{}
			}
			w = newWorkIndex(t.Calendar, cal)
			byName[t.Calendar] = w
			pl.indexes = append(pl.indexes, w)
		}
		pl.cal[i] = w
		pl.state[i] = stateOf(t.Status)
		pl.work[i] = int32(workLeft(t))
		pl.blockedBy[i] = -1
	}
	return pl
}

// workLeft is the duration, or for a task in progress the part not done, rounded up to whole
// days and at least one day (a task is not finished until it is marked done).
func workLeft(t *Task) int {
	if t.Status != InProgress || t.Duration == 0 {
		return t.Duration
	}
	left := (t.Duration*(100-t.Progress) + 99) / 100
	return max(left, 1)
}

func fill(n int, v int32) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// indexError returns the first failure of a working-day index.
func (pl *plan) indexError() error {
	for _, w := range pl.indexes {
		if w.err != nil {
			return w.err
		}
	}
	return nil
}

// state is a task's status as a small code, kept in a slice of its own because the passes
// test it for every dependency and a Task is large.
type state uint8

const (
	notStarted state = iota
	inProgress
	done
	blocked
)

// stateOf codes a checked status.
func stateOf(s Status) state {
	switch s {
	case InProgress:
		return inProgress
	case Done:
		return done
	case Blocked:
		return blocked
	}
	return notStarted
}

// status returns u's status, NotStarted for an empty one.
func (pl *plan) status(u int32) Status {
	return [...]Status{NotStarted, InProgress, Done, Blocked}[pl.state[u]]
}

// startHeld reports whether dependencies on u's start (FS, SS into u) still apply: not once u
// has started.
func (pl *plan) startHeld(u int32) bool {
	return pl.state[u] == notStarted || pl.state[u] == blocked
}

// shift returns the boundary reached from boundary x after waiting lag working days of
// calendar w: x itself for no lag, else the end of the lag-th working day counted from the
// first working day on or after x (before it, for a negative lag).
func shift(w *workIndex, x int32, lag int32) int32 {
	if lag == 0 {
		return x
	}
	return w.nth(x, int(lag)-1) + 1
}

// unshift is the inverse bound of shift: the latest boundary x with shift(w, x, lag) ≤ y.
func unshift(w *workIndex, y int32, lag int32) int32 {
	if lag == 0 {
		return y
	}
	return w.nth(y, -int(lag))
}
