package schedule

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
)

// FuzzCompute builds a random roadmap from the bytes: up to ten tasks over two calendars with
// holidays and different weekends, every status, fixed starts, deadlines, a target, and random
// dependencies of every kind with lags and leads, which may form cycles. Compute must either
// refuse a cycle that really exists or return a schedule that an independent, day-by-day
// check finds consistent.
func FuzzCompute(f *testing.F) {
	f.Add([]byte{3, 1, 2, 0, 5, 1, 0, 0, 0, 0, 2, 1, 2})
	f.Add([]byte("roadmap of the summit"))
	f.Add([]byte{9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		in := decodeInput(data)
		res, err := Compute(in)
		cyclic := hasCycle(in)
		if err != nil {
			var e *entente.Error
			if !errors.As(err, &e) || e.Code != entente.EINVALID {
				t.Fatalf("err = %v, want an EINVALID *entente.Error", err)
			}
			if !cyclic {
				t.Fatalf("refused an input without a cycle: %v", err)
			}
			checkNamedCycle(t, in, e.Message)
			return
		}
		if cyclic {
			t.Fatal("accepted an input with a cycle")
		}
		checkSchedule(t, in, res)
	})
}

// bytesReader hands out bytes, then zeros.
type bytesReader []byte

func (r *bytesReader) next(n int) int {
	if len(*r) == 0 {
		return 0
	}
	b := (*r)[0]
	*r = (*r)[1:]
	return int(b) % n
}

func decodeInput(data []byte) Input {
	r := bytesReader(data)
	today := day(summit)
	at := func(from, span int) entente.Date { return today.AddDays(from + r.next(span)) }
	a, b := mondayToFriday(), mondayToFriday()
	b.weekend = [7]bool{time.Friday: true, time.Saturday: true}
	for range r.next(4) {
		a.holidays[at(-10, 60)] = true
		b.holidays[at(-10, 60)] = true
	}
	a.worked[at(-10, 60)] = true
	in := Input{Today: today, Calendars: map[string]WorkingDays{"A": a, "B": b}}
	if r.next(3) > 0 {
		in.Target = entente.WhenOfDate(at(0, 80))
	}
	n := 1 + r.next(10)
	for i := range n {
		in.Tasks = append(in.Tasks, decodeTask(&r, at, int64(100+3*i)))
	}
	for range r.next(3 * n) {
		p, s := r.next(n), r.next(n)
		if p > s && r.next(32) > 0 { // mostly forwards, so that most graphs have no cycle
			p, s = s, p
		}
		if p == s && r.next(16) > 0 {
			continue
		}
		in.Dependencies = append(in.Dependencies, Dependency{
			Predecessor: in.Tasks[p].ID, Successor: in.Tasks[s].ID,
			Kind: []Kind{"", StartToStart, FinishToFinish}[r.next(3)], Lag: r.next(9) - 3,
		})
	}
	return in
}

func decodeTask(r *bytesReader, at func(int, int) entente.Date, id int64) Task {
	t := Task{ID: id, Title: "task " + strconv.FormatInt(id, 10), Duration: r.next(6),
		Calendar: []string{"", "A", "B"}[r.next(3)], Progress: r.next(101)}
	switch r.next(5) {
	case 2:
		t.Status = InProgress
		if r.next(2) == 0 {
			t.Started = at(-15, 16)
		}
	case 3:
		t.Status, t.Finished = Done, at(-20, 21)
		if r.next(2) == 0 {
			t.Started = t.Finished.AddDays(-r.next(10))
		}
	case 4:
		t.Status = Blocked
	}
	if r.next(4) == 0 {
		t.Start = at(-10, 40)
	}
	switch r.next(4) {
	case 0:
		t.Due = entente.WhenOfDate(at(-5, 60))
	case 1:
		t.Due = entente.MustWhen(at(0, 60).String()[:7], "", false)
	}
	return t
}

// hasCycle decides by repeatedly removing tasks that wait for nothing.
func hasCycle(in Input) bool {
	left := map[int64]bool{}
	for _, t := range in.Tasks {
		left[t.ID] = true
	}
	for removed := true; removed; {
		removed = false
		for id := range left {
			waits := false
			for _, d := range in.Dependencies {
				waits = waits || (d.Successor == id && left[d.Predecessor])
			}
			if !waits {
				delete(left, id)
				removed = true
			}
		}
	}
	return len(left) > 0
}

var idInMessage = regexp.MustCompile(`\(#(\d+)\)`)

// checkNamedCycle checks that the ids a cycle message names, in order, are joined by
// dependencies and come back to the first.
func checkNamedCycle(t *testing.T, in Input, msg string) {
	m := idInMessage.FindAllStringSubmatch(msg, -1)
	if strings.Contains(msg, "depends on itself") && len(m) > 0 {
		m = append(m, m[0]) // a cycle of one task
	}
	if len(m) < 2 || m[0][1] != m[len(m)-1][1] {
		t.Fatalf("message %q names no cycle", msg)
	}
	for i := 1; i < len(m); i++ {
		p, _ := strconv.ParseInt(m[i-1][1], 10, 64)
		s, _ := strconv.ParseInt(m[i][1], 10, 64)
		joined := false
		for _, d := range in.Dependencies {
			joined = joined || (d.Predecessor == p && d.Successor == s)
		}
		if !joined {
			t.Fatalf("message %q: no dependency of #%d on #%d", msg, s, p)
		}
	}
}
