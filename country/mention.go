package country

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind says how a mention refers to a country.
type Kind uint8

// Kinds of mention, from the most to the least direct.
const (
	KindName    Kind = iota + 1 // "Belarus", "Republic of Korea", "UAE"
	KindDemonym                 // "Belarusian", "Emirati"
	KindCapital                 // the capital or a seat of government: "Minsk", "The Hague"
	KindMetonym                 // another place standing for the government: "the Kremlin"
	KindCity                    // a major city: "Karachi", "Thessaloniki"
)

var kindNames = [...]string{"", "name", "demonym", "capital", "metonym", "city"}

// String returns "name", "demonym", "capital", "metonym" or "city".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Mention is one place in a text that refers to a country.
type Mention struct {
	Start, End int    // byte offsets of the words in the text
	Text       string // the words as written
	Alpha3     string // the country referred to
	Kind       Kind
}

// regionPhrases contain a country's name but name something else; matching them whole keeps
// "Latin America" from counting as the United States and "Gulf of Guinea" as Guinea.
var regionPhrases = []string{
	"Latin America", "South America", "North America", "Central America", "Americas",
	"New Guinea", "Gulf of Guinea", "New Mexico", "New Jersey", "New South Wales",
	"Korean Peninsula", "Persian Gulf", "Arabian Sea", "Indian Ocean", "South China Sea",
	"East China Sea", "Sea of Japan", "Gulf of Mexico", "English Channel", "Irish Sea",
}

// entry is what a phrase in the index stands for; an empty alpha3 marks a region phrase.
type entry struct {
	alpha3  string
	kind    Kind
	tokens  []string // the phrase's words as written in the data, for case checks
	acronym bool     // "UAE", "U.S.": must appear in exactly this case
	dotEnd  bool     // the phrase ends with "." ("U.S."), which the match then includes
}

// trieNode indexes phrases word by word, on lower-cased words.
type trieNode struct {
	next  map[string]*trieNode
	entry *entry
}

// mentionIndex finds the longest indexed phrase starting at each capitalised word.
type mentionIndex struct{ root *trieNode }

// buildMentionIndex indexes names first, so that when two countries share a word the more
// direct reading wins (a country's name before another's demonym, capital or city); capitals
// and cities of dependent territories are left out because many are also common words or
// people's names (Hamilton, Douglas, Stanley, Plymouth).
func buildMentionIndex(all []Country) *mentionIndex {
	ix := &mentionIndex{root: &trieNode{}}
	for _, p := range regionPhrases {
		ix.add(p, "", 0)
	}
	passes := []struct {
		kind      Kind
		sovereign bool
		phrases   func(Country) []string
	}{
		{KindName, true, func(c Country) []string { return append([]string{c.Name}, c.Names...) }},
		{KindName, false, func(c Country) []string { return append([]string{c.Name}, c.Names...) }},
		{KindDemonym, true, func(c Country) []string { return c.Demonyms }},
		{KindDemonym, false, func(c Country) []string { return c.Demonyms }},
		{KindCapital, true, func(c Country) []string { return append([]string{c.Capital}, c.Seats...) }},
		{KindMetonym, true, func(c Country) []string { return c.Metonyms }},
		{KindMetonym, false, func(c Country) []string { return c.Metonyms }},
		{KindCity, true, func(c Country) []string { return c.Cities }},
	}
	for _, pass := range passes {
		for _, c := range all {
			if c.Sovereign != pass.sovereign {
				continue
			}
			for _, p := range pass.phrases(c) {
				ix.add(p, c.Alpha3, pass.kind)
			}
		}
	}
	return ix
}

// add indexes a phrase unless an earlier, more direct entry already holds it.
func (ix *mentionIndex) add(phrase, alpha3 string, kind Kind) {
	var tokens []string
	for start, end := nextToken(phrase, 0); start < end; start, end = nextToken(phrase, end) {
		tokens = append(tokens, phrase[start:end])
	}
	if len(tokens) == 0 {
		return
	}
	n := ix.root
	var buf []byte
	for _, tok := range tokens {
		buf = appendLower(buf[:0], tok)
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		child := n.next[string(buf)]
		if child == nil {
			child = &trieNode{}
			n.next[string(buf)] = child
		}
		n = child
	}
	if n.entry != nil {
		return
	}
	n.entry = &entry{alpha3: alpha3, kind: kind, tokens: tokens,
		acronym: isAcronym(phrase), dotEnd: strings.HasSuffix(phrase, ".")}
}

// isAcronym reports whether a phrase is an upper-case abbreviation such as UAE or U.S.A.
func isAcronym(phrase string) bool {
	letters := 0
	for _, r := range phrase {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			letters++
		case r != '.':
			return false
		}
	}
	return letters > 0 && letters <= 5
}

// Find returns the mentions of countries in text, leftmost-longest and without overlaps, in
// text order. A mention must start with a capital letter ("Turkey", never "turkey"), and
// abbreviations must match in case ("US", never "us"). It runs in time linear in len(text).
func Find(text string) []Mention {
	return loadTable().index.find(text, true)
}

// Lookup returns the country a whole phrase refers to ("Belarusian", "Republic of Belarus",
// "minsk"), ignoring case, and how it refers to it.
func Lookup(phrase string) (Country, Kind, bool) {
	phrase = strings.TrimSpace(phrase)
	t := loadTable()
	ms := t.index.find(phrase, false)
	if len(ms) != 1 || ms[0].Start != 0 || ms[0].End != len(phrase) {
		return Country{}, 0, false
	}
	c, ok := ByAlpha3(ms[0].Alpha3)
	return c, ms[0].Kind, ok
}

func (ix *mentionIndex) find(text string, strictCase bool) []Mention {
	var out []Mention
	var buf []byte
	for start, end := nextToken(text, 0); start < end; {
		r, _ := utf8.DecodeRuneInString(text[start:])
		if strictCase && !unicode.IsUpper(r) {
			start, end = nextToken(text, end)
			continue
		}
		m, matchEnd, ok := ix.longest(text, start, end, strictCase, &buf)
		if ok && m.Alpha3 != "" {
			out = append(out, m)
		}
		if ok {
			end = matchEnd
		}
		start, end = nextToken(text, end)
	}
	return out
}

// maxGap is the most bytes allowed between two words of one phrase ("Côte d’Ivoire").
const maxGap = 4

// longest walks the trie from the word text[start:end] and returns the longest phrase that
// matches there, with the byte offset where the match ends.
func (ix *mentionIndex) longest(text string, start, end int, strictCase bool, buf *[]byte) (Mention, int, bool) {
	var best *entry
	bestEnd := 0
	n := ix.root
	var spans [16][2]int // word spans of the current path; phrases have fewer words
	depth := 0
	for ts, te := start, end; ts < te && depth < len(spans); {
		*buf = appendLower((*buf)[:0], text[ts:te])
		n = n.next[string(*buf)]
		if n == nil {
			break
		}
		spans[depth] = [2]int{ts, te}
		depth++
		if n.entry != nil && caseFits(n.entry, text, spans[:depth], strictCase) {
			best, bestEnd = n.entry, te
		}
		if n.next == nil {
			break
		}
		ns, ne := nextToken(text, te)
		if ns >= ne || !gapJoins(text[te:ns]) {
			break
		}
		ts, te = ns, ne
	}
	if best == nil {
		return Mention{}, 0, false
	}
	if best.acronym && bestEnd < len(text) && text[bestEnd] == '$' {
		return Mention{}, 0, false // "US$100" is a currency, not the United States
	}
	if best.dotEnd && bestEnd < len(text) && text[bestEnd] == '.' {
		bestEnd++
	}
	return Mention{Start: start, End: bestEnd, Text: text[start:bestEnd], Alpha3: best.alpha3, Kind: best.kind}, bestEnd, true
}

// gapJoins reports whether the characters between two words may sit inside one phrase: a
// space, hyphen, apostrophe or abbreviation dot, but not a clause or sentence break.
func gapJoins(gap string) bool {
	if len(gap) > maxGap || strings.Contains(gap, "\n\n") {
		return false
	}
	return !strings.ContainsAny(gap, ";:!?\"“”,")
}

// caseFits checks the words at spans against the entry: exactly for acronyms, and otherwise
// a capital letter wherever the indexed phrase has one.
func caseFits(e *entry, text string, spans [][2]int, strictCase bool) bool {
	if !strictCase {
		return true
	}
	for i, sp := range spans {
		word := text[sp[0]:sp[1]]
		if e.acronym {
			if word != e.tokens[i] {
				return false
			}
			continue
		}
		want, _ := utf8.DecodeRuneInString(e.tokens[i])
		got, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(want) && !unicode.IsUpper(got) {
			return false
		}
	}
	return true
}

// nextToken returns the byte span of the next word at or after from: a run of letters, digits
// and combining marks. It returns (len, len) at the end of the text.
func nextToken(text string, from int) (int, int) {
	i := from
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			break
		}
		i += size
	}
	start := i
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	if start == i {
		return len(text), len(text)
	}
	return start, i
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// appendLower appends the lower-case form of s to buf without allocating a string.
func appendLower(buf []byte, s string) []byte {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
			continue
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}
