package schedule

// The forward pass visits tasks in topological order: each task is placed as early as its
// lower bounds allow, then pushes bounds to its successors. It does not recurse.

// forward computes the early boundaries of every task and the projected finish.
func (pl *plan) forward() {
	for _, u := range pl.g.order {
		pl.placeEarly(u)
		for _, e := range pl.g.successors(u) {
			pl.push(e)
		}
		if pl.state[u] != done {
			pl.finish = max(pl.finish, pl.ef[u])
		}
	}
}

// placeEarly sets es and ef of u from its lower bounds, its status and today.
func (pl *plan) placeEarly(u int32) {
	t := &pl.in.Tasks[u]
	w := pl.cal[u]
	switch pl.state[u] {
	case done:
		pl.blockedBy[u] = -1
		pl.ef[u] = dayNumber(t.Finished) + 1
		pl.es[u] = pl.ef[u]
		switch {
		case t.Duration == 0: // a milestone starts when it finishes
		case !t.Started.IsZero():
			pl.es[u] = dayNumber(t.Started)
		default:
			pl.es[u] = w.nth(pl.ef[u], -t.Duration)
		}
	case inProgress:
		// What is left runs from today; the start is history, actual or estimated from
		// the days already worked.
		_, pl.ef[u] = earlySpan(w, pl.earliest(u, pl.today), pl.finishMin[u], pl.work[u])
		pl.es[u] = pl.ef[u]
		switch {
		case t.Duration == 0:
		case !t.Started.IsZero():
			pl.es[u] = dayNumber(t.Started)
		default:
			pl.es[u] = w.nth(pl.today, -(t.Duration - int(pl.work[u])))
		}
	default:
		if pl.state[u] == blocked {
			pl.blockedBy[u] = u
		}
		lo := max(pl.startMin[u], pl.earliest(u, pl.today))
		if !t.Start.IsZero() {
			lo = max(lo, pl.earliest(u, dayNumber(t.Start)))
		}
		pl.es[u], pl.ef[u] = earlySpan(w, lo, pl.finishMin[u], pl.work[u])
	}
}

// earliest is the first start boundary of u on day d: the start of d, or for a milestone the
// end of d (a milestone reached on d is reached at the end of that day).
func (pl *plan) earliest(u int32, d int32) int32 {
	if pl.work[u] == 0 {
		return d + 1
	}
	return d
}

// earlySpan places work days as early as possible, starting at or after boundary startLo and
// finishing at or after boundary finishLo (noLower for none).
func earlySpan(w *workIndex, startLo, finishLo, work int32) (s, f int32) {
	if work == 0 {
		b := max(startLo, finishLo)
		return b, b
	}
	s = w.nth(startLo, 0)
	if finishLo != noLower {
		s = max(s, w.nth(finishLo-1, -int(work-1)))
	}
	return s, w.nth(s, int(work-1)) + 1
}

// applies reports whether e still binds its successor: never a done one, and only on its
// finish (FF) once it has started.
func (pl *plan) applies(e edge) bool {
	switch {
	case pl.state[e.succ] == done:
		return false
	case e.kind == FinishToFinish:
		return true
	default:
		return pl.startHeld(e.succ)
	}
}

// push carries u's early boundary and blocked state along e to the successor.
func (pl *plan) push(e edge) {
	if !pl.applies(e) {
		return
	}
	v := e.succ
	if pl.blockedBy[v] < 0 {
		pl.blockedBy[v] = pl.blockedBy[e.pred]
	}
	x := pl.ef[e.pred]
	if e.kind == StartToStart {
		x = pl.es[e.pred]
	}
	b := shift(pl.cal[v], x, e.lag)
	if e.kind == FinishToFinish {
		pl.finishMin[v] = max(pl.finishMin[v], b)
	} else {
		pl.startMin[v] = max(pl.startMin[v], b)
	}
}
