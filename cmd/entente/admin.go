package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

func cmdMigrate(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "migrate", "migrate [--db entente.db]")
	dsn := dbFlag(fs, e)
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	db, err := openDB(ctx, *dsn, entente.SystemClock{})
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintf(e.stdout, "%s is at schema version %d.\n", db.Name, sqlstore.SchemaVersion())
	return nil
}

func cmdExport(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "export", "export [--db entente.db] [--out FILE]")
	dsn := dbFlag(fs, e)
	out := fs.String("out", "", "the file to write (default: standard output)")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	db, err := openDB(ctx, *dsn, entente.SystemClock{})
	if err != nil {
		return err
	}
	defer db.Close()
	ctx = entente.WithCaller(ctx, entente.SystemCaller)
	if *out == "" {
		return db.Export(ctx, e.stdout)
	}
	return writeFileAtomically(*out, func(w io.Writer) error { return db.Export(ctx, w) })
}

// writeFileAtomically writes a file through a temporary file and a rename, so that a failed
// write never leaves a half-written file under the final name.
func writeFileAtomically(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(dirOf(path), ".entente-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

func dirOf(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[:i+1]
		}
	}
	return "."
}

func cmdImport(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "import", "import [--db entente.db] FILE")
	dsn := dbFlag(fs, e)
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	db, err := openDB(ctx, *dsn, entente.SystemClock{})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Import(entente.WithCaller(ctx, entente.SystemCaller), f); err != nil {
		return fmt.Errorf("%s: %s", fs.Arg(0), entente.ErrorMessage(err))
	}
	fmt.Fprintf(e.stdout, "Imported %s into %s.\n", fs.Arg(0), db.Name)
	return nil
}

func cmdVersion(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "version", "version")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	version := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		version = bi.Main.Version
	}
	fmt.Fprintf(e.stdout, "entente %s, database schema %d\n", version, sqlstore.SchemaVersion())
	return nil
}

func cmdAudit(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "verify" {
		fmt.Fprintln(e.stderr, "Usage: entente audit verify [--db entente.db]")
		return errUsage
	}
	fs := flags(e, "audit verify", "audit verify [--db entente.db]")
	dsn := dbFlag(fs, e)
	if ok, err := parse(fs, args[1:]); !ok || err != nil {
		return err
	}
	db, err := openDB(ctx, *dsn, entente.SystemClock{})
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := db.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	if p := rep.Problem; p != nil {
		return fmt.Errorf("the audit trail is broken at entry %d: %s", p.EntryID, p.Reason)
	}
	fmt.Fprintf(e.stdout, "The audit trail holds: %d entries, each chained to the one before.\n", rep.Entries)
	fmt.Fprintf(e.stdout, "Newest entry's hash: %s (keep it elsewhere: a later check that ends on another hash means entries were cut off).\n", rep.LastHash)
	return nil
}
