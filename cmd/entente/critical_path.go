package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/schedule"
)

// cmdScheduleCriticalPath prints a roadmap's critical path(s) to its target and the "what must
// happen by when" list, or the whole computed schedule as JSON.
func cmdScheduleCriticalPath(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "schedule critical-path", "schedule critical-path --roadmap ID [--target meeting:ID|agreement:ID|horizon|YYYY-MM-DD] [--today YYYY-MM-DD] [--json] [--db entente.db]")
	dsn := dbFlag(fs, e)
	roadmapID := fs.Int64("roadmap", 0, "the roadmap's id")
	target := fs.String("target", "", "what the work leads to: meeting:ID, agreement:ID, horizon or a date such as 2025-02-28 (default: the roadmap's next signing ceremony, else its horizon)")
	todayFlag := fs.String("today", "", "schedule as of this day (default: today, by the machine's clock in UTC)")
	asJSON := fs.Bool("json", false, "print the whole schedule as JSON")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *roadmapID <= 0 {
		fmt.Fprintln(e.stderr, "--roadmap is required: the id of the roadmap to schedule")
		fs.Usage()
		return errUsage
	}
	goal, err := entente.ParseScheduleTarget("target", *target)
	if err != nil {
		return fmt.Errorf("--target: %s", entente.ErrorMessage(err))
	}
	var clock entente.Clock = entente.SystemClock{}
	if *todayFlag != "" {
		today, err := entente.ParseDate(*todayFlag)
		if err != nil {
			return fmt.Errorf("--today: %w", err)
		}
		clock = entente.FixedClock(today.Time(time.UTC).Add(12 * time.Hour))
	}
	db, err := openDB(ctx, *dsn, clock)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx = entente.WithCaller(ctx, entente.SystemCaller)
	svc := services(db)
	rm, err := svc.Roadmaps.FindRoadmapByID(ctx, *roadmapID)
	if err != nil {
		return errors.New(entente.ErrorMessage(err))
	}
	sch, err := svc.Schedules.RoadmapSchedule(ctx, rm.ID, goal)
	if err != nil {
		return errors.New(entente.ErrorMessage(err))
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(sch)
	}
	return writeCriticalPath(e.stdout, rm, sch)
}

// writeCriticalPath writes the schedule's heading, its critical paths step by step, and the
// "what must happen by when" list.
func writeCriticalPath(w io.Writer, rm *entente.Roadmap, sch *entente.Schedule) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Roadmap %d, %q, as of %s.\n", rm.ID, rm.Title, sch.Today)
	switch t := sch.Target; {
	case t == nil:
		b.WriteString("No target: the work is held to its own projected finish.\n")
	case t.Kind == entente.TargetMeeting || t.Kind == entente.TargetAgreement:
		fmt.Fprintf(&b, "Target: %s #%d %q (%s), finish by %s.\n", t.Kind, t.ID, t.Title, t.When.Value, t.Date)
	default:
		fmt.Fprintf(&b, "Target: %s %s, finish by %s.\n", t.Kind, t.When.Value, t.Date)
	}
	if !sch.Finish.IsZero() {
		fmt.Fprintf(&b, "Projected finish of the open work: %s.\n", sch.Finish)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if err := writePaths(w, sch); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nWhat must happen by when (flags: C critical, L late, R at risk, B blocked):")
	ds := make([]schedule.Deadline, len(sch.Deadlines))
	for i, d := range sch.Deadlines {
		ds[i] = schedule.Deadline{ID: d.ID, Title: d.Title, LatestFinish: d.LatestFinish, ProjectedFinish: d.ProjectedFinish,
			Slack: d.Slack, Critical: d.Critical, Late: d.Late, AtRisk: d.AtRisk, Blocked: d.Blocked}
	}
	return schedule.WriteDeadlines(w, ds)
}

// writePaths writes each critical path: how much it can slip, then its actions in order with
// their projected dates and lead party.
func writePaths(w io.Writer, sch *entente.Schedule) error {
	if len(sch.CriticalPaths) == 0 {
		_, err := fmt.Fprintln(w, "\nNo unfinished action stands between today and the target.")
		return err
	}
	by := sch.ByAction()
	for _, p := range sch.CriticalPaths {
		switch {
		case p.Slack > 0:
			fmt.Fprintf(w, "\nCritical path, %d working days to spare:\n", p.Slack)
		case p.Slack < 0:
			fmt.Fprintf(w, "\nCritical path, %d working days late:\n", -p.Slack)
		default:
			fmt.Fprintln(w, "\nCritical path, no time to spare:")
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for i, id := range p.Actions {
			a := by[id]
			fmt.Fprintf(tw, "  %d.\t#%d\t%s – %s\t%s\t%s\n", i+1, id, a.EarlyStart, a.EarlyFinish, orNone(a.LeadParty), oneLine(a.Title))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if sch.MorePaths {
		_, err := fmt.Fprintf(w, "More critical paths exist; the first %d are shown.\n", len(sch.CriticalPaths))
		return err
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine keeps a title on its line of the table.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
