package trade

import (
	"cmp"
	"fmt"
	"slices"
)

// importsUnknown says why an indicator that needs imports cannot be computed on a table.
func importsUnknown(t *Table) string {
	return fmt.Sprintf("The %s table holds exports to the world only, so no country's imports are known; "+
		"this indicator needs bilateral data such as a CEPII BACI file for the year.", t.Period)
}

// Complementarity is the trade complementarity index of an exporter's exports with an
// importer's imports (Michaely):
//
//	TC(a,b) = 100 × (1 − ½ Σp |m(b,p) − x(a,p)|) = 100 × Σp min(m(b,p), x(a,p))
//
// where x(a,p) is p's share of a's exports to the world and m(b,p) its share of b's imports from
// the world. 0 means a sells nothing b buys; 100 means a's export basket is b's import basket.
// It is not symmetric: compute it both ways.
type Complementarity struct {
	Exporter string `json:"exporter"`
	Importer string `json:"importer"`
	Period   Period `json:"period"`
	// Available is false when the table has no imports (an export-only table); Reason says so
	// and Index is meaningless.
	Available bool    `json:"available"`
	Reason    string  `json:"reason,omitempty"`
	Index     float64 `json:"index"`
	// Products lists the products that make the overlap, largest first.
	Products []OverlapRow `json:"products,omitempty"`
}

// OverlapRow is one product's part of a complementarity index.
type OverlapRow struct {
	ProductInfo
	ExportShare float64 `json:"export_share"` // of the exporter's exports
	ImportShare float64 `json:"import_share"` // of the importer's imports
	// Overlap is 100 × min(ExportShare, ImportShare): the product's points of the index.
	Overlap float64 `json:"overlap"`
}

// Complementarity computes the index of exporter's exports with importer's imports, with the
// top products of the overlap (all when top is 0).
func (t *Table) Complementarity(exporter, importer string, top int) (*Complementarity, error) {
	res := &Complementarity{Exporter: exporter, Importer: importer, Period: t.Period}
	if err := samePartyError(exporter, importer, "importer"); err != nil {
		return nil, err
	}
	a, err := t.partyIndex(exporter, "exporter")
	if err != nil {
		return nil, err
	}
	if !t.Bilateral {
		res.Reason = importsUnknown(t)
		return res, nil
	}
	b, err := t.partyIndex(importer, "importer")
	if err != nil {
		return nil, err
	}
	tot := t.totals()
	xa, mb := float64(tot.countryExport[a]), float64(tot.countryImport[b])
	if xa == 0 || mb == 0 {
		res.Reason = fmt.Sprintf("%s exports nothing or %s imports nothing in %s.", exporter, importer, t.Period)
		return res, nil
	}
	res.Available = true
	np := len(tot.products)
	for p, code := range tot.products {
		xs := float64(tot.exports[a*np+p]) / xa
		ms := float64(tot.imports[b*np+p]) / mb
		if o := min(xs, ms); o > 0 {
			res.Index += 100 * o
			res.Products = append(res.Products, OverlapRow{productInfo(t.Level, int(code)), xs, ms, 100 * o})
		}
	}
	slices.SortFunc(res.Products, func(x, y OverlapRow) int {
		return cmp.Or(cmp.Compare(y.Overlap, x.Overlap), cmp.Compare(x.Product, y.Product))
	})
	if top > 0 && len(res.Products) > top {
		res.Products = res.Products[:top]
	}
	return res, nil
}

// ComplementarityBothWays computes the index of a's exports with b's imports and of b's exports
// with a's imports, as the trade page shows them side by side.
func (t *Table) ComplementarityBothWays(a, b string, top int) (ab, ba *Complementarity, err error) {
	if ab, err = t.Complementarity(a, b, top); err != nil {
		return nil, nil, err
	}
	if ba, err = t.Complementarity(b, a, top); err != nil {
		return nil, nil, err
	}
	return ab, ba, nil
}

// Intensity is the trade intensity index of exporter a with partner b (as WITS defines it):
//
//	TII(a,b) = (x(a,b) / X(a)) / (M(b) / M(w))
//
// the share of a's exports that go to b, over b's share of world imports. Above 1, a sells to
// b more than b's weight in world trade would suggest; below 1, less.
type Intensity struct {
	Exporter string `json:"exporter"`
	Importer string `json:"importer"`
	Period   Period `json:"period"`
	// Available is false on export-only tables, where neither x(a,b) nor M(b) is known.
	Available      bool    `json:"available"`
	Reason         string  `json:"reason,omitempty"`
	ToPartnerUSD   int64   `json:"to_partner_usd"`  // x(a,b)
	ExportsUSD     int64   `json:"exports_usd"`     // X(a)
	PartnerImports int64   `json:"partner_imports"` // M(b)
	WorldImports   int64   `json:"world_imports"`   // M(w), equal to world exports in BACI
	Index          float64 `json:"index"`
}

// Intensity computes the trade intensity index of exporter with importer.
func (t *Table) Intensity(exporter, importer string) (*Intensity, error) {
	res := &Intensity{Exporter: exporter, Importer: importer, Period: t.Period}
	if err := samePartyError(exporter, importer, "importer"); err != nil {
		return nil, err
	}
	a, err := t.partyIndex(exporter, "exporter")
	if err != nil {
		return nil, err
	}
	if !t.Bilateral {
		res.Reason = importsUnknown(t)
		return res, nil
	}
	b, err := t.partyIndex(importer, "importer")
	if err != nil {
		return nil, err
	}
	tot := t.totals()
	res.ExportsUSD, res.PartnerImports, res.WorldImports = tot.countryExport[a], tot.countryImport[b], tot.worldTotal
	lo, hi := t.pairRange(a, b)
	for i := lo; i < hi; i++ {
		res.ToPartnerUSD += t.cols.value[i]
	}
	if res.ExportsUSD == 0 || res.PartnerImports == 0 {
		res.Reason = fmt.Sprintf("%s exports nothing or %s imports nothing in %s.", exporter, importer, t.Period)
		return res, nil
	}
	res.Available = true
	res.Index = (float64(res.ToPartnerUSD) / float64(res.ExportsUSD)) / (float64(res.PartnerImports) / float64(res.WorldImports))
	return res, nil
}
