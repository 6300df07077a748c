package clause

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteRedline writes redlines as plain text, in the word-diff style of git: deleted words as
// [-old-], inserted words as {+new+}. Each redline starts with its language and a count of the
// changes, then the title, the preamble and every article under a header naming its number (old
// → new when renumbered), its heading and what happened to it. Unchanged articles and an
// unchanged preamble are named without their text.
func WriteRedline(w io.Writer, redlines ...Redline) error {
	bw := bufio.NewWriter(w)
	for i, r := range redlines {
		if i > 0 {
			bw.WriteString("\n")
		}
		writeRedline(bw, r)
	}
	return bw.Flush()
}

// writeRedline writes one redline.
func writeRedline(w *bufio.Writer, r Redline) {
	fmt.Fprintf(w, "=== %s: %s ===\n\n", r.Language, summaryLine(r.Summary()))
	fmt.Fprintf(w, "Title: %s\n", opsText(r.Title))
	switch {
	case hasChange(r.Preamble):
		fmt.Fprintf(w, "\nPreamble: changed\n%s\n", opsText(r.Preamble))
	case len(r.Preamble) > 0:
		w.WriteString("\nPreamble: unchanged\n")
	}
	keyword := Keyword(r.Language)
	for _, a := range r.Articles {
		fmt.Fprintf(w, "\n%s: %s\n", articleHeader(keyword, a), articleStatus(a))
		if a.Status != ArticleUnchanged {
			fmt.Fprintf(w, "%s\n", opsText(a.Body))
		}
	}
}

// summaryLine counts the changes: "2 changed, 1 added, 1 moved, 37 unchanged".
func summaryLine(s Summary) string {
	var parts []string
	if s.TitleChanged {
		parts = append(parts, "title changed")
	}
	if s.PreambleChanged {
		parts = append(parts, "preamble changed")
	}
	for _, c := range []struct {
		n    int
		word string
	}{{s.Changed, "changed"}, {s.Added, "added"}, {s.Deleted, "deleted"}, {s.Moved, "moved"},
		{s.Renumbered, "renumbered"}, {s.Unchanged, "unchanged"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.word))
		}
	}
	if len(parts) == 0 {
		return "no articles"
	}
	return strings.Join(parts, ", ")
}

// articleHeader is "Article 7 → 3 – Heading diff".
func articleHeader(keyword string, a ArticleChange) string {
	number := a.NewNumber
	switch {
	case a.Status == ArticleDeleted:
		number = a.OldNumber
	case a.Renumbered:
		number = a.OldNumber + " → " + a.NewNumber
	}
	header := keyword + " " + number
	if len(a.Heading) > 0 {
		header += " – " + opsText(a.Heading)
	}
	return header
}

// articleStatus is "moved, renumbered, changed", or "unchanged" alone.
func articleStatus(a ArticleChange) string {
	var words []string
	if a.Moved {
		words = append(words, "moved")
	}
	if a.Renumbered {
		words = append(words, "renumbered")
	}
	if a.Status != ArticleUnchanged || len(words) == 0 {
		words = append(words, string(a.Status))
	}
	return strings.Join(words, ", ")
}

// opsText writes ops with [-deleted-] and {+inserted+} marks.
func opsText(ops []Op) string {
	var b strings.Builder
	for _, op := range ops {
		switch op.Kind {
		case OpEqual:
			b.WriteString(op.Text)
		case OpDelete:
			b.WriteString("[-" + op.Text + "-]")
		case OpInsert:
			b.WriteString("{+" + op.Text + "+}")
		}
	}
	return b.String()
}
