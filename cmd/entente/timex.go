package main

import (
	"context"
	"fmt"
	"io"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/timex"
)

// cmdTimex tags the time expressions of the text on standard input against a reference date
// and prints one JSON object per expression and line.
func cmdTimex(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "timex", "timex --ref YYYY-MM-DD < TEXT")
	refFlag := fs.String("ref", "", "the reference date relative expressions resolve against: the publication date (required)")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *refFlag == "" {
		fmt.Fprintln(e.stderr, "--ref is required: the date the text was written or published")
		fs.Usage()
		return errUsage
	}
	ref, err := entente.ParseDate(*refFlag)
	if err != nil {
		return fmt.Errorf("--ref: %w", err)
	}
	text, err := readStatement(e.stdin, "standard input")
	if err != nil {
		return err
	}
	return timex.WriteJSONLines(e.stdout, timex.Find(text, ref))
}

// readStatement reads a whole text of at most ingest.MaxText bytes and refuses what is not
// text: nothing but spaces, or mostly binary data or invalid UTF-8. name says where the text
// came from, for the error.
func readStatement(r io.Reader, name string) (string, error) {
	b, err := io.ReadAll(io.LimitReader(r, ingest.MaxText+1))
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", name, err)
	}
	if len(b) > ingest.MaxText {
		return "", fmt.Errorf("%s is longer than %d bytes (5 MiB), the longest statement entente reads", name, ingest.MaxText)
	}
	return string(b), checkTextInput(string(b), name)
}

// checkTextInput refuses an empty text and binary data (more than one byte in twenty that is
// invalid UTF-8 or a control character other than a line break or a tab).
func checkTextInput(text, name string) error {
	words, bad := 0, 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			bad++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			words++
		case unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t':
			bad++
		}
		i += size
	}
	switch {
	case bad*20 > len(text):
		return fmt.Errorf("%s is not text: %d of its %d bytes are binary data or invalid UTF-8", name, bad, len(text))
	case words == 0:
		return fmt.Errorf("%s is empty: there is no text to read", name)
	}
	return nil
}
