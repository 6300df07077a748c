package schedule

import (
	"fmt"

	"github.com/entente/entente"
)

// problems collects what is wrong with an input, field by field, and remembers the order in
// which the problems were found so that the error's message starts with the first.
type problems struct {
	fields entente.Problems
	first  string
}

func (p *problems) add(field, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if p.first == "" {
		p.first = msg
	}
	p.fields.Add(field, msg)
}

// err returns nil without problems, else an EINVALID error whose message is the first problem
// and whose fields hold all of them.
func (p *problems) err() error {
	if len(p.fields) == 0 {
		return nil
	}
	msg := "The schedule cannot be computed: " + p.first + "."
	switch n := len(p.fields); {
	case n == 2:
		msg = "The schedule cannot be computed: " + p.first + " (and 1 more problem)."
	case n > 2:
		msg = fmt.Sprintf("The schedule cannot be computed: %s (and %d more problems).", p.first, n-1)
	}
	return &entente.Error{Code: entente.EINVALID, Message: msg, Fields: map[string]string(p.fields)}
}

// checkInput checks the fields of the input that do not depend on the graph's shape.
func checkInput(in *Input, p *problems) {
	if in.Today.IsZero() {
		p.add("today", "today's date is missing")
	} else if !validDate(in.Today) {
		p.add("today", "today's date %v is not a day between the years 1 and 9999", in.Today)
	}
	if !in.Target.IsZero() {
		if in.Target.Latest.IsZero() {
			p.add("target", "the target %s has no last day to finish by", in.Target)
		} else if problem := dateProblem(in, in.Target.Latest); problem != "" {
			p.add("target", "the target's last day %v %s", in.Target.Latest, problem)
		}
	}
	for i := range in.Tasks {
		checkTask(in, i, p)
	}
}

// dateProblem says what is wrong with a date of the input, or returns "".
func dateProblem(in *Input, d entente.Date) string {
	switch {
	case !validDate(d):
		return "is not a day between the years 1 and 9999"
	case validDate(in.Today) && (d.Year > in.Today.Year+MaxYears || d.Year < in.Today.Year-MaxYears):
		return fmt.Sprintf("is more than %d years from today", MaxYears)
	}
	return ""
}

// checkTask checks one task's own fields.
func checkTask(in *Input, i int, p *problems) {
	t := &in.Tasks[i]
	f := func(name string) string { return fmt.Sprintf("tasks[%d].%s", i, name) }
	switch {
	case t.Duration < 0:
		p.add(f("duration"), "%s has a negative duration (%d working days)", label(t), t.Duration)
	case t.Duration > MaxDuration:
		p.add(f("duration"), "%s lasts %d working days, longer than the horizon of %d working days (ten years)", label(t), t.Duration, MaxDuration)
	}
	switch t.Status {
	case "", NotStarted, InProgress, Done, Blocked:
	default:
		p.add(f("status"), "%s has the unknown status %q (not_started, in_progress, done, blocked)", label(t), t.Status)
	}
	if t.Progress < 0 || t.Progress > 100 {
		p.add(f("progress"), "%s has progress %d%%, outside 0 to 100", label(t), t.Progress)
	}
	if _, ok := in.Calendars[t.Calendar]; !ok && t.Calendar != "" {
		p.add(f("calendar"), "%s uses the calendar %q, which was not given", label(t), t.Calendar)
	} else if ok && in.Calendars[t.Calendar] == nil {
		p.add(f("calendar"), "%s uses the calendar %q, which is empty", label(t), t.Calendar)
	}
	checkTaskDates(in, t, f, p)
}

// checkTaskDates checks that a task's dates are real days and agree with its status and today.
func checkTaskDates(in *Input, t *Task, f func(string) string, p *problems) {
	for _, d := range []struct {
		name string
		date entente.Date
	}{{"start", t.Start}, {"due", t.Due.Latest}, {"started", t.Started}, {"finished", t.Finished}} {
		if problem := dateProblem(in, d.date); !d.date.IsZero() && problem != "" {
			p.add(f(d.name), "%s: %s %v %s", label(t), d.name, d.date, problem)
		}
	}
	today := in.Today
	switch {
	case t.Status == Done && t.Finished.IsZero():
		p.add(f("finished"), "%s is done but has no finish date", label(t))
	case t.Status == Done && validDate(today) && t.Finished.After(today):
		p.add(f("finished"), "%s is done but finished on %s, after today (%s)", label(t), t.Finished, today)
	case !t.Finished.IsZero() && t.Status != Done:
		p.add(f("finished"), "%s has a finish date but is not done", label(t))
	}
	switch {
	case t.Started.IsZero():
	case t.Status != Done && t.Status != InProgress:
		p.add(f("started"), "%s has a start date but has not started", label(t))
	case !t.Finished.IsZero() && t.Started.After(t.Finished):
		p.add(f("started"), "%s started on %s, after it finished (%s)", label(t), t.Started, t.Finished)
	case validDate(today) && t.Started.After(today):
		p.add(f("started"), "%s started on %s, after today (%s)", label(t), t.Started, today)
	}
}

// checkDependency checks one dependency's own fields and that both ends exist (at positions
// pi and si when okp and oks). Messages are
// formatted only for a dependency that has a problem: most have none.
func checkDependency(in *Input, j int, pi, si int32, okp, oks bool, p *problems) {
	d := &in.Dependencies[j]
	lagOK := d.Lag <= MaxLag && d.Lag >= -MaxLead
	switch d.Kind {
	case "", FinishToStart, StartToStart, FinishToFinish:
		if okp && oks && pi != si && lagOK {
			return
		}
	}
	f := func(name string) string { return fmt.Sprintf("dependencies[%d].%s", j, name) }
	pred, succ := fmt.Sprintf("#%d", d.Predecessor), fmt.Sprintf("#%d", d.Successor)
	if okp {
		pred = label(&in.Tasks[pi])
	}
	if oks {
		succ = label(&in.Tasks[si])
	}
	name := fmt.Sprintf("the dependency of %s on %s", succ, pred)
	if !okp {
		p.add(f("predecessor"), "%s: no action #%d in this roadmap", name, d.Predecessor)
	}
	if !oks {
		p.add(f("successor"), "%s: no action #%d in this roadmap", name, d.Successor)
	}
	if okp && oks && pi == si {
		p.add(f("predecessor"), "%s depends on itself", label(&in.Tasks[pi]))
	}
	switch d.Kind {
	case "", FinishToStart, StartToStart, FinishToFinish:
	default:
		p.add(f("kind"), "%s has the unknown kind %q (FS, SS, FF)", name, d.Kind)
	}
	switch {
	case d.Lag > MaxLag:
		p.add(f("lag_days"), "%s has a lag of %d working days, longer than the horizon of %d working days (ten years)", name, d.Lag, MaxLag)
	case d.Lag < -MaxLead:
		p.add(f("lag_days"), "%s has a lead of %d working days, longer than the limit of %d working days (one year)", name, -d.Lag, MaxLead)
	}
}
