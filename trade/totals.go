package trade

import (
	"cmp"
	"slices"
)

// totals are the sums every indicator starts from, computed once per table in one pass over
// the cells. Matrices are flat, country-major: exports[c*len(products)+p].
type totals struct {
	party         map[string]int
	products      []uint16 // distinct product codes, ascending
	productIndex  map[uint16]int
	exports       []int64 // country × product, to the world
	imports       []int64 // country × product, from the world; nil for export-only tables
	countryExport []int64
	countryImport []int64
	world         []int64 // world exports of each product (equal to world imports in BACI)
	worldTotal    int64
	exporterStart []int // cells of exporter c are exporterStart[c]:exporterStart[c+1]
}

func (t *Table) totals() *totals {
	t.once.Do(func() { t.tot = computeTotals(t) })
	return t.tot
}

func computeTotals(t *Table) *totals {
	nc := len(t.Countries)
	tot := &totals{party: make(map[string]int, nc), productIndex: map[uint16]int{}}
	for i, c := range t.Countries {
		tot.party[c] = i
	}
	var seen [10000]bool
	for _, p := range t.cols.product {
		seen[p] = true
	}
	for p, s := range seen {
		if s {
			tot.productIndex[uint16(p)] = len(tot.products)
			tot.products = append(tot.products, uint16(p))
		}
	}
	np := len(tot.products)
	tot.exports = make([]int64, nc*np)
	tot.countryExport = make([]int64, nc)
	tot.world = make([]int64, np)
	if t.Bilateral {
		tot.imports = make([]int64, nc*np)
		tot.countryImport = make([]int64, nc)
	}
	var index [10000]int32
	for code, i := range tot.productIndex {
		index[code] = int32(i)
	}
	tot.exporterStart = make([]int, nc+1)
	for i := range t.Len() {
		e, p, v := int(t.cols.exporter[i]), int(index[t.cols.product[i]]), t.cols.value[i]
		tot.exports[e*np+p] += v
		tot.countryExport[e] += v
		tot.world[p] += v
		tot.worldTotal += v
		tot.exporterStart[e+1] = i + 1
		if t.Bilateral {
			m := int(t.cols.importer[i])
			tot.imports[m*np+p] += v
			tot.countryImport[m] += v
		}
	}
	for c := 1; c <= nc; c++ { // exporters without cells start where the previous one ended
		tot.exporterStart[c] = max(tot.exporterStart[c], tot.exporterStart[c-1])
	}
	return tot
}

// ProductTotal is a country's trade in one product with the whole world.
type ProductTotal struct {
	ProductInfo
	ExportUSD int64 `json:"export_usd"`
	// ImportUSD is 0 in export-only tables, where imports are unknown (see Table.Bilateral).
	ImportUSD int64 `json:"import_usd"`
	// WorldUSD is world exports of the product.
	WorldUSD int64 `json:"world_usd"`
}

// ProductTotals returns a country's exports (and, in bilateral tables, imports) of every
// product it trades, largest exports first; set keeps only a track's products (nil: all).
func (t *Table) ProductTotals(country string, set *ProductSet) ([]ProductTotal, error) {
	c, err := t.partyIndex(country, "country")
	if err != nil {
		return nil, err
	}
	if err := t.checkFilter(set); err != nil {
		return nil, err
	}
	tot := t.totals()
	np := len(tot.products)
	var rows []ProductTotal
	for p, code := range tot.products {
		row := ProductTotal{ProductInfo: productInfo(t.Level, int(code)), ExportUSD: tot.exports[c*np+p], WorldUSD: tot.world[p]}
		if t.Bilateral {
			row.ImportUSD = tot.imports[c*np+p]
		}
		if (row.ExportUSD != 0 || row.ImportUSD != 0) && set.Contains(t.Level, int(code)) {
			rows = append(rows, row)
		}
	}
	slices.SortFunc(rows, func(a, b ProductTotal) int {
		return cmp.Or(cmp.Compare(b.ExportUSD, a.ExportUSD), cmp.Compare(b.ImportUSD, a.ImportUSD), cmp.Compare(a.Product, b.Product))
	})
	return rows, nil
}

// CountryTotal returns a country's exports and imports with the world (imports are 0 in
// export-only tables).
func (t *Table) CountryTotal(country string) (exportUSD, importUSD int64, err error) {
	c, err := t.partyIndex(country, "country")
	if err != nil {
		return 0, 0, err
	}
	tot := t.totals()
	if t.Bilateral {
		importUSD = tot.countryImport[c]
	}
	return tot.countryExport[c], importUSD, nil
}

// WorldUSD returns world trade in the table: the sum of every cell.
func (t *Table) WorldUSD() int64 { return t.totals().worldTotal }
