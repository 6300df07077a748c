package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
	"github.com/entente/entente/sqlstore"
)

// maxListingDays is the longest stretch "calendar days" lists at once: a year, leap day
// included, as the API allows.
const maxListingDays = 366

// maxWorkingDays caps "calendar add-working-days": about four years of working days, well
// past any roadmap's horizon, and quick to count.
const maxWorkingDays = 1000

func cmdCalendar(ctx context.Context, e *env, args []string) error {
	sub := map[string]func(context.Context, *env, []string) error{"days": cmdCalendarDays, "add-working-days": cmdCalendarAddWorkingDays}
	if len(args) == 0 || sub[args[0]] == nil {
		fmt.Fprintln(e.stderr, "Usage: entente calendar days|add-working-days [flags]   (entente calendar days --help)")
		return helpOrUsage(args)
	}
	return sub[args[0]](ctx, e, args[1:])
}

// cmdCalendarDays lists the days of a party's calendar that are not ordinary working days.
func cmdCalendarDays(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "calendar days", "calendar days --party PAK [--from 2025-01-01] [--to 2025-12-31] [--profile NAME] [--json] [--db …]")
	dsn := dbFlag(fs, e)
	party := fs.String("party", "", "the party's code, such as PAK or BLR")
	profile := fs.String("profile", "", "the office profile (default: the party's usual office)")
	from := fs.String("from", "", "the first day listed (default: 1 January of this year)")
	to := fs.String("to", "", "the last day listed (default: 31 December of the first day's year)")
	asJSON := fs.Bool("json", false, "print a JSON list of objects with date, name and status")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if err := needParty(fs, *party); err != nil {
		return err
	}
	first, last, err := listingRange(*from, *to, entente.DateOf(time.Now().UTC()))
	if err != nil {
		return err
	}
	cal, err := openCalendar(ctx, e, *dsn, *party, *profile)
	if err != nil {
		return describe(err)
	}
	days := cal.NonWorkingDays(first, last)
	if *asJSON {
		return writeIndentedJSON(e.stdout, calendar.List(days))
	}
	fmt.Fprintf(e.stdout, "%s, office profile %s, time zone %s: days from %s to %s that are not ordinary working days\n",
		cal.Name(), cal.Profile(), cal.Location(), first, last)
	for y := first.Year; y <= last.Year; y++ {
		for _, n := range cal.YearNotes(y) {
			fmt.Fprintf(e.stdout, "Note: %s\n", n)
		}
	}
	fmt.Fprintln(e.stdout)
	return calendar.WriteTable(e.stdout, days)
}

// cmdCalendarAddWorkingDays answers the day a number of working days after (or before) a day.
func cmdCalendarAddWorkingDays(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "calendar add-working-days", "calendar add-working-days --party BLR --from 2024-11-26 --days 10 [--profile NAME] [--json] [--db …]")
	dsn := dbFlag(fs, e)
	party := fs.String("party", "", "the party's code, such as PAK or BLR")
	profile := fs.String("profile", "", "the office profile (default: the party's usual office)")
	from := fs.String("from", "", "the day to count from (not itself counted)")
	n := fs.Int("days", 0, fmt.Sprintf("the working days to add, negative to count back (at most %d either way)", maxWorkingDays))
	asJSON := fs.Bool("json", false, "print a JSON object with party, from, days and date")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if err := needParty(fs, *party); err != nil {
		return err
	}
	start, err := entente.ParseDate(*from)
	if err != nil {
		return fmt.Errorf("--from: %w", err)
	}
	if *n > maxWorkingDays || *n < -maxWorkingDays {
		return fmt.Errorf("--days: %d working days is more than this command counts; give at most %d either way", *n, maxWorkingDays)
	}
	cal, err := openCalendar(ctx, e, *dsn, *party, *profile)
	if err != nil {
		return describe(err)
	}
	day := cal.AddWorkingDays(start, *n)
	if *asJSON {
		return writeIndentedJSON(e.stdout, struct {
			Party string       `json:"party"`
			From  entente.Date `json:"from"`
			Days  int          `json:"days"`
			Date  entente.Date `json:"date"`
		}{cal.Party(), start, *n, day})
	}
	fmt.Fprintf(e.stdout, "%s (%s): %d working days from %s in the calendar of %s\n", day, day.Weekday(), *n, start, cal.Name())
	lo, hi := start, day
	if hi.Before(lo) {
		lo, hi = hi, lo
	}
	for d := range cal.Each(lo, hi) {
		if d.MayBeOff || d.HolidayStatus == calendar.Tentative {
			fmt.Fprintf(e.stdout, "Note: %s may still change (%s); the answer may move.\n", d.Date, strings.TrimSpace(d.Name+" "+d.Note))
		}
	}
	return nil
}

// helpOrUsage ends a command with subcommands that was given none: asking for help is not an
// error, anything else is.
func helpOrUsage(args []string) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		return nil
	}
	return errUsage
}

// needParty refuses a missing or malformed --party.
func needParty(fs *flag.FlagSet, party string) error {
	if party == "" {
		fmt.Fprintln(fs.Output(), "--party is required")
		fs.Usage()
		return errUsage
	}
	if !entente.ValidPartyCode(strings.ToUpper(party)) {
		return fmt.Errorf("--party: %q is not a party code such as PAK", party)
	}
	return noArgs(fs)
}

// listingRange reads --from and --to, defaulting to the year of today, and refuses a stretch
// that ends before it starts or is longer than a year.
func listingRange(from, to string, today entente.Date) (entente.Date, entente.Date, error) {
	first := entente.NewDate(today.Year, time.January, 1)
	if from != "" {
		d, err := entente.ParseDate(from)
		if err != nil {
			return first, first, fmt.Errorf("--from: %w", err)
		}
		first = d
	}
	last := entente.NewDate(first.Year, time.December, 31)
	if to != "" {
		d, err := entente.ParseDate(to)
		if err != nil {
			return first, last, fmt.Errorf("--to: %w", err)
		}
		last = d
	}
	switch {
	case last.Before(first):
		return first, last, fmt.Errorf("--to: the stretch ends (%s) before it starts (%s)", last, first)
	case last.DaysSince(first) >= maxListingDays:
		return first, last, fmt.Errorf("--to: the stretch is %d days long; list at most %d days at a time", last.DaysSince(first)+1, maxListingDays)
	}
	return first, last, nil
}

// openCalendar opens a party's calendar with the overrides stored in the database. A party
// the database does not hold but the calendar package defines (a new database) gets the
// official notices shipped with entente, and a note on stderr says so.
func openCalendar(ctx context.Context, e *env, dsn, party, profile string) (*calendar.Calendar, error) {
	db, err := openDB(ctx, dsn, entente.SystemClock{})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return partyCalendar(ctx, e, db, party, profile)
}

func partyCalendar(ctx context.Context, e *env, db *sqlstore.DB, party, profile string) (*calendar.Calendar, error) {
	party = strings.ToUpper(party)
	cal, err := sqlstore.NewCalendarService(db).PartyCalendar(ctx, party, profile)
	if entente.ErrorCode(err) == entente.ENOTFOUND && calendar.HasDefinition(party) {
		fmt.Fprintf(e.stderr, "%s is not in the database %s: using its calendar with the official notices shipped with entente.\n", party, db.Name)
		return calendar.For(party, profile, calendar.OfficialOverrides(party))
	}
	return cal, err
}

// seedCalendars stores the official calendar notices shipped with entente for every party
// of the database that has a calendar definition; serve and demo call it at start. A notice
// that contradicts what users entered is reported and left out.
func seedCalendars(ctx context.Context, e *env, db *sqlstore.DB) error {
	reports, err := db.SeedCalendars(ctx)
	if err != nil {
		return describe(err)
	}
	for _, r := range reports {
		for _, why := range r.Refused {
			fmt.Fprintf(e.stderr, "entente: a calendar notice of %s shipped with entente was not added, as it contradicts the stored overrides: %s\n", r.Party, why)
		}
	}
	return nil
}

// writeIndentedJSON prints v as indented JSON.
func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
