package ingest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// statement2500 returns about 2.5 KB of statement text: the rewritten dev statements when the
// shared data is there, else this package's own statements, cut at a sentence end.
func statement2500(b *testing.B) (string, entente.Date) {
	b.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "statements", "kaz-uzb-2025-03-14-joint-statement.json"))
	if err != nil {
		b.Fatal(err)
	}
	var g goldFile
	if err := json.Unmarshal(raw, &g); err != nil {
		b.Fatal(err)
	}
	text := g.Text
	for len(text) < 2500 {
		text += "\n\n" + g.Text
	}
	cut := strings.LastIndex(text[:2500], ". ")
	ref, _ := entente.ParseDate(g.PublicationDate)
	return text[:cut+1], ref
}

// BenchmarkRead2500 reads a 2.5 KB statement, the size of a pasted press release.
func BenchmarkRead2500(b *testing.B) {
	text, ref := statement2500(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(text, ref); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRead5MB reads the largest text Read accepts; with BenchmarkRead2500 it shows that
// the time grows linearly with the text.
func BenchmarkRead5MB(b *testing.B) {
	text, ref := statement2500(b)
	text = strings.Repeat(text+"\n\n", MaxText/(len(text)+2))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(text, ref); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTextFromHTML converts a 2.5 KB statement wrapped in HTML.
func BenchmarkTextFromHTML(b *testing.B) {
	text, _ := statement2500(b)
	page := "<html><body><nav>menu</nav><article><p>" + strings.ReplaceAll(text, "\n\n", "</p><p>") + "</p></article><script>x()</script></body></html>"
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := TextFromHTML(strings.NewReader(page)); err != nil {
			b.Fatal(err)
		}
	}
}
