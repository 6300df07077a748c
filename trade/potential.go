package trade

import (
	"cmp"
	"fmt"
	"slices"
)

// Potential ranks the products exporter A could sell more of to market B. For each product p:
//
//	supply(p)   = x(A,p) / x(w,p)       A's share of world exports of p: its capacity to supply,
//	                                    equal to RCA(A,p) × X(A)/X(w)
//	demand(p)   = M(B,p)                B's imports of p from the world
//	ease        = TII(A,B)              the trade intensity index of A with B (Intensity)
//	expected(p) = supply(p) × demand(p) × ease
//	untapped(p) = expected(p) − x(A,B,p)  minus what A already sells B
//
// Products are ranked by untapped value; those A already sells B beyond expectation are left
// out. In words: if A held in B's market the share it holds in the world, adjusted by how
// much A and B trade with each other as a rule, it would sell expected(p); untapped(p) is the
// gap. When A sells B nothing at all the ease is unknown, not zero: it is then taken as 1
// (neutral) and Note says so. The ranking needs imports, so export-only tables give
// Available false with the Reason.
type Potential struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Period Period `json:"period"`
	// Available is false when the table has no imports; Reason then says why.
	Available bool    `json:"available"`
	Reason    string  `json:"reason,omitempty"`
	Ease      float64 `json:"ease"`
	Note      string  `json:"note,omitempty"`
	// UntappedUSD sums the untapped value of all ranked products (before Top).
	UntappedUSD float64        `json:"untapped_usd"`
	Rows        []PotentialRow `json:"rows"`
}

// PotentialRow is one product of an export-potential ranking.
type PotentialRow struct {
	ProductInfo
	Supply      float64 `json:"supply"` // A's share of world exports (0–1)
	RCA         float64 `json:"rca"`
	DemandUSD   int64   `json:"demand_usd"`
	ExpectedUSD float64 `json:"expected_usd"`
	ActualUSD   int64   `json:"actual_usd"`
	UntappedUSD float64 `json:"untapped_usd"`
}

// PotentialOptions select the products of a ranking.
type PotentialOptions struct {
	// Products keeps only a set (a roadmap track); nil keeps all.
	Products *ProductSet
	// MinRCA keeps only products in which A has at least this RCA; 1 keeps A's revealed
	// strengths, 0 (the zero value) keeps every product A exports.
	MinRCA float64
	// Top keeps the first Top rows; 0 keeps all.
	Top int
}

// Potential ranks the export potential of products from one party to another.
func (t *Table) Potential(from, to string, opt PotentialOptions) (*Potential, error) {
	res := &Potential{From: from, To: to, Period: t.Period, Rows: []PotentialRow{}}
	if err := samePartyError(from, to, "to"); err != nil {
		return nil, err
	}
	a, err := t.partyIndex(from, "from")
	if err != nil {
		return nil, err
	}
	if err := t.checkFilter(opt.Products); err != nil {
		return nil, err
	}
	if !t.Bilateral {
		res.Reason = importsUnknown(t)
		return res, nil
	}
	b, err := t.partyIndex(to, "to")
	if err != nil {
		return nil, err
	}
	in, _ := t.Intensity(from, to)
	if !in.Available {
		res.Reason = in.Reason
		return res, nil
	}
	res.Available, res.Ease = true, in.Index
	if in.ToPartnerUSD == 0 {
		res.Ease = 1
		res.Note = fmt.Sprintf("%s sold %s nothing in %s, so the ease of trade is unknown and taken as 1 (neutral).", from, to, t.Period)
	}
	res.Rows = t.rankPotential(a, b, res.Ease, opt)
	for _, r := range res.Rows {
		res.UntappedUSD += r.UntappedUSD
	}
	if opt.Top > 0 && len(res.Rows) > opt.Top {
		res.Rows = res.Rows[:opt.Top]
	}
	return res, nil
}

// rankPotential computes the rows for exporter a and market b, ranked by untapped value.
func (t *Table) rankPotential(a, b int, ease float64, opt PotentialOptions) []PotentialRow {
	tot := t.totals()
	np := len(tot.products)
	actual := make([]int64, np)
	lo, hi := t.pairRange(a, b)
	for i := lo; i < hi; i++ {
		actual[tot.productIndex[t.cols.product[i]]] += t.cols.value[i]
	}
	xa := float64(tot.countryExport[a])
	rows := []PotentialRow{}
	for p, code := range tot.products {
		x, demand := tot.exports[a*np+p], tot.imports[b*np+p]
		if x == 0 || demand == 0 || !opt.Products.Contains(t.Level, int(code)) {
			continue
		}
		supply := float64(x) / float64(tot.world[p])
		rca := (float64(x) / xa) / (float64(tot.world[p]) / float64(tot.worldTotal))
		expected := supply * float64(demand) * ease
		untapped := expected - float64(actual[p])
		if rca < opt.MinRCA || untapped <= 0 {
			continue
		}
		rows = append(rows, PotentialRow{productInfo(t.Level, int(code)), supply, rca, demand, expected, actual[p], untapped})
	}
	slices.SortFunc(rows, func(x, y PotentialRow) int {
		return cmp.Or(cmp.Compare(y.UntappedUSD, x.UntappedUSD), cmp.Compare(x.Product, y.Product))
	})
	return rows
}
