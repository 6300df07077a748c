package entente

import (
	"fmt"
	"strings"
	"time"
)

// Dependency kinds: B cannot start before A finishes (FS), start before A starts (SS), or
// finish before A finishes (FF).
const (
	FinishToStart  = "FS"
	StartToStart   = "SS"
	FinishToFinish = "FF"
)

// Dependency says that the successor waits for the predecessor, with a lag in working days of
// the successor's lead party. Dependencies are created and deleted, never changed.
type Dependency struct {
	ID            int64     `json:"id"`
	RoadmapID     int64     `json:"roadmap_id"`
	PredecessorID int64     `json:"predecessor_id"`
	SuccessorID   int64     `json:"successor_id"`
	Kind          string    `json:"kind"`
	LagDays       int       `json:"lag_days"`
	CreatedAt     time.Time `json:"created_at"`
}

// Validate checks the dependency's own fields.
func (d *Dependency) Validate() error {
	probs := Problems{}
	if d.PredecessorID <= 0 {
		probs.Add("predecessor_id", "is required")
	}
	if d.SuccessorID <= 0 {
		probs.Add("successor_id", "is required")
	}
	if d.PredecessorID == d.SuccessorID && d.PredecessorID > 0 {
		probs.Add("predecessor_id", "an action cannot depend on itself")
	}
	checkOneOf(probs, "kind", d.Kind, []string{FinishToStart, StartToStart, FinishToFinish})
	if d.LagDays < -260 || d.LagDays > 2600 {
		probs.Add("lag_days", "must be between -260 and 2600 working days")
	}
	return probs.Err("dependency")
}

// FindCycle returns the ids of the actions on a cycle that adding next to deps would close, in
// order from next's successor back to it, or nil when there is none. It walks iteratively, so
// long chains cannot exhaust the stack.
func FindCycle(deps []*Dependency, next *Dependency) []int64 {
	succ := map[int64][]int64{}
	for _, d := range deps {
		succ[d.PredecessorID] = append(succ[d.PredecessorID], d.SuccessorID)
	}
	// A cycle exists when next.Successor already reaches next.Predecessor.
	from, target := next.SuccessorID, next.PredecessorID
	parent := map[int64]int64{from: 0}
	queue := []int64{from}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if n == target {
			var path []int64
			for x := n; x != 0; x = parent[x] {
				path = append(path, x)
			}
			for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
				path[i], path[j] = path[j], path[i]
			}
			return path
		}
		for _, s := range succ[n] {
			if _, seen := parent[s]; !seen {
				parent[s] = n
				queue = append(queue, s)
			}
		}
	}
	return nil
}

// CycleError names the actions of a cycle by their titles.
func CycleError(path []int64, title func(int64) string) error {
	names := make([]string, 0, len(path)+1)
	for _, id := range path {
		names = append(names, fmt.Sprintf("%q (#%d)", title(id), id))
	}
	names = append(names, names[0])
	msg := "This dependency would close a cycle: " + strings.Join(names, " → ") + "."
	return &Error{Code: EINVALID, Message: msg, Fields: map[string]string{"predecessor_id": "would close a cycle: " + strings.Join(names, " → ")}}
}
