package main

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
)

// scheduleCommands are the subcommands of "entente schedule".
func scheduleCommands() map[string]func(context.Context, *env, []string) error {
	return map[string]func(context.Context, *env, []string) error{"slots": cmdScheduleSlots, "critical-path": cmdScheduleCriticalPath}
}

func cmdSchedule(ctx context.Context, e *env, args []string) error {
	sub := scheduleCommands()
	if len(args) == 0 || sub[args[0]] == nil {
		names := make([]string, 0, len(sub))
		for n := range sub {
			names = append(names, n)
		}
		slices.Sort(names)
		fmt.Fprintf(e.stderr, "Usage: entente schedule %s [flags]   (entente schedule %s --help)\n", strings.Join(names, "|"), names[0])
		return helpOrUsage(args)
	}
	return sub[args[0]](ctx, e, args[1:])
}

// hoursFlag collects --hours PARTY=SPEC, each party's working hours in its local time.
type hoursFlag map[string]string

func (h hoursFlag) String() string { return "" }

func (h hoursFlag) Set(v string) error {
	party, spec, ok := strings.Cut(v, "=")
	party = strings.ToUpper(strings.TrimSpace(party))
	if !ok || !entente.ValidPartyCode(party) {
		return fmt.Errorf("write PARTY=HOURS, such as PAK=\"mon-fri 10:00-16:00\"")
	}
	h[party] = spec
	return nil
}

// slotOptions are the flags of "schedule slots" once read.
type slotOptions struct {
	parties  []string
	duration time.Duration
	step     time.Duration
	from, to entente.Date
	zone     *time.Location
	hours    hoursFlag
}

// cmdScheduleSlots lists meeting slots that are working time for every party.
func cmdScheduleSlots(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "schedule slots", "schedule slots --parties PAK,BLR --duration 2h --from 2024-12-09 --to 2024-12-13 [--zone ZONE] [--hours PAK=SPEC] [--step 30m] [--limit 20] [--allow-tentative] [--json] [--db …]")
	dsn := dbFlag(fs, e)
	parties := fs.String("parties", "", "the parties' codes, separated by commas")
	duration := fs.Duration("duration", 0, "how long the meeting lasts, such as 2h or 90m")
	from := fs.String("from", "", "the first day of the window (in every party's local time)")
	to := fs.String("to", "", "the last day of the window, at most a year after the first")
	step := fs.Duration("step", calendar.DefaultStep, "the spacing of the slots' starts")
	limit := fs.Int("limit", 20, "the most slots to show; 0 shows all")
	tentative := fs.Bool("allow-tentative", false, "also offer days that may still become days off (a lunar holiday not yet announced)")
	zone := fs.String("zone", "", "also show each slot in this IANA time zone, such as Europe/London")
	opts := slotOptions{hours: hoursFlag{}}
	fs.Var(opts.hours, "hours", "a party's working hours in its local time, as PAK=\"mon-fri 10:00-16:00\" (repeat for each party)")
	asJSON := fs.Bool("json", false, "print the slots as JSON")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if err := opts.read(*parties, *duration, *step, *from, *to, *zone, *limit); err != nil {
		return err
	}
	req, err := opts.request(ctx, e, *dsn, *tentative)
	if err != nil {
		return describe(err)
	}
	slots, err := calendar.FindSlots(req)
	if err != nil {
		return describe(err)
	}
	total := len(slots)
	if *limit > 0 && total > *limit {
		slots = slots[:*limit]
	}
	if *asJSON {
		if slots == nil {
			slots = []calendar.Slot{}
		}
		return writeIndentedJSON(e.stdout, slots)
	}
	return writeSlots(e, opts, slots, total)
}

// read checks the flags, naming the one at fault.
func (o *slotOptions) read(parties string, duration, step time.Duration, from, to, zone string, limit int) error {
	for _, p := range strings.Split(parties, ",") {
		p = strings.ToUpper(strings.TrimSpace(p))
		switch {
		case p == "":
		case !entente.ValidPartyCode(p):
			return fmt.Errorf("--parties: %q is not a party code such as PAK", p)
		case slices.Contains(o.parties, p):
			return fmt.Errorf("--parties: %s is named twice", p)
		default:
			o.parties = append(o.parties, p)
		}
	}
	if len(o.parties) == 0 {
		return fmt.Errorf("--parties: name at least one party, such as PAK,BLR")
	}
	for p := range o.hours {
		if !slices.Contains(o.parties, p) {
			return fmt.Errorf("--hours: %s is not one of --parties", p)
		}
	}
	if duration <= 0 {
		return fmt.Errorf("--duration: a meeting must last some time, such as 2h, not %v", duration)
	}
	if step < time.Minute || step%time.Minute != 0 {
		return fmt.Errorf("--step: give whole minutes, at least 1m, not %v", step)
	}
	if limit < 0 {
		return fmt.Errorf("--limit: cannot be negative (%d)", limit)
	}
	o.duration, o.step = duration, step
	return o.readWindow(from, to, zone)
}

func (o *slotOptions) readWindow(from, to, zone string) error {
	var err error
	if o.from, err = entente.ParseDate(from); err != nil {
		return fmt.Errorf("--from: %w", err)
	}
	if o.to, err = entente.ParseDate(to); err != nil {
		return fmt.Errorf("--to: %w", err)
	}
	switch {
	case o.to.Before(o.from):
		return fmt.Errorf("--to: the window ends (%s) before it starts (%s)", o.to, o.from)
	case o.to.DaysSince(o.from) >= calendar.MaxSlotWindow:
		return fmt.Errorf("--to: the window is %d days long; search at most %d days at a time", o.to.DaysSince(o.from)+1, calendar.MaxSlotWindow)
	}
	if zone != "" {
		if o.zone, err = time.LoadLocation(zone); err != nil || zone == "Local" {
			return fmt.Errorf("--zone: %q is not an IANA time zone such as Europe/London", zone)
		}
	}
	return nil
}

// request opens each party's calendar from the database and builds the slot request.
func (o *slotOptions) request(ctx context.Context, e *env, dsn string, tentative bool) (calendar.SlotRequest, error) {
	req := calendar.SlotRequest{Duration: o.duration, Step: o.step, From: o.from, To: o.to, AllowTentative: tentative}
	db, err := openDB(ctx, dsn, entente.SystemClock{})
	if err != nil {
		return req, err
	}
	defer db.Close()
	for _, p := range o.parties {
		cal, err := partyCalendar(ctx, e, db, p, "")
		if err != nil {
			return req, err
		}
		sp := calendar.SlotParty{Calendar: cal}
		if spec, ok := o.hours[p]; ok {
			h, err := calendar.ParseWorkingHours(spec)
			if err != nil {
				return req, fmt.Errorf("--hours %s: %v", p, describe(err))
			}
			sp.Hours = &h
		}
		req.Parties = append(req.Parties, sp)
	}
	return req, nil
}

// writeSlots prints the slots as a table: each slot in every party's local time, and in
// --zone when given.
func writeSlots(e *env, o slotOptions, slots []calendar.Slot, total int) error {
	fmt.Fprintf(e.stdout, "Slots of %s that are working time for %s from %s to %s, by day, the most central first",
		minutes(o.duration), strings.Join(o.parties, " and "), o.from, o.to)
	if len(slots) < total {
		fmt.Fprintf(e.stdout, " (the first %d of %d)", len(slots), total)
	}
	fmt.Fprintln(e.stdout, ":")
	if total == 0 {
		fmt.Fprintln(e.stdout, "No slot: widen the window, shorten the meeting, or check the parties' holidays with entente calendar days.")
		return nil
	}
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	head := []string{"#"}
	for _, l := range slots[0].Local {
		head = append(head, l.Party+" "+l.Zone)
	}
	if o.zone != nil {
		head = append(head, o.zone.String())
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	var notes []string
	for i, s := range slots {
		row := []string{fmt.Sprint(i + 1)}
		for _, l := range s.Local {
			row = append(row, span(l.Start, l.End))
		}
		if o.zone != nil {
			row = append(row, span(s.Start.In(o.zone), s.End.In(o.zone)))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
		for _, w := range s.Warnings {
			notes = append(notes, fmt.Sprintf("Note on #%d: %s", i+1, w))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for line := range bytes.Lines(buf.Bytes()) {
		e.stdout.Write(append(bytes.TrimRight(line, " \n"), '\n'))
	}
	for _, n := range notes {
		fmt.Fprintln(e.stdout, n)
	}
	return nil
}

// span formats a slot in one zone: "Tue 2024-12-10 12:30–14:30".
func span(start, end time.Time) string {
	s := start.Format("Mon 2006-01-02 15:04") + "–"
	if entente.DateOf(end) != entente.DateOf(start) {
		return s + end.Format("Mon 2006-01-02 15:04")
	}
	return s + end.Format("15:04")
}

// minutes formats a duration as people say it: "2h", "1h30", "45 min".
func minutes(d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	switch {
	case m < 60:
		return fmt.Sprintf("%d min", m)
	case m%60 == 0:
		return fmt.Sprintf("%dh", m/60)
	}
	return fmt.Sprintf("%dh%02d", m/60, m%60)
}
