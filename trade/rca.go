package trade

import (
	"cmp"
	"slices"

	"github.com/entente/entente"
)

// notInTable is the error for a party the table does not mention.
func notInTable(t *Table, code, role string) error {
	if !KnownParty(code) {
		return &entente.Error{Code: entente.EINVALID, Message: code + " is not a country code.",
			Fields: map[string]string{role: "is not an ISO 3166-1 alpha-3 code"}}
	}
	return entente.Errorf(entente.ENOTFOUND, "%s (%s, %s) does not appear in the %s trade table.", PartyName(code), code, role, t.Period)
}

// samePartyError refuses a pair of one party with itself, which no bilateral indicator measures.
func samePartyError(a, b, field string) error {
	if a != b {
		return nil
	}
	return &entente.Error{Code: entente.EINVALID, Message: "A bilateral indicator needs two different parties.",
		Fields: map[string]string{field: "must differ from " + a}}
}

// ProductInfo names a product of a result row: its code as people write it ("6302", "XI"),
// its description and its section, so pages can group rows and CSV files stand alone.
type ProductInfo struct {
	Product     string `json:"product"`
	Description string `json:"description"`
	Section     int    `json:"section"`
}

func productInfo(level Level, code int) ProductInfo {
	return ProductInfo{ProductCode(level, code), Describe(level, code), ProductSection(level, code)}
}

// RCARow is one product of a country's revealed comparative advantage.
type RCARow struct {
	ProductInfo
	ExportUSD int64 `json:"export_usd"`
	// Share is the product's share of the country's exports (0–1).
	Share float64 `json:"share"`
	// WorldShare is the country's share of world exports of the product (0–1).
	WorldShare float64 `json:"world_share"`
	// RCA is the Balassa index: Share divided by the product's share of world exports.
	// Above 1 the country exports relatively more of the product than the world does.
	RCA float64 `json:"rca"`
}

// RCAOptions select and order the rows of an RCA list.
type RCAOptions struct {
	// Products keeps only the products of a set (a roadmap track); nil keeps all.
	Products *ProductSet
	// ByValue orders by export value instead of by RCA.
	ByValue bool
	// Top keeps the first Top rows; 0 keeps all.
	Top int
}

// RCA returns the Balassa index of revealed comparative advantage of a country in every
// product it exports:
//
//	RCA(c,p) = (x(c,p) / X(c)) / (x(w,p) / X(w))
//
// where x(c,p) is c's exports of p, X(c) all of c's exports, x(w,p) world exports of p and X(w)
// all world exports, the world being every exporter of the table. Rows are ordered by RCA
// (then value) unless opt.ByValue. It works on export-only tables as well as on BACI.
func (t *Table) RCA(country string, opt RCAOptions) ([]RCARow, error) {
	c, err := t.partyIndex(country, "country")
	if err != nil {
		return nil, err
	}
	if err := t.checkFilter(opt.Products); err != nil {
		return nil, err
	}
	tot := t.totals()
	np := len(tot.products)
	rows := []RCARow{}
	for p, code := range tot.products {
		x := tot.exports[c*np+p]
		if x == 0 || !opt.Products.Contains(t.Level, int(code)) {
			continue
		}
		share := float64(x) / float64(tot.countryExport[c])
		rows = append(rows, RCARow{
			ProductInfo: productInfo(t.Level, int(code)),
			ExportUSD:   x,
			Share:       share,
			WorldShare:  float64(x) / float64(tot.world[p]),
			RCA:         share / (float64(tot.world[p]) / float64(tot.worldTotal)),
		})
	}
	slices.SortFunc(rows, func(a, b RCARow) int {
		if opt.ByValue {
			return cmp.Or(cmp.Compare(b.ExportUSD, a.ExportUSD), cmp.Compare(a.Product, b.Product))
		}
		return cmp.Or(cmp.Compare(b.RCA, a.RCA), cmp.Compare(b.ExportUSD, a.ExportUSD), cmp.Compare(a.Product, b.Product))
	})
	if opt.Top > 0 && len(rows) > opt.Top {
		rows = rows[:opt.Top]
	}
	return rows, nil
}

// RCAMatrix holds the RCA of every exporter in every product of a table.
type RCAMatrix struct {
	Countries []string
	Products  []int // product codes at the table's level
	// Values is country-major: Values[c*len(Products)+p]; 0 where the country does not export p.
	Values []float64
}

// At returns the RCA of country index c in product index p.
func (m *RCAMatrix) At(c, p int) float64 { return m.Values[c*len(m.Products)+p] }

// RCAMatrix computes the RCA of every country in every product at once, for heat maps and
// for ranking partners; it costs one pass over the country × product totals.
func (t *Table) RCAMatrix() *RCAMatrix {
	tot := t.totals()
	np := len(tot.products)
	m := &RCAMatrix{Countries: t.Countries, Products: make([]int, np), Values: make([]float64, len(tot.exports))}
	worldShare := make([]float64, np)
	for p, code := range tot.products {
		m.Products[p] = int(code)
		worldShare[p] = float64(tot.world[p]) / float64(tot.worldTotal)
	}
	for c := range t.Countries {
		total := float64(tot.countryExport[c])
		if total == 0 {
			continue
		}
		row := tot.exports[c*np : (c+1)*np]
		out := m.Values[c*np : (c+1)*np]
		for p, x := range row {
			if x != 0 {
				out[p] = float64(x) / total / worldShare[p]
			}
		}
	}
	return m
}
