package timex

// Periods financial news reports on and compares: "the quarter", "the latest quarter", "the
// 1988 period", "the year-earlier quarter", "the year-ago third quarter", "the same period last
// year", and "year-earlier" on its own before a noun ("year-earlier results").

// periodPoint is the quarter under discussion: the last quarter or half reported on in the last
// few sentences, else the last quarter completed before the reference date.
func (p *parser) periodPoint() point {
	if q, ok := p.reportedPeriod(); ok {
		return q
	}
	return at(p.ref, gQuarter).shift(-1)
}

// reportedPeriod returns the last quarter or half reported on, if it was in the last five
// sentences.
func (p *parser) reportedPeriod() (point, bool) {
	if p.lastQuarter.valid() && p.sentence-p.lastQuarterSent <= 5 {
		return p.lastQuarter, true
	}
	return point{}, false
}

// quarterIndex numbers quarters consecutively (year*4 + quarter - 1).
func quarterIndex(pt point) int { return pt.d.Year*4 + quarterOf(pt.d) - 1 }

// ruleYearEarlier reads "year-earlier" and "year-ago", alone or before the period they date:
// "the year-earlier quarter", "the year-ago third quarter", "the year-earlier nine months".
// Alone they modify a noun ("a year-earlier loss"), so the article stays outside the extent.
func ruleYearEarlier(p *parser, i int) (match, bool) {
	j := i
	hasThe := p.word(j) == "the"
	if hasThe || p.word(j) == "a" {
		j++
	}
	if p.word(j) != "year" || p.hyphen(j+1) == j+1 || (p.word(j+2) != "earlier" && p.word(j+2) != "ago") {
		return match{}, false
	}
	k := j + 3
	if n, u, k2, ok := p.periodOrdinal(k); ok && u == uQuarter && hasThe {
		pt := quarterPoint(p.periodPoint().d.Year-1, n)
		return match{from: i, to: k2, typ: TypeDate, value: pt.String(), pt: pt, compared: true}, true
	}
	if w := p.word(k); (w == "quarter" || w == "period") && hasThe {
		pt := p.periodPoint().shiftBy(-1, uYear)
		return match{from: i, to: k + 1, typ: TypeDate, value: pt.String(), pt: pt, compared: true}, true
	}
	if q, k2, ok := p.quantityAt(k); ok && hasThe && !q.vague && !q.article && units[p.word(k2)].u == uMonth {
		return match{from: i, to: k2 + 1, typ: TypeDuration, value: durationValue(q, uMonth)}, true
	}
	pt := at(p.ref, gYear).shift(-1)
	if q, ok := p.reportedPeriod(); ok {
		pt = q.shiftBy(-1, uYear)
	}
	return match{from: j, to: k, typ: TypeDate, value: pt.String(), pt: pt, compared: true}, true
}

// ruleComparablePeriod reads "the quarter", "the latest quarter", "the current quarter",
// "the comparable period", "the same quarter last year", "the 1988 period", "the 1988
// quarter", "last year's quarter".
func ruleComparablePeriod(p *parser, i int) (match, bool) {
	j, adj, year := i, "", 0
	switch {
	case p.word(j) == "the":
		j++
		switch w := p.word(j); w {
		case "comparable", "corresponding", "same", "latest", "current", "previous", "prior":
			adj, j = w, j+1
		case "most":
			if p.word(j+1) == "recent" {
				adj, j = "latest", j+2
			}
		}
		if y, k, ok := p.yearAt(j); ok && p.pureDigits(j) == 4 {
			year, j = y, k
		}
	case (p.word(j) == "last" || p.word(j) == "this") && p.word(j+1) == "year" && p.possessive(j+2) != j+2:
		year, j = p.ref.Year, j+4
		if p.word(i) == "last" {
			year--
		}
	default:
		return match{}, false
	}
	w := p.word(j)
	if w != "quarter" && (w != "period" || adj == "" && year == 0) {
		return match{}, false
	}
	pt, k := p.comparableValue(adj, year, j+1)
	m := match{from: i, to: k, typ: TypeDate, value: pt.String(), pt: pt}
	// "the 1988 period" in a report on 1989 is the period compared with, not the one reported
	m.compared = year != 0 && year < p.periodPoint().d.Year || k > j+1
	return m, true
}

// comparableValue resolves a reported period from its adjective or year and what follows it
// at k ("a year ago", "last year", "of last year"); it returns the index after all of it.
func (p *parser) comparableValue(adj string, year, k int) (point, int) {
	pt := p.periodPoint()
	switch {
	case year != 0:
		pt = quarterPoint(year, quarterOf(pt.d))
	case adj == "current":
		pt = at(p.ref, gQuarter)
	case adj == "latest":
		// the last quarter reported on, if it is over and less than a year old
		prev := at(p.ref, gQuarter).shift(-1)
		pt = prev
		if q, ok := p.reportedPeriod(); ok && q.g == gQuarter && quarterIndex(q) <= quarterIndex(prev) && quarterIndex(q) > quarterIndex(prev)-4 {
			pt = q
		}
	case adj == "previous" || adj == "prior":
		pt = pt.shift(-1)
	}
	switch {
	case p.word(k) == "a" && p.word(k+1) == "year" && (p.word(k+2) == "ago" || p.word(k+2) == "earlier"):
		return pt.shiftBy(-1, uYear), k + 3
	case p.word(k) == "last" && p.word(k+1) == "year":
		return pt.shiftBy(-1, uYear), k + 2
	case p.word(k) == "of" && p.word(k+1) == "last" && p.word(k+2) == "year":
		return pt.shiftBy(-1, uYear), k + 3
	}
	return pt, k
}
