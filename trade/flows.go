package trade

import (
	"cmp"
	"math"
	"slices"

	"github.com/entente/entente"
)

// Flows is what one party sold another, product by product and year by year.
type Flows struct {
	From  string `json:"from"`
	To    string `json:"to"`
	By    Level  `json:"by"`
	Years []int  `json:"years"`
	// Total sums every product (not only the Top rows).
	Total FlowRow   `json:"total"`
	Rows  []FlowRow `json:"rows"`
}

// FlowRow is one product's values over the years of a Flows.
type FlowRow struct {
	ProductInfo
	ValueUSD []int64 `json:"value_usd"` // one per year of Flows.Years
	// Growth is the change on the previous year of the series, annualised when years are
	// missing between them: (v(t)/v(s))^(1/(t−s)) − 1. It is nil for the first year and when
	// the earlier value is 0, where no rate exists.
	Growth []*float64 `json:"growth"`
}

// FlowOptions group and select the rows of Flows.
type FlowOptions struct {
	// By is the level of the rows: LevelHS4 (the default), LevelChapter or LevelSection.
	By Level
	// Products keeps only a set (a roadmap track); nil keeps all.
	Products *ProductSet
	// Top keeps the Top rows of largest value in the last year; 0 keeps all.
	Top int
}

// BilateralFlows returns what from sold to, by product and year, from annual bilateral tables
// (one per year, in any order). Rows are ordered by value in the last year, then earlier years.
func BilateralFlows(tables []*Table, from, to string, opt FlowOptions) (*Flows, error) {
	if opt.By == "" {
		opt.By = LevelHS4
	}
	tables, err := annualBilateral(tables)
	if err != nil {
		return nil, err
	}
	res := &Flows{From: from, To: to, By: opt.By, Rows: []FlowRow{}}
	sums := map[int][]int64{}
	for y, t := range tables {
		res.Years = append(res.Years, t.Period.First)
		if err := t.sumPair(from, to, opt, sums, y, len(tables)); err != nil {
			return nil, err
		}
	}
	res.Total = FlowRow{ProductInfo: ProductInfo{Product: "total", Description: "All products"}, ValueUSD: make([]int64, len(tables))}
	for g, values := range sums {
		res.Rows = append(res.Rows, FlowRow{ProductInfo: productInfo(opt.By, g), ValueUSD: values})
		for y, v := range values {
			res.Total.ValueUSD[y] += v
		}
	}
	slices.SortFunc(res.Rows, func(x, y FlowRow) int {
		for i := len(res.Years) - 1; i >= 0; i-- {
			if c := cmp.Compare(y.ValueUSD[i], x.ValueUSD[i]); c != 0 {
				return c
			}
		}
		return cmp.Compare(x.Product, y.Product)
	})
	if opt.Top > 0 && len(res.Rows) > opt.Top {
		res.Rows = res.Rows[:opt.Top]
	}
	res.Total.Growth = growth(res.Years, res.Total.ValueUSD)
	for i := range res.Rows {
		res.Rows[i].Growth = growth(res.Years, res.Rows[i].ValueUSD)
	}
	return res, nil
}

// sumPair adds what from sold to in table t, grouped by opt.By, to sums[group][y].
func (t *Table) sumPair(from, to string, opt FlowOptions, sums map[int][]int64, y, years int) error {
	if err := t.checkFilter(opt.Products); err != nil {
		return err
	}
	if _, ok := regroup(t.Level, 101, opt.By); !ok {
		return entente.Errorf(entente.EINVALID, "The %s table is by %s and cannot be grouped by %s.", t.Period, t.Level, opt.By)
	}
	a, okA := t.totals().party[from]
	b, okB := t.totals().party[to]
	if !okA || !okB {
		return nil // no trade between them that year
	}
	lo, hi := t.pairRange(a, b)
	for i := lo; i < hi; i++ {
		code := int(t.cols.product[i])
		if !opt.Products.Contains(t.Level, code) {
			continue
		}
		g, _ := regroup(t.Level, code, opt.By)
		if sums[g] == nil {
			sums[g] = make([]int64, years)
		}
		sums[g][y] += t.cols.value[i]
	}
	return nil
}

// annualBilateral checks that tables are bilateral, annual and one per year, and sorts them.
func annualBilateral(tables []*Table) ([]*Table, error) {
	if len(tables) == 0 {
		return nil, entente.Errorf(entente.ENOTFOUND, "No bilateral trade data is loaded; load a CEPII BACI file.")
	}
	tables = slices.Clone(tables)
	slices.SortFunc(tables, func(a, b *Table) int { return cmp.Compare(a.Period.First, b.Period.First) })
	for i, t := range tables {
		switch {
		case !t.Bilateral:
			return nil, entente.Errorf(entente.EINVALID, "%s", importsUnknown(t))
		case t.Period.Sum():
			return nil, entente.Errorf(entente.EINVALID, "The %s table sums several years; flows by year need annual tables.", t.Period)
		case i > 0 && tables[i-1].Period.First == t.Period.First:
			return nil, entente.Errorf(entente.ECONFLICT, "Two tables cover %s; choose one dataset per year.", t.Period)
		}
	}
	return tables, nil
}

// growth computes the rates between consecutive values of a series (see FlowRow.Growth).
func growth(years []int, values []int64) []*float64 {
	out := make([]*float64, len(values))
	for i := 1; i < len(values); i++ {
		if values[i-1] == 0 {
			continue
		}
		ratio := float64(values[i]) / float64(values[i-1])
		rate := math.Pow(ratio, 1/float64(years[i]-years[i-1])) - 1
		out[i] = &rate
	}
	return out
}

// SectionSeries is trade by HS section over periods, for a stacked chart: what one party sold
// another, or (To "") what it sold the world.
type SectionSeries struct {
	From    string       `json:"from"`
	To      string       `json:"to,omitempty"`
	Periods []Period     `json:"periods"`
	Lines   []SeriesLine `json:"lines"` // sections with any trade, in section order
	Total   []int64      `json:"total"`
	// Note says when a period that sums several years is shown as its annual average.
	Note string `json:"note,omitempty"`
}

// SeriesLine is one section's values, one per period of its SectionSeries.
type SeriesLine struct {
	Section  int     `json:"section"`
	Roman    string  `json:"roman"`
	Name     string  `json:"name"`
	ValueUSD []int64 `json:"value_usd"`
}

// SeriesBySection sums trade by section for each table, in period order. With to == "" it
// takes from's exports to the world and works on every table; with a partner it needs
// bilateral tables. A table summed over several years contributes its annual average, so that
// periods compare on the chart.
func SeriesBySection(tables []*Table, from, to string) (*SectionSeries, error) {
	tables = slices.Clone(tables)
	slices.SortFunc(tables, func(a, b *Table) int { return cmp.Compare(a.Period.First, b.Period.First) })
	res := &SectionSeries{From: from, To: to, Total: make([]int64, len(tables))}
	values := make([][]int64, Sections+1)
	for i, t := range tables {
		res.Periods = append(res.Periods, t.Period)
		if to != "" && !t.Bilateral {
			return nil, entente.Errorf(entente.EINVALID, "%s", importsUnknown(t))
		}
		if t.Period.Sum() {
			res.Note = "Periods of several years are shown as annual averages."
		}
		for code, v := range t.productSums(from, to) {
			s := ProductSection(t.Level, code)
			if values[s] == nil {
				values[s] = make([]int64, len(tables))
			}
			v /= int64(t.Period.Years())
			values[s][i] += v
			res.Total[i] += v
		}
	}
	for s, v := range values {
		if v != nil {
			res.Lines = append(res.Lines, SeriesLine{s, SectionRoman(s), SectionName(s), v})
		}
	}
	return res, nil
}

// productSums returns from's exports by product code, to one partner or (to "") the world.
// A party absent from the table sold nothing.
func (t *Table) productSums(from, to string) map[int]int64 {
	out := map[int]int64{}
	tot := t.totals()
	a, ok := tot.party[from]
	if !ok {
		return out
	}
	if to == "" {
		np := len(tot.products)
		for p, code := range tot.products {
			if v := tot.exports[a*np+p]; v != 0 {
				out[int(code)] = v
			}
		}
		return out
	}
	b, ok := tot.party[to]
	if !ok {
		return out
	}
	lo, hi := t.pairRange(a, b)
	for i := lo; i < hi; i++ {
		out[int(t.cols.product[i])] += t.cols.value[i]
	}
	return out
}
