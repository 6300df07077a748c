package trade

import (
	"slices"
	"strconv"
)

// The helpers below choose among the tables of several loaded datasets, which may overlap:
// a BACI year and an export table of the same year, or an annual table inside a summed
// period. Pages and commands use them to offer years and to draw series with one table per
// period.

// DefaultYear returns the year a question is answered for when none is given: the last year
// of an annual HS4 table (a bilateral one when imports are needed and there is one), or else
// the last year any table covers; 0 when there are no tables.
func DefaultYear(tables []*Table, needImports bool) int {
	best, latest := 0, 0
	for _, t := range tables {
		if needImports && !t.Bilateral {
			continue
		}
		latest = max(latest, t.Period.Last)
		if !t.Period.Sum() && t.Level == LevelHS4 {
			best = max(best, t.Period.Last)
		}
	}
	switch {
	case best > 0:
		return best
	case latest == 0 && needImports:
		return DefaultYear(tables, false)
	}
	return latest
}

// CoveredYears returns every year some table covers, in ascending order.
func CoveredYears(tables []*Table) []int {
	var years []int
	for _, t := range tables {
		for y := t.Period.First; y <= t.Period.Last; y++ {
			if !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
	}
	slices.Sort(years)
	return years
}

// OnePerPeriod keeps, for each distinct period, the table Pick prefers (only bilateral ones
// when bilateral is set), in period order, so that a series counts each period once.
func OnePerPeriod(tables []*Table, bilateral bool) []*Table {
	groups := map[Period][]*Table{}
	var periods []Period
	for _, t := range tables {
		if bilateral && !t.Bilateral {
			continue
		}
		if _, ok := groups[t.Period]; !ok {
			periods = append(periods, t.Period)
		}
		groups[t.Period] = append(groups[t.Period], t)
	}
	slices.SortFunc(periods, func(a, b Period) int {
		if a.First != b.First {
			return a.First - b.First
		}
		return a.Last - b.Last
	})
	out := make([]*Table, 0, len(periods))
	for _, p := range periods {
		best := groups[p][0]
		for _, t := range groups[p][1:] {
			if better(t, best) {
				best = t
			}
		}
		out = append(out, best)
	}
	return out
}

// ParseProduct reads a product code as ProductInfo gives it ("6302", or a section's roman
// numeral "XI") back into the level's number, for filtering result rows by a ProductSet.
func ParseProduct(level Level, code string) (int, bool) {
	if level == LevelSection {
		return ParseSection(code)
	}
	n, err := strconv.Atoi(code)
	return n, err == nil && len(code) == 4
}
