package clause

import (
	"strings"
	"sync"
	"unicode/utf8"

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
	return collapseSpaces(nfc(s))
}

// nfcTableSize bounds the runes nfcSafe knows: Latin, Greek, Cyrillic, Arabic and the general
// punctuation (dashes, quotation marks) that agreements use.
const nfcTableSize = 0x2080 // a multiple of 64

// nfcSafe marks the runes below nfcTableSize that are in NFC on their own and start a new
// normalisation segment, combining with nothing before them (norm's BoundaryBefore). A string
// made only of such runes is in NFC, which nfc checks an order of magnitude faster than
// golang.org/x/text does for Cyrillic and Arabic script. The table is derived from x/text's own
// data the first time it is needed.
var nfcSafe = sync.OnceValue(func() *[nfcTableSize / 64]uint64 {
	var t [nfcTableSize / 64]uint64
	for r := rune(0); r < nfcTableSize; r++ {
		s := string(r)
		if norm.NFC.IsNormalString(s) && norm.NFC.PropertiesString(s).BoundaryBefore() {
			t[r/64] |= 1 << (r % 64)
		}
	}
	return &t
})

// nfc returns s in Unicode Normalization Form C.
func nfc(s string) string {
	safe := nfcSafe()
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= nfcTableSize || safe[r/64]&(1<<(r%64)) == 0 {
			return norm.NFC.String(s)
		}
		i += size
	}
	return s
}

// normalizeBlock returns s in NFC with LF line breaks, each line's white space collapsed and
// trimmed, runs of blank lines reduced to one, and leading and trailing blank lines removed.
func normalizeBlock(s string) string {
	s = nfc(s)
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
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c < utf8.RuneSelf:
			if c >= '\t' && c <= '\r' {
				return false
			}
			prevSpace = false
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if isSpace(r) {
				return false
			}
			prevSpace = false
			i += size - 1
		}
	}
	return !prevSpace || s == ""
}

// isSpace is unicode.IsSpace for runes from U+0080 up, spelled out because the table lookup
// unicode.IsSpace makes there is the slowest part of normalising Cyrillic and Arabic text.
func isSpace(r rune) bool {
	switch {
	case r < 0x2000:
		return r == 0x85 || r == 0xA0 || r == 0x1680
	case r <= 0x200A:
		return true
	}
	return r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000
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
