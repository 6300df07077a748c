package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

var updateReadingGolden = flag.Bool("update-reading", false, "rewrite the golden files of timex, ingest and eval under testdata/")

// runWithInput runs a command in-process with stdin.
func runWithInput(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut syncBuffer
	err := run(context.Background(), append([]string{"entente"}, args...), func(string) string { return "" },
		strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

// readingGolden compares got with testdata/name, or rewrites it with -update-reading.
func readingGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateReadingGolden {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update-reading to create it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("the output differs from %s; run go test -update-reading and review the diff.\ngot:\n%s", path, got)
	}
}

func TestTimexAndIngestOutput(t *testing.T) {
	statement, err := os.ReadFile(filepath.Join("testdata", "statement.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		golden, stdin string
		args          []string
	}{
		{"timex-statement.golden", string(statement), []string{"timex", "--ref", "2024-12-10"}},
		{"ingest-statement.golden.txt", "", []string{"ingest", "testdata/statement.txt", "--date", "2024-12-10"}},
		{"ingest-statement.golden.json", string(statement), []string{"ingest", "-", "--date", "2024-12-10", "--json"}},
		{"ingest-statement-html.golden.json", "", []string{"ingest", "--json", "testdata/statement.html", "--date", "2024-12-10"}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			out, stderr, err := runWithInput(t, tc.stdin, tc.args...)
			if err != nil {
				t.Fatalf("entente %s: %v\n%s", strings.Join(tc.args, " "), err, stderr)
			}
			readingGolden(t, tc.golden, out)
		})
	}
}

// TestIngestReadsHTMLWithoutMarkup checks that a web page is read as its text: the script's
// "in two weeks" is no event, and the offsets point into the page's text.
func TestIngestReadsHTMLWithoutMarkup(t *testing.T) {
	out := mustRun(t, "ingest", "testdata/statement.html", "--date", "2024-12-10")
	if strings.Contains(out, "two weeks") || strings.Contains(out, "<") {
		t.Fatalf("the draft of the page shows its markup or script:\n%s", out)
	}
	if !strings.Contains(out, "Parties: BLR, PAK") {
		t.Fatalf("the draft of the page misses the parties:\n%s", out)
	}
}

func TestReadingCommandsRefuseBadInput(t *testing.T) {
	dir := t.TempDir()
	binary := filepath.Join(dir, "junk.txt")
	if err := os.WriteFile(binary, []byte("\x00\x01\x02\xff\xfe\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	emptyPage := filepath.Join(dir, "empty.html")
	if err := os.WriteFile(emptyPage, []byte("<html><script>alert(1)</script></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, stdin string
		args        []string
		want        string
	}{
		{"timex without --ref", "today", []string{"timex"}, "--ref is required"},
		{"timex with a day that is not a date", "today", []string{"timex", "--ref", "2025-02-30"}, "not a date"},
		{"timex with a stray argument", "today", []string{"timex", "--ref", "2024-11-26", "extra"}, "unexpected arguments"},
		{"timex on empty input", " \n\t", []string{"timex", "--ref", "2024-11-26"}, "standard input is empty"},
		{"timex on binary input", "\x00\x01\x02\x03\xff\xfe\xfd", []string{"timex", "--ref", "2024-11-26"}, "is not text"},
		{"ingest without --date", "The sides met today.", []string{"ingest"}, "--date is required"},
		{"ingest with a month 13", "The sides met today.", []string{"ingest", "--date", "2024-13-01"}, "not a date"},
		{"ingest of a missing file", "", []string{"ingest", filepath.Join(dir, "none.txt"), "--date", "2024-11-26"}, "no such file"},
		{"ingest of a binary file", "", []string{"ingest", binary, "--date", "2024-11-26"}, "is not text"},
		{"ingest of a page without text", "", []string{"ingest", emptyPage, "--date", "2024-11-26"}, "no text"},
		{"ingest of empty input", "", []string{"ingest", "-", "--date", "2024-11-26"}, "standard input is empty"},
		{"ingest of Russian", "Стороны договорились провести следующее заседание в феврале.", []string{"ingest", "--date", "2024-11-26"}, "No English sentences found"},
		{"ingest of two files", "", []string{"ingest", "a.txt", "b.txt", "--date", "2024-11-26"}, "one statement at a time"},
		{"eval without a corpus", "", []string{"eval"}, "Usage: entente eval"},
		{"eval of an unknown corpus", "", []string{"eval", "poems", dir}, "Usage: entente eval"},
		{"eval timeml without a folder", "", []string{"eval", "timeml"}, "name the folder"},
		{"eval timeml of an empty folder", "", []string{"eval", "timeml", dir}, "no .tml files"},
		{"eval statements of a missing folder", "", []string{"eval", "statements", filepath.Join(dir, "none")}, "cannot be read"},
		{"eval statements of a folder without gold files", "", []string{"eval", "statements", dir}, "no gold files"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, err := runWithInput(t, tc.stdin, tc.args...)
			if err == nil {
				t.Fatalf("entente %s succeeded:\n%s", strings.Join(tc.args, " "), out)
			}
			msg := stderr
			if err != errUsage {
				msg += err.Error()
			}
			if !strings.Contains(msg, tc.want) {
				t.Fatalf("entente %s says %q, want it to mention %q", strings.Join(tc.args, " "), msg, tc.want)
			}
		})
	}
}

func TestEvalTimeMLPrintsTheScores(t *testing.T) {
	dir := testenv.SharedData(t, "timeml/train")
	out := mustRun(t, "eval", "timeml", dir)
	for _, want := range []string{"256 documents", "strict span", "relaxed span", "value", "type", "TimeBank", "AQUAINT", "DURATION"} {
		if !strings.Contains(out, want) {
			t.Errorf("the TimeML table lacks %q:\n%s", want, out)
		}
	}
	withErrors := mustRun(t, "eval", "timeml", dir, "--errors")
	if !strings.HasPrefix(withErrors, out) || !strings.Contains(withErrors[len(out):], "missed") {
		t.Errorf("--errors does not list the mismatches after the table:\n%s", withErrors[len(out):min(len(withErrors), len(out)+2000)])
	}
}

func TestEvalStatementsPrintsTheScores(t *testing.T) {
	dir := testenv.SharedData(t, "statements/dev")
	out := mustRun(t, "eval", "statements", dir)
	for _, want := range []string{"10 statements", "pak-blr-2024-11-26-arynews", "parties", "sectors", "events",
		"commitments", "event value", "commitment due"} {
		if !strings.Contains(out, want) {
			t.Errorf("the statements table lacks %q:\n%s", want, out)
		}
	}
}
