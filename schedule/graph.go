package schedule

import (
	"fmt"
	"strings"

	"github.com/entente/entente"
)

// edge is a checked dependency between task positions (indexes into Input.Tasks).
type edge struct {
	pred, succ int32
	kind       Kind
	lag        int32
}

// graph holds the tasks' dependencies as compressed adjacency lists and a topological order.
type graph struct {
	n     int
	edges []edge
	// The out-edges of task u are edges[out[u]:out[u+1]]: edges are sorted by predecessor.
	out   []int32
	order []int32 // every task after all of its predecessors
}

// buildGraph checks the tasks' ids and the dependencies and orders the tasks. A cycle is an
// EINVALID error naming its tasks in order.
func buildGraph(in *Input, p *problems) (*graph, error) {
	index := make(map[int64]int32, len(in.Tasks))
	for i := range in.Tasks {
		t := &in.Tasks[i]
		if j, dup := index[t.ID]; dup {
			p.add(fmt.Sprintf("tasks[%d].id", i), "%s has the same id as %s (tasks[%d])", label(t), label(&in.Tasks[j]), j)
			continue
		}
		index[t.ID] = int32(i)
	}
	ends := make([]edge, len(in.Dependencies))
	for j, d := range in.Dependencies {
		pi, okp := index[d.Predecessor]
		si, oks := index[d.Successor]
		ends[j] = edge{pred: pi, succ: si, kind: d.Kind, lag: int32(d.Lag)}
		if ends[j].kind == "" {
			ends[j].kind = FinishToStart
		}
		checkDependency(in, j, pi, si, okp, oks, p)
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	g := &graph{n: len(in.Tasks)}
	g.sortEdges(ends)
	if !g.topologicalOrder() {
		return nil, g.cycleError(in)
	}
	return g, nil
}

// sortEdges groups the edges by predecessor and fills out (a counting sort: O(n + e)).
func (g *graph) sortEdges(ends []edge) {
	g.out = make([]int32, g.n+1)
	for _, e := range ends {
		g.out[e.pred+1]++
	}
	for u := range g.n {
		g.out[u+1] += g.out[u]
	}
	next := make([]int32, g.n)
	copy(next, g.out[:g.n])
	g.edges = make([]edge, len(ends))
	for _, e := range ends {
		g.edges[next[e.pred]] = e
		next[e.pred]++
	}
}

// successors returns the out-edges of u.
func (g *graph) successors(u int32) []edge { return g.edges[g.out[u]:g.out[u+1]] }

// topologicalOrder runs Kahn's algorithm, taking tasks in input order when several are ready,
// so the result is deterministic. It reports false when a cycle leaves tasks unordered.
func (g *graph) topologicalOrder() bool {
	indegree := make([]int32, g.n)
	for _, e := range g.edges {
		indegree[e.succ]++
	}
	g.order = make([]int32, 0, g.n)
	for u := range g.n {
		if indegree[u] == 0 {
			g.order = append(g.order, int32(u))
		}
	}
	for head := 0; head < len(g.order); head++ {
		for _, e := range g.successors(g.order[head]) {
			indegree[e.succ]--
			if indegree[e.succ] == 0 {
				g.order = append(g.order, e.succ)
			}
		}
	}
	return len(g.order) == g.n
}

// findCycle returns the task positions of one cycle in dependency order, starting from its
// task with the smallest id. It is called only when topologicalOrder failed: every task left
// unordered waits for another unordered task, so walking back along such waits from any of
// them must come round to a task already met.
func (g *graph) findCycle(in *Input) []int32 {
	ordered := make([]bool, g.n)
	for _, u := range g.order {
		ordered[u] = true
	}
	waitsFor := make([]int32, g.n) // one unordered predecessor of each unordered task
	for _, e := range g.edges {
		if !ordered[e.pred] && !ordered[e.succ] {
			waitsFor[e.succ] = e.pred
		}
	}
	start := int32(0)
	for ordered[start] {
		start++
	}
	seenAt := make(map[int32]int)
	var walk []int32
	u := start
	for {
		if at, seen := seenAt[u]; seen {
			walk = walk[at:]
			break
		}
		seenAt[u] = len(walk)
		walk = append(walk, u)
		u = waitsFor[u]
	}
	// walk goes from successors to predecessors; reverse it into dependency order.
	for i, j := 0, len(walk)-1; i < j; i, j = i+1, j-1 {
		walk[i], walk[j] = walk[j], walk[i]
	}
	low := 0
	for i, v := range walk {
		if in.Tasks[v].ID < in.Tasks[walk[low]].ID {
			low = i
		}
	}
	return append(walk[low:], walk[:low]...)
}

// maxNamed is the most actions a cycle error names: a long cycle is named by its first ones.
const maxNamed = 20

// cycleError names the tasks of a cycle in order.
func (g *graph) cycleError(in *Input) error {
	cycle := g.findCycle(in)
	names := make([]string, 0, min(len(cycle), maxNamed)+2)
	for _, u := range cycle[:min(len(cycle), maxNamed)] {
		names = append(names, label(&in.Tasks[u]))
	}
	if len(cycle) > maxNamed {
		names = append(names, fmt.Sprintf("… (%d more actions)", len(cycle)-maxNamed))
	}
	names = append(names, names[0])
	chain := strings.Join(names, " → ")
	return &entente.Error{
		Code:    entente.EINVALID,
		Message: "The dependencies form a cycle, so no order can satisfy them: " + chain + ". Remove or reverse one of these dependencies.",
		Fields:  map[string]string{"dependencies": "cycle: " + chain},
	}
}
