package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/ingest"
)

// cmdIngest reads one statement and prints the draft roadmap found in it: for a person, or
// with --json as the annotations object of the statements corpus.
func cmdIngest(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "ingest", "ingest [FILE|-] --date YYYY-MM-DD [--json]   (FILE.html is read as a web page)")
	dateFlag := fs.String("date", "", "the publication date, against which relative dates resolve (required)")
	asJSON := fs.Bool("json", false, "print the draft as JSON (the annotations object of the statements corpus)")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	name, err := oneFileAndFlags(fs)
	if err != nil {
		return err
	}
	if *dateFlag == "" {
		fmt.Fprintln(e.stderr, "--date is required: the date the statement was published")
		fs.Usage()
		return errUsage
	}
	published, err := entente.ParseDate(*dateFlag)
	if err != nil {
		return fmt.Errorf("--date: %w", err)
	}
	text, err := statementText(e, name)
	if err != nil {
		return err
	}
	draft, err := ingest.Read(text, published)
	if err != nil {
		return fmt.Errorf("%s: %s", displayName(name), errorText(err))
	}
	if *asJSON {
		return draft.WriteJSON(e.stdout)
	}
	return draft.WriteText(e.stdout)
}

// oneFileAndFlags returns the one file named among the flags ("-" or none for standard
// input), parsing the flags that follow it.
func oneFileAndFlags(fs *flag.FlagSet) (string, error) {
	var files []string
	rest := fs.Args()
	for len(rest) > 0 {
		if rest[0] != "-" && strings.HasPrefix(rest[0], "-") {
			if err := fs.Parse(rest); err != nil {
				return "", errUsage
			}
			rest = fs.Args()
			continue
		}
		files, rest = append(files, rest[0]), rest[1:]
	}
	switch len(files) {
	case 0:
		return "-", nil
	case 1:
		return files[0], nil
	}
	fmt.Fprintf(fs.Output(), "one statement at a time, not %d: %s\n", len(files), strings.Join(files, " "))
	fs.Usage()
	return "", errUsage
}

// statementText reads the statement from a file or standard input ("-"); a file ending in
// .html or .htm is a web page whose text is taken without its markup, scripts and navigation.
func statementText(e *env, name string) (string, error) {
	if name == "-" {
		return readStatement(e.stdin, "standard input")
	}
	f, err := os.Open(name)
	if err != nil {
		if os.IsNotExist(err) {
			return "", fmt.Errorf("%s: no such file", name)
		}
		return "", fmt.Errorf("cannot open %s: %w", name, err)
	}
	defer f.Close()
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".html" || ext == ".htm" {
		text, err := ingest.TextFromHTML(f)
		if err != nil {
			return "", fmt.Errorf("%s: %s", name, errorText(err))
		}
		return text, nil
	}
	return readStatement(io.Reader(f), name)
}

// displayName names the input in messages.
func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// errorText is the message of an *entente.Error, or the error's own words for any other.
func errorText(err error) string {
	var e *entente.Error
	if asError(err, &e) {
		return e.Message
	}
	return err.Error()
}
