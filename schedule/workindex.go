package schedule

import (
	"fmt"

	"github.com/entente/entente"
)

// A boundary is the start of a day, given by its day number: the finish of a task that ends
// on day n is boundary n+1. Bounds on boundaries use these sentinels for "none".
const (
	noLower = -1 << 31
	noUpper = 1<<31 - 1
)

// The smallest number of days an index grows by, and the longest run of days off a calendar
// may have before it is refused as having no working days at all.
const (
	minGrowth  = 512
	maxDaysOff = 3 * 366
)

// workIndex memoises the working days of one calendar over a range of days that grows on
// demand in either direction. Within [lo, hi], before[x-lo] is the number of working days in
// [lo, x) and days[k] the k-th working day from lo, so "the working day k positions after
// boundary x" is two look-ups. Positions are relative to lo and change when the range grows
// downwards; callers keep day numbers, never positions.
type workIndex struct {
	name   string
	cal    WorkingDays
	lo, hi int32
	before []int32
	days   []int32
	// err records the first failure (a span past the years 1–9999, a calendar without working
	// days). Methods then answer with their argument so that a pass can finish; the caller
	// checks err afterwards.
	err *entente.Error
}

func newWorkIndex(name string, cal WorkingDays) *workIndex {
	return &workIndex{name: name, cal: cal}
}

// nth returns the working day at position k from the first working day on or after boundary
// x: nth(x, 0) is that day, nth(x, 1) the next working day, nth(x, -1) the last working day
// before x.
func (w *workIndex) nth(x int32, k int) int32 {
	for w.err == nil {
		if !w.cover(x) {
			break
		}
		i := int(w.before[x-w.lo]) + k
		switch {
		case i < 0:
			w.growDown(w.lo - int32(-i))
		case i >= len(w.days):
			w.growUp(w.hi + int32(i-len(w.days)+1))
		default:
			return w.days[i]
		}
	}
	return x
}

// count returns the number of working days in [a, b), negative when b is before a.
func (w *workIndex) count(a, b int32) int {
	if !w.cover(a) || !w.cover(b) {
		return 0
	}
	return int(w.before[b-w.lo]) - int(w.before[a-w.lo])
}

// cover grows the index so that boundary x lies within [lo, hi]; it reports false on failure.
func (w *workIndex) cover(x int32) bool {
	if w.before == nil {
		w.lo, w.hi, w.before = x, x, []int32{0}
	}
	if x < w.lo {
		w.growDown(x)
	} else if x > w.hi {
		w.growUp(x)
	}
	return w.err == nil
}

// growUp extends the range so that hi ≥ x, by at least the size of the range so far.
func (w *workIndex) growUp(x int32) {
	to := max(int64(x), int64(w.hi)+int64(max(w.hi-w.lo, minGrowth)))
	if int64(x) > int64(maxDay)+1 {
		w.fail("runs past %s", dateOf(maxDay))
		return
	}
	to = min(to, int64(maxDay)+1)
	n := int32(len(w.days))
	for d := w.hi; int64(d) < to; d++ {
		if w.cal.IsWorkingDay(dateOf(d)) {
			w.days = append(w.days, d)
			n++
		}
		w.before = append(w.before, n)
	}
	w.hi = int32(to)
	last := w.lo - 1
	if len(w.days) > 0 {
		last = w.days[len(w.days)-1]
	}
	if w.hi-last > maxDaysOff {
		w.fail("has no working day from %s to %s", dateOf(last+1), dateOf(w.hi-1))
	}
}

// growDown extends the range so that lo ≤ x, by at least the size of the range so far. The
// positions of the days already indexed shift by the number of working days added.
func (w *workIndex) growDown(x int32) {
	from := min(int64(x), int64(w.lo)-int64(max(w.hi-w.lo, minGrowth)))
	if int64(x) < int64(minDay) {
		w.fail("runs before %s", dateOf(minDay))
		return
	}
	from = max(from, int64(minDay))
	var added []int32
	for d := int32(from); d < w.lo; d++ {
		if w.cal.IsWorkingDay(dateOf(d)) {
			added = append(added, d)
		}
	}
	before := make([]int32, 0, int(w.hi)-int(from)+1)
	n := int32(0)
	for d := int32(from); d < w.lo; d++ {
		before = append(before, n)
		if n < int32(len(added)) && added[n] == d {
			n++
		}
	}
	for _, c := range w.before {
		before = append(before, c+n)
	}
	w.before = before
	w.days = append(added, w.days...)
	first := w.hi
	if len(w.days) > 0 {
		first = w.days[0]
	}
	w.lo = int32(from)
	if first-w.lo > maxDaysOff {
		w.fail("has no working day from %s to %s", dateOf(w.lo), dateOf(first-1))
	}
}

func (w *workIndex) fail(format string, args ...any) {
	if w.err != nil {
		return
	}
	name := "the default calendar"
	if w.name != "" {
		name = fmt.Sprintf("the calendar %q", w.name)
	}
	w.err = entente.Errorf(entente.EINVALID, "The schedule cannot be computed: counting working days of %s %s.",
		name, fmt.Sprintf(format, args...))
}
