package clause

import (
	"unicode"
	"unicode/utf8"
)

// Tokens are what the word diff compares: a word (letters, digits and combining marks, with
// inner hyphens and apostrophes, and inner points, commas, slashes and colons between digits:
// "inter-parliamentary", "Pakistan's", "10,000", "2024/25"), a run of white space, or any other
// single character. Combining marks and the zero-width joiner and non-joiner belong to words,
// which keeps Urdu and Cyrillic words whole.

// isWordRune reports whether r belongs to a word token.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u200C' || r == '\u200D'
}

// isWordJoiner reports whether r joins two word parts ("inter-parliamentary", "Pakistan's").
func isWordJoiner(r rune) bool {
	return r == '-' || r == '\'' || r == '\u2019' || r == '\u2010' || r == '\u2011'
}

// isNumberJoiner reports whether r joins two digit groups ("1.5", "10,000", "2024/25").
func isNumberJoiner(r rune) bool {
	return r == '.' || r == ',' || r == '/' || r == ':' || r == '\u066B' || r == '\u066C'
}

// splitTokens cuts s into tokens; joining them gives s back.
func splitTokens(s string) []string {
	out := make([]string, 0, len(s)/3+1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		j := i + size
		switch {
		case unicode.IsSpace(r):
			for j < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += size2
			}
		case isWordRune(r):
			j = wordEnd(s, j, r)
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// wordEnd returns the end of the word that continues at byte j after the rune prev.
func wordEnd(s string, j int, prev rune) int {
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if isWordRune(r) {
			j, prev = j+size, r
			continue
		}
		next, nextSize := utf8.DecodeRuneInString(s[j+size:])
		joins := isWordJoiner(r) && isWordRune(next) ||
			isNumberJoiner(r) && unicode.IsDigit(prev) && unicode.IsDigit(next)
		if !joins || j+size >= len(s) {
			return j
		}
		j, prev = j+size+nextSize, next
	}
	return j
}

// interner gives every distinct token a small number, so that the diff and the article
// similarity compare integers. One interner serves both texts of a redline.
type interner struct {
	ids    map[string]int32
	isWord []bool // by id: the token is a word, not space or punctuation
}

func newInterner() *interner {
	return &interner{ids: make(map[string]int32, 1024)}
}

// tokenized is a text cut into tokens with their ids.
type tokenized struct {
	text []string
	ids  []int32
}

// tokenize cuts s into tokens and interns them.
func (in *interner) tokenize(s string) tokenized {
	text := splitTokens(s)
	ids := make([]int32, len(text))
	for i, tok := range text {
		id, ok := in.ids[tok]
		if !ok {
			id = int32(len(in.isWord))
			in.ids[tok] = id
			r, _ := utf8.DecodeRuneInString(tok)
			in.isWord = append(in.isWord, isWordRune(r))
		}
		ids[i] = id
	}
	return tokenized{text: text, ids: ids}
}
