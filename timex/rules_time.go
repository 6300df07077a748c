package timex

import "github.com/entente/entente"

// Times of day: "10:35 a.m.", "5 p.m. EST", "noon", "midnight Friday", "4 a.m. EDT Thursday",
// "15:00", "at 3 in the afternoon".

// meridiemAt reads "a.m.", "am", "p.m.", "pm" at i and returns +1 for p.m., -1 for a.m.
func (p *parser) meridiemAt(i int) (int, int, bool) {
	w := p.word(i)
	switch w {
	case "am", "pm":
		if w == "am" && p.capital(i) {
			return 0, i, false // "I AM"
		}
		return meridiemSign(w[0]), i + 1, true
	case "a", "p":
		if p.punct(i+1) == "." && p.adjacent(i+1) && p.word(i+2) == "m" && p.adjacent(i+2) {
			j := i + 3
			if p.punct(j) == "." && p.adjacent(j) {
				j++
			}
			return meridiemSign(w[0]), j, true
		}
	}
	return 0, i, false
}

func meridiemSign(c byte) int {
	if c == 'p' {
		return 1
	}
	return -1
}

// clockAt reads a clock time at i and returns hour, minute and the index after it.
func (p *parser) clockAt(i int) (int, int, int, bool) {
	if p.word(i-1) == "high" {
		return 0, 0, i, false // "high noon"
	}
	switch p.word(i) {
	case "noon", "midday":
		return 12, 0, i + 1, true
	case "midnight":
		return 24, 0, i + 1, true
	}
	if i >= len(p.toks) || p.toks[i].kind != tokNum || !p.isolatedBefore(i) {
		return 0, 0, i, false
	}
	h, m, j, hasMinutes, sign, ok := p.clockDigits(i)
	if !ok {
		return 0, 0, i, false
	}
	if sign == 0 && !hasMinutes {
		if p.word(j) == "o" && p.punct(j+1) == "'" && p.word(j+2) == "clock" {
			j += 3
		} else if pod, k, ok := p.inThePartOfDay(j); ok {
			sign, j = podSign(pod, h), k
		} else {
			return 0, 0, i, false // a bare number is not a time
		}
	}
	if h > 24 || m > 59 || sign != 0 && (h == 0 || h > 12) {
		return 0, 0, i, false
	}
	switch {
	case sign > 0 && h < 12:
		h += 12
	case sign < 0 && h == 12:
		h = 0
	}
	return h, m, j, true
}

// clockDigits reads the digits of a clock time at i: "10", "10:35", "10:35:20", "10am",
// "0735 GMT", with a.m. or p.m. (sign -1 or +1) when given.
func (p *parser) clockDigits(i int) (h, m, j int, hasMinutes bool, sign int, ok bool) {
	t := &p.toks[i]
	h, j = int(t.digits), i+1
	suffix := t.lower[t.ndigits:]
	if suffix == "" && p.punct(j) == ":" && p.adjacent(j) && p.pureDigits(j+1) == 2 && p.adjacent(j+1) {
		m, j, hasMinutes = int(p.toks[j+1].digits), j+2, true
		if p.punct(j) == ":" && p.adjacent(j) && p.pureDigits(j+1) == 2 { // seconds
			j += 2
		}
	}
	switch suffix {
	case "am", "pm":
		sign = meridiemSign(suffix[0])
	case "":
		if s, k, ok := p.meridiemAt(j); ok {
			sign, j = s, k
		}
	default:
		return 0, 0, i, false, 0, false
	}
	if t.ndigits == 4 && suffix == "" && !hasMinutes && timeZones[p.word(j)] {
		return int(t.digits) / 100, int(t.digits) % 100, j, true, sign, true // "0735 GMT"
	}
	if t.ndigits > 2 {
		return 0, 0, i, false, 0, false
	}
	return h, m, j, hasMinutes, sign, true
}

// isolatedBefore reports whether number i is not glued to a preceding number or symbol.
func (p *parser) isolatedBefore(i int) bool {
	if !p.adjacent(i) {
		return true
	}
	switch p.punct(i - 1) {
	case "(", "\"", "'", "[":
		return true
	}
	return false
}

// inThePartOfDay reads "in the morning", "in the afternoon", "at night".
func (p *parser) inThePartOfDay(j int) (string, int, bool) {
	if p.word(j) == "at" && p.word(j+1) == "night" {
		return "NI", j + 2, true
	}
	if p.word(j) == "in" && p.word(j+1) == "the" {
		if pod, ok := partsOfDay[p.word(j+2)]; ok && p.word(j+2) != "overnight" {
			return pod, j + 3, true
		}
	}
	return "", j, false
}

// podSign says whether an hour in a part of day is a.m. (-1) or p.m. (+1).
func podSign(pod string, h int) int {
	switch pod {
	case "MO":
		return -1
	case "NI":
		if h < 6 || h == 12 {
			return -1
		}
	}
	return 1
}

// ruleTime reads a clock time with an optional time zone and an optional day after it
// ("4 a.m. EDT Thursday", "5 p.m. EST, Nov. 9", "midnight Friday"). A time without a day is
// on the day last mentioned, or on the day named just after it ("at 3 p.m. on Tuesday").
func ruleTime(p *parser, i int) (match, bool) {
	h, mi, j, ok := p.clockAt(i)
	if !ok {
		return match{}, false
	}
	if w := p.word(j); timeZones[w] && p.capital(j) {
		j++
	} else if w == "local" && p.word(j+1) == "time" {
		j += 2 // "7:30 p.m. local time"
	}
	day, k, found := p.dayAfterTime(j)
	if found {
		j = k
	} else if d, ok := p.dayNamedAfter(j); ok {
		day = d
	} else {
		day = p.anchorDay()
	}
	pt := point{g: gTime, d: day, hour: h, minute: mi} // midnight is T24:00, the end of the day
	return match{from: i, to: j, typ: TypeTime, value: pt.String(), pt: pt}, true
}

// dayAfterTime reads a day that directly follows a time and belongs to its extent: "Thursday",
// ", Nov. 9", "today", "yesterday".
func (p *parser) dayAfterTime(j int) (entente.Date, int, bool) {
	k := p.comma(j)
	for _, r := range []rule{ruleWeekday, ruleDeictic, ruleMonthFirst, ruleDayFirst} {
		if m, ok := r(p, k); ok && m.pt.g == gDay {
			return m.pt.d, m.to, true
		}
	}
	return entente.Date{}, j, false
}

// dayNamedAfter finds the day of "at 3 p.m. on Tuesday" or "at 10:35 a.m. (0735 GMT) Friday"
// without taking it into the extent: it looks a few tokens ahead, past "on" and a
// parenthesis, and stops at the end of the clause.
func (p *parser) dayNamedAfter(j int) (entente.Date, bool) {
	depth := 0
	for k := j; k < len(p.toks) && k < j+8; k++ {
		switch p.punct(k) {
		case "(":
			depth++
			continue
		case ")":
			depth--
			continue
		case ",", ".", ";", ":", "--":
			if depth == 0 {
				return entente.Date{}, false
			}
		}
		if depth > 0 {
			continue
		}
		if d, _, ok := p.dayAfterTime(k); ok {
			return d, true
		}
	}
	return entente.Date{}, false
}
