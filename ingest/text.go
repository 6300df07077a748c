package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of the text: a run of letters, digits, combining marks and inner
// apostrophes or hyphens ("Belarus's" is "Belarus" and "'s"; "Military-Technical" one word).
type word struct {
	start, end int
	text       string // as written
	lower      string // lower case, apostrophes normalised to '
}

// isUpper reports whether the word starts with a capital letter.
func (w word) isUpper() bool {
	r, _ := utf8.DecodeRuneInString(w.text)
	return unicode.IsUpper(r)
}

// isDigit reports whether the word starts with a digit.
func (w word) isDigit() bool { return w.text != "" && w.text[0] >= '0' && w.text[0] <= '9' }

// splitWords returns the words of s, with offsets shifted by base. Punctuation is not a word,
// except that the possessive "'s" becomes a word of its own so that "Pakistan's" shows both
// the country and the possessive. Hyphenated words stay whole when joinHyphens is set (names:
// "Al-Sisi", "Duck-soo") and are cut into their parts otherwise (lexicon matching: "high-level"
// is "high" and "level").
func splitWords(s string, base int, joinHyphens bool) []word {
	var out []word
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		i = wordEnd(s, i, joinHyphens)
		text := s[start:i]
		if stem, ok := cutPossessive(text); ok {
			out = append(out, newWord(base+start, stem), newWord(base+start+len(stem), text[len(stem):]))
			continue
		}
		out = append(out, newWord(base+start, text))
	}
	return out
}

// wordEnd returns where the word starting at i ends: letters and digits, joined by single
// apostrophes, hyphens or (between digits) dots and commas: "two-way", "d'Ivoire", "2.5", "150,000".
func wordEnd(s string, i int, joinHyphens bool) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			i += size
			continue
		}
		if !isJoiner(r) || (!joinHyphens && isHyphen(r)) || i+size >= len(s) {
			break
		}
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if !isWordRune(next) || ((r == '.' || r == ',') && !(unicode.IsDigit(prev) && unicode.IsDigit(next))) {
			break
		}
		i += size
	}
	return i
}

func isHyphen(r rune) bool { return r == '-' || r == '‑' }

func isJoiner(r rune) bool {
	return r == '\'' || r == '’' || r == '-' || r == '‑' || r == '.' || r == ','
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func cutPossessive(text string) (string, bool) {
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if len(text) > len(suf) && strings.HasSuffix(text, suf) {
			return text[:len(text)-len(suf)], true
		}
	}
	return "", false
}

func newWord(start int, text string) word {
	lower := strings.ToLower(text)
	if strings.ContainsRune(lower, '’') {
		lower = strings.ReplaceAll(lower, "’", "'")
	}
	if strings.ContainsRune(lower, '‑') {
		lower = strings.ReplaceAll(lower, "‑", "-")
	}
	return word{start: start, end: start + len(text), text: text, lower: lower}
}

// wordIndexAt returns the index of the first word that starts at or after offset.
func wordIndexAt(ws []word, offset int) int {
	lo, hi := 0, len(ws)
	for lo < hi {
		m := (lo + hi) / 2
		if ws[m].start < offset {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// capitalise returns s with its first letter in upper case.
func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// titleCase capitalises every word of a role except short function words: "prime minister"
// → "Prime Minister", "minister for planning" → "Minister for Planning".
func titleCase(s string) string {
	parts := strings.Fields(s)
	for i, p := range parts {
		switch strings.ToLower(p) {
		case "of", "for", "and", "the", "on", "in", "to", "&":
			if i > 0 {
				parts[i] = strings.ToLower(p)
				continue
			}
		}
		parts[i] = capitalise(p)
	}
	return strings.Join(parts, " ")
}
