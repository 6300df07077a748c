package timex

import (
	"time"

	"github.com/entente/entente"
)

// Explicit calendar dates: "26 November 2024", "Nov. 26", "Tuesday, Nov. 26, 2024",
// "2024-11-26", "11/26/2024", "November 2024", ranges such as "25 to 27 November".

// monthAt reads a month name at i ("August", "Aug.", "Aug") and returns the month and the index
// after it. Abbreviations need their full stop or a following number; whether a bare month
// name is a month at all is decided by the caller (see plausibleMonth).
func (p *parser) monthAt(i int) (int, int, bool) {
	w := p.word(i)
	m, ok := months[w]
	if !ok {
		return 0, i, false
	}
	j := i + 1
	if monthAbbrevs[w] {
		if p.punct(j) == "." && p.adjacent(j) {
			return m, j + 1, true
		}
		if p.toks[i].cap && j < len(p.toks) && p.toks[j].kind == tokNum { // "Aug 7"
			return m, j, true
		}
		return 0, i, false
	}
	return m, j, true
}

// monthContext are the words after which a bare month name is surely a month ("in May").
var monthContext = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "of": true, "during": true,
	"from": true, "through": true, "last": true, "next": true, "this": true, "early": true,
	"late": true, "mid": true, "before": true, "after": true, "between": true, "and": true,
	"or": true, "to": true, "around": true, "each": true, "every": true, "that": true,
	"throughout": true, "for": true, "on": true, "starting": true, "beginning": true,
	"ending": true, "end": true, "start": true, "middle": true, "past": true, "coming": true,
	"following": true, "previous": true, "as": true, "into": true, "-": true,
}

// plausibleMonth decides whether the month name at i, not followed by a day or year, is a
// month: "May" and "March" are also verbs, "August" an adjective, "June" a name.
func (p *parser) plausibleMonth(i, next int) bool {
	w := p.word(i)
	prev := p.word(i - 1)
	if prev == "" {
		prev = p.punct(i - 1)
	}
	inContext := monthContext[prev]
	if w == "may" || w == "march" {
		return p.toks[i].cap && inContext
	}
	if monthAbbrevs[w] {
		return p.toks[i].cap && inContext
	}
	if !p.toks[i].cap {
		return inContext
	}
	// "August Busch": a capitalised word after it makes a name, unless the month was introduced
	if !inContext && p.capital(next) && p.word(next) != "" {
		return false
	}
	return true
}

// dayAt reads a day of the month: "7", "07", "7th", "seventh", "twenty-first".
func (p *parser) dayAt(i int) (int, int, bool) {
	if i >= len(p.toks) {
		return 0, i, false
	}
	t := &p.toks[i]
	if t.kind == tokNum {
		if t.ndigits > 2 || t.digits < 1 || t.digits > 31 {
			return 0, i, false
		}
		suffix := t.lower[t.ndigits:]
		switch suffix {
		case "", "st", "nd", "rd", "th":
		default:
			return 0, i, false
		}
		if p.adjacent(i+1) && (p.punct(i+1) == ":" || p.punct(i+1) == ".") && p.pureDigits(i+2) > 0 && p.adjacent(i+2) {
			return 0, i, false // a time or a decimal
		}
		return int(t.digits), i + 1, true
	}
	if v, ok := ordinals[t.lower]; ok && v > 0 {
		return v, i + 1, true
	}
	if t.lower == "twenty" || t.lower == "thirty" {
		j := p.hyphen(i + 1)
		if v, ok := ordinals[p.word(j)]; ok && v > 0 && v < 10 {
			return cardinals[t.lower] + v, j + 1, true
		}
	}
	return 0, i, false
}

// yearAt reads a year: "1998", "'98", "nineteen ninety-eight". Four-digit years must stand
// alone (not "1,998" or "$1998").
func (p *parser) yearAt(i int) (int, int, bool) {
	if p.pureDigits(i) == 4 && p.isolatedNumber(i) {
		y := int(p.toks[i].digits)
		if y >= 1000 && y <= 2199 {
			return y, i + 1, true
		}
		return 0, i, false
	}
	if p.punct(i) == "'" && p.pureDigits(i+1) == 2 && p.adjacent(i+1) && (yearContext[p.word(i-1)] || p.word(i-1) == "fy") {
		y := int(p.toks[i+1].digits)
		return p.twoDigitYear(y), i + 2, true
	}
	return p.yearWordsAt(i)
}

// twoDigitYear expands '98 to the nearest year that is not more than ten years ahead of the
// reference year.
func (p *parser) twoDigitYear(yy int) int {
	century := p.ref.Year / 100 * 100
	y := century + yy
	if y > p.ref.Year+10 {
		y -= 100
	}
	return y
}

// ruleMonthFirst reads dates that begin with a month, optionally after a weekday:
// "Aug. 7", "August 7, 1998", "Tuesday, Nov. 26", "November 2024", "August of 1998",
// "July last year", "November 25-27", "November 25 to 27", and a bare month ("in September").
func ruleMonthFirst(p *parser, i int) (match, bool) {
	j := i
	if p.word(j) == "the" && p.word(j+1) == "month" && p.word(j+2) == "of" { // "the month of October"
		j += 3
	}
	wd, k, hasWD := p.weekdayAt(j)
	if hasWD {
		j = p.comma(k)
	}
	mon, j, ok := p.monthAt(j)
	if !ok {
		return match{}, false
	}
	if day, k, ok := p.dayAt(j); ok && !p.followedByUnit(k) {
		return p.monthDay(i, mon, day, k, wd)
	}
	if hasWD {
		return match{}, false
	}
	return p.monthWithoutDay(i, mon, j)
}

// followedByUnit reports whether token i is a unit or measure word, so that a number before it
// is a count ("March 15 percent", "May 5 years") and not a day.
func (p *parser) followedByUnit(i int) bool {
	w := p.word(i)
	if w == "" {
		return p.punct(i) == "%"
	}
	_, isUnit := units[w]
	return isUnit || w == "percent" || w == "per" || w == "million" || w == "billion"
}

// monthDay finishes "Month Day": an optional range end, an optional year.
func (p *parser) monthDay(from, mon, day, j, wd int) (match, bool) {
	endDay, k, isRange := p.rangeDayEnd(j, mon)
	firstTo, split := 0, 0
	if isRange {
		if p.punct(j) != "-" {
			firstTo, split = j, j+1
		}
		j = k
	}
	y, j2, hasYear := p.yearAfterDay(j)
	if hasYear {
		j = j2
	} else if ry, k, ok := p.relativeYearAfter(j); ok {
		y, j, hasYear = ry, k, true
	}
	if !hasYear {
		dir, strong := p.directionCue(from, j)
		y = p.yearForDay(mon, day, dir, strong && p.governed(from))
		if wd > 0 { // the weekday decides between candidate years
			y = p.yearMatchingWeekday(mon, day, wd, y)
		}
	}
	if !validDay(y, mon, day) {
		return match{}, false
	}
	d := entente.Date{Year: y, Month: time.Month(mon), Day: day}
	m := match{from: from, to: j, typ: TypeDate, value: d.String(), pt: at(d, gDay)}
	if isRange {
		endMon, endD := endDay/100, endDay%100
		if endMon == 0 {
			endMon = mon
		}
		ey := y
		if endMon < mon {
			ey++
		}
		if validDay(ey, endMon, endD) {
			m.end = entente.Date{Year: ey, Month: time.Month(endMon), Day: endD}.String()
			m.firstTo, m.split = firstTo, split
		}
	}
	return m, true
}

// yearAfterDay reads the year after "Month Day": ", 1998" or " 1998".
func (p *parser) yearAfterDay(j int) (int, int, bool) {
	k := p.comma(j)
	if y, k2, ok := p.yearAt(k); ok && (p.toks[min(k, len(p.toks)-1)].kind != tokWord || k == j) {
		return y, k2, true
	}
	if y, k2, ok := p.yearAt(k); ok && p.pureDigits(k) == 0 && p.word(k) != "" {
		return y, k2, true // "January nineteen ninety-seven"
	}
	return 0, j, false
}

// rangeDayEnd reads the end of a day range after "Month Day": "-27", "to 27", "through 27",
// "to December 2". It returns the end as month*100+day (month 0 = same month).
func (p *parser) rangeDayEnd(j, mon int) (int, int, bool) {
	k := p.skipRangeWord(j)
	if k == j {
		return 0, j, false
	}
	if m2, k2, ok := p.monthAt(k); ok {
		if d2, k3, ok := p.dayAt(k2); ok {
			return m2*100 + d2, k3, true
		}
		return 0, j, false
	}
	if d2, k2, ok := p.dayAt(k); ok && !p.followedByUnit(k2) && p.punct(k2) != ":" {
		_, _, isMonth := p.monthAt(k2)
		if !isMonth && (p.word(j) != "and" || !p.countedAfter(k2)) {
			return d2, k2, true
		}
	}
	return 0, j, false
}

// countedAfter reports whether the word at k makes the number before it a count ("April 24
// and 25 delegates"): a lower-case word other than a preposition or conjunction.
func (p *parser) countedAfter(k int) bool {
	w := p.word(k)
	if w == "" || p.capital(k) {
		return false
	}
	switch w {
	case "in", "at", "on", "when", "and", "or", "with", "for", "to", "as", "by", "the", "this",
		"next", "last", "that", "of", "from", "during", "after", "before", "but", "while":
		return false
	}
	return true
}

// monthWithoutDay reads "November 2024", "August of 1998", "July last year", or a bare month.
func (p *parser) monthWithoutDay(from, mon, j int) (match, bool) {
	k := j
	if p.word(k) == "of" || p.punct(k) == "," {
		k++
	}
	if y, k2, ok := p.yearAt(k); ok && (k == j || p.word(j) == "of" || p.pureDigits(k) == 4) {
		return p.monthMatch(from, k2, y, mon), true
	}
	if y, k2, ok := p.relativeYearAfter(j); ok {
		return p.monthMatch(from, k2, y, mon), true
	}
	if !p.plausibleMonth(from, j) {
		return match{}, false
	}
	dir, strong := p.directionCue(from, j)
	y := p.yearForMonth(mon, dir, strong && p.governed(from))
	return p.monthMatch(from, j, y, mon), true
}

func (p *parser) monthMatch(from, to, y, mon int) match {
	d := entente.Date{Year: y, Month: time.Month(mon), Day: 1}
	return match{from: from, to: to, typ: TypeDate, value: at(d, gMonth).String(), pt: at(d, gMonth)}
}

// relativeYearAfter reads a year said relative to now after a month or day: "this year",
// "last year", "next year", "of the following year", "of next year", "the year before".
func (p *parser) relativeYearAfter(j int) (int, int, bool) {
	k := j
	if p.word(k) == "of" {
		k++
	}
	k = p.the(k)
	rel, ok := relatives[p.word(k)]
	if !ok || p.word(k+1) != "year" {
		return 0, j, false
	}
	switch p.word(k) {
	case "following":
		base := p.ref.Year
		if p.last.valid() {
			base = p.last.d.Year
		}
		return base + 1, k + 2, true
	case "previous", "preceding", "prior":
		base := p.ref.Year
		if p.last.valid() {
			base = p.last.d.Year
		}
		return base - 1, k + 2, true
	case "same", "that", "current", "present", "coming", "past":
		if p.word(k) == "coming" {
			return p.ref.Year + 1, k + 2, true
		}
		if p.word(k) == "past" {
			return p.ref.Year - 1, k + 2, true
		}
		if p.word(k) == "that" || p.word(k) == "same" {
			if p.last.valid() {
				return p.last.d.Year, k + 2, true
			}
		}
	}
	return p.ref.Year + rel, k + 2, true
}

// ruleDayFirst reads dates that begin with the day: "26 November 2024", "the 7th of August",
// "7 Aug.", "25-27 November", "25 to 27 November 2024", "Tuesday 26 November".
func ruleDayFirst(p *parser, i int) (match, bool) {
	j := i
	wd, k, hasWD := p.weekdayAt(j)
	if hasWD {
		j = p.comma(k)
	}
	j = p.the(j)
	day, j, ok := p.dayAt(j)
	if !ok {
		return match{}, false
	}
	endDay, firstTo, split := 0, 0, 0
	if k := p.skipRangeWord(j); k != j {
		if d2, k2, ok := p.dayAt(k); ok && d2 > day {
			if _, _, isMonth := p.monthAt(p.of(k2)); isMonth {
				if p.punct(j) != "-" {
					firstTo, split = j, k
				}
				endDay, j = d2, k2
			}
		}
	}
	if p.word(j) == "of" {
		if m, ok := p.dayOfRelativeMonth(i, day, j+1); ok {
			return m, true
		}
		j++
	}
	mon, j, ok := p.monthAt(j)
	if !ok {
		return match{}, false
	}
	m, ok := p.dayMonthYear(i, day, endDay, mon, j, wd)
	if ok && m.end != "" {
		m.firstTo, m.split = firstTo, split
	}
	return m, ok
}

// dayOfRelativeMonth reads "30th of this month", "the 5th of next month".
func (p *parser) dayOfRelativeMonth(from, day, j int) (match, bool) {
	rel, ok := p.relativeAt(j)
	if !ok || rel.anaphora || p.word(j+rel.n) != "month" {
		return match{}, false
	}
	first := entente.Date{Year: p.ref.Year, Month: p.ref.Month, Day: 1}.AddMonths(rel.offset)
	if !validDay(first.Year, int(first.Month), day) {
		return match{}, false
	}
	d := entente.Date{Year: first.Year, Month: first.Month, Day: day}
	return match{from: from, to: j + rel.n + 1, typ: TypeDate, value: d.String(), pt: at(d, gDay)}, true
}

// of skips an "of".
func (p *parser) of(i int) int {
	if p.word(i) == "of" {
		return i + 1
	}
	return i
}

// skipRangeWord skips "-", "to", "through", "until", "and" between two days.
func (p *parser) skipRangeWord(j int) int {
	switch {
	case p.punct(j) == "-":
		return j + 1
	case p.word(j) == "to" || p.word(j) == "through" || p.word(j) == "until" || p.word(j) == "till" || p.word(j) == "and":
		return j + 1
	}
	return j
}

// dayMonthYear finishes a day-first date after the month.
func (p *parser) dayMonthYear(from, day, endDay, mon, j, wd int) (match, bool) {
	y, k, hasYear := p.yearAfterDay(j)
	if hasYear {
		j = k
	} else if ry, k, ok := p.relativeYearAfter(j); ok {
		y, j, hasYear = ry, k, true
	}
	if !hasYear {
		dir, strong := p.directionCue(from, j)
		y = p.yearForDay(mon, day, dir, strong && p.governed(from))
		if wd > 0 {
			y = p.yearMatchingWeekday(mon, day, wd, y)
		}
	}
	if !validDay(y, mon, day) {
		return match{}, false
	}
	d := entente.Date{Year: y, Month: time.Month(mon), Day: day}
	m := match{from: from, to: j, typ: TypeDate, value: d.String(), pt: at(d, gDay)}
	if endDay > 0 && validDay(y, mon, endDay) && endDay > day {
		m.end = entente.Date{Year: y, Month: time.Month(mon), Day: endDay}.String()
	}
	return m, true
}

// ruleNumericDate reads "2024-11-26", "2024/11/26", "26/11/2024", "11/26/2024", "26.11.2024"
// (day first unless the first number cannot be a day-of-month or the second cannot be a month).
func ruleNumericDate(p *parser, i int) (match, bool) {
	a, b, c := i, i+2, i+4
	sep := p.punct(i + 1)
	if (sep != "-" && sep != "/" && sep != ".") || p.punct(i+3) != sep ||
		!p.adjacent(i+1) || !p.adjacent(b) || !p.adjacent(i+3) || !p.adjacent(c) {
		return match{}, false
	}
	na, nb, nc := p.pureDigits(a), p.pureDigits(b), p.pureDigits(c)
	if na == 0 || nb == 0 || nc == 0 || nb > 2 {
		return match{}, false
	}
	va, vb, vc := int(p.toks[a].digits), int(p.toks[b].digits), int(p.toks[c].digits)
	var y, m, d int
	switch {
	case na == 4 && nc <= 2:
		y, m, d = va, vb, vc
	case nc == 4 && na <= 2:
		y, m, d = vc, vb, va
		if sep == "/" && va <= 12 && vb > 12 { // American month/day/year
			m, d = va, vb
		}
	case nc == 2 && na <= 2 && sep != "-":
		y, m, d = p.twoDigitYear(vc), vb, va
		if sep == "/" && va <= 12 && vb > 12 {
			m, d = va, vb
		}
	default:
		return match{}, false
	}
	if !validDay(y, m, d) || (p.adjacent(c+1) && p.punct(c+1) != "," && p.punct(c+1) != "." && p.punct(c+1) != ")") {
		return match{}, false
	}
	dt := entente.Date{Year: y, Month: time.Month(m), Day: d}
	return match{from: i, to: c + 1, typ: TypeDate, value: dt.String(), pt: at(dt, gDay)}, true
}

// governed reports whether the clause's verb surely dates the expression at from: the
// caller forced a direction, or a preposition of time ties the date to the verb ("met in
// September", "signed on 5 January"), unlike "by May" or "until mid-November", which name
// a limit and are read as the nearest such date.
func (p *parser) governed(from int) bool {
	if p.forceDir != 0 {
		return true
	}
	k := from - 1
	if p.punct(k) == "-" && (p.word(k-1) == "mid" || p.word(k-1) == "early" || p.word(k-1) == "late") {
		k -= 2
	} else if w := p.word(k); w == "early" || w == "late" || w == "mid" {
		k--
	}
	switch p.word(k) {
	case "in", "on", "during", "since", "for":
		return true
	}
	return false
}

// yearForMonth picks the year of a month named without one: the nearest such month in the
// direction the clause's tense gives, or the nearest at all when the tense says nothing or
// does not govern the month and the nearest is within three months.
func (p *parser) yearForMonth(mon, dir int, governed bool) int {
	ref := p.ref
	rm := int(ref.Month)
	back := (rm - mon + 12) % 12 // months since the last such month (0: this month)
	ahead := (mon - rm + 12) % 12
	prevYear, nextYear := ref.Year, ref.Year
	if mon > rm {
		prevYear--
	}
	if mon < rm {
		nextYear++
	}
	switch {
	case governed && dir < 0:
		return prevYear
	case governed && dir > 0:
		return nextYear
	case back <= 3 && ahead >= 9:
		return prevYear // a limit or a loose mention is the nearest such month
	case ahead <= 3 && back >= 9:
		return nextYear
	case dir < 0:
		return prevYear
	case dir > 0, back > 6:
		return nextYear
	}
	return prevYear
}

// yearForDay picks the year of a month and day named without one: the nearest such day in the
// direction of the clause's tense, or the nearest at all when the tense says nothing. Unless
// the tense governs the date (the caller forced a direction, or the clause's own verb dates it
// through "on": "signed on 5 January"), a day within six weeks of the reference date is taken
// whatever the tense: "extended the offer to Nov. 20", reported after the fact, is still this
// November.
func (p *parser) yearForDay(mon, day, dir int, governed bool) int {
	ref := p.ref
	prev, next := 0, 0
	prevDist, nextDist := 1<<30, 1<<30
	for y := ref.Year - 1; y <= ref.Year+1; y++ {
		if !validDay(y, mon, day) {
			continue
		}
		dist := entente.Date{Year: y, Month: time.Month(mon), Day: day}.DaysSince(ref)
		if dist <= 0 && -dist < prevDist {
			prev, prevDist = y, -dist
		}
		if dist >= 0 && dist < nextDist {
			next, nextDist = y, dist
		}
	}
	switch {
	case prev == 0:
		return next
	case next == 0:
		return prev
	case governed && dir < 0:
		return prev
	case governed && dir > 0:
		return next
	case prevDist <= 45 && nextDist > 180 || dir < 0 && !(nextDist <= 45 && prevDist > 180):
		return prev
	case nextDist <= 45 && prevDist > 180 || dir > 0:
		return next
	case nextDist < prevDist:
		return next
	}
	return prev
}

// yearMatchingWeekday prefers, among the year before, the guessed year and the one after, the
// year in which month/day falls on the weekday the text gives ("Friday, Oct. 13").
func (p *parser) yearMatchingWeekday(mon, day, wd, guess int) int {
	for _, y := range []int{guess, guess - 1, guess + 1} {
		if validDay(y, mon, day) && int(entente.Date{Year: y, Month: time.Month(mon), Day: day}.Weekday()) == wd-1 {
			return y
		}
	}
	return guess
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
