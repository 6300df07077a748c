package clause

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/entente/entente"
)

// Normalize returns a copy of t with every field in the normal form the canonical serialisation
// uses (see the package comment): NFC, LF line breaks, white space collapsed and trimmed. The
// Articles slice of the result is never nil. Parse returns normalised texts, so storing what
// Parse returns keeps the stored text identical to what is signed.
func Normalize(t entente.AgreementText) entente.AgreementText {
	out := entente.AgreementText{
		Language: normalizeLanguage(t.Language),
		Title:    normalizeLine(t.Title),
		Preamble: normalizeBlock(t.Preamble),
		Articles: make([]entente.Article, len(t.Articles)),
	}
	for i, a := range t.Articles {
		out.Articles[i] = entente.Article{
			Number:  normalizeLine(a.Number),
			Heading: normalizeLine(a.Heading),
			Body:    normalizeBlock(a.Body),
		}
	}
	return out
}

// normalizeLanguage trims a BCP 47 tag, collapses its white space and lower-cases its ASCII
// letters: tags compare without regard to case.
func normalizeLanguage(s string) string {
	s = normalizeLine(s)
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// normalizeLine returns s in NFC with every run of white space, line breaks included, replaced
// by one space, and trimmed.
func normalizeLine(s string) string {
	return collapseSpaces(norm.NFC.String(s))
}

// normalizeBlock returns s in NFC with LF line breaks, each line's white space collapsed and
// trimmed, runs of blank lines reduced to one, and leading and trailing blank lines removed.
func normalizeBlock(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	started, blank := false, false
	for _, line := range splitLines(s) {
		line = collapseSpaces(line)
		if line == "" {
			blank = started
			continue
		}
		if started {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		b.WriteString(line)
		started, blank = true, false
	}
	return b.String()
}

// collapseSpaces replaces every run of white space (unicode.IsSpace) by one space and trims the
// ends. It returns s itself when nothing changes, which is the common case for stored text.
func collapseSpaces(s string) string {
	if isCollapsed(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isCollapsed reports whether s has no white space other than single ASCII spaces between
// non-space characters.
func isCollapsed(s string) bool {
	prevSpace := true // a leading space is not collapsed
	for _, r := range s {
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case unicode.IsSpace(r):
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// splitLines splits s at CR LF, CR and LF. A final line break does not start an empty line.
func splitLines(s string) []string {
	lines := make([]string, 0, strings.Count(s, "\n")+1)
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			lines = append(lines, s[start:i])
			start = i + 1
		case '\r':
			lines = append(lines, s[start:i])
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}
