package trade

import (
	"strings"

	"github.com/entente/entente"
)

// Pick chooses, among the tables of the loaded datasets, the one to answer a question about a
// year: it must cover the year, and be bilateral when the question needs imports. Among those
// it prefers an annual table to a summed period, HS4 to sections, bilateral to export-only
// (more can be computed from it), then the one with more cells. ENOTFOUND says what there is.
func Pick(tables []*Table, year int, needImports bool) (*Table, error) {
	var best *Table
	for _, t := range tables {
		if !t.Period.Contains(year) || (needImports && !t.Bilateral) {
			continue
		}
		if best == nil || better(t, best) {
			best = t
		}
	}
	if best != nil {
		return best, nil
	}
	var have []string
	for _, t := range tables {
		kind := "exports only"
		if t.Bilateral {
			kind = "bilateral"
		}
		have = append(have, t.Period.String()+" ("+string(t.Level)+", "+kind+")")
	}
	need := "trade data"
	if needImports {
		need = "bilateral trade data (with imports)"
	}
	msg := "No " + need + " covers " + itoa(year) + "."
	if len(have) > 0 {
		msg += " Loaded: " + strings.Join(have, ", ") + "."
	}
	return nil, entente.Errorf(entente.ENOTFOUND, "%s", msg)
}

func better(a, b *Table) bool {
	switch {
	case a.Period.Sum() != b.Period.Sum():
		return !a.Period.Sum()
	case a.Level != b.Level:
		return a.Level == LevelHS4
	case a.Bilateral != b.Bilateral:
		return a.Bilateral
	}
	return a.Len() > b.Len()
}

func itoa(n int) string { return Year(n).String() }
