package main

import (
	"context"
	"fmt"

	"github.com/entente/entente/ingest"
	"github.com/entente/entente/timex"
	"github.com/entente/entente/timex/timeml"
)

const evalUsage = "eval timeml DIR [--errors] | eval statements DIR"

// cmdEval scores the readers against hand-annotated corpora: the time expression tagger
// against TimeML documents, the statement reader against annotated statements.
func cmdEval(ctx context.Context, e *env, args []string) error {
	sub := map[string]func(context.Context, *env, []string) error{"timeml": cmdEvalTimeML, "statements": cmdEvalStatements}
	if len(args) > 0 && (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
		fmt.Fprintln(e.stderr, "Usage: entente "+evalUsage)
		return nil
	}
	if len(args) == 0 || sub[args[0]] == nil {
		fmt.Fprintln(e.stderr, "Usage: entente "+evalUsage)
		return errUsage
	}
	return sub[args[0]](ctx, e, args[1:])
}

// cmdEvalTimeML runs the tagger over every .tml document of a folder, each against its own
// creation date, and prints strict and relaxed span, value and type scores; --errors lists
// every mismatch after the table.
func cmdEvalTimeML(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "eval timeml", "eval timeml DIR [--errors]")
	errs := fs.Bool("errors", false, "also list every mismatch: missed, spurious, extent, value and type")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	dir, err := oneFileAndFlags(fs)
	if err != nil || dir == "-" {
		if dir == "-" {
			fmt.Fprintln(e.stderr, "name the folder of .tml documents")
			fs.Usage()
		}
		return errUsage
	}
	r, err := timeml.Evaluate(dir, timex.Find)
	if err != nil {
		return fmt.Errorf("eval timeml: %s", errorText(err))
	}
	if err := r.WriteTable(e.stdout); err != nil {
		return err
	}
	if *errs {
		fmt.Fprintln(e.stdout)
		return r.WriteErrors(e.stdout)
	}
	return nil
}

// cmdEvalStatements reads every annotated statement of a folder and prints how the drafts
// compare with the annotations, field by field.
func cmdEvalStatements(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "eval statements", "eval statements DIR")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	dir, err := oneFileAndFlags(fs)
	if err != nil || dir == "-" {
		if dir == "-" {
			fmt.Fprintln(e.stderr, "name the folder of annotated statements (*.json)")
			fs.Usage()
		}
		return errUsage
	}
	r, err := ingest.Evaluate(dir)
	if err != nil {
		return fmt.Errorf("eval statements: %s", errorText(err))
	}
	return r.WriteTable(e.stdout)
}
