package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/entente/entente"
)

// errUsage reports a command line that was wrong; the usage has been printed already.
var errUsage = errors.New("usage")

// command is one subcommand of entente.
type command struct {
	name, summary string
	run           func(ctx context.Context, e *env, args []string) error
}

// commands lists every subcommand, in the order of the help.
func commands() []command {
	return []command{
		{"demo", "load the Pakistan–Belarus demo roadmap into a fresh database and serve it", cmdDemo},
		{"serve", "serve the web interface and the JSON API", cmdServe},
		{"migrate", "create or upgrade the database schema", cmdMigrate},
		{"export", "write the whole database as one JSON document", cmdExport},
		{"import", "load an export into an empty database", cmdImport},
		{"user", "manage accounts: user add, user token, user reset", cmdUser},
		{"audit", "check the audit trail: audit verify", cmdAudit},
		{"agreement", "agreement texts: agreement verify, export (text, Markdown, PDF), import-draft", cmdAgreement},
		{"calendar", "a party's working calendar: calendar days, calendar add-working-days", cmdCalendar},
		{"schedule", "plan in working time: schedule slots (meeting times every party works), schedule critical-path", cmdSchedule},
		{"trade", "trade evidence: trade load, rca, potential, complementarity, datasets, remove", cmdTrade},
		{"ingest", "read a statement and print the draft roadmap found in it", cmdIngest},
		{"timex", "find the time expressions of a text and print them as TIMEX3, one JSON object a line", cmdTimex},
		{"eval", "score the readers on annotated corpora: eval timeml, eval statements", cmdEval},
		{"version", "print the version", cmdVersion},
	}
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "entente turns a summit's promises into signed agreements and finished work.")
	fmt.Fprintln(w, "\nUsage: entente <command> [flags]   (entente <command> --help for its flags)")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nThe database is a SQLite file (default entente.db) or a postgres:// URL, given by --db or ENTENTE_DB.")
}

// flags returns a flag set for a command that prints its usage on stderr.
func flags(e *env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet("entente "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: entente %s\n\nFlags:\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses the flags; --help prints the usage and stops the command without an error.
func parse(fs *flag.FlagSet, args []string) (bool, error) {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return false, nil
	}
	if err != nil {
		return false, errUsage
	}
	return true, nil
}

// dbFlag adds the --db flag, defaulting to ENTENTE_DB or entente.db in the working directory.
func dbFlag(fs *flag.FlagSet, e *env) *string {
	def := e.getenv("ENTENTE_DB")
	if def == "" {
		def = "entente.db"
	}
	return fs.String("db", def, "the database: a SQLite file path, or a postgres:// URL (ENTENTE_DB)")
}

// noArgs refuses stray arguments.
func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "unexpected arguments: %s\n", strings.Join(fs.Args(), " "))
		fs.Usage()
		return errUsage
	}
	return nil
}

// asError finds an *entente.Error in err's chain.
func asError(err error, target **entente.Error) bool { return errors.As(err, target) }
