package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/demo"
	"github.com/entente/entente/sqlstore"
)

func cmdDemo(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "demo", "demo [--addr 127.0.0.1:8080] [--db PATH] [--today YYYY-MM-DD] [--trade FILE…] [--from-statement FILE --date YYYY-MM-DD]")
	addr := fs.String("addr", "127.0.0.1:8080", "the address to listen on")
	dsn := fs.String("db", "", "the database to create (default: a new SQLite file in a temporary folder)")
	todayFlag := fs.String("today", demo.Today.String(), "the demo's today: what lies before it is held or done")
	load := fs.Bool("load-only", false, "load the demo and stop, without serving")
	tradeFiles := tradeFilesFlag(fs)
	statement := addStatementFlags(fs)
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if err := tradeFiles.rest(fs); err != nil {
		return err
	}
	st, err := statement.read(e)
	if err != nil {
		return err
	}
	today, err := entente.ParseDate(*todayFlag)
	if err != nil {
		return fmt.Errorf("--today: %w", err)
	}
	if *dsn == "" {
		dir, err := os.MkdirTemp("", "entente-demo-")
		if err != nil {
			return err
		}
		*dsn = filepath.Join(dir, "entente.db")
	}
	// The demo lives on its today from nine in the morning in Islamabad, advancing in real time.
	clock := entente.ClockAt(today.Time(time.UTC).Add(4 * time.Hour))
	db, err := openDB(ctx, *dsn, clock)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := loadDemo(ctx, demoServices(services(db)), today, st)
	if err != nil {
		if entente.ErrorCode(err) == entente.ECONFLICT {
			return fmt.Errorf("%s already holds data: the demo needs a new database (%w)", *dsn, err)
		}
		return err
	}
	if err := seedCalendars(ctx, e, db); err != nil {
		return err
	}
	printDemo(e, res, db, today)
	if err := loadDemoTrade(ctx, e, db, tradeFiles.paths); err != nil {
		return err
	}
	if *load {
		return nil
	}
	return listenAndServe(ctx, e, *addr, db, clock)
}

func printDemo(e *env, res *demo.Result, db *sqlstore.DB, today entente.Date) {
	fmt.Fprintf(e.stdout, "Loaded %q (roadmap %d) into %s, as of %s.\n", res.Roadmap.Title, res.Roadmap.ID, db.Name, today)
	fmt.Fprintln(e.stdout, "Sign in with:")
	for _, a := range res.Accounts {
		fmt.Fprintf(e.stdout, "  %-32s %-28s (%s, %s)\n", a.Email, a.Password, a.Party, a.Role)
	}
	if len(res.Signatories) > 0 {
		fmt.Fprintln(e.stdout, "Signatories (password, then the passphrase of their signing key):")
	}
	for _, a := range res.Signatories {
		fmt.Fprintf(e.stdout, "  %-36s %-20s %-20s (%s)\n", a.Email, a.Password, a.Passphrase, a.Party)
	}
}

// newPassword makes a random password of 18 characters.
func newPassword() string {
	b := make([]byte, 12)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
