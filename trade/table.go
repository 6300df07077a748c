package trade

import (
	"fmt"
	"iter"
	"sort"
	"sync"
)

// Period is the span of years a table covers. An annual table has First == Last. A table summed
// over several years (OEC's 2019–2021 export matrix) has First < Last, and its values are sums
// over the span, not yearly averages: divide by Years for an annual average.
type Period struct {
	First int `json:"first"`
	Last  int `json:"last"`
}

// Year returns the annual period y.
func Year(y int) Period { return Period{y, y} }

// Years returns how many years the period spans.
func (p Period) Years() int { return p.Last - p.First + 1 }

// Sum reports whether the table's values are sums over more than one year.
func (p Period) Sum() bool { return p.Last > p.First }

// Contains reports whether year y falls in the period.
func (p Period) Contains(y int) bool { return y >= p.First && y <= p.Last }

// String formats the period as "2017" or "2019–2021".
func (p Period) String() string {
	if p.Sum() {
		return fmt.Sprintf("%d–%d", p.First, p.Last)
	}
	return fmt.Sprintf("%d", p.First)
}

// Table is one year (or summed period) of one dataset, aggregated to exporter × importer ×
// product: HS4 headings for BACI and HS4 export tables, sections for tables given by section.
// An export-only table (Bilateral false) has one partner, the world, and no imports.
// A Table is read-only once built and safe for concurrent use.
type Table struct {
	Period    Period `json:"period"`
	Level     Level  `json:"level"`
	Bilateral bool   `json:"bilateral"`
	// Countries lists the party codes of the table; cells refer to them by index.
	Countries []string `json:"countries"`

	cols columns

	once sync.Once
	tot  *totals
}

// newTable builds a table from summed columns, dropping the parties no cell mentions so the
// country list is exactly the table's reporters and partners. Indices keep their order, so the
// cells stay sorted.
func newTable(period Period, level Level, bilateral bool, parties []string, cols columns) *Table {
	used := make([]bool, len(parties))
	for i := range cols.exporter {
		used[cols.exporter[i]] = true
	}
	for i := range cols.importer {
		used[cols.importer[i]] = true
	}
	remap := make([]uint16, len(parties))
	var countries []string
	for i, u := range used {
		if u {
			remap[i] = uint16(len(countries))
			countries = append(countries, parties[i])
		}
	}
	for i := range cols.exporter {
		cols.exporter[i] = remap[cols.exporter[i]]
	}
	for i := range cols.importer {
		cols.importer[i] = remap[cols.importer[i]]
	}
	return &Table{Period: period, Level: level, Bilateral: bilateral, Countries: countries, cols: cols}
}

// Cell is one cell of a table: what an exporter sold an importer of a product over the period.
type Cell struct {
	Exporter string `json:"exporter"`
	// Importer is the partner's party code, or "" in an export-only table (exports to the world).
	Importer string `json:"importer,omitempty"`
	Product  int    `json:"product"` // HS4 code or section number, as the table's Level says
	ValueUSD int64  `json:"value_usd"`
	// QuantityKg sums the quantities reported (BACI gives tonnes; kept here in kilograms).
	QuantityKg int64 `json:"quantity_kg"`
	// QuantityPartial is true when some rows of the cell reported no quantity.
	QuantityPartial bool `json:"quantity_partial,omitempty"`
}

// Len returns the number of cells.
func (t *Table) Len() int { return t.cols.len() }

// Cell returns the i-th cell in table order (exporter, importer, product).
func (t *Table) Cell(i int) Cell {
	c := Cell{
		Exporter:        t.Countries[t.cols.exporter[i]],
		Product:         int(t.cols.product[i]),
		ValueUSD:        t.cols.value[i],
		QuantityKg:      t.cols.quantity[i],
		QuantityPartial: t.cols.partial[i],
	}
	if t.Bilateral {
		c.Importer = t.Countries[t.cols.importer[i]]
	}
	return c
}

// Cells iterates over the cells in table order.
func (t *Table) Cells() iter.Seq[Cell] {
	return func(yield func(Cell) bool) {
		for i := range t.Len() {
			if !yield(t.Cell(i)) {
				return
			}
		}
	}
}

// Has reports whether the party code appears in the table.
func (t *Table) Has(party string) bool {
	_, ok := t.totals().party[party]
	return ok
}

// pairRange returns the cells from exporter a to importer b: cells are sorted by exporter and
// then importer, so the pair's cells are contiguous and found by binary search.
func (t *Table) pairRange(a, b int) (int, int) {
	tot := t.totals()
	lo, hi := tot.exporterStart[a], tot.exporterStart[a+1]
	imp := t.cols.importer[lo:hi]
	from := sort.Search(len(imp), func(i int) bool { return int(imp[i]) >= b })
	to := sort.Search(len(imp), func(i int) bool { return int(imp[i]) > b })
	return lo + from, lo + to
}

// partyIndex finds a party in the table or says which party is missing.
func (t *Table) partyIndex(code, role string) (int, error) {
	i, ok := t.totals().party[code]
	if !ok {
		return 0, notInTable(t, code, role)
	}
	return i, nil
}
