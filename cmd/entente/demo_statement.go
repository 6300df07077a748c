package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/entente/entente"
	"github.com/entente/entente/demo"
)

// statementFlags are the flags of a demo built from a statement.
type statementFlags struct {
	file, date *string
}

// addStatementFlags adds --from-statement and --date to the demo's flags.
func addStatementFlags(fs *flag.FlagSet) statementFlags {
	return statementFlags{
		file: fs.String("from-statement", "", "build the roadmap from a statement (a .txt or .html file) instead of the demo's tables"),
		date: fs.String("date", "", "the statement's publication date, with --from-statement"),
	}
}

// read returns the statement the flags name, or nil for the demo's own roadmap.
func (f statementFlags) read(e *env) (*demo.Statement, error) {
	if *f.file == "" {
		if *f.date != "" {
			return nil, fmt.Errorf("--date is the date of the statement given by --from-statement")
		}
		return nil, nil
	}
	if *f.date == "" {
		return nil, fmt.Errorf("--from-statement needs --date: the date the statement was published")
	}
	published, err := entente.ParseDate(*f.date)
	if err != nil {
		return nil, fmt.Errorf("--date: %w", err)
	}
	text, err := statementText(e, *f.file)
	if err != nil {
		return nil, err
	}
	return &demo.Statement{Text: text, Published: published}, nil
}

// loadDemo loads the demo's own roadmap, or the one a statement describes.
func loadDemo(ctx context.Context, svc demo.Services, today entente.Date, st *demo.Statement) (*demo.Result, error) {
	if st == nil {
		return demo.Load(ctx, svc, today, newPassword)
	}
	return demo.LoadFromStatement(ctx, svc, *st, today, newPassword)
}
