package timex

import "github.com/entente/entente"

// Modifiers before a time expression, which TimeML puts inside its extent and records in the
// mod attribute: "early 2025" (START), "mid-December" (MID), "the end of the year" (END),
// "about two weeks" (APPROX), "more than four hours" (MORE_THAN), "more than a decade ago"
// (BEFORE).

// modKind says what a modifier applies to.
type modKind uint8

const (
	modPosition modKind = iota // START, MID, END: a part of a date
	modApprox                  // APPROX: any date, time or duration
	modQuantity                // LESS_THAN, MORE_THAN, …: a duration (or an "ago" date)
)

// premod is one modifier phrase.
type premod struct {
	kind      modKind
	mod       string
	relative  bool // "earlier", "later": only before "this …", "that …", weekdays, "today"
	countOnly bool // "over", "under", "some": only before an amount ("over an hour")
}

// premodPhrases are the modifier phrases, longest first.
var premodPhrases = []struct {
	words []string
	pm    premod
}{
	{[]string{"the", "latter", "part", "of"}, premod{kind: modPosition, mod: entente.ModEnd}},
	{[]string{"the", "early", "part", "of"}, premod{kind: modPosition, mod: entente.ModStart}},
	{[]string{"the", "first", "part", "of"}, premod{kind: modPosition, mod: entente.ModStart}},
	{[]string{"the", "first", "half", "of"}, premod{kind: modPosition, mod: entente.ModStart}},
	{[]string{"the", "second", "half", "of"}, premod{kind: modPosition, mod: entente.ModEnd}},
	{[]string{"the", "last", "half", "of"}, premod{kind: modPosition, mod: entente.ModEnd}},
	{[]string{"the", "latter", "half", "of"}, premod{kind: modPosition, mod: entente.ModEnd}},
	{[]string{"no", "more", "than"}, premod{kind: modQuantity, mod: "EQUAL_OR_LESS"}},
	{[]string{"not", "more", "than"}, premod{kind: modQuantity, mod: "EQUAL_OR_LESS"}},
	{[]string{"no", "less", "than"}, premod{kind: modQuantity, mod: "EQUAL_OR_MORE"}},
	{[]string{"the", "beginning", "of"}, premod{kind: modPosition, mod: entente.ModStart}},
	{[]string{"the", "start", "of"}, premod{kind: modPosition, mod: entente.ModStart}},
	{[]string{"the", "outset", "of"}, premod{kind: modPosition, mod: entente.ModStart}},
	{[]string{"the", "middle", "of"}, premod{kind: modPosition, mod: entente.ModMid}},
	{[]string{"the", "end", "of"}, premod{kind: modPosition, mod: entente.ModEnd}},
	{[]string{"the", "close", "of"}, premod{kind: modPosition, mod: entente.ModEnd}},
	{[]string{"the", "mid", "-"}, premod{kind: modPosition, mod: entente.ModMid}},
	{[]string{"beginning", "of"}, premod{kind: modPosition, mod: entente.ModStart}},
	{[]string{"start", "of"}, premod{kind: modPosition, mod: entente.ModStart}},
	{[]string{"middle", "of"}, premod{kind: modPosition, mod: entente.ModMid}},
	{[]string{"end", "of"}, premod{kind: modPosition, mod: entente.ModEnd}},
	{[]string{"the", "early"}, premod{kind: modPosition, mod: entente.ModStart}},
	{[]string{"the", "late"}, premod{kind: modPosition, mod: entente.ModEnd}},
	{[]string{"the", "mid"}, premod{kind: modPosition, mod: entente.ModMid}},
	{[]string{"mid", "-"}, premod{kind: modPosition, mod: entente.ModMid}},
	{[]string{"end", "-"}, premod{kind: modPosition, mod: entente.ModEnd}},
	{[]string{"early", "-"}, premod{kind: modPosition, mod: entente.ModStart}},
	{[]string{"late", "-"}, premod{kind: modPosition, mod: entente.ModEnd}},
	{[]string{"more", "than"}, premod{kind: modQuantity, mod: "MORE_THAN"}},
	{[]string{"less", "than"}, premod{kind: modQuantity, mod: "LESS_THAN"}},
	{[]string{"fewer", "than"}, premod{kind: modQuantity, mod: "LESS_THAN"}},
	{[]string{"at", "least"}, premod{kind: modQuantity, mod: "EQUAL_OR_MORE"}},
	{[]string{"at", "most"}, premod{kind: modQuantity, mod: "EQUAL_OR_LESS"}},
	{[]string{"up", "to"}, premod{kind: modQuantity, mod: "EQUAL_OR_LESS", countOnly: true}},
	{[]string{"close", "to"}, premod{kind: modApprox, mod: entente.ModApprox, countOnly: true}},
	{[]string{"earlier", "in"}, premod{kind: modPosition, mod: entente.ModStart, relative: true}},
	{[]string{"later", "in"}, premod{kind: modPosition, mod: entente.ModEnd, relative: true}},
	{[]string{"early"}, premod{kind: modPosition, mod: entente.ModStart}},
	{[]string{"earlier"}, premod{kind: modPosition, mod: entente.ModStart, relative: true}},
	{[]string{"mid"}, premod{kind: modPosition, mod: entente.ModMid}},
	{[]string{"late"}, premod{kind: modPosition, mod: entente.ModEnd}},
	{[]string{"later"}, premod{kind: modPosition, mod: entente.ModEnd, relative: true}},
	{[]string{"over"}, premod{kind: modQuantity, mod: "MORE_THAN", countOnly: true}},
	{[]string{"under"}, premod{kind: modQuantity, mod: "LESS_THAN", countOnly: true}},
	{[]string{"about"}, premod{kind: modApprox, mod: entente.ModApprox}},
	{[]string{"around"}, premod{kind: modApprox, mod: entente.ModApprox}},
	{[]string{"approximately"}, premod{kind: modApprox, mod: entente.ModApprox}},
	{[]string{"roughly"}, premod{kind: modApprox, mod: entente.ModApprox}},
	{[]string{"nearly"}, premod{kind: modApprox, mod: entente.ModApprox}},
	{[]string{"almost"}, premod{kind: modApprox, mod: entente.ModApprox}},
	{[]string{"circa"}, premod{kind: modApprox, mod: entente.ModApprox}},
	{[]string{"some"}, premod{kind: modApprox, mod: entente.ModApprox, countOnly: true}},
}

// premodFirstWords are the first words of the modifier phrases.
var premodFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for _, ph := range premodPhrases {
		m[ph.words[0]] = true
	}
	return m
}()

// premodAt reads a modifier phrase at i and returns it with the index after it.
func (p *parser) premodAt(i int) (premod, int, bool) {
	if !premodFirstWords[p.word(i)] {
		return premod{}, i, false
	}
	for _, ph := range premodPhrases {
		if k, ok := p.words(i, ph.words); ok {
			return ph.pm, k, true
		}
	}
	return premod{}, i, false
}

// relativeStarts are the first words of the expressions "earlier" and "later" can modify.
var relativeStarts = map[string]bool{
	"this": true, "that": true, "today": true, "tonight": true, "yesterday": true,
	"tomorrow": true, "in": true, "next": true, "last": true,
}

// apply puts the modifier (starting at token from) onto the core match m, or refuses when the
// modifier does not fit the core ("early two years").
func (pm premod) apply(p *parser, m match, from int) (match, bool) {
	if m.typ == TypeSet || m.vague {
		return m, false
	}
	first := p.word(m.from)
	if pm.countOnly && !p.countFollows(m.from, pm) {
		return m, false
	}
	switch pm.kind {
	case modPosition:
		if pm.relative && !relativeStarts[first] && weekdays[first] == 0 && !m.asDate.valid() {
			return m, false
		}
		if m.typ == TypeDuration && m.asDate.valid() {
			m.typ, m.value, m.pt = TypeDate, m.asDate.String(), m.asDate
		}
		if m.typ == TypeDuration || m.mod != "" || m.agoLike {
			return m, false
		}
		m.mod = pm.mod
	case modApprox:
		m.approx = true
		if m.mod == "" {
			m.mod = entente.ModApprox
		}
	case modQuantity:
		switch {
		case m.typ == TypeDuration:
			m.mod = pm.mod
		case m.agoLike:
			m.mod = agoMods[pm.mod]
		default:
			return m, false
		}
	}
	m.from = from
	return m, true
}

// agoMods turns a quantity modifier of "N units ago" into the modifier of the date: more than
// a decade ago is before the date a decade ago.
var agoMods = map[string]string{
	"MORE_THAN": entente.ModBefore, "LESS_THAN": entente.ModAfter,
	"EQUAL_OR_MORE": entente.ModOnOrBefore, "EQUAL_OR_LESS": entente.ModOnOrAfter,
}

// countFollows reports whether the core at i begins with the bare amount a count-only
// modifier needs: "up to 30 days", "some two weeks", "over an hour". "Over" and "under" take
// only "a"/"an" ("over an hour" is more than an hour, "over three years" is during them),
// and an article before an adjective ("over a three-year period") is no amount.
func (p *parser) countFollows(i int, pm premod) bool {
	first := p.word(i)
	if first == "the" || durationModifiers[first] {
		return false
	}
	q, k, ok := p.quantityAt(i)
	if !ok || q.article && (p.pureDigits(k) > 0 || cardinals[p.word(k)] > 0) {
		return false
	}
	if pm.mod == "MORE_THAN" && p.word(i-1) == "over" || pm.mod == "LESS_THAN" && p.word(i-1) == "under" {
		return q.article
	}
	return true
}
