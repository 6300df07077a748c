package timex

import "github.com/entente/entente"

// Weeks named by a day or a month: "the week of March 6", "the first week of December",
// "second week of November", "the last week of June 2025".

// ruleWeekOf reads "the week of March 6" (the ISO week holding that day) and "the first week of
// December": a roadmap reads the latter as the month, approximate, starting (first week) or
// ending (last week) it, which is what data/statements/README.md asks for; TimeML has no
// better value for a week counted inside a month.
func ruleWeekOf(p *parser, i int) (match, bool) {
	j := p.the(i)
	n, k := 0, j
	if v, ok := ordinals[p.word(j)]; ok {
		n, k = v, j+1
	} else if j < len(p.toks) && p.toks[j].kind == tokNum && p.toks[j].ndigits == 1 {
		switch p.toks[j].lower[1:] {
		case "st", "nd", "rd", "th":
			n, k = int(p.toks[j].digits), j+1
		}
	}
	if p.word(k) != "week" || p.word(k+1) != "of" {
		return match{}, false
	}
	k += 2
	if n == 0 {
		return p.weekOfDay(i, k)
	}
	return p.weekOfMonth(i, k, n)
}

// weekOfDay finishes "the week of March 6".
func (p *parser) weekOfDay(from, k int) (match, bool) {
	if p.word(from) != "the" {
		return match{}, false
	}
	for _, r := range []rule{ruleMonthFirst, ruleDayFirst, ruleNumericDate} {
		if m, ok := r(p, k); ok && m.pt.g == gDay {
			pt := at(m.pt.d, gWeek)
			return match{from: from, to: m.to, typ: TypeDate, value: pt.String(), pt: pt}, true
		}
	}
	return match{}, false
}

// weekOfMonth finishes "the first week of December [2018]".
func (p *parser) weekOfMonth(from, k, n int) (match, bool) {
	m, ok := ruleMonthFirst(p, k)
	if !ok || m.pt.g != gMonth {
		return match{}, false
	}
	m.from = from
	m.approx = true
	switch {
	case n == 1:
		m.mod = entente.ModStart
	case n < 0 || n >= 4:
		m.mod = entente.ModEnd
	}
	return m, true
}
