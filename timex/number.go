package timex

// quantity is an amount read from the text: a number, or an unspecified one ("several").
type quantity struct {
	v       float64
	vague   bool // "a few", "several": the TIMEX3 value uses X
	article bool // the amount was the article "a"/"an" ("a year")
}

// quantityAt reads an amount at token i: digits ("18", "2.5", "5 1/2", "1,000"), number words
// ("twenty-five", "one hundred", "a dozen"), fractions ("two and a half") and vague amounts
// ("a few", "several", "a couple of"). It returns the amount and the index after it.
func (p *parser) quantityAt(i int) (quantity, int, bool) {
	if i >= len(p.toks) {
		return quantity{}, i, false
	}
	t := &p.toks[i]
	switch {
	case t.kind == tokNum:
		return p.digitQuantity(i)
	case t.kind != tokWord:
		return quantity{}, i, false
	}
	w := t.lower
	switch {
	case w == "a" || w == "an":
		return p.articleQuantity(i)
	case w == "couple" && p.word(i+1) == "of":
		return quantity{v: 2}, i + 2, true
	case w == "half":
		if a := p.word(i + 1); a == "a" || a == "an" {
			return quantity{v: 0.5}, i + 2, true // "half a century"
		}
		return quantity{v: 0.5}, i + 1, true
	case vagueQuantities[w]:
		j := i + 1
		if p.word(j) == "of" && (w == "dozens" || w == "hundreds" || w == "thousands") {
			j++
		}
		return quantity{vague: true}, j, true
	}
	v, j, ok := p.numberWords(i)
	if !ok {
		return quantity{}, i, false
	}
	q := quantity{v: float64(v)}
	return p.andAHalf(q, j), p.andAHalfEnd(j), true
}

// articleQuantity reads "a", "a few", "a couple of", "a dozen", "a hundred".
func (p *parser) articleQuantity(i int) (quantity, int, bool) {
	switch p.word(i + 1) {
	case "few", "number":
		j := i + 2
		if p.word(i+1) == "number" {
			if p.word(j) != "of" {
				return quantity{}, i, false
			}
			j++
		}
		return quantity{vague: true}, j, true
	case "couple":
		if p.word(i+2) == "of" {
			return quantity{v: 2}, i + 3, true
		}
		return quantity{v: 2}, i + 2, true
	case "dozen":
		return quantity{v: 12}, i + 2, true
	case "hundred":
		return quantity{v: 100}, i + 2, true
	case "thousand":
		return quantity{v: 1000}, i + 2, true
	case "half":
		return quantity{v: 0.5}, i + 2, true
	}
	return quantity{v: 1, article: true}, i + 1, true
}

// digitQuantity reads "18", "1,000", "2.5" and "5 1/2".
func (p *parser) digitQuantity(i int) (quantity, int, bool) {
	t := &p.toks[i]
	if int(t.ndigits) != len(t.lower) || t.ndigits > 7 {
		return quantity{}, i, false
	}
	v := float64(t.digits)
	j := i + 1
	for p.adjacent(j) && p.punct(j) == "," && p.adjacent(j+1) && p.pureDigits(j+1) == 3 {
		v = v*1000 + float64(p.toks[j+1].digits)
		j += 2
	}
	if p.adjacent(j) && p.punct(j) == "." && p.adjacent(j+1) && p.pureDigits(j+1) > 0 {
		f := p.toks[j+1]
		frac := float64(f.digits)
		for range f.ndigits {
			frac /= 10
		}
		v += frac
		j += 2
	}
	// "5 1/2"
	if p.pureDigits(j) == 1 && p.adjacent(j+1) && p.punct(j+1) == "/" && p.adjacent(j+2) && p.pureDigits(j+2) == 1 {
		num, den := float64(p.toks[j].digits), float64(p.toks[j+2].digits)
		if den > num && den > 0 {
			v += num / den
			j += 3
		}
	}
	return p.andAHalf(quantity{v: v}, j), p.andAHalfEnd(j), true
}

// andAHalf adds one half for "two and a half".
func (p *parser) andAHalf(q quantity, j int) quantity {
	if p.andAHalfEnd(j) != j {
		q.v += 0.5
	}
	return q
}

// andAHalfEnd returns the index after "and a half" at j, or j.
func (p *parser) andAHalfEnd(j int) int {
	if p.word(j) == "and" && p.word(j+1) == "a" && p.word(j+2) == "half" && units[p.word(j+3)].u != uNone {
		return j + 3
	}
	return j
}

// numberWords reads a cardinal written in words: "two", "twenty-five", "twenty five",
// "one hundred", "two hundred and fifty", "a dozen" is read by articleQuantity.
func (p *parser) numberWords(i int) (int, int, bool) {
	total, current := 0, 0
	j := i
	seen := false
	for j < len(p.toks) {
		w := p.word(j)
		v, ok := cardinals[w]
		if !ok || w == "fortnight" {
			break
		}
		switch {
		case v == 100:
			if current == 0 {
				current = 1
			}
			current *= 100
		case v == 1000:
			if current == 0 {
				current = 1
			}
			total += current * 1000
			current = 0
		case v == 12 && w == "dozen":
			if current == 0 {
				current = 1
			}
			current *= 12
		default:
			if seen && current%10 != 0 || seen && v >= 10 && current%100 != 0 {
				return total + current, j, true
			}
			current += v
		}
		seen = true
		j++
		// "twenty-five", "hundred and fifty"
		if p.punct(j) == "-" && p.adjacent(j) && p.adjacent(j+1) {
			if _, ok := cardinals[p.word(j+1)]; ok {
				j++
				continue
			}
		}
		if p.word(j) == "and" {
			if _, ok := cardinals[p.word(j+1)]; ok && current >= 100 {
				j++
			}
		}
	}
	if !seen {
		return 0, i, false
	}
	return total + current, j, true
}

// yearWordsAt reads a year written in words: "nineteen ninety-six", "nineteen eighty",
// "two thousand", "two thousand and four", "twenty twenty-four".
func (p *parser) yearWordsAt(i int) (int, int, bool) {
	hi, ok := cardinals[p.word(i)]
	if !ok {
		return 0, i, false
	}
	if hi == 2 && p.word(i+1) == "thousand" {
		j := i + 2
		if p.word(j) == "and" {
			j++
		}
		if v, k, ok := p.numberWords(j); ok && v < 100 {
			return 2000 + v, k, true
		}
		return 2000, j, true
	}
	if hi < 10 || hi > 20 || hi == 10 {
		return 0, i, false
	}
	lo, k, ok := p.numberWords(i + 1)
	if !ok || lo < 10 || lo > 99 {
		return 0, i, false
	}
	return hi*100 + lo, k, true
}
