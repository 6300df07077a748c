package timex

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenExpr is the golden-file form of an expression: every field, empty ones left out.
type goldenExpr struct {
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Text        string `json:"text"`
	Type        string `json:"type"`
	Value       string `json:"value"`
	Mod         string `json:"mod,omitempty"`
	Quant       string `json:"quant,omitempty"`
	Freq        string `json:"freq,omitempty"`
	EndValue    string `json:"end_value,omitempty"`
	Approximate bool   `json:"approximate,omitempty"`
	Signal      string `json:"signal,omitempty"`
}

// TestGolden tags the paragraphs under testdata/golden (each file starts with a line
// "ref: YYYY-MM-DD" and a blank line) and compares every field with the .golden file beside
// it. Run with -update after a deliberate change and review the diff.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			ref, text := readGoldenInput(t, path)
			got := goldenLines(t, Find(text, ref))
			want := strings.TrimSuffix(path, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(want, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			b, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(got, b) {
				t.Errorf("%s differs from %s:\n%s", path, want, got)
			}
		})
	}
}

// readGoldenInput reads the reference date line and the text of a golden input file.
func readGoldenInput(t *testing.T, path string) (entente.Date, string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head, text, ok := strings.Cut(string(b), "\n\n")
	ref, err := entente.ParseDate(strings.TrimSpace(strings.TrimPrefix(head, "ref:")))
	if !ok || err != nil {
		t.Fatalf("%s: the first line must be \"ref: YYYY-MM-DD\" followed by a blank line", path)
	}
	return ref, text
}

func goldenLines(t *testing.T, exprs []Expr) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, e := range exprs {
		line, err := json.Marshal(goldenExpr{e.Start, e.End, e.Text, e.Type, e.Value, e.Mod, e.Quant, e.Freq, e.EndValue, e.Approximate, e.Signal})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}
