package timex

import (
	"github.com/entente/entente"
)

// match is one recognised expression before it becomes an Expr.
type match struct {
	from, to int // token indices [from, to) in the current sentence
	typ      string
	value    string
	end      string // range end value
	mod      string
	quant    string
	freq     string
	approx   bool
	pt       point // the period it denotes, when it is a DATE or TIME point; anchors later ones
	vague    bool  // PAST_REF, PRESENT_REF, FUTURE_REF
	agoLike  bool  // an "ago" date: quantity modifiers become BEFORE/AFTER
	asDate   point // for "the year": the date it means after a modifier ("the end of the year")
	compared bool  // "a year earlier", "the year-ago quarter": not a period reported on itself
	// split, when non-zero, is where the second date of a coordinated pair begins ("28 and
	// 29 November", "from June 3 to June 5"); firstTo ends the first. TimeML marks each date
	// of such a pair as an expression of its own.
	split, firstTo int
}

// parser holds one call of Find: the text, the reference date, the current sentence's tokens
// and what the document has mentioned so far (for anchored expressions).
type parser struct {
	text string
	ref  entente.Date
	toks []token
	out  []Expr

	sentence int   // number of the current sentence
	last     point // the last date or time mentioned, for "two weeks later", "that day"
	lastSent int   // the sentence it was mentioned in
	lastDay  point // the last day mentioned, for a bare time of day ("at 10:35 a.m.")
	// lastQuarter is the last quarter or half reported on, and the sentence it was in: the
	// period "a year ago" and "the year-earlier quarter" are compared with.
	lastQuarter     point
	lastQuarterSent int
	// lastOf is the last point mentioned of each granularity, and its sentence: "the previous
	// month" counts from the month last named ("in January … the previous month"), not from
	// the day the story was told.
	lastOf     [gTime + 1]point
	lastOfSent [gTime + 1]int
	forceDir   int // when non-zero, the tense of every clause (for ResolveEventDate)
}

func newParser(text string, ref entente.Date) *parser {
	// News has about one expression per hundred bytes; start with a quarter of that so a
	// long text grows its result a few times rather than many.
	out := make([]Expr, 0, min(len(text)/400+4, 1<<16))
	return &parser{text: text, ref: ref, out: out, lastSent: -10, lastQuarterSent: -10}
}

// run tags the text sentence by sentence.
func (p *parser) run() {
	z := tokenizer{text: p.text}
	buf := make([]token, 0, 64)
	for {
		buf = z.sentence(buf)
		if len(buf) == 0 {
			return
		}
		p.toks = buf
		p.scanSentence()
		p.sentence++
	}
}

// scanSentence finds the expressions of the current sentence, left to right, each at its
// longest.
func (p *parser) scanSentence() {
	for i := 0; i < len(p.toks); {
		if !p.mayStart(i) {
			i++
			continue
		}
		m, ok := p.longest(i)
		if !ok || m.to <= i {
			i++
			continue
		}
		p.emit(m)
		i = m.to
	}
}

// mayStart is the cheap filter: only numbers and words of the lexicons can begin an
// expression, and a word that cannot stand alone ("the", "early", "two") only when the next
// token could continue one.
func (p *parser) mayStart(i int) bool {
	t := &p.toks[i]
	switch t.kind {
	case tokNum:
		return true
	case tokWord:
		if standaloneWords[t.lower] {
			return true
		}
		return startWords[t.lower] && p.mayContinue(i+1)
	}
	return t.lower == "'" // '90s
}

// mayContinue reports whether token i could be the second token of an expression.
func (p *parser) mayContinue(i int) bool {
	if i >= len(p.toks) {
		return false
	}
	t := &p.toks[i]
	switch t.kind {
	case tokNum:
		return true
	case tokWord:
		return startWords[t.lower] || continueWords[t.lower]
	}
	return t.lower == "-" || t.lower == "'" || t.lower == "."
}

// longest returns the longest expression starting at token i: a core expression, possibly
// with a modifier in front ("early", "about", "the end of", "more than").
func (p *parser) longest(i int) (match, bool) {
	best, ok := p.core(i)
	if mod, j, has := p.premodAt(i); has {
		if m, ok2 := p.longestAfterMod(j); ok2 && (!ok || m.to > best.to) {
			if m2, ok3 := mod.apply(p, m, i); ok3 {
				best, ok = m2, true
			}
		}
	}
	if !ok {
		return best, false
	}
	return p.postmod(best), true
}

// longestAfterMod is the longest core after a modifier, itself possibly after a second
// modifier of another kind ("around mid-December", "about the end of the year").
func (p *parser) longestAfterMod(j int) (match, bool) {
	best, ok := p.core(j)
	if mod, k, has := p.premodAt(j); has && mod.kind == modPosition {
		if m, ok2 := p.core(k); ok2 && (!ok || m.to > best.to) {
			if m2, ok3 := mod.apply(p, m, j); ok3 {
				best, ok = m2, true
			}
		}
	}
	return best, ok
}

// core runs every rule at token i and keeps the longest match.
func (p *parser) core(i int) (match, bool) {
	var best match
	found := false
	for _, r := range rules {
		m, ok := r(p, i)
		if ok && m.to > i && (!found || m.to > best.to) {
			best, found = m, true
		}
	}
	return best, found
}

// postmod extends a match with "or so" (approximate).
func (p *parser) postmod(m match) match {
	if p.word(m.to) == "or" && p.word(m.to+1) == "so" && m.typ != TypeSet {
		m.to += 2
		m.approx = true
		if m.mod == "" {
			m.mod = entente.ModApprox
		}
	}
	return m
}

// emit turns a match into an Expr (or two, for a coordinated pair of days) and remembers it
// as the anchor of later expressions.
func (p *parser) emit(m match) {
	if m.split == 0 {
		p.emitOne(m)
		return
	}
	first, second := m, m
	first.to, first.split = m.firstTo, 0
	p.emitOne(first)
	second.from, second.split, second.value, second.end, second.mod = m.split, 0, m.end, "", ""
	if d, err := entente.ParseDate(m.end); err == nil {
		second.pt = at(d, gDay)
	}
	p.emitOne(second)
}

// emitOne appends one expression. The first date of a coordinated pair keeps the second's
// value as its EndValue, so that a caller reading ranges needs only the first.
func (p *parser) emitOne(m match) {
	from, to := m.from, m.to
	for to > from+1 && p.toks[to-1].kind == tokPunct && !p.keepPunct(to-1) {
		to--
	}
	start, end := int(p.toks[from].start), int(p.toks[to-1].end)
	e := Expr{
		Start: start, End: end, Text: p.text[start:end],
		Type: m.typ, Value: m.value, Mod: m.mod, Quant: m.quant, Freq: m.freq,
		EndValue: m.end, Approximate: m.approx || m.mod == entente.ModApprox,
		Signal: p.signalBefore(from),
	}
	p.out = append(p.out, e)
	if m.pt.valid() && (m.typ == TypeDate || m.typ == TypeTime) {
		if m.pt.g >= gDay {
			p.lastDay = m.pt
		}
		p.last, p.lastSent = m.pt, p.sentence
		p.lastOf[m.pt.g], p.lastOfSent[m.pt.g] = m.pt, p.sentence
		if (m.pt.g == gQuarter || m.pt.g == gHalf) && !m.compared {
			p.lastQuarter, p.lastQuarterSent = m.pt, p.sentence
		}
	}
}

// keepPunct reports whether a final punctuation token belongs to the extent: the full stop of
// "a.m." and of "Sept." does, a sentence's full stop does not.
func (p *parser) keepPunct(i int) bool {
	if p.toks[i].lower != "." || !p.adjacent(i) {
		return false
	}
	prev := p.toks[i-1].lower
	return prev == "m" || monthAbbrevs[prev] || prev == "c" || prev == "d"
}

// signals are the prepositions recorded in Expr.Signal, longest first.
var signals = [][]string{
	{"no", "later", "than"}, {"not", "later", "than"}, {"no", "earlier", "than"},
	{"in", "time", "for"}, {"prior", "to"}, {"up", "to"}, {"as", "of"}, {"ahead", "of"},
	{"by"}, {"before"}, {"after"}, {"in"}, {"on"}, {"at"}, {"since"}, {"until"}, {"till"},
	{"within"}, {"during"}, {"from"}, {"through"}, {"throughout"}, {"over"}, {"for"},
	{"between"}, {"to"}, {"from"}, {"around"}, {"towards"}, {"toward"}, {"of"},
}

// signalBefore returns the preposition that ends just before token i, lower case.
func (p *parser) signalBefore(i int) string {
	for _, s := range signals {
		if i < len(s) {
			continue
		}
		ok := true
		for k, w := range s {
			if p.word(i-len(s)+k) != w {
				ok = false
				break
			}
		}
		if ok {
			out := s[0]
			for _, w := range s[1:] {
				out += " " + w
			}
			return out
		}
	}
	return ""
}

// Token helpers. All of them answer "" or false outside the sentence, so rules can look ahead
// without bounds checks.

// word returns the lower-cased word at i, or "" when i is not a word.
func (p *parser) word(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tokWord {
		return ""
	}
	return p.toks[i].lower
}

// punct returns the punctuation at i, or "".
func (p *parser) punct(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tokPunct {
		return ""
	}
	return p.toks[i].lower
}

// adjacent reports whether token i starts right where token i-1 ends (no space between).
func (p *parser) adjacent(i int) bool {
	return i > 0 && i < len(p.toks) && p.toks[i].start == p.toks[i-1].end
}

// pureDigits returns the number of digits of token i when it is only digits, else 0.
func (p *parser) pureDigits(i int) int {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tokNum || int(p.toks[i].ndigits) != len(p.toks[i].lower) {
		return 0
	}
	return int(p.toks[i].ndigits)
}

// capital reports whether token i is a capitalised word.
func (p *parser) capital(i int) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].cap
}

// hyphen returns i+1 when token i is a hyphen glued to both neighbours, else i.
func (p *parser) hyphen(i int) int {
	if p.punct(i) == "-" && p.adjacent(i) && p.adjacent(i+1) {
		return i + 1
	}
	return i
}

// dot skips a full stop glued to the previous token ("Aug." "Sept.").
func (p *parser) dot(i int) int {
	if p.punct(i) == "." && p.adjacent(i) {
		return i + 1
	}
	return i
}

// comma skips an optional comma.
func (p *parser) comma(i int) int {
	if p.punct(i) == "," {
		return i + 1
	}
	return i
}

// isolatedNumber reports whether the digits at i are a number on their own, not part of
// "1,998", "19.98", "$1998", "1998%" or a longer digit group.
func (p *parser) isolatedNumber(i int) bool {
	if p.adjacent(i) {
		switch p.punct(i - 1) {
		case ",", ".", "$", "£", "€", "#", "/", ":", "+":
			return false
		}
	}
	if p.adjacent(i + 1) {
		switch p.punct(i + 1) {
		case ",", ".", "/", ":", "%":
			if p.pureDigits(i+2) > 0 && p.adjacent(i+2) || p.punct(i+1) == "%" {
				return false
			}
		}
	}
	return true
}

// the returns i+1 when token i is "the", else i.
func (p *parser) the(i int) int {
	if p.word(i) == "the" {
		return i + 1
	}
	return i
}
