package timex

import (
	"time"

	"github.com/entente/entente"
)

// Years and longer or named periods: "1998", "fiscal 1989", "FY2024-25", "the 1990s",
// "the 20th century", "the third quarter of 1990", "third-quarter", "the first half",
// "the summer of 1998", "Christmas", "year-end".

// yearContext are words before which a number from 1000 to 1899 (or after 2099) is a year.
var yearContext = map[string]bool{
	"in": true, "since": true, "from": true, "of": true, "until": true, "by": true,
	"before": true, "after": true, "around": true, "circa": true, "year": true, "early": true,
	"late": true, "mid": true, "during": true, "through": true, "to": true, "and": true,
	"summer": true, "winter": true, "spring": true, "autumn": true, "fall": true,
}

// notYearBefore are words after which a four-digit number is a count or an identifier.
var notYearBefore = map[string]bool{
	"no": true, "number": true, "resolution": true, "flight": true, "route": true,
	"highway": true, "article": true, "section": true, "chapter": true, "paragraph": true,
	"page": true, "pages": true, "room": true, "suite": true, "box": true, "code": true,
	"model": true, "version": true, "item": true, "vol": true, "volume": true, "unit": true,
	"order": true, "decree": true, "bill": true, "gate": true, "platform": true, "tel": true,
	"phone": true, "fax": true, "ext": true, "iso": true, "pin": true, "boeing": true,
	"airbus": true, "about": true, "nearly": true, "almost": true, "some": true, "over": true,
	"than": true, "approximately": true, "roughly": true, "only": true, "just": true,
	"ref": true, "bus": true, "train": true, "apollo": true,
}

// notYearAfter are words after which a four-digit number is a count ("1998 people").
var notYearAfter = map[string]bool{
	"percent": true, "per": true, "people": true, "troops": true, "soldiers": true, "men": true,
	"women": true, "children": true, "residents": true, "cases": true, "votes": true,
	"points": true, "dollars": true, "euros": true, "rupees": true, "tonnes": true, "tons": true,
	"km": true, "miles": true, "kilometres": true, "kilometers": true, "metres": true,
	"meters": true, "feet": true, "acres": true, "hectares": true, "units": true, "shares": true,
	"barrels": true, "yen": true, "pounds": true, "rubles": true, "roubles": true, "jobs": true,
	"members": true, "deaths": true, "times": true, "seats": true, "cars": true, "vehicles": true,
	"words": true, "kg": true, "mw": true, "kw": true, "gw": true, "households": true,
	"families": true, "companies": true, "firms": true, "students": true, "employees": true,
	"workers": true, "delegates": true, "participants": true, "hours": true, "days": true,
	"weeks": true, "months": true, "years": true, "million": true, "billion": true,
	"projects": true, "items": true, "pieces": true, "copies": true, "patients": true,
	"visitors": true, "tourists": true, "refugees": true, "prisoners": true,
}

// ruleYear reads a year on its own, with its era or in words: "1998", "2030", "1066 AD",
// "the year 2000", "the year two thousand", "nineteen ninety-six", "1990 and beyond",
// "1994 or later", and year ranges "2020-2025", "2024-25".
func ruleYear(p *parser, i int) (match, bool) {
	j := i
	theYear := p.word(j) == "the" && p.word(j+1) == "year"
	if theYear {
		j += 2
	}
	y, k, ok := p.yearAt(j)
	if !ok || !p.plausibleYear(j, y, k, theYear) {
		return match{}, false
	}
	if w := p.word(k); w == "ad" || w == "bc" || w == "ce" || w == "bce" {
		if w == "bc" || w == "bce" {
			return match{}, false
		}
		k++
	}
	d := entente.Date{Year: y, Month: 7, Day: 1}
	m := match{from: i, to: k, typ: TypeDate, value: at(d, gYear).String(), pt: at(d, gYear)}
	if e, k2, ok := p.yearRangeEnd(k, y); ok {
		m.end, m.to = e, k2
	}
	switch {
	case p.word(m.to) == "and" && p.word(m.to+1) == "beyond", p.word(m.to) == "or" && p.word(m.to+1) == "later":
		m.mod, m.to = entente.ModOnOrAfter, m.to+2
	case p.word(m.to) == "or" && p.word(m.to+1) == "earlier":
		m.mod, m.to = entente.ModOnOrBefore, m.to+2
	}
	return m, true
}

// plausibleYear decides whether the number y at i (ending before k) is a year.
func (p *parser) plausibleYear(i, y, k int, introduced bool) bool {
	if p.pureDigits(i) == 0 { // in words: "two thousand" is more often a count than a year
		return introduced || yearContext[p.word(i-1)] || p.word(i) != "two" && !notYearAfter[p.word(k)]
	}
	prev := p.word(i - 1)
	if notYearBefore[prev] || notYearAfter[p.word(k)] || p.punct(k) == "%" {
		return false
	}
	if p.punct(i-1) == "-" && p.pureDigits(i-2) > 0 {
		return false // the end of a range handled by yearRangeEnd, or "10-2000"
	}
	if y >= 1900 && y <= 2099 || introduced {
		return true
	}
	w := p.word(k)
	return yearContext[prev] || w == "ad" || w == "bc" || w == "ce"
}

// yearRangeEnd reads "-2025", "-25", "to 2025", "through 2025" after a year.
func (p *parser) yearRangeEnd(k, y int) (string, int, bool) {
	j := k
	switch {
	case p.punct(j) == "-" || p.punct(j) == "/":
		j++
	case p.word(j) == "to" || p.word(j) == "through" || p.word(j) == "until":
		j++
	default:
		return "", k, false
	}
	if p.pureDigits(j) == 4 {
		e := int(p.toks[j].digits)
		if e > y && e-y <= 100 && p.isolatedNumber(j) {
			return entente.Date{Year: e, Month: 7, Day: 1}.String()[:4], j + 1, true
		}
		return "", k, false
	}
	if p.pureDigits(j) == 2 && p.adjacent(j) && (p.punct(j-1) == "-" || p.punct(j-1) == "/") && p.isolatedNumber(j) {
		e := y/100*100 + int(p.toks[j].digits)
		if e == y+1 {
			return entente.Date{Year: e, Month: 7, Day: 1}.String()[:4], j + 1, true
		}
	}
	return "", k, false
}

// ruleFiscalYear reads "fiscal 1989", "the fiscal year 1989", "FY2024", "FY 2024-25",
// "fiscal 2024-25", "the 2024-25 fiscal year". The value is the calendar year the fiscal year
// is named by; a split year ("2024-25") is a range of its two calendar years.
func ruleFiscalYear(p *parser, i int) (match, bool) {
	j := p.the(i)
	switch {
	case p.word(j) == "fiscal" && p.word(j+1) == "year":
		j += 2
	case p.word(j) == "fiscal" || p.word(j) == "fy":
		j++
	default:
		return match{}, false
	}
	y, k, ok := p.fiscalYearNumber(j)
	if !ok {
		return match{}, false
	}
	d := entente.Date{Year: y, Month: 7, Day: 1}
	m := match{from: i, to: k, typ: TypeDate, value: at(d, gYear).String(), pt: at(d, gYear)}
	if e, k2, ok := p.yearRangeEnd(k, y); ok {
		m.end, m.to = e, k2
	}
	return m, true
}

// fiscalYearNumber reads the year after "fiscal" or "FY": "1989", "2024", "'98", "24" glued
// to FY ("FY24").
func (p *parser) fiscalYearNumber(j int) (int, int, bool) {
	if y, k, ok := p.yearAt(j); ok {
		return y, k, true
	}
	if p.pureDigits(j) == 2 && p.word(j-1) == "fy" {
		return p.twoDigitYear(int(p.toks[j].digits)), j + 1, true
	}
	return 0, j, false
}

// ruleDecade reads "1990s", "the 1990s", "the '90s", "'90s", "the nineties", "the 1800s"
// (a century), "the twentieth century", "the 21st century", "20th-century".
func ruleDecade(p *parser, i int) (match, bool) {
	j := p.the(i)
	hasThe := j > i
	if m, ok := p.century(i, j); ok {
		return m, true
	}
	y, k, ok := p.decadeNumber(j)
	if !ok {
		if !hasThe {
			return match{}, false
		}
		v, ok := decadeWords[p.word(j)]
		if !ok {
			return match{}, false
		}
		y, k = p.ref.Year/100*100+v, j+1
		if y > p.ref.Year {
			y -= 100
		}
	}
	d := entente.Date{Year: y, Month: 1, Day: 1}
	g := gDecade
	if y%100 == 0 && y < 2000 {
		g = gCentury
	}
	return match{from: i, to: k, typ: TypeDate, value: at(d, g).String(), pt: at(d, g)}, true
}

// decadeWords are the decades written in words.
var decadeWords = map[string]int{
	"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
	"seventies": 70, "eighties": 80, "nineties": 90,
}

// decadeNumber reads "1990s", "1990's", "'90s", "90s" and returns the decade's first year.
func (p *parser) decadeNumber(j int) (int, int, bool) {
	if p.punct(j) == "'" && j+1 < len(p.toks) && p.toks[j+1].kind == tokNum && p.adjacent(j+1) {
		t := p.toks[j+1]
		if t.ndigits == 2 && t.lower[2:] == "s" && t.digits%10 == 0 {
			return p.twoDigitYear(int(t.digits)), j + 2, true
		}
		return 0, j, false
	}
	if j >= len(p.toks) || p.toks[j].kind != tokNum {
		return 0, j, false
	}
	t := p.toks[j]
	if t.ndigits == 4 && t.digits%10 == 0 && t.digits >= 1000 && t.digits < 2200 {
		if t.lower[4:] == "s" {
			return int(t.digits), j + 1, true
		}
		if t.lower[4:] == "" && p.punct(j+1) == "'" && p.adjacent(j+1) && p.word(j+2) == "s" && p.adjacent(j+2) {
			return int(t.digits), j + 3, true
		}
	}
	return 0, j, false
}

// century reads "the 20th century", "the twentieth century", "20th-century".
func (p *parser) century(i, j int) (match, bool) {
	n, k := 0, j
	if j < len(p.toks) && p.toks[j].kind == tokNum && p.toks[j].ndigits <= 2 {
		switch p.toks[j].lower[p.toks[j].ndigits:] {
		case "st", "nd", "rd", "th":
			n, k = int(p.toks[j].digits), j+1
		}
	} else if v, ok := ordinals[p.word(j)]; ok && v > 0 {
		n, k = v, j+1
		if (v == 20 || v == 30) && p.hyphen(k) != k {
			if v2, ok := ordinals[p.word(k+1)]; ok && v2 > 0 && v2 < 10 {
				n, k = v+v2, k+2
			}
		}
	}
	k = p.hyphen(k)
	if n == 0 || p.word(k) != "century" {
		return match{}, false
	}
	d := entente.Date{Year: (n - 1) * 100, Month: 1, Day: 1}
	return match{from: i, to: k + 1, typ: TypeDate, value: at(d, gCentury).String(), pt: at(d, gCentury)}, true
}

// holidays are named days with the rule that gives their date in a year.
var holidays = []struct {
	words []string
	day   func(y int) entente.Date
}{
	{[]string{"christmas", "eve"}, fixedDay(12, 24)},
	{[]string{"christmas", "day"}, fixedDay(12, 25)},
	{[]string{"christmas"}, fixedDay(12, 25)},
	{[]string{"new", "year", "'", "s", "eve"}, fixedDay(12, 31)},
	{[]string{"new", "year", "'", "s", "day"}, fixedDay(1, 1)},
	{[]string{"boxing", "day"}, fixedDay(12, 26)},
	{[]string{"halloween"}, fixedDay(10, 31)},
	{[]string{"valentine", "'", "s", "day"}, fixedDay(2, 14)},
	{[]string{"may", "day"}, fixedDay(5, 1)},
	{[]string{"easter", "sunday"}, easter},
	{[]string{"easter", "monday"}, func(y int) entente.Date { return easter(y).AddDays(1) }},
	{[]string{"good", "friday"}, func(y int) entente.Date { return easter(y).AddDays(-2) }},
	{[]string{"easter"}, easter},
	{[]string{"thanksgiving", "day"}, func(y int) entente.Date { return nthWeekday(y, time.November, time.Thursday, 4) }},
	{[]string{"thanksgiving"}, func(y int) entente.Date { return nthWeekday(y, time.November, time.Thursday, 4) }},
	{[]string{"memorial", "day"}, func(y int) entente.Date { return nthWeekday(y, time.May, time.Monday, -1) }},
	{[]string{"pakistan", "day"}, fixedDay(3, 23)},
	{[]string{"election", "day"}, func(y int) entente.Date { // United States: the Tuesday after the first Monday of November
		return nthWeekday(y, time.November, time.Monday, 1).AddDays(1)
	}},
}

func fixedDay(m time.Month, d int) func(int) entente.Date {
	return func(y int) entente.Date { return entente.Date{Year: y, Month: m, Day: d} }
}

// ruleHoliday reads a named day, with an optional year: "Christmas", "Thanksgiving Day",
// "Easter 2025". Without a year the nearest occurrence in the tense's direction is taken.
func ruleHoliday(p *parser, i int) (match, bool) {
	if !p.capital(i) {
		return match{}, false
	}
	for _, h := range holidays {
		k, ok := p.words(i, h.words)
		if !ok {
			continue
		}
		y, k2, hasYear := p.yearAfterDay(k)
		if hasYear {
			k = k2
		} else {
			y = p.holidayYear(h.day, p.direction(i, k))
		}
		d := h.day(y)
		return match{from: i, to: k, typ: TypeDate, value: d.String(), pt: at(d, gDay)}, true
	}
	return match{}, false
}

// holidayYear picks the year of a holiday named without one, like yearForDay.
func (p *parser) holidayYear(day func(int) entente.Date, dir int) int {
	best, bestDist := p.ref.Year, 1<<30
	for y := p.ref.Year - 1; y <= p.ref.Year+1; y++ {
		dist := day(y).DaysSince(p.ref)
		if dir > 0 && dist < 0 || dir < 0 && dist > 0 {
			continue
		}
		if abs(dist) < bestDist {
			best, bestDist = y, abs(dist)
		}
	}
	return best
}

// holidayDay moves a holiday found in its nearest year to the last one before the reference
// date (offset < 0) or the next one after it (offset > 0).
func (p *parser) holidayDay(d entente.Date, offset int) entente.Date {
	for _, h := range holidays {
		if h.day(d.Year) != d {
			continue
		}
		y := p.ref.Year
		if offset < 0 {
			for !h.day(y).Before(p.ref) {
				y--
			}
		} else {
			for !h.day(y).After(p.ref) {
				y++
			}
		}
		return h.day(y)
	}
	return d
}

// words matches a sequence of lower-case tokens (words or punctuation) at i.
func (p *parser) words(i int, ws []string) (int, bool) {
	for k, w := range ws {
		if i+k >= len(p.toks) || p.toks[i+k].lower != w {
			return i, false
		}
	}
	return i + len(ws), true
}
