package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range of the statement text: text[Start:End].
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// maxSentence bounds a sentence's length in bytes. Text without punctuation (a log file, a
// table) is cut into pieces of about this size so that every later step, which looks at one
// sentence at a time, stays linear in the length of the text.
const maxSentence = 1500

// abbreviations end with a dot that does not end a sentence (compared in lower case).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "no": true, "nos": true,
	"gen": true, "lt": true, "col": true, "capt": true, "maj": true, "prof": true, "sen": true,
	"rep": true, "gov": true, "amb": true, "h.e": true, "e.g": true, "i.e": true, "vs": true,
	"approx": true, "inc": true, "ltd": true, "co": true, "corp": true, "jr": true, "sr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "u.s": true, "u.k": true,
	"u.n": true, "u.a.e": true, "mt": true, "ft": true, "fig": true, "art": true, "para": true,
}

// splitSentences cuts text into sentences and returns their spans, trimmed of spaces. A
// sentence ends at . ! or ? followed by a space and a capital, digit or quote (unless the dot
// closes an abbreviation or an initial), at a blank line, and at a line break unless the line
// runs on (a lower-case word or comma before the break and a lower-case word after it).
func splitSentences(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		for _, sp := range cutLong(text, trimSpan(text, start, end)) {
			if sp.End > sp.Start {
				out = append(out, sp)
			}
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			if lineBreakEnds(text, i) {
				emit(i)
				start = i + 1
			}
			i++
		case c == '.' || c == '!' || c == '?':
			end := i + 1
			for end < len(text) && strings.IndexByte(`"')]”’`, text[end]) >= 0 {
				end++
			}
			if end < len(text) && (text[end] == 0xe2) { // closing curly quotes are multi-byte
				if strings.HasPrefix(text[end:], "”") || strings.HasPrefix(text[end:], "’") {
					end += 3
				}
			}
			if punctEnds(text, i, end) {
				emit(end)
				start = end
			}
			i = end
		default:
			i++
		}
	}
	emit(len(text))
	return out
}

// punctEnds reports whether the mark at i (with closing quotes up to end) ends a sentence.
func punctEnds(text string, i, end int) bool {
	if end >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsSpace(r) {
		return false
	}
	j := end
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j >= len(text) || text[j] == '\n' {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"'“‘(`, next)) {
		return false
	}
	return text[i] != '.' || !endsAbbreviation(text, i)
}

// endsAbbreviation reports whether the dot at i closes an abbreviation or an initial ("J.").
func endsAbbreviation(text string, i int) bool {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		j -= size
	}
	tok := strings.ToLower(text[j:i])
	if utf8.RuneCountInString(tok) == 1 && unicode.IsUpper([]rune(text[j:i])[0]) {
		return true
	}
	return abbreviations[tok]
}

// lineBreakEnds reports whether the line break at i ends a sentence.
func lineBreakEnds(text string, i int) bool {
	prev := strings.TrimRight(text[:i], " \t\r")
	if prev == "" || strings.HasSuffix(prev, "\n") {
		return true
	}
	rest := strings.TrimLeft(text[i+1:], " \t\r")
	if rest == "" || rest[0] == '\n' {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	next, _ := utf8.DecodeRuneInString(rest)
	runsOn := (unicode.IsLower(last) || last == ',') && (unicode.IsLower(next) || unicode.IsDigit(next))
	return !runsOn
}

// trimSpan removes leading and trailing white space from text[start:end].
func trimSpan(text string, start, end int) Span {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return Span{start, end}
}

// cutLong cuts a span longer than maxSentence at white space (or anywhere, in text that has
// none), keeping every piece on a UTF-8 boundary.
func cutLong(text string, sp Span) []Span {
	var out []Span
	for sp.End-sp.Start > maxSentence {
		cut := sp.Start + maxSentence
		if ws := strings.LastIndexAny(text[sp.Start+maxSentence/2:cut], " \t\n"); ws >= 0 {
			cut = sp.Start + maxSentence/2 + ws
		}
		for cut > sp.Start && !utf8.RuneStart(text[cut]) {
			cut--
		}
		out = append(out, trimSpan(text, sp.Start, cut))
		sp = trimSpan(text, cut, sp.End)
	}
	return append(out, sp)
}
