package clause

// The word diff is Myers' O(ND) algorithm in its linear-space form: find the middle snake of
// the shortest edit script, split there and recurse, after trimming the common prefix and
// suffix at every level (the same structure as diff-match-patch's bisect).

// maxEditSteps bounds the search for a middle snake. When two sequences differ by more than
// about twice this many tokens, the part is reported as replaced as a whole rather than
// searched further; that keeps the worst case near maxEditSteps² steps while any realistic
// revision of an article, preamble or title stays far below the bound.
const maxEditSteps = 2000

// runKind says what a run of tokens is in the edit script.
type runKind uint8

const (
	runEqual runKind = iota
	runDelete
	runInsert
)

// run is a stretch of n tokens of one kind: equal in both sequences, only in the old one
// (delete) or only in the new one (insert).
type run struct {
	kind runKind
	n    int
}

// diffIDs returns the edit script from a to b as runs, in order.
func diffIDs(a, b []int32) []run {
	var d differ
	return d.diffInto(nil, a, b)
}

// differ holds the search vectors of middleSnake, reused across the recursion: a subproblem is
// never larger than the whole.
type differ struct {
	v1, v2 []int
}

// diffInto appends the edit script from a to b.
func (d *differ) diffInto(out []run, a, b []int32) []run {
	p := commonPrefix(a, b)
	out = appendRun(out, runEqual, p)
	a, b = a[p:], b[p:]
	s := commonSuffix(a, b)
	a, b = a[:len(a)-s], b[:len(b)-s]
	switch {
	case len(a) == 0:
		out = appendRun(out, runInsert, len(b))
	case len(b) == 0:
		out = appendRun(out, runDelete, len(a))
	default:
		if x, y, ok := d.middleSnake(a, b); ok {
			out = d.diffInto(out, a[:x], b[:y])
			out = d.diffInto(out, a[x:], b[y:])
		} else {
			out = appendRun(out, runDelete, len(a))
			out = appendRun(out, runInsert, len(b))
		}
	}
	return appendRun(out, runEqual, s)
}

// appendRun appends n tokens of a kind, merging with the last run of the same kind.
func appendRun(out []run, kind runKind, n int) []run {
	if n == 0 {
		return out
	}
	if len(out) > 0 && out[len(out)-1].kind == kind {
		out[len(out)-1].n += n
		return out
	}
	return append(out, run{kind, n})
}

func commonPrefix(a, b []int32) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func commonSuffix(a, b []int32) int {
	n := min(len(a), len(b))
	for i := 1; i <= n; i++ {
		if a[len(a)-i] != b[len(b)-i] {
			return i - 1
		}
	}
	return n
}

// middleSnake finds a point (x, y) on a shortest edit path from a to b where the forward and
// the reverse search meet, so that diff(a, b) = diff(a[:x], b[:y]) + diff(a[x:], b[y:]). Both
// sequences are non-empty and differ in their first and last tokens. ok is false when the
// search would pass maxEditSteps.
func (d *differ) middleSnake(a, b []int32) (x, y int, ok bool) {
	maxD := (len(a) + len(b) + 1) / 2
	size := 2*maxD + 2
	if cap(d.v1) < size {
		d.v1, d.v2 = make([]int, size), make([]int, size)
	}
	s := snakeSearch{a: a, b: b, v1: d.v1[:size], v2: d.v2[:size], offset: maxD, delta: len(a) - len(b)}
	for i := range s.v1 {
		s.v1[i], s.v2[i] = -1, -1
	}
	s.v1[s.offset+1], s.v2[s.offset+1] = 0, 0
	front := s.delta%2 != 0 // with an odd delta the forward search finds the overlap
	for step := 0; step < maxD && step <= maxEditSteps; step++ {
		if x, y, ok := s.forward(step, front); ok {
			return x, y, true
		}
		if x, y, ok := s.reverse(step, !front); ok {
			return x, y, true
		}
	}
	return 0, 0, false
}

// snakeSearch is the state of one middle-snake search: v1[offset+k] is the furthest x reached
// on diagonal k from the start, v2 the same from the end; the k bounds skip diagonals that ran
// off the edit graph.
type snakeSearch struct {
	a, b           []int32
	v1, v2         []int
	offset, delta  int
	k1start, k1end int
	k2start, k2end int
}

// forward extends the forward paths by one edit and, when check is set, reports where one
// meets a reverse path.
func (s *snakeSearch) forward(step int, check bool) (x, y int, ok bool) {
	n, m, v1 := len(s.a), len(s.b), s.v1
	for k1 := -step + s.k1start; k1 <= step-s.k1end; k1 += 2 {
		i := s.offset + k1
		var x1 int
		if k1 == -step || (k1 != step && v1[i-1] < v1[i+1]) {
			x1 = v1[i+1]
		} else {
			x1 = v1[i-1] + 1
		}
		y1 := x1 - k1
		for x1 < n && y1 < m && s.a[x1] == s.b[y1] {
			x1, y1 = x1+1, y1+1
		}
		v1[i] = x1
		switch {
		case x1 > n:
			s.k1end += 2
		case y1 > m:
			s.k1start += 2
		case check:
			j := s.offset + s.delta - k1
			if j >= 0 && j < len(s.v2) && s.v2[j] != -1 && x1 >= n-s.v2[j] {
				return x1, y1, true
			}
		}
	}
	return 0, 0, false
}

// reverse extends the reverse paths by one edit and, when check is set, reports where one meets
// a forward path.
func (s *snakeSearch) reverse(step int, check bool) (x, y int, ok bool) {
	n, m, v2 := len(s.a), len(s.b), s.v2
	for k2 := -step + s.k2start; k2 <= step-s.k2end; k2 += 2 {
		i := s.offset + k2
		var x2 int
		if k2 == -step || (k2 != step && v2[i-1] < v2[i+1]) {
			x2 = v2[i+1]
		} else {
			x2 = v2[i-1] + 1
		}
		y2 := x2 - k2
		for x2 < n && y2 < m && s.a[n-x2-1] == s.b[m-y2-1] {
			x2, y2 = x2+1, y2+1
		}
		v2[i] = x2
		switch {
		case x2 > n:
			s.k2end += 2
		case y2 > m:
			s.k2start += 2
		case check:
			j := s.offset + s.delta - k2
			if j >= 0 && j < len(s.v1) && s.v1[j] != -1 {
				if x1 := s.v1[j]; x1 >= n-x2 {
					return x1, s.offset + x1 - j, true
				}
			}
		}
	}
	return 0, 0, false
}
