package schedule

import (
	"cmp"
	"math"
	"slices"
)

// Critical paths are traced on the target pass (see backward.go), where a task's slack is
// how far it can slip before the target, or without a target the projected finish, moves.
//
// They follow tight dependencies: a dependency is tight when it alone sets its successor's
// early date (forward pass) and its predecessor's late date (target pass), so that any slip
// of the predecessor passes whole to the successor. Tasks joined by tight dependencies share
// their slack, up to the days one calendar has off and the other does not; comparing slack
// alone would cut a path wherever the lead party changes.
//
// The critical tasks are the unfinished tasks with the least slack to the target, and every
// task joined to them by tight dependencies, in either direction. A critical path runs
// through them from a task that no tight dependency drives to one that drives none, and
// passes through at least one task of the least slack.

// criticalPaths lists the critical paths by their first task's early start and id, at most
// MaxPaths of them (more reports that others exist). The walk keeps its own stack.
func (pl *plan) criticalPaths() (paths []Path, more bool) {
	lp := pl.backward(false)
	slack := make([]int, len(pl.in.Tasks))
	least := math.MaxInt
	for u := range pl.in.Tasks {
		slack[u] = math.MaxInt
		if pl.state[u] != done && lp.lf[u] != noUpper {
			slack[u] = pl.cal[u].count(pl.ef[u], lp.lf[u])
			least = min(least, slack[u])
		}
	}
	paths = []Path{}
	if least == math.MaxInt {
		return paths, false
	}
	isLeast := func(u int32) bool { return slack[u] == least }
	tight := pl.tightEdges(lp)
	on := pl.joinedTo(isLeast, tight)
	driven, drives := make([]bool, len(on)), make([]bool, len(on))
	for i, e := range pl.g.edges {
		if tight[i] && on[e.pred] {
			driven[e.succ], drives[e.pred] = true, true
		}
	}
	var sources []int32
	for u := range on {
		if on[u] && !driven[u] {
			sources = append(sources, int32(u))
		}
	}
	slices.SortFunc(sources, func(a, b int32) int {
		if c := cmp.Compare(pl.es[a], pl.es[b]); c != 0 {
			return c
		}
		return cmp.Compare(pl.in.Tasks[a].ID, pl.in.Tasks[b].ID)
	})
	w := pathWalk{pl: pl, tight: tight, isLeast: isLeast, drives: drives, least: least, paths: paths}
	for _, s := range sources {
		if w.from(s) {
			return w.paths, true
		}
	}
	return w.paths, false
}

// pathWalk enumerates paths depth first with an explicit stack.
type pathWalk struct {
	pl      *plan
	tight   []bool
	isLeast func(int32) bool
	drives  []bool
	least   int
	paths   []Path
	stack   []pathFrame
	ids     []int64
	leastOn int // tasks of the least slack on the stack
}

type pathFrame struct{ u, next int32 } // a task and its next out-edge to try

func (w *pathWalk) push(u int32) {
	w.stack = append(w.stack, pathFrame{u, w.pl.g.out[u]})
	w.ids = append(w.ids, w.pl.in.Tasks[u].ID)
	if w.isLeast(u) {
		w.leastOn++
	}
}

// from lists the paths that start at s; it reports true when a path past MaxPaths was found.
func (w *pathWalk) from(s int32) bool {
	w.push(s)
	for len(w.stack) > 0 {
		top := len(w.stack) - 1
		u, end := w.stack[top].u, w.pl.g.out[w.stack[top].u+1]
		next := w.stack[top].next
		for next < end && !w.tight[next] {
			next++
		}
		if next < end {
			w.stack[top].next = next + 1
			w.push(w.pl.g.edges[next].succ)
			continue
		}
		if !w.drives[u] && w.leastOn > 0 {
			if len(w.paths) == MaxPaths {
				return true
			}
			w.paths = append(w.paths, Path{Tasks: slices.Clone(w.ids), Slack: w.least})
		}
		if w.isLeast(u) {
			w.leastOn--
		}
		w.stack, w.ids = w.stack[:top], w.ids[:top]
	}
	return false
}

// tightEdges marks the tight dependencies between unfinished tasks, once per pair of tasks.
func (pl *plan) tightEdges(lp *latePass) []bool {
	tight := make([]bool, len(pl.g.edges))
	seen := make([]int32, len(pl.in.Tasks)) // seen[v] = u+1 when the edge u→v is already marked
	for i, e := range pl.g.edges {
		if pl.state[e.pred] == done || seen[e.succ] == e.pred+1 || !pl.drives(e) || !pl.pulls(lp, e) {
			continue
		}
		seen[e.succ] = e.pred + 1
		tight[i] = true
	}
	return tight
}

// joinedTo marks the tasks joined to a seed task by tight dependencies in either direction.
func (pl *plan) joinedTo(seed func(int32) bool, tight []bool) []bool {
	n := len(pl.in.Tasks)
	in := make([]int32, n+1) // tight in-edges of v: back[in[v]:in[v+1]], by predecessor
	for i, e := range pl.g.edges {
		if tight[i] {
			in[e.succ+1]++
		}
	}
	for v := range n {
		in[v+1] += in[v]
	}
	back, next := make([]int32, in[n]), slices.Clone(in[:n])
	for i, e := range pl.g.edges {
		if tight[i] {
			back[next[e.succ]] = e.pred
			next[e.succ]++
		}
	}
	on := make([]bool, n)
	var queue []int32
	for u := range n {
		if seed(int32(u)) {
			on[u] = true
			queue = append(queue, int32(u))
		}
	}
	for len(queue) > 0 {
		u := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for i := pl.g.out[u]; i < pl.g.out[u+1]; i++ {
			if v := pl.g.edges[i].succ; tight[i] && !on[v] {
				on[v] = true
				queue = append(queue, v)
			}
		}
		for _, p := range back[in[u]:in[u+1]] {
			if !on[p] {
				on[p] = true
				queue = append(queue, p)
			}
		}
	}
	return on
}

// drives reports whether e alone would place its successor's early dates where they are.
func (pl *plan) drives(e edge) bool {
	if !pl.applies(e) {
		return false
	}
	v := e.succ
	x := pl.ef[e.pred]
	if e.kind == StartToStart {
		x = pl.es[e.pred]
	}
	b := shift(pl.cal[v], x, e.lag)
	switch {
	case pl.work[v] == 0:
		return pl.ef[v] == b
	case e.kind == FinishToFinish:
		return pl.ef[v] == pl.cal[v].nth(b-1, 0)+1
	}
	return pl.es[v] == pl.cal[v].nth(b, 0)
}

// pulls reports whether e alone would place its predecessor's late finish where the pass lp
// placed it.
func (pl *plan) pulls(lp *latePass, e edge) bool {
	u := e.pred
	if !pl.applies(e) || (e.kind == StartToStart && !pl.startHeld(u)) {
		return false
	}
	y, ok := pl.pulled(lp, e)
	if !ok {
		return false
	}
	startHi, finishHi := int32(noUpper), y
	if e.kind == StartToStart {
		startHi, finishHi = y, noUpper
	}
	_, lf := lateSpan(pl.cal[u], startHi, finishHi, pl.work[u])
	return lp.lf[u] == lf
}
