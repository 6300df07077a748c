package schedule

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode"
)

// WriteText writes the schedule as a plain-text table for a terminal: one row per task,
// ordered by early start and id, then the critical paths. Flags are C (critical), L (late),
// R (at risk) and B (blocked).
func (r *Result) WriteText(w io.Writer) error {
	tasks := make([]*TaskSchedule, len(r.Tasks))
	for i := range r.Tasks {
		tasks[i] = &r.Tasks[i]
	}
	slices.SortStableFunc(tasks, func(a, b *TaskSchedule) int {
		if c := a.EarlyStart.Compare(b.EarlyStart); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Today %s", r.Today)
	if !r.Target.IsZero() {
		fmt.Fprintf(tw, ", target %s", r.Target)
	}
	if !r.Finish.IsZero() {
		fmt.Fprintf(tw, ", projected finish %s", r.Finish)
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "ID\tAction\tStatus\tStart\tFinish\tLate start\tLate finish\tDue\tSlack\tFlags")
	for _, t := range tasks {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", t.ID, oneLine(t.Title), t.Status,
			t.EarlyStart, t.EarlyFinish, t.LateStart, t.LateFinish, orDash(t.Due.String()), t.Slack, flags(t))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return writePaths(w, r)
}

// writePaths writes one line per critical path, naming its tasks.
func writePaths(w io.Writer, r *Result) error {
	title := make(map[int64]string, len(r.Tasks))
	for _, t := range r.Tasks {
		title[t.ID] = t.Title
	}
	var b strings.Builder
	for _, p := range r.CriticalPaths {
		switch {
		case p.Slack > 0:
			fmt.Fprintf(&b, "Critical path, %d working days to spare:", p.Slack)
		case p.Slack < 0:
			fmt.Fprintf(&b, "Critical path, %d working days late:", -p.Slack)
		default:
			b.WriteString("Critical path, no time to spare:")
		}
		for i, id := range p.Tasks {
			if i > 0 {
				b.WriteString(" →")
			}
			fmt.Fprintf(&b, " %s (#%d)", oneLine(title[id]), id)
		}
		b.WriteString("\n")
	}
	if r.MorePaths {
		fmt.Fprintf(&b, "More critical paths exist; the first %d are shown.\n", MaxPaths)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteDeadlines writes the "what must happen by when" list as a plain-text table.
func WriteDeadlines(w io.Writer, ds []Deadline) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Finish by\tID\tAction\tProjected\tSlack\tFlags")
	for _, d := range ds {
		t := TaskSchedule{Critical: d.Critical, Late: d.Late, AtRisk: d.AtRisk, Blocked: d.Blocked}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t%s\n", d.LatestFinish, d.ID, oneLine(d.Title), d.ProjectedFinish, d.Slack, flags(&t))
	}
	return tw.Flush()
}

func flags(t *TaskSchedule) string {
	var b strings.Builder
	for _, f := range []struct {
		on     bool
		letter byte
	}{{t.Critical, 'C'}, {t.Late, 'L'}, {t.AtRisk, 'R'}, {t.Blocked, 'B'}} {
		if f.on {
			b.WriteByte(f.letter)
		}
	}
	return orDash(b.String())
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine replaces tabs, newlines and other control characters, which would break a table.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}
