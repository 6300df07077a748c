package timex

import "github.com/entente/entente"

// rule recognises one family of expressions starting exactly at token i.
type rule func(p *parser, i int) (match, bool)

// rules are tried at every token that may start an expression; the longest match wins, and on
// a tie the earlier rule in this list.
var rules = []rule{
	ruleNumericDate, ruleMonthFirst, ruleDayFirst, ruleWeekday, ruleDeictic, ruleDayBefore,
	ruleAnaphoricPartOfDay, ruleModifiedPartOfDay, ruleTime, ruleQuarter, ruleQuarterCode, ruleYearEarlier, ruleComparablePeriod,
	ruleRelativeUnit, ruleTheWeekend, ruleWeekOf, ruleYearEnd, ruleFiscalYear, ruleYear, ruleDecade, ruleHoliday,
	ruleSeason, ruleDuration, ruleBarePlural, ruleTheUnit, ruleSetAdverb, ruleEvery, ruleVague,
}

// startWords are the words that may begin an expression; any other word is skipped at once.
var startWords = buildStartWords()

func buildStartWords() map[string]bool {
	s := map[string]bool{}
	for _, m := range []map[string]int{months, weekdays, weekdayPlurals, cardinals, ordinals, relatives} {
		for w := range m {
			s[w] = true
		}
	}
	for _, m := range []map[string]string{seasons, partsOfDay, setAdverbs} {
		for w := range m {
			s[w] = true
		}
	}
	for _, m := range []map[string]bool{vagueQuantities, presentWords, pastWords, futureWords, durationModifiers} {
		for w := range m {
			s[w] = true
		}
	}
	for w := range units {
		s[w] = true
	}
	for _, ph := range premodPhrases {
		s[ph.words[0]] = true
	}
	for _, h := range holidays {
		s[h.words[0]] = true
	}
	for _, w := range []string{"the", "a", "an", "another", "half", "couple", "every", "each",
		"once", "twice", "thrice", "today", "tonight", "tomorrow", "yesterday", "noon", "midday",
		"midnight", "fiscal", "fy", "q", "h", "these", "as", "comparable",
		"corresponding", "most", "twenties", "thirties", "forties", "fifties", "sixties",
		"seventies", "eighties", "nineties", "future", "coming"} {
		s[w] = true
	}
	return s
}

// standaloneWords can be a whole expression on their own ("today", "May", "daily", "years");
// the other start words need a continuation.
var standaloneWords = buildStandaloneWords()

func buildStandaloneWords() map[string]bool {
	s := map[string]bool{}
	for _, m := range []map[string]int{months, weekdays, weekdayPlurals} {
		for w := range m {
			s[w] = true
		}
	}
	for _, m := range []map[string]string{seasons, setAdverbs} {
		for w := range m {
			s[w] = true
		}
	}
	for _, m := range []map[string]bool{presentWords, pastWords, futureWords} {
		for w := range m {
			s[w] = true
		}
	}
	for w, u := range units {
		if u.plural {
			s[w] = true
		}
	}
	for _, h := range holidays {
		if len(h.words) == 1 {
			s[h.words[0]] = true
		}
	}
	for _, w := range []string{"today", "tonight", "tomorrow", "yesterday", "noon", "midday", "midnight", "morning", "afternoon", "evening", "night"} {
		s[w] = true
	}
	return s
}

// continueWords may follow a start word without being start words themselves ("the weekend"
// is covered by units; "more recently", "the day after tomorrow" need these).
var continueWords = map[string]bool{
	"recent": true, "term": true, "while": true, "later": true, "date": true, "full": true,
	"latter": true, "outset": true, "close": true, "beginning": true, "middle": true,
	"end": true, "start": true, "turn": true, "part": true, "early": true, "late": true,
	"ago": true, "earlier": true, "most": true, "least": true, "than": true, "to": true,
	"of": true, "so": true, "soon": true, "year": true, "times": true, "near": true,
	"foreseeable": true, "distant": true, "short": true, "present": true, "day": true,
	"and": true, "or": true, "more": true, "trading": true, "business": true, "working": true,
	"in": true,
}

// ruleYearEnd reads "year-end", "year end", "year's end" (the end of the reference year).
func ruleYearEnd(p *parser, i int) (match, bool) {
	if p.word(i) != "year" {
		return match{}, false
	}
	j := i + 1
	switch {
	case p.hyphen(j) != j && p.word(j+1) == "end":
		j += 2
	case p.word(j) == "end":
		j++
	case p.possessive(j) != j && p.word(j+2) == "end":
		j += 3
	default:
		return match{}, false
	}
	pt := at(p.ref, gYear)
	return match{from: i, to: j, typ: TypeDate, value: pt.String(), mod: entente.ModEnd, pt: pt}, true
}

// ruleTheUnit reads "the year", "the fiscal year", "the month", "the week": TimeML reads
// "for the year" as the duration P1Y, but after a modifier ("the end of the year", "earlier
// in the year", "later in the day") it is the reference period; "the full year" is the
// reference year.
func ruleTheUnit(p *parser, i int) (match, bool) {
	if p.word(i) != "the" {
		return match{}, false
	}
	if p.word(i+1) == "full" && p.word(i+2) == "year" {
		pt := at(p.ref, gYear)
		return match{from: i, to: i + 3, typ: TypeDate, value: pt.String(), pt: pt}, true
	}
	if p.word(i+1) == "fiscal" && p.word(i+2) == "year" && p.pureDigits(i+3) == 0 {
		return match{from: i, to: i + 3, typ: TypeDuration, value: "P1Y", asDate: at(p.ref, gYear)}, true
	}
	u, ok := units[p.word(i+1)]
	inTheDay := u.u == uDay && p.word(i-1) == "in" && (p.word(i-2) == "earlier" || p.word(i-2) == "later")
	if !ok || u.plural || (u.u < uWeek && !inTheDay) || u.u == uQuarter || u.u == uFortnight {
		return match{}, false
	}
	if p.pureDigits(i+2) > 0 || p.word(i+2) == "before" || p.word(i+2) == "after" {
		return match{}, false
	}
	asDate := at(p.ref, granOfUnit(u.u))
	if inTheDay {
		asDate = at(p.anchorDay(), gDay)
	}
	return match{from: i, to: i + 2, typ: TypeDuration, value: durationValue(quantity{v: 1}, u.u), asDate: asDate}, true
}
