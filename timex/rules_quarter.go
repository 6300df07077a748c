package timex

import (
	"time"

	"github.com/entente/entente"
)

// Parts of a year: quarters ("the third quarter of 1990", "third-quarter", "Q3 2024",
// "the year-earlier quarter"), halves ("the first half of next year", "H1 2025") and seasons
// with or without a year ("the summer of 1998", "in the fall").

// quarterPoint returns the point of quarter q (1–4) of year y.
func quarterPoint(y, q int) point {
	return point{g: gQuarter, d: entente.Date{Year: y, Month: time.Month(3*q - 1), Day: 15}}
}

// halfPoint returns the point of half h (1–2) of year y.
func halfPoint(y, h int) point {
	return point{g: gHalf, d: entente.Date{Year: y, Month: time.Month(6*h - 3), Day: 15}}
}

// periodOrdinal reads "third quarter", "third-quarter", "3rd quarter", "first half",
// "second-half", "latter half", "final quarter" and returns the number, the unit and the index
// after it.
func (p *parser) periodOrdinal(j int) (int, unit, int, bool) {
	n := 0
	w := p.word(j)
	switch {
	case w == "latter" || w == "final" || w == "last":
		n = -1
	case ordinals[w] > 0:
		n = ordinals[w]
	case j < len(p.toks) && p.toks[j].kind == tokNum && p.toks[j].ndigits == 1:
		switch p.toks[j].lower[1:] {
		case "st", "nd", "rd", "th":
			n = int(p.toks[j].digits)
		}
	}
	if n == 0 {
		return 0, uNone, j, false
	}
	k := p.hyphen(j + 1)
	u := units[p.word(k)]
	switch {
	case u.u == uQuarter && !u.plural && n <= 4:
		if n < 0 {
			n = 4
		}
	case p.word(k) == "half" && n <= 2:
		if n < 0 {
			n = 2
		}
		u.u = uHalf
	default:
		return 0, uNone, j, false
	}
	return n, u.u, k + 1, true
}

// yearBeforePeriod reads what may name the year before "third quarter": "1988", "1989's",
// "this year's", "last year's", "next year's", "fiscal".
func (p *parser) yearBeforePeriod(j int) (int, int, bool) {
	if y, k, ok := p.yearAt(j); ok && p.pureDigits(j) == 4 {
		return y, p.possessive(k), true
	}
	if rel, ok := p.relativeAt(j); ok && !rel.anaphora && p.word(j+rel.n) == "year" {
		k := j + rel.n + 1
		if p.possessive(k) != k {
			return p.ref.Year + rel.offset, p.possessive(k), true
		}
	}
	return 0, j, false
}

// ruleQuarter reads quarters and halves of a year: "the third quarter", "third-quarter",
// "the fiscal first quarter", "the third quarter of 1984", "this year's third quarter",
// "the 1988 second quarter", "the first half of 1990", "the second half of next year".
func ruleQuarter(p *parser, i int) (match, bool) {
	j := p.the(i)
	y, j, hasYear := p.yearBeforePeriod(j)
	if p.word(j) == "fiscal" { // "the fiscal first quarter", "fiscal-first quarter"
		j = p.hyphen(j + 1)
	}
	n, u, k, ok := p.periodOrdinal(j)
	if !ok {
		return match{}, false
	}
	if p.word(i) == "the" && p.punct(k-2) == "-" && !hasYear {
		return match{}, false // "the third-quarter loss": the article belongs to the noun
	}
	if !hasYear {
		y, k, hasYear = p.yearAfterPeriod(k)
	}
	if !hasYear {
		y = p.yearOfPeriod(n, u, p.direction(i, k))
	}
	pt := quarterPoint(y, n)
	if u == uHalf {
		pt = halfPoint(y, n)
	}
	return match{from: i, to: k, typ: TypeDate, value: pt.String(), pt: pt}, true
}

// yearAfterPeriod reads "of 1990", "of fiscal 1990", "1989", ", 1989", "of this year",
// "last year", "of the following year".
func (p *parser) yearAfterPeriod(k int) (int, int, bool) {
	j := k
	if p.word(j) == "of" {
		j++
		if p.word(j) == "fiscal" {
			j++
			if p.word(j) == "year" {
				j++
			}
		}
	}
	if y, k2, ok := p.yearAt(j); ok && p.pureDigits(j) == 4 {
		return y, k2, true
	}
	if y, k2, ok := p.relativeYearAfter(k); ok {
		return y, k2, true
	}
	return 0, k, false
}

// yearOfPeriod picks the year of a quarter or half named without one: this year's, unless it
// has not begun yet and the clause is not about the future (then last year's).
func (p *parser) yearOfPeriod(n int, u unit, dir int) int {
	cur := quarterOf(p.ref)
	if u == uHalf {
		cur = (int(p.ref.Month)-1)/6 + 1
	}
	if n > cur && dir <= 0 {
		return p.ref.Year - 1
	}
	return p.ref.Year
}

// ruleQuarterCode reads "Q3", "Q3 2024", "Q3 of 2024", "2024 Q3", "H1 2025", "3Q", "1H".
func ruleQuarterCode(p *parser, i int) (match, bool) {
	j := i
	y, hasYear := 0, false
	if yy, k, ok := p.yearAt(j); ok && p.pureDigits(j) == 4 {
		y, j, hasYear = yy, k, true
	}
	n, u, k, ok := p.quarterCodeAt(j)
	if !ok {
		return match{}, false
	}
	if !hasYear {
		k2 := p.of(k)
		if yy, k3, ok := p.yearAt(k2); ok && p.pureDigits(k2) == 4 {
			y, k, hasYear = yy, k3, true
		}
	}
	if !hasYear {
		y = p.yearOfPeriod(n, u, p.direction(i, k))
	}
	pt := quarterPoint(y, n)
	if u == uHalf {
		pt = halfPoint(y, n)
	}
	return match{from: i, to: k, typ: TypeDate, value: pt.String(), pt: pt}, true
}

// quarterCodeAt reads "Q3" (a capital Q glued to a digit), "3Q", "H1", "1H".
func (p *parser) quarterCodeAt(j int) (int, unit, int, bool) {
	if j >= len(p.toks) {
		return 0, uNone, j, false
	}
	t := p.toks[j]
	if t.kind == tokWord && (t.lower == "q" || t.lower == "h") && t.cap && p.adjacent(j+1) && p.pureDigits(j+1) == 1 {
		n := int(p.toks[j+1].digits)
		if t.lower == "q" && n >= 1 && n <= 4 {
			return n, uQuarter, j + 2, true
		}
		if t.lower == "h" && n >= 1 && n <= 2 {
			return n, uHalf, j + 2, true
		}
	}
	if t.kind == tokNum && t.ndigits == 1 && len(t.lower) == 2 {
		n := int(t.digits)
		switch {
		case t.lower[1] == 'q' && n >= 1 && n <= 4:
			return n, uQuarter, j + 1, true
		case t.lower[1] == 'h' && n >= 1 && n <= 2:
			return n, uHalf, j + 1, true
		}
	}
	return 0, uNone, j, false
}

// ruleSeason reads seasons with a year or in a clear context: "the summer of 1998",
// "summer 2025", "the autumn of next year", "in the fall", "during the winter", "summer"
// after "in"/"since"/"by".
func ruleSeason(p *parser, i int) (match, bool) {
	j := p.the(i)
	hasThe := j > i
	code, ok := seasons[p.word(j)]
	if !ok {
		return match{}, false
	}
	k := j + 1
	if p.word(k) == "of" || p.punct(k) == "," {
		if y, k2, ok := p.yearAt(k + 1); ok {
			pt := seasonPoint(y, code)
			return match{from: i, to: k2, typ: TypeDate, value: pt.String(), pt: pt}, true
		}
	}
	if y, k2, ok := p.yearAt(k); ok && p.pureDigits(k) == 4 {
		pt := seasonPoint(y, code)
		return match{from: i, to: k2, typ: TypeDate, value: pt.String(), pt: pt}, true
	}
	if y, k2, ok := p.relativeYearAfter(k); ok && p.word(k) == "of" { // "the autumn of next year"
		pt := seasonPoint(y, code)
		return match{from: i, to: k2, typ: TypeDate, value: pt.String(), pt: pt}, true
	}
	prev := p.word(i - 1)
	if !seasonIntroducers[prev] || p.word(k) == "of" || p.word(k) == "in" || (code == "SP" || p.word(j) == "fall") && !hasThe {
		return match{}, false
	}
	if hasThe && (p.word(j) == "fall" || p.word(j) == "spring") && !p.clauseEnds(k) && p.word(k) != "and" {
		return match{}, false
	}
	return p.relativeSeason(i, k, code, relativeWord{}), true
}

// seasonIntroducers are the words after which a bare season word names a season.
var seasonIntroducers = map[string]bool{
	"in": true, "during": true, "by": true, "since": true, "until": true, "till": true,
	"through": true, "throughout": true, "before": true, "after": true, "over": true,
	"early": true, "late": true, "mid": true, "for": true, "around": true, "into": true,
}
