package timex

import (
	"strings"
	"time"

	"github.com/entente/entente"
)

// Expressions relative to the reference date or to the last date mentioned: weekdays, "today",
// "last week", "next month", "this summer", "the following year", and the vague "now",
// "recently", "soon", "the future".

// weekdayAt reads a weekday name at i ("Tuesday", "Tues.") and returns its time.Weekday plus
// one and the index after it. Abbreviations need a capital and their full stop, since "sat",
// "sun" and "wed" are other words.
func (p *parser) weekdayAt(i int) (int, int, bool) {
	w := p.word(i)
	wd, ok := weekdays[w]
	if !ok {
		return 0, i, false
	}
	j := i + 1
	if len(w) <= 5 { // an abbreviation: every full name is longer
		if !p.toks[i].cap || p.punct(j) != "." || !p.adjacent(j) {
			return 0, i, false
		}
		j++
	}
	return wd, j, true
}

// possessive skips a "'s" glued to the previous token ("Friday's", "today's").
func (p *parser) possessive(j int) int {
	if p.punct(j) == "'" && p.adjacent(j) && p.word(j+1) == "s" && p.adjacent(j+1) {
		return j + 2
	}
	return j
}

// weekdayDate resolves a bare weekday: the one on or before the reference date in a past
// clause (or when the tense says nothing, as news mostly reports), on or after it in a future
// one (news published on a Tuesday saying "will meet Tuesday" means that day). When the
// caller forces the future (ResolveEventDate for a planned event), it is the next such day
// after the reference date.
func (p *parser) weekdayDate(wd, dir int) entente.Date {
	target := time.Weekday(wd - 1)
	if p.forceDir > 0 { // a roadmap's planned event "on Tuesday" is not today
		return weekdayOnOrAfter(p.ref.AddDays(1), target)
	}
	if dir > 0 {
		return weekdayOnOrAfter(p.ref, target)
	}
	return weekdayOnOrBefore(p.ref, target)
}

// ruleWeekday reads "Tuesday", "Tuesday morning", "Friday night", "Mondays" (a set).
func ruleWeekday(p *parser, i int) (match, bool) {
	if wd, ok := weekdayPlurals[p.word(i)]; ok && p.capital(i) {
		return match{from: i, to: i + 1, typ: TypeSet, value: "XXXX-WXX-" + isoWeekdayDigit(wd)}, true
	}
	wd, j, ok := p.weekdayAt(i)
	if !ok {
		return match{}, false
	}
	d := p.weekdayDate(wd, p.direction(i, j))
	if pod, ok := partsOfDay[p.word(j)]; ok && p.word(j) != "overnight" {
		pt := point{g: gPartOfDay, d: d, pod: pod}
		return match{from: i, to: j + 1, typ: TypeTime, value: pt.String(), pt: pt}, true
	}
	if pod, ok := partsOfDay[strings.TrimSuffix(p.word(j), "s")]; ok && strings.HasSuffix(p.word(j), "s") {
		return match{from: i, to: j + 1, typ: TypeSet, value: "XXXX-WXX-" + isoWeekdayDigit(wd) + "T" + pod}, true
	}
	return match{from: i, to: j, typ: TypeDate, value: d.String(), pt: at(d, gDay)}, true
}

// isoWeekdayDigit returns the ISO weekday number (Monday = 1 … Sunday = 7) of a weekdays entry.
func isoWeekdayDigit(wd int) string {
	n := wd - 1
	if n == 0 {
		n = 7
	}
	return string(rune('0' + n))
}

// ruleDeictic reads "today", "tonight", "tomorrow", "yesterday", "the day before yesterday",
// "the day after tomorrow", "this morning", "yesterday afternoon", "last night".
func ruleDeictic(p *parser, i int) (match, bool) {
	j := i
	offset := 0
	switch {
	case p.word(j) == "the" && p.word(j+1) == "day" && p.word(j+2) == "before" && p.word(j+3) == "yesterday":
		offset, j = -2, j+4
	case p.word(j) == "the" && p.word(j+1) == "day" && p.word(j+2) == "after" && p.word(j+3) == "tomorrow":
		offset, j = 2, j+4
	case p.word(j) == "today" || p.word(j) == "tonight":
		j++
	case p.word(j) == "yesterday":
		offset, j = -1, j+1
	case p.word(j) == "tomorrow":
		offset, j = 1, j+1
	case p.word(j) == "this" || p.word(j) == "last":
		return p.thisPartOfDay(i)
	default:
		return match{}, false
	}
	d := p.ref.AddDays(offset)
	if p.word(i) == "tonight" {
		pt := point{g: gPartOfDay, d: d, pod: "NI"}
		return match{from: i, to: j, typ: TypeTime, value: pt.String(), pt: pt}, true
	}
	if pod, ok := partsOfDay[p.word(j)]; ok && p.word(j) != "overnight" {
		pt := point{g: gPartOfDay, d: d, pod: pod}
		return match{from: i, to: j + 1, typ: TypeTime, value: pt.String(), pt: pt}, true
	}
	return match{from: i, to: j, typ: TypeDate, value: d.String(), pt: at(d, gDay)}, true
}

// thisPartOfDay reads "this morning", "this afternoon", "this evening", "last night",
// "last evening".
func (p *parser) thisPartOfDay(i int) (match, bool) {
	pod, ok := partsOfDay[p.word(i+1)]
	if !ok || p.word(i+1) == "overnight" {
		return match{}, false
	}
	d := p.ref
	if p.word(i) == "last" {
		if pod != "NI" && pod != "EV" {
			return match{}, false
		}
		d = d.AddDays(-1)
	}
	pt := point{g: gPartOfDay, d: d, pod: pod}
	return match{from: i, to: i + 2, typ: TypeTime, value: pt.String(), pt: pt}, true
}

// ruleAnaphoricPartOfDay reads "that morning", "that night", "the same evening" against the last
// day mentioned, and "the morning" after "in" or "during".
func ruleAnaphoricPartOfDay(p *parser, i int) (match, bool) {
	j := i
	switch {
	case p.word(j) == "that":
		j++
	case p.word(j) == "the" && p.word(j+1) == "same":
		j += 2
	case p.word(j) == "the" && (p.word(j-1) == "in" || p.word(j-1) == "during") && p.word(j+2) != "of":
		j++
	default:
		return match{}, false
	}
	pod, ok := partsOfDay[p.word(j)]
	if !ok || p.word(j) == "overnight" {
		return match{}, false
	}
	d := p.anchorDay()
	pt := point{g: gPartOfDay, d: d, pod: pod}
	return match{from: i, to: j + 1, typ: TypeTime, value: pt.String(), pt: pt}, true
}

// ruleDayBefore reads "the day before" and "the day after" ending a clause or followed by a
// coordinated verb phrase ("arrived the day before and attended a forum"): the day before or
// after the last day mentioned.
func ruleDayBefore(p *parser, i int) (match, bool) {
	if p.word(i) != "the" || p.word(i+1) != "day" || !p.clauseEnds(i+3) && !p.coordinationAt(i+3) {
		return match{}, false
	}
	offset := 0
	switch p.word(i + 2) {
	case "before":
		offset = -1
	case "after":
		offset = 1
	default:
		return match{}, false
	}
	d := p.anchorDay().AddDays(offset)
	return match{from: i, to: i + 3, typ: TypeDate, value: d.String(), pt: at(d, gDay)}, true
}

// coordinationAt reports whether "and" or "but" at i joins a new verb phrase or clause, not a
// noun to the one before ("the day before and attended", not "the day before and the day
// after").
func (p *parser) coordinationAt(i int) bool {
	if w := p.word(i); w != "and" && w != "but" {
		return false
	}
	switch p.word(i + 1) {
	case "the", "a", "an", "day", "after", "before", "":
		return false
	}
	return true
}

// ruleModifiedPartOfDay reads a bare part of the day after "mid", "early" or "late" (which the
// modifier adds to the extent): "mid-afternoon", "late evening", "mid-afternoon yesterday".
func ruleModifiedPartOfDay(p *parser, i int) (match, bool) {
	pod, ok := partsOfDay[p.word(i)]
	if !ok || p.word(i) == "overnight" {
		return match{}, false
	}
	prev := p.word(i - 1)
	if p.punct(i-1) == "-" {
		prev = p.word(i - 2)
	}
	if prev != "mid" && prev != "early" && prev != "late" {
		return match{}, false
	}
	d, to := p.anchorDay(), i+1
	if day, k, ok := p.dayAfterTime(to); ok && k == to+1 {
		d, to = day, k
	}
	pt := point{g: gPartOfDay, d: d, pod: pod}
	return match{from: i, to: to, typ: TypeTime, value: pt.String(), pt: pt}, true
}

// anchorDay is the day a bare time or "that night" refers to: the last day mentioned in this
// or the previous sentence, else the reference date.
func (p *parser) anchorDay() entente.Date {
	if p.lastDay.valid() && p.sentence-p.lastSent <= 2 {
		return p.lastDay.d
	}
	return p.ref
}

// anchor is the period an anaphoric expression ("that year", "two weeks later") refers to:
// the last date mentioned, else the reference date at granularity g.
func (p *parser) anchor(g gran) point {
	if p.last.valid() {
		return p.last
	}
	return at(p.ref, g)
}

// relativeWord describes the word before a calendar unit in "last week", "the following
// year", "this past summer": the offset and whether it counts from the last date mentioned.
type relativeWord struct {
	offset   int
	anaphora bool // "the following year", "that week": counts from the last date mentioned
	n        int  // tokens read
}

// relativeAt reads "this", "last", "next", "past", "coming", "current", "this past",
// "this coming", "the following", "the previous", "the same", "that".
func (p *parser) relativeAt(i int) (relativeWord, bool) {
	w, w1 := p.word(i), p.word(i+1)
	switch {
	case w == "this" && (w1 == "past" || w1 == "last"):
		return relativeWord{offset: -1, n: 2}, true
	case w == "this" && (w1 == "coming" || w1 == "next"):
		return relativeWord{offset: 1, n: 2}, true
	case w == "this" || w == "current" || w == "present":
		return relativeWord{n: 1}, true
	case w == "last" || w == "past":
		return relativeWord{offset: -1, n: 1}, true
	case w == "next" || w == "coming":
		return relativeWord{offset: 1, n: 1}, true
	case w == "that" || w == "same":
		return relativeWord{anaphora: true, n: 1}, true
	case w == "following" || w == "subsequent":
		return relativeWord{offset: 1, anaphora: true, n: 1}, true
	case w == "previous" || w == "preceding" || w == "prior":
		return relativeWord{offset: -1, anaphora: true, n: 1}, true
	case w == "latest" && p.word(i-1) == "the":
		return relativeWord{offset: -1, n: 1}, true
	}
	return relativeWord{}, false
}

// ruleRelativeUnit reads a calendar unit, month, season or weekday after a relative word:
// "last week", "next month", "this year", "the following year", "the same day", "last April",
// "next Friday", "this summer", "the current fiscal year", "this week's".
func ruleRelativeUnit(p *parser, i int) (match, bool) {
	j := i
	hasThe := p.word(j) == "the"
	j = p.the(j)
	rel, ok := p.relativeAt(j)
	if !ok {
		return match{}, false
	}
	if hasThe && !rel.anaphora && p.word(j) != "current" && p.word(j) != "past" && p.word(j) != "last" &&
		p.word(j) != "coming" && p.word(j) != "next" && p.word(j) != "present" && p.word(j) != "same" &&
		p.word(j) != "latest" {
		return match{}, false
	}
	if hasThe && (p.word(j) == "next" || p.word(j) == "last" || p.word(j) == "past") {
		rel.anaphora = p.word(j) == "next" && p.last.valid() && p.sentence-p.lastSent <= 1
	}
	j += rel.n
	m, ok := p.relativeTarget(i, j, rel)
	if !ok {
		return match{}, false
	}
	return m, true
}

// relativeTarget resolves what follows the relative word at j.
func (p *parser) relativeTarget(from, j int, rel relativeWord) (match, bool) {
	if p.word(j) == "fiscal" && p.word(j+1) == "year" {
		j++
	}
	if wd, k, ok := p.weekdayAt(j); ok {
		return p.relativeWeekday(from, k, wd, rel), true
	}
	if mon, k, ok := p.monthAt(j); ok && (p.capital(j) || p.word(j) != "may" && p.word(j) != "march") {
		if day, k2, ok := p.dayAt(k); ok && validDay(2000, mon, day) {
			return p.relativeMonthDay(from, k2, mon, day, rel), true
		}
		return p.relativeMonth(from, k, mon, rel), true
	}
	if code, ok := seasons[p.word(j)]; ok {
		return p.relativeSeason(from, j+1, code, rel), true
	}
	if m, ok := ruleHoliday(p, j); ok && !rel.anaphora { // "last Thanksgiving", "next Christmas"
		if rel.offset != 0 {
			m.pt.d = p.holidayDay(m.pt.d, rel.offset)
			m.value = m.pt.d.String()
		}
		m.from = from
		return m, true
	}
	if pod, ok := partsOfDay[p.word(j)]; ok && rel.anaphora && p.word(j) != "overnight" {
		pt := point{g: gPartOfDay, d: p.anchorDay().AddDays(rel.offset), pod: pod} // "the next morning"
		return match{from: from, to: j + 1, typ: TypeTime, value: pt.String(), pt: pt}, true
	}
	u, ok := units[p.word(j)]
	if !ok || u.plural || u.u < uDay && u.u != uNone {
		return match{}, false
	}
	if (u.u == uDecade || u.u == uCentury) && rel.offset < 0 && p.word(from) == "the" {
		return match{from: from, to: j + 1, typ: TypeDuration, value: durationValue(quantity{v: 1}, u.u)}, true
	}
	g := granOfUnit(u.u)
	base := at(p.ref, g)
	if rel.anaphora {
		base = p.anchor(g).coarsen(g)
		if p.anchor(g).g < g {
			base = p.anchor(g) // "that day" after "1998": keep what is known
		}
		if same := p.lastOf[g]; same.valid() && rel.offset != 0 && p.sentence-p.lastOfSent[g] <= 1 {
			base = same // "inflation fell in January … from the previous month"
		}
	}
	pt := base.shift(rel.offset)
	if g == gWeekend {
		pt = p.weekendPoint(rel)
	}
	m := match{from: from, to: j + 1, typ: TypeDate, value: pt.String(), pt: pt}
	return m, true
}

// weekendPoint resolves "this weekend", "last weekend", "next weekend".
func (p *parser) weekendPoint(rel relativeWord) point {
	d := p.ref
	switch {
	case rel.offset < 0:
		d = weekdayOnOrBefore(d.AddDays(-1), time.Saturday)
	case rel.offset > 0:
		d = weekdayOnOrAfter(d.AddDays(1), time.Saturday)
		if p.ref.Weekday() == time.Sunday || p.ref.Weekday() == time.Saturday {
			d = d.AddDays(7)
		}
	default:
		if p.ref.Weekday() == time.Sunday {
			d = d.AddDays(-1)
		} else {
			d = weekdayOnOrAfter(d, time.Saturday)
		}
	}
	return point{g: gWeekend, d: d}
}

// relativeWeekday resolves "last Friday", "next Tuesday", "this Sunday", "the following Monday".
func (p *parser) relativeWeekday(from, to, wd int, rel relativeWord) match {
	target := time.Weekday(wd - 1)
	base := p.ref
	if rel.anaphora {
		base = p.anchorDay()
	}
	var d entente.Date
	switch {
	case rel.offset < 0:
		d = weekdayOnOrBefore(base.AddDays(-1), target)
	case rel.offset > 0:
		d = weekdayOnOrAfter(base.AddDays(1), target)
	default:
		d = p.weekdayDate(wd, p.direction(from, to))
	}
	if pod, ok := partsOfDay[p.word(to)]; ok && p.word(to) != "overnight" {
		pt := point{g: gPartOfDay, d: d, pod: pod}
		return match{from: from, to: to + 1, typ: TypeTime, value: pt.String(), pt: pt}
	}
	return match{from: from, to: to, typ: TypeDate, value: d.String(), pt: at(d, gDay)}
}

// relativeMonthDay resolves "last Oct. 23", "next March 5", "this May 1".
func (p *parser) relativeMonthDay(from, to, mon, day int, rel relativeWord) match {
	dir, strong := rel.offset, true
	if dir == 0 {
		dir, strong = p.directionCue(from, to)
	}
	y := p.yearForDay(mon, day, dir, strong)
	if !validDay(y, mon, day) {
		y = p.ref.Year
	}
	d := entente.Date{Year: y, Month: time.Month(mon), Day: day}
	return match{from: from, to: to, typ: TypeDate, value: d.String(), pt: at(d, gDay)}
}

// ruleTheWeekend reads "the weekend": the last one in a past clause (or when the tense says
// nothing), the next one in a future clause.
func ruleTheWeekend(p *parser, i int) (match, bool) {
	if p.word(i) != "the" || p.word(i+1) != "weekend" {
		return match{}, false
	}
	dir := p.direction(i, i+2)
	if dir == 0 {
		dir = -1
	}
	pt := p.weekendPoint(relativeWord{offset: dir})
	return match{from: i, to: i + 2, typ: TypeDate, value: pt.String(), pt: pt}, true
}

// relativeMonth resolves "last April", "next February", "this September".
func (p *parser) relativeMonth(from, to, mon int, rel relativeWord) match {
	y := p.ref.Year
	rm := int(p.ref.Month)
	switch {
	case rel.offset < 0 && mon >= rm:
		y--
	case rel.offset > 0 && mon <= rm:
		y++
	case rel.offset == 0 && rel.anaphora && p.last.valid():
		y = p.last.d.Year
	}
	return p.monthMatch(from, to, y, mon)
}

// seasonOrder numbers the seasons inside a season year: winter Y runs from December of Y.
var seasonOrder = map[string]int{"SP": 0, "SU": 1, "FA": 2, "WI": 3}

// seasonIndex numbers seasons consecutively: year*4 + order.
func seasonIndex(y int, code string) int { return y*4 + seasonOrder[code] }

// seasonAt returns the season of index k.
func seasonAt(k int) point {
	codes := [4]string{"SP", "SU", "FA", "WI"}
	return seasonPoint(floorDiv(k, 4), codes[k-floorDiv(k, 4)*4])
}

// mod4 returns x modulo 4 in 0–3, also for negative x.
func mod4(x int) int { return (x%4 + 4) % 4 }

// relativeSeason resolves "last summer", "this fall", "next spring", "this past winter": last
// and next never mean the current season; this means the nearest one, ties broken by tense.
func (p *parser) relativeSeason(from, to int, code string, rel relativeWord) match {
	cy, cc := seasonCode(p.ref)
	cur := seasonIndex(cy, cc)
	var k int
	switch {
	case rel.anaphora && rel.offset == 0 && p.last.valid():
		k = seasonIndex(p.last.d.Year, code)
	case rel.offset < 0:
		k = cur - 1 - mod4(cur-1-seasonOrder[code])
	case rel.offset > 0:
		k = cur + 1 + mod4(seasonOrder[code]-cur-1)
	default:
		k = p.nearestSeason(from, to, cur, code)
	}
	pt := seasonAt(k)
	return match{from: from, to: to, typ: TypeDate, value: pt.String(), pt: pt}
}

// nearestSeason picks the season a bare "in the summer" names: the current one if it is that
// season; else the last or the next one as the tense of a verb tied to it says ("met in the
// fall", "will meet in the fall"); else the nearer of the two, ties broken by any tense cue.
func (p *parser) nearestSeason(from, to, cur int, code string) int {
	back := cur - mod4(cur-seasonOrder[code])
	fwd := cur + mod4(seasonOrder[code]-cur)
	dir, strong := p.directionCue(from, to)
	switch {
	case back == cur:
		return cur
	case strong && p.governed(from) && dir != 0:
		if dir < 0 {
			return back
		}
		return fwd
	case fwd-cur < cur-back || fwd-cur == cur-back && dir > 0:
		return fwd
	}
	return back
}

// ruleVague reads "now", "currently", "current", "recently", "recent", "previously", "soon",
// "the past", "the future", "the near future", "at present", "these days", "recent years",
// "the coming weeks", "the years ahead".
func ruleVague(p *parser, i int) (match, bool) {
	w := p.word(i)
	vague := func(to int, value string) (match, bool) {
		return match{from: i, to: to, typ: TypeDate, value: value, vague: true}, true
	}
	switch {
	case w == "current" && (p.word(i+1) == "account" || p.word(i+1) == "affairs" || p.word(i+1) == "events"):
		return match{}, false
	case presentWords[w]:
		return vague(i+1, entente.PresentRef)
	case w == "these" && p.word(i+1) == "days":
		return vague(i+2, entente.PresentRef)
	case w == "recent" && units[p.word(i+1)].plural:
		return p.recentUnits(i)
	case pastWords[w]:
		return vague(i+1, entente.PastRef)
	case futureWords[w]:
		if p.word(i-1) == "as" || p.word(i+1) == "after" || p.word(i+1) == "afterwards" {
			return match{}, false // "as soon as", "soon after": a conjunction, a relation
		}
		return vague(i+1, entente.FutureRef)
	case w == "more" && p.word(i+1) == "recently":
		return vague(i+2, entente.PastRef)
	case w == "as" && p.word(i+1) == "soon" && p.word(i+2) == "as" && p.word(i+3) == "possible":
		return vague(i+4, entente.FutureRef)
	case w == "the":
		return p.theVague(i)
	case w == "coming" && units[p.word(i+1)].plural:
		return vague(i+2, entente.FutureRef)
	case w == "past" && units[p.word(i+1)].plural && units[p.word(i+1)].u >= uYear && p.word(i-1) != "the":
		return vague(i+2, entente.PastRef)
	case w == "a" && (p.word(i+1) == "later" || p.word(i+1) == "future") && p.word(i+2) == "date":
		return vague(i+3, entente.FutureRef)
	}
	return match{}, false
}

// recentUnits reads "recent years" (PAST_REF, as TimeML annotates it) and "recent weeks",
// "recent months" (an unspecified duration).
func (p *parser) recentUnits(i int) (match, bool) {
	u := units[p.word(i+1)].u
	if u >= uYear {
		return match{from: i, to: i + 2, typ: TypeDate, value: entente.PastRef, vague: true}, true
	}
	return match{from: i, to: i + 2, typ: TypeDuration, value: durationValue(quantity{vague: true}, u)}, true
}

// theVague reads the vague phrases that start with "the".
func (p *parser) theVague(i int) (match, bool) {
	w1, w2 := p.word(i+1), p.word(i+2)
	vague := func(to int, value string) (match, bool) {
		return match{from: i, to: to, typ: TypeDate, value: value, vague: true}, true
	}
	switch {
	case w1 == "past" && (w2 == "" || !isQuantityWord(w2) && units[w2].u == uNone && w2 != "few" && w2 != "several"):
		return vague(i+2, entente.PastRef)
	case w1 == "recent" && w2 == "past":
		return vague(i+3, entente.PastRef)
	case w1 == "future":
		return vague(i+2, entente.FutureRef)
	case (w1 == "near" || w1 == "foreseeable" || w1 == "distant") && w2 == "future":
		return vague(i+3, entente.FutureRef)
	case (w1 == "near" || w1 == "short") && w2 == "term":
		return vague(i+3, entente.FutureRef)
	case w1 == "present" && units[w2].u == uNone:
		return vague(i+2, entente.PresentRef)
	case w1 == "coming" && units[w2].plural:
		return vague(i+3, entente.FutureRef)
	case units[w1].plural && (w2 == "ahead" || w2 == "to") && (w2 == "ahead" || p.word(i+3) == "come"):
		if w2 == "to" {
			return vague(i+4, entente.FutureRef)
		}
		return vague(i+3, entente.FutureRef)
	}
	return match{}, false
}

// isQuantityWord reports whether w can start an amount ("two", "18" is not a word).
func isQuantityWord(w string) bool {
	_, ok := cardinals[w]
	return ok || vagueQuantities[w] || w == "a" || w == "an" || w == "couple"
}
