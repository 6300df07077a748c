package schedule

// The backward pass visits tasks in reverse topological order: each task pulls upper bounds
// from its successors, then is placed as late as they allow. It does not recurse.
//
// It runs in two modes. The full pass holds every task to its own deadline and fixed start
// as well: its late dates give each task's slack and flags. The target pass holds tasks only
// to the target (or, without one, to the projected finish): its slack says how far a task can
// slip before the target moves, and the critical paths are traced on it, so that a meeting
// fixed on a day does not hide the chain of work that decides the signing.

// latePass holds the bounds and late boundaries of one backward pass.
type latePass struct {
	full                bool    // hold tasks to their own deadlines and fixed starts too
	startMax, finishMax []int32 // upper bounds from successors
	held                []bool  // some successor's dependency bounds the task
	// ls and lf are the late boundaries; noUpper for a task that nothing bounds (in the
	// target pass: one that leads only to work planned beyond the target).
	ls, lf []int32
}

// backward runs one backward pass.
func (pl *plan) backward(full bool) *latePass {
	n := len(pl.in.Tasks)
	lp := &latePass{full: full, startMax: fill(n, noUpper), finishMax: fill(n, noUpper),
		held: make([]bool, n), ls: make([]int32, n), lf: make([]int32, n)}
	order := pl.g.order
	for i := len(order) - 1; i >= 0; i-- {
		u := order[i]
		for _, e := range pl.g.successors(u) {
			pl.pull(lp, e)
		}
		pl.placeLate(lp, u)
	}
	return lp
}

// pull bounds u's late boundaries by the late boundary of the successor along e. A done u is
// history, and so is the start of a u in progress.
func (pl *plan) pull(lp *latePass, e edge) {
	u := e.pred
	if pl.state[u] == done || !pl.applies(e) || (e.kind == StartToStart && !pl.startHeld(u)) {
		return
	}
	lp.held[u] = true
	y, ok := pl.pulled(lp, e)
	switch {
	case !ok:
	case e.kind == StartToStart:
		lp.startMax[u] = min(lp.startMax[u], y)
	default:
		lp.finishMax[u] = min(lp.finishMax[u], y)
	}
}

// pulled is the bound e puts on its predecessor's start (SS) or finish (FS, FF); false when
// the successor is unbounded.
func (pl *plan) pulled(lp *latePass, e edge) (int32, bool) {
	y := lp.ls[e.succ]
	if e.kind == FinishToFinish {
		y = lp.lf[e.succ]
	}
	if y == noUpper {
		return noUpper, false
	}
	return unshift(pl.cal[e.succ], y, e.lag), true
}

// placeLate sets ls and lf of u from its upper bounds, its own deadline and fixed start (in
// the full pass), and, when no successor holds it, the target or the projected finish.
func (pl *plan) placeLate(lp *latePass, u int32) {
	t := &pl.in.Tasks[u]
	if pl.state[u] == done {
		lp.ls[u], lp.lf[u] = pl.es[u], pl.ef[u]
		return
	}
	startHi, finishHi := lp.startMax[u], lp.finishMax[u]
	if lp.full && !t.Due.Latest.IsZero() {
		finishHi = min(finishHi, dayNumber(t.Due.Latest)+1)
	}
	if lp.full && !t.Start.IsZero() && pl.startHeld(u) {
		startHi = min(startHi, pl.fixedStart(u))
	}
	if !lp.held[u] {
		finishHi = min(finishHi, pl.end(u, lp.full))
	}
	if pl.state[u] == inProgress {
		startHi = noUpper // its start is history
	}
	lp.ls[u], lp.lf[u] = lateSpan(pl.cal[u], startHi, finishHi, pl.work[u])
	if pl.state[u] == inProgress && lp.lf[u] != noUpper {
		lp.ls[u] = pl.es[u]
	}
}

// end is the bound on the finish of a task no successor holds: the target when the task is
// held to it; else, with a target, nothing more (the full pass holds the task to its own
// deadline when it has one); else the projected finish of all the work.
func (pl *plan) end(u int32, full bool) int32 {
	switch {
	case pl.toTarget(u):
		return pl.target
	case pl.target != noUpper && (!full || !pl.in.Tasks[u].Due.Latest.IsZero()):
		return noUpper
	}
	return pl.finish
}

// toTarget reports whether u is held to the target: there is one, and u's own deadline and
// fixed start are not later than it.
func (pl *plan) toTarget(u int32) bool {
	t := &pl.in.Tasks[u]
	switch {
	case pl.target == noUpper:
		return false
	case !t.Due.Latest.IsZero() && dayNumber(t.Due.Latest)+1 > pl.target:
		return false
	case !t.Start.IsZero() && dayNumber(t.Start)+1 > pl.target:
		return false
	}
	return true
}

// fixedStart is the start boundary a fixed start day gives u: the first working day on or
// after it, or for a milestone the end of that day.
func (pl *plan) fixedStart(u int32) int32 {
	d := dayNumber(pl.in.Tasks[u].Start)
	if pl.work[u] == 0 {
		return d + 1
	}
	return pl.cal[u].nth(d, 0)
}

// lateSpan places work days as late as possible, starting at or before boundary startHi and
// finishing at or before boundary finishHi; noUpper for either means no bound, and for both
// gives (noUpper, noUpper).
func lateSpan(w *workIndex, startHi, finishHi, work int32) (s, f int32) {
	if work == 0 {
		b := min(startHi, finishHi)
		return b, b
	}
	f = noUpper
	if finishHi != noUpper {
		f = w.nth(finishHi, -1) + 1
	}
	if startHi != noUpper {
		f = min(f, w.nth(startHi+1, int(work)-2)+1)
	}
	if f == noUpper {
		return noUpper, noUpper
	}
	return w.nth(f-1, -int(work-1)), f
}
