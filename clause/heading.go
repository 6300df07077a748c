package clause

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// headingPattern matches the start of an article heading: a keyword, a number, an optional
// insertion suffix, and then the end of the line, white space or a separator. Only the keyword
// ignores case: a Roman numeral must be upper case so that "Article I" is a heading and the
// pronoun in "article i" is not read as one.
var headingPattern = regexp.MustCompile(
	`^(?i:article|статья|артыкул|آرٹیکل(?:\s+نمبر)?|دفعہ|شق)\s*` +
		`(` + digitsPattern + `(?:\.` + digitsPattern + `)*|[IVXLCDM]+)` +
		`(?:[ \-]?((?i:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies))|([A-Za-z]))?` +
		`((?:[\s.:)\-\x{2013}\x{2014}\x{06D4}].*)?)$`)

// digitsPattern matches ASCII, Arabic-Indic and Extended Arabic-Indic (Urdu) digits.
const digitsPattern = `[0-9\x{0660}-\x{0669}\x{06F0}-\x{06F9}]+`

// romanPattern accepts the well-formed Roman numerals from I to MMMCMXCIX.
var romanPattern = regexp.MustCompile(`^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$`)

// separators may stand between an article number and its heading.
const separators = ".:)-\u2013\u2014\u06D4"

// maxHeadingWords bounds a heading written without a separator or on the line below the number.
const maxHeadingWords = 10

// heading is a recognised article heading line.
type heading struct {
	number string // normalised: "5", "5 bis", "5A", "IV"
	text   string // the heading after the number, possibly empty
}

// readHeading recognises an article heading line; ok is false for any other line.
func readHeading(line string) (h heading, ok bool) {
	line = strings.TrimSpace(line)
	rest, _ := stripMarkdownHeading(line)
	rest = stripLeadingBold(rest)
	m := headingPattern.FindStringSubmatch(rest)
	if m == nil {
		return heading{}, false
	}
	number, suffix, letter, after := m[1], m[2], m[3], m[4]
	if number[0] >= 'A' && number[0] <= 'Z' && !romanPattern.MatchString(number) {
		return heading{}, false
	}
	h = heading{number: number + letter}
	if suffix != "" {
		h.number += " " + strings.ToLower(suffix)
	}
	text, ok := headingText(after)
	if !ok {
		return heading{}, false
	}
	h.text = normalizeLine(text)
	return h, true
}

// headingText returns the article heading from what follows the number: after a separator,
// anything; after white space, only a heading-like phrase. Markdown heading lines follow the
// same rule, so that a title that is not an article heading in plain text is not one when it is
// written as a Markdown heading either.
func headingText(after string) (string, bool) {
	trimmed := strings.TrimLeftFunc(after, unicode.IsSpace)
	if trimmed == "" {
		return "", true
	}
	if r, size := utf8.DecodeRuneInString(trimmed); strings.ContainsRune(separators, r) {
		return strings.TrimSpace(trimmed[size:]), true
	}
	if looksLikeHeading(trimmed) {
		return trimmed, true
	}
	return "", false
}

// stripMarkdownHeading removes the marks of ATX headings ("## "), repeatedly, so that a title
// read from a Markdown line never starts with one.
func stripMarkdownHeading(line string) (string, bool) {
	found := false
	for {
		n := 0
		for n < len(line) && line[n] == '#' {
			n++
		}
		if n == 0 || n > 6 || (n < len(line) && line[n] != ' ' && line[n] != '\t') {
			return line, found
		}
		line = strings.TrimSpace(line[n:])
		found = true
	}
}

// stripLeadingBold removes bold marks that open the line ("**Article 3.** Definitions") and
// their first closing partner; bold marks elsewhere are text.
func stripLeadingBold(line string) string {
	for _, mark := range []string{"**", "__"} {
		if rest, ok := strings.CutPrefix(line, mark); ok {
			if i := strings.Index(rest, mark); i >= 0 {
				return rest[:i] + rest[i+len(mark):]
			}
		}
	}
	return line
}

// looksLikeHeading reports whether a phrase reads as an article heading rather than a sentence:
// at most maxHeadingWords words, starting with an upper-case letter (or a letter of a script
// without case, such as Arabic) and not ending in sentence punctuation.
func looksLikeHeading(s string) bool {
	s = strings.TrimSpace(s)
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if s == "" || !unicode.IsLetter(first) || unicode.IsLower(first) {
		return false
	}
	if strings.ContainsRune(".,;:!?\u060C\u061B\u06D4", last) {
		return false
	}
	return len(strings.Fields(s)) <= maxHeadingWords
}

// numberKey returns the form of an article number used to find duplicates: Arabic-Indic and
// Urdu digits read as ASCII digits, letters lower-cased, white space and hyphens removed.
func numberKey(number string) string {
	var b strings.Builder
	for _, r := range number {
		switch {
		case r >= '\u0660' && r <= '\u0669':
			b.WriteRune('0' + r - '\u0660')
		case r >= '\u06F0' && r <= '\u06F9':
			b.WriteRune('0' + r - '\u06F0')
		case unicode.IsSpace(r) || r == '-':
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
