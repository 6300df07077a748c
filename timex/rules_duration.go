package timex

import (
	"math"
	"strconv"

	"github.com/entente/entente"
)

// Durations ("two weeks", "the past 18 months", "a two-year plan"), anchored dates built from
// them ("two weeks later", "three years ago") and sets ("every year", "twice a week", "daily").

// durationLetters are the TIMEX3 letters of each unit and how many of that letter one unit is.
var durationLetters = map[unit]struct {
	letter string
	times  float64
	clock  bool // written after "T"
}{
	uSecond: {"S", 1, true}, uMinute: {"M", 1, true}, uHour: {"H", 1, true},
	uDay: {"D", 1, false}, uWeekend: {"D", 2, false}, uWeek: {"W", 1, false},
	uFortnight: {"W", 2, false}, uMonth: {"M", 1, false}, uQuarter: {"Q", 1, false},
	uSeason: {"M", 3, false}, uHalf: {"M", 6, false}, uYear: {"Y", 1, false},
	uDecade: {"Y", 10, false}, uCentury: {"Y", 100, false}, uMillennium: {"Y", 1000, false},
}

// finer gives the unit a fraction of a written unit is expressed in ("2 1/2 years" → P2Y6M).
var finer = map[unit]struct {
	u     unit
	times float64
}{
	uYear: {uMonth, 12}, uMonth: {uDay, 30}, uWeek: {uDay, 7}, uDay: {uHour, 24},
	uHour: {uMinute, 60}, uMinute: {uSecond, 60}, uQuarter: {uMonth, 3},
}

// writtenUnit is the unit whose letter a duration of u is written with (decades in years).
func writtenUnit(u unit) unit {
	switch u {
	case uDecade, uCentury, uMillennium:
		return uYear
	case uFortnight:
		return uWeek
	case uWeekend:
		return uDay
	case uSeason, uHalf:
		return uMonth
	}
	return u
}

// durationValue formats an amount of a unit as a TIMEX3 duration: P2W, PT3H, P2Y6M, PXY.
func durationValue(q quantity, u unit) string {
	l := durationLetters[u]
	if q.vague {
		letter := l.letter
		switch u {
		case uDecade:
			letter = "E"
		case uCentury:
			letter = "C"
		case uMillennium:
			letter = "L"
		}
		return "P" + clockPrefix(l.clock) + "X" + letter
	}
	return "P" + durationBody(q.v*l.times, writtenUnit(u))
}

// durationBody writes v units of u, carrying a fraction into the next finer unit.
func durationBody(v float64, u unit) string {
	l := durationLetters[u]
	whole := math.Floor(v + 1e-9)
	frac := v - whole
	if frac < 1e-9 {
		return clockPrefix(l.clock) + formatAmount(whole) + l.letter
	}
	f, ok := finer[u]
	if !ok {
		return clockPrefix(l.clock) + formatAmount(v) + l.letter
	}
	rest := durationBody(frac*f.times, f.u)
	if whole == 0 {
		return rest
	}
	head := clockPrefix(l.clock) + formatAmount(whole) + l.letter
	if l.clock && rest[0] == 'T' {
		rest = rest[1:]
	}
	return head + rest
}

func clockPrefix(clock bool) string {
	if clock {
		return "T"
	}
	return ""
}

// formatAmount writes 2 as "2" and 1.5 as "1.5".
func formatAmount(v float64) string {
	if v == math.Trunc(v) && v < 1e9 {
		return strconv.Itoa(int(v))
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// durationModifiers may stand between "the" and the amount: "the past two years".
var durationModifiers = map[string]bool{
	"past": true, "last": true, "next": true, "first": true, "coming": true, "previous": true,
	"final": true, "latest": true, "remaining": true, "initial": true, "ensuing": true,
	"following": true, "preceding": true, "prior": true, "additional": true, "further": true,
	"entire": true, "whole": true, "full": true, "same": true, "subsequent": true, "intervening": true,
}

// durationPhrase is an amount of a unit as read by ruleDuration.
type durationPhrase struct {
	article    string // "the", "a", "an" before the amount, or ""
	modifier   string // "past", "next", "first", … between "the" and the amount
	q          quantity
	u          unit
	rangeEnd   quantity // the upper amount of "two to three weeks", when rangeEnd.v > 0
	adjectival bool     // "two-year", "a five year low": it modifies the noun after it
	unitAt     int      // index of the unit word
}

// ruleDuration reads an amount of a unit: "two weeks", "the past 18 months", "three-year",
// "a year and a half", "another two years", "the first nine months", "2 1/2 hours", "two to
// three weeks", "a three-year period", and what follows it when that makes a date: "two weeks
// later", "three years ago", "a month from now".
func ruleDuration(p *parser, i int) (match, bool) {
	d, to, ok := p.durationAt(i)
	if !ok {
		return match{}, false
	}
	determined := d.article == "the" || d.modifier != ""
	if d.adjectival && d.article != "" && !periodNouns[p.word(to)] {
		return match{}, false // "the 14-day waiting period": the article belongs to the noun
	}
	if d.adjectival && periodNouns[p.word(to)] && d.article != "" {
		to++ // "a three-year period"
	}
	if m, ok := p.anchoredDuration(i, to, d.q, d.u, determined); ok {
		return m, true
	}
	if d.q.article && !determined && p.setContext(i) {
		return match{from: i, to: to, typ: TypeSet, value: durationValue(quantity{v: 1}, d.u)}, true
	}
	m := match{from: i, to: to, typ: TypeDuration, value: durationValue(d.q, d.u)}
	if d.rangeEnd.v > 0 {
		m.end = durationValue(d.rangeEnd, d.u)
	}
	return m, true
}

// periodNouns may follow an adjectival duration inside the extent: "a three-year period".
var periodNouns = map[string]bool{"period": true, "span": true, "stretch": true, "term": true, "interval": true}

// durationAt reads the words of a duration at i and returns them with the index after them.
func (p *parser) durationAt(i int) (durationPhrase, int, bool) {
	var d durationPhrase
	j := i
	if w := p.word(j); w == "the" || w == "a" || w == "an" {
		switch p.word(j + 1) {
		case "dozen", "hundred", "thousand", "few", "couple", "half", "number":
			// "a dozen years": the article is part of the amount
		default:
			if _, _, ok := p.quantityAt(j + 1); ok || w == "the" {
				d.article, j = w, j+1
			}
		}
	}
	if w := p.word(j); durationModifiers[w] || w == "another" {
		d.modifier, j = w, j+1
	}
	q, k, ok := p.quantityAt(j)
	if !ok || q.article && (d.article != "" || d.modifier != "") {
		return d, i, false
	}
	d.q = q
	if end, k2, ok := p.amountRangeEnd(k); ok {
		d.rangeEnd, k = end, k2
	}
	switch p.word(k) {
	case "more", "additional", "further", "extra", "trading", "business", "working", "calendar":
		k++ // "two more weeks", "eight trading days"
	}
	if h := p.hyphen(k); h != k {
		k, d.adjectival = h, true
	}
	u, ok := units[p.word(k)]
	if !ok || u.u == uWeekend || q.article && u.plural || d.article == "a" && !d.adjectival || q.article && u.u == uSecond {
		return d, i, false // "a second" is an ordinal more often than a duration
	}
	if !q.vague && q.v > 1 && !u.plural && !d.adjectival {
		if !p.allowsSingular(k) {
			return d, i, false
		}
		d.adjectival = true // "a five year low"
	}
	if p.capital(k) && !p.capital(i) && k > 0 {
		return d, i, false // "CBS's 60 Minutes": a title
	}
	d.u, d.unitAt = u.u, k
	return p.durationTail(d, j, k+1)
}

// durationTail checks and reads what may follow the unit: "and a half", "-long"; it refuses
// "half" without its article, ages ("8-month-old") and "year-earlier", "year-end".
func (p *parser) durationTail(d durationPhrase, amountAt, to int) (durationPhrase, int, bool) {
	if d.q.v == 0.5 && !d.q.vague && p.word(amountAt) == "half" {
		if a := p.word(amountAt + 1); a != "a" && a != "an" {
			return d, to, false // "half" alone before a unit is an adjective ("a half hour" aside)
		}
	}
	if p.word(to) == "and" && p.word(to+1) == "a" && p.word(to+2) == "half" {
		d.q.v += 0.5
		to += 3
	}
	if p.punct(to) == "-" && p.adjacent(to) {
		switch p.word(to + 1) {
		case "old", "earlier", "ago", "end":
			return d, to, false // ages are not time expressions in TimeML; "year-earlier" is a date
		case "long":
			to += 2
		}
	}
	fraction := !d.q.vague && (d.q.article || d.q.v < 1 || p.hyphen(d.unitAt-1) != d.unitAt-1)
	if w := p.word(to); w == "old" || w == "of" && (d.u == uQuarter || d.u == uHalf) && fraction {
		return d, to, false // "52 years old"; "three-quarters of its food"
	}
	return d, to, true
}

// amountRangeEnd reads the upper amount of "two to three", "12 to 18", "5-10".
func (p *parser) amountRangeEnd(k int) (quantity, int, bool) {
	j := k
	switch {
	case p.word(j) == "to" || p.word(j) == "or":
		j++
	case p.punct(j) == "-" && p.pureDigits(j-1) > 0 && p.pureDigits(j+1) > 0:
		j++
	default:
		return quantity{}, k, false
	}
	q, j2, ok := p.quantityAt(j)
	if !ok || q.vague || q.article {
		return quantity{}, k, false
	}
	if _, isUnit := units[p.word(j2)]; !isUnit && p.hyphen(j2) == j2 {
		return quantity{}, k, false
	}
	return q, j2, true
}

// allowsSingular reports whether a singular unit after a number greater than one is still a
// duration: "five year" in "a five year low" is, as an adjective before a noun.
func (p *parser) allowsSingular(k int) bool {
	next := p.word(k + 1)
	return next != "" && next != "of" && next != "and" && next != "or"
}

// setContext reports whether "a year" at i means "per year": after an amount ("$5 million a
// year", "three times a week", "twice a day", "10 percent a year") or a plural noun ("four
// flights a week").
func (p *parser) setContext(i int) bool {
	prev := p.word(i - 1)
	switch prev {
	case "times", "twice", "once", "thrice", "million", "billion", "trillion", "thousand",
		"hundred", "percent", "dollars", "barrels", "tons", "tonnes", "hours", "minutes", "days",
		"rupees", "euros", "pounds", "yuan", "rubles", "roubles", "cents", "visitors", "people":
		return true
	case "":
		return p.pureDigits(i-1) > 0 || p.punct(i-1) == "%"
	case "is", "was", "has", "this", "his", "its", "as", "us", "less", "plus", "does", "yes":
		return false
	}
	// a count of things: "hundreds of interviews a day", "fifty thousand CDs a year"
	return len(prev) > 3 && prev[len(prev)-1] == 's' && prev[len(prev)-2] != 's' && units[prev].u == uNone
}

// anchoredDuration turns "two weeks later", "three years ago", "a month from now" into dates.
// TimeML annotates them as DATEs whose value is the anchor moved by the duration.
func (p *parser) anchoredDuration(from, to int, q quantity, u unit, determined bool) (match, bool) {
	if determined {
		return match{}, false
	}
	q, u = wholeAmount(q, u)
	if q.v > 3000 {
		return match{}, false // "a million years ago" names no calendar date
	}
	w := p.word(to)
	if w == "or" && p.word(to+1) == "so" && (p.word(to+2) == "ago" || p.word(to+2) == "earlier" || p.word(to+2) == "later") {
		m, ok := p.anchoredDuration(from, to+2, q, u, determined)
		m.approx, m.mod = true, entente.ModApprox
		return m, ok
	}
	n := int(q.v)
	switch {
	case w == "ago" || w == "back" && p.word(to+1) == "":
		if q.vague || float64(n) != q.v {
			return match{from: from, to: to + 1, typ: TypeDate, value: entente.PastRef, vague: true, agoLike: true}, true
		}
		pt := p.agoPoint(n, u)
		return match{from: from, to: to + 1, typ: TypeDate, value: pt.String(), pt: pt, agoLike: true, compared: true}, true
	case w == "from" && p.word(to+1) == "now" || w == "hence":
		end := to + 1
		if w == "from" {
			end++
		}
		if q.vague || float64(n) != q.v {
			return match{from: from, to: end, typ: TypeDate, value: entente.FutureRef, vague: true}, true
		}
		pt := at(p.ref, agoGran(u)).shiftBy(n, u)
		return match{from: from, to: end, typ: TypeDate, value: pt.String(), pt: pt}, true
	case w == "earlier" || w == "later" || (w == "before" || w == "after") && p.clauseEnds(to+1):
		if q.vague || float64(n) != q.v || u < uDay {
			return match{}, false // "a minute and a half later": a duration, the time is unknown
		}
		if w == "earlier" || w == "before" {
			n = -n
		}
		pt := p.laterPoint(n, u)
		return match{from: from, to: to + 1, typ: TypeDate, value: pt.String(), pt: pt, compared: true}, true
	}
	return match{}, false
}

// wholeAmount rewrites a fractional amount in a unit where it is whole: half a century is
// 50 years, a year and a half 18 months.
func wholeAmount(q quantity, u unit) (quantity, unit) {
	if q.vague || q.v == math.Trunc(q.v) {
		return q, u
	}
	w := writtenUnit(u)
	v := q.v * durationLetters[u].times
	if f, ok := finer[w]; ok && v != math.Trunc(v) {
		v, w = v*f.times, f.u
	}
	if v == math.Trunc(v) {
		return quantity{v: v}, w
	}
	return q, u
}

// clauseEnds reports whether token i ends a clause (punctuation or the end of the sentence).
func (p *parser) clauseEnds(i int) bool {
	if i >= len(p.toks) {
		return true
	}
	switch p.punct(i) {
	case ",", ".", ";", ":", "!", "?", ")", "--":
		return true
	}
	return false
}

// agoGran is the granularity of "N units ago": "two years ago" is a year, "a decade ago" too.
func agoGran(u unit) gran {
	switch u {
	case uDecade, uCentury, uMillennium:
		return gYear
	case uSecond, uMinute, uHour:
		return gDay
	case uFortnight:
		return gWeek
	}
	return granOfUnit(u)
}

// agoPoint resolves "N units ago" from the reference date. In financial news "a year ago"
// after a quarter was reported on means that quarter a year before ("… from $3 million a
// year ago").
func (p *parser) agoPoint(n int, u unit) point {
	if q, ok := p.reportedPeriod(); ok && n == 1 && u == uYear {
		return q.shiftBy(-1, uYear)
	}
	return at(p.ref, agoGran(u)).shiftBy(-n, u)
}

// laterPoint resolves "N units later/earlier" from the last date mentioned (within the last
// few sentences), else from the reference date, keeping the anchor's granularity; "a year
// earlier" after a quarter was reported on is that quarter a year before.
func (p *parser) laterPoint(n int, u unit) point {
	if q, ok := p.reportedPeriod(); ok && n == -1 && u == uYear {
		return q.shiftBy(-1, uYear)
	}
	if p.last.valid() && p.sentence-p.lastSent <= 3 {
		return p.last.shiftBy(n, u)
	}
	return at(p.ref, agoGran(u)).shiftBy(n, u)
}

// ruleBarePlural reads a unit in the plural with no amount, as TimeML marks it: "for years",
// "over the years", "in the days before" → PXY, PXD; "months ago" → PAST_REF. ("In recent
// weeks" is read by ruleVague.)
func ruleBarePlural(p *parser, i int) (match, bool) {
	j := i
	if p.word(j) == "the" {
		switch p.word(j - 1) {
		case "over", "during", "throughout":
			j++
		default:
			return match{}, false
		}
	}
	u, ok := units[p.word(j)]
	if !ok || !u.plural || u.u < uHour || u.u == uWeekend {
		return match{}, false
	}
	if p.word(j+1) == "ago" && j == i { // "just months ago"
		return match{from: i, to: j + 2, typ: TypeDate, value: entente.PastRef, vague: true}, true
	}
	prev := p.word(i - 1)
	switch prev {
	case "for", "in", "within", "after", "over", "than", "the", "during", "throughout", "take", "takes", "took", "last", "lasted":
	default:
		if !(p.punct(j+1) == "-" && p.word(j+2) == "long") {
			return match{}, false
		}
	}
	if p.word(j+1) == "of" || p.word(j+1) == "old" {
		return match{}, false
	}
	to := j + 1
	if p.punct(to) == "-" && p.adjacent(to) && p.word(to+1) == "long" {
		to += 2
	}
	return match{from: i, to: to, typ: TypeDuration, value: durationValue(quantity{vague: true}, u.u)}, true
}

// ruleSetAdverb reads "daily", "weekly", "annually", "quarterly". TimeML marks "daily" and
// "weekly" before a noun too ("his weekly radio address"), but not the financial adjective
// "quarterly" ("its quarterly dividend"), which names a kind of payment or report.
func ruleSetAdverb(p *parser, i int) (match, bool) {
	v, ok := setAdverbs[p.word(i)]
	if !ok || v == "" {
		return match{}, false
	}
	if next := p.word(i + 1); p.word(i) == "quarterly" && next != "" && !p.capital(i+1) && !functionWords[next] {
		return match{}, false
	}
	return match{from: i, to: i + 1, typ: TypeSet, value: v}, true
}

// functionWords are prepositions, conjunctions and auxiliaries: after an adjective-like word
// they show it is not modifying a noun.
var functionWords = map[string]bool{
	"in": true, "at": true, "on": true, "and": true, "or": true, "but": true, "with": true,
	"for": true, "to": true, "as": true, "by": true, "from": true, "since": true, "until": true,
	"through": true, "during": true, "after": true, "before": true, "of": true, "than": true,
	"is": true, "are": true, "was": true, "were": true, "will": true, "would": true, "the": true,
	"a": true, "an": true, "that": true, "which": true, "while": true, "when": true, "if": true,
	"outside": true, "inside": true, "across": true, "around": true, "here": true, "there": true,
}

// ruleEvery reads "every year", "each month", "every two weeks", "every other week",
// "every Monday", "each July", "every summer", "every morning", "once a week",
// "twice a year", "three times a month".
func ruleEvery(p *parser, i int) (match, bool) {
	w := p.word(i)
	if w == "once" || w == "twice" || w == "thrice" {
		return p.frequency(i, i+1, map[string]string{"once": "1X", "twice": "2X", "thrice": "3X"}[w])
	}
	if q, k, ok := p.quantityAt(i); ok && !q.vague && !q.article && p.word(k) == "times" {
		return p.frequency(i, k+1, formatAmount(q.v)+"X")
	}
	if w != "every" && w != "each" {
		return match{}, false
	}
	quant := "EVERY"
	if w == "each" {
		quant = "EACH"
	}
	j := i + 1
	q := quantity{v: 1}
	if p.word(j) == "other" {
		q.v, j = 2, j+1
	} else if q2, k, ok := p.quantityAt(j); ok && !q2.article && !q2.vague {
		q, j = q2, k
	}
	value, k, ok := p.setTarget(j, q)
	if !ok {
		return match{}, false
	}
	return match{from: i, to: k, typ: TypeSet, value: value, quant: quant}, true
}

// frequency finishes "twice a year", "three times a week", "once every two years".
func (p *parser) frequency(from, j int, freq string) (match, bool) {
	switch p.word(j) {
	case "a", "an", "per", "each", "every":
	default:
		return match{}, false
	}
	q := quantity{v: 1}
	k := j + 1
	if p.word(j) == "every" {
		if q2, k2, ok := p.quantityAt(k); ok && !q2.article && !q2.vague {
			q, k = q2, k2
		}
	}
	u, ok := units[p.word(k)]
	if !ok || u.u == uWeekend {
		return match{}, false
	}
	return match{from: from, to: k + 1, typ: TypeSet, value: durationValue(q, u.u), freq: freq}, true
}

// setTarget reads what follows "every"/"each": a unit, weekday, month, season or part of day.
func (p *parser) setTarget(j int, q quantity) (string, int, bool) {
	w := p.word(j)
	if u, ok := units[w]; ok && u.u != uWeekend && (u.plural == (q.v > 1) || q.v == 1 && !u.plural) {
		return durationValue(q, u.u), j + 1, true
	}
	if w == "weekend" {
		return "XXXX-WXX-WE", j + 1, true
	}
	if wd, k, ok := p.weekdayAt(j); ok {
		return "XXXX-WXX-" + isoWeekdayDigit(wd), k, true
	}
	if mon, k, ok := p.monthAt(j); ok && w != "may" && w != "march" || ok && p.capital(j) {
		return "XXXX-" + twoDigits(mon), k, true
	}
	if code, ok := seasons[w]; ok {
		return "XXXX-" + code, j + 1, true
	}
	if pod, ok := partsOfDay[w]; ok && w != "overnight" {
		return "XXXX-XX-XXT" + pod, j + 1, true
	}
	return "", j, false
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
