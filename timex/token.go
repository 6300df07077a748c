package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind says what a token is made of.
type tokKind uint8

const (
	tokWord  tokKind = iota // letters (any script), e.g. "Tuesday", "a"
	tokNum                  // digits, possibly with letters glued on: "2024", "1990s", "25th", "3pm"
	tokPunct                // one punctuation or symbol rune: ".", ",", "-", "$", "'"
)

// token is one word, number or punctuation mark of the input, with its byte span.
type token struct {
	start, end int32
	kind       tokKind
	cap        bool   // the first letter is upper case
	lower      string // the lower-cased text; dashes are "-" and curly apostrophes "'"
	digits     int32  // for tokNum: the value of the leading digits (capped), else -1
	ndigits    int8   // for tokNum: how many leading digits
}

// tokenizer cuts a text into sentences of tokens. It keeps no state beyond its position, so
// memory stays bounded by the longest sentence (itself capped at maxSentence tokens).
type tokenizer struct {
	text string
	pos  int
}

// maxSentence caps the tokens handed over at once, so that text without any sentence
// punctuation (a table, binary junk) is still processed in bounded pieces.
const maxSentence = 400

// sentence appends the tokens of the next sentence to buf[:0] and returns them; it returns an
// empty slice at the end of the text. A sentence ends after ".", "!" or "?" (but not after an
// abbreviation such as "Sept." or "a.m."), at a blank line, or after maxSentence tokens.
func (z *tokenizer) sentence(buf []token) []token {
	buf = buf[:0]
	for z.pos < len(z.text) {
		blank := z.skipSpace()
		if blank && len(buf) > 0 {
			return buf
		}
		if z.pos >= len(z.text) {
			break
		}
		t := z.next()
		buf = append(buf, t)
		if len(buf) >= maxSentence {
			return buf
		}
		if t.kind == tokPunct && endsSentence(buf) && !z.digitNext() {
			return buf
		}
	}
	return buf
}

// digitNext reports whether a digit follows right away, as after the point of "1462.93".
func (z *tokenizer) digitNext() bool {
	return z.pos < len(z.text) && z.text[z.pos] >= '0' && z.text[z.pos] <= '9'
}

// skipSpace moves past white space and reports whether it crossed a blank line.
func (z *tokenizer) skipSpace() bool {
	newlines := 0
	for z.pos < len(z.text) {
		c := z.text[z.pos]
		switch c {
		case '\n':
			newlines++
		case ' ', '\t', '\r', '\f', '\v':
		default:
			if c < utf8.RuneSelf {
				return newlines >= 2
			}
			r, size := utf8.DecodeRuneInString(z.text[z.pos:])
			if r != '\u00a0' && r != '\u2009' && r != '\u202f' && r != '\u2002' && r != '\u2003' {
				return newlines >= 2
			}
			z.pos += size
			continue
		}
		z.pos++
	}
	return newlines >= 2
}

// next reads one token at z.pos, which is not white space.
func (z *tokenizer) next() token {
	s := z.text
	i := z.pos
	c := s[i]
	switch {
	case c >= '0' && c <= '9':
		return z.number()
	case c < utf8.RuneSelf && isASCIILetter(c):
		return z.word()
	case c < utf8.RuneSelf:
		z.pos++
		return token{start: int32(i), end: int32(i + 1), kind: tokPunct, lower: s[i : i+1], digits: -1}
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r != utf8.RuneError && unicode.IsLetter(r) {
		return z.word()
	}
	z.pos += size
	lower := s[i : i+size]
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212':
		lower = "-"
	case '\u2014', '\u2015':
		lower = "--"
	case '\u2018', '\u2019', '\u02bc':
		lower = "'"
	}
	return token{start: int32(i), end: int32(i + size), kind: tokPunct, lower: lower, digits: -1}
}

// word reads a run of letters.
func (z *tokenizer) word() token {
	s := z.text
	i := z.pos
	j := i
	ascii := true
	upper := false
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				break
			}
			if c >= 'A' && c <= 'Z' {
				upper = true
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == utf8.RuneError || !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		ascii = false
		j += size
	}
	z.pos = j
	t := token{start: int32(i), end: int32(j), kind: tokWord, lower: s[i:j], digits: -1}
	r, _ := utf8.DecodeRuneInString(s[i:])
	t.cap = unicode.IsUpper(r)
	if upper || !ascii {
		t.lower = strings.ToLower(s[i:j])
	}
	return t
}

// number reads digits and any letters glued to them ("1990s", "25th", "10am").
func (z *tokenizer) number() token {
	s := z.text
	i := z.pos
	j := i
	v := int32(0)
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		if v < 100_000_000 {
			v = v*10 + int32(s[j]-'0')
		}
		j++
	}
	nd := j - i
	upper := false
	for j < len(s) && isASCIILetter(s[j]) {
		if s[j] <= 'Z' {
			upper = true
		}
		j++
	}
	z.pos = j
	t := token{start: int32(i), end: int32(j), kind: tokNum, lower: s[i:j], digits: v, ndigits: int8(min(nd, 100))}
	if upper {
		t.lower = strings.ToLower(s[i:j])
	}
	return t
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// abbreviations are words that take a full stop without ending the sentence.
var abbreviations = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true,
	"fri": true, "sat": true, "sun": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "maj": true, "capt": true,
	"sgt": true, "cmdr": true, "adm": true, "hon": true, "rev": true, "jr": true, "sr": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "bros": true, "vs": true, "no": true,
	"nos": true, "vol": true, "approx": true, "est": true, "etc": false, "fig": true,
	"pres": true, "amb": true, "dept": true, "univ": true, "assn": true, "mt": true, "ft": true,
}

// endsSentence reports whether the punctuation token that closes toks ends a sentence.
func endsSentence(toks []token) bool {
	last := toks[len(toks)-1]
	switch last.lower {
	case "!", "?":
		return true
	case ".":
	default:
		return false
	}
	if len(toks) < 2 {
		return true
	}
	prev := toks[len(toks)-2]
	if prev.end != last.start || prev.kind != tokWord {
		return true
	}
	if len(prev.lower) == 1 { // initials and "a.m."
		return false
	}
	return !abbreviations[prev.lower]
}
