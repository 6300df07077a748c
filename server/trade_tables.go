package server

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
	"github.com/entente/entente/trade"
)

// TradeTable is one table of the trade page: a caption, a summary line, the column headings,
// rows of formatted cells, and the CSV download that holds every row (the page shows the
// first ones).
type TradeTable struct {
	L       *i18n.Locale
	ID      string // the element id, for links from the roadmap overview
	Caption string
	Summary string
	Columns []string // the first two are the product code and its description
	Rows    []TradeRow
	CSV     string
	Empty   string // why there are no rows
	Notes   []string
}

// TradeRow is one product of a TradeTable. Descriptions are the HS nomenclature's, in English.
type TradeRow struct {
	Product, Description string
	Cells                []string
	Total                bool
}

// money formats dollars in one unit per table: millions, or thousands when every value is
// below ten million, with one decimal in the reader's language.
type money struct {
	l    *i18n.Locale
	div  float64
	unit string // message id of the unit
}

func moneyFor(l *i18n.Locale, largest float64) money {
	if largest < 1e7 {
		return money{l, 1e3, "trade.unit.thousand"}
	}
	return money{l, 1e6, "trade.unit.million"}
}

func (m money) format(usd float64) string { return m.l.Decimal(usd/m.div, 1) }

// column is a column heading with the unit: "2022 (USD million)".
func (m money) column(label string) string {
	return m.l.T("trade.column.with_unit", "Label", label, "Unit", m.l.T(m.unit))
}

// percent formats a share or a rate (0.123 → 12.3%); nil is a dash.
func percent(l *i18n.Locale, v *float64) string {
	if v == nil {
		return "—"
	}
	return l.T("trade.percent", "N", l.Decimal(100**v, 1))
}

// csvLink is the URL of a download of the trade page.
func csvLink(sc *tradeScope, table, query string) string {
	return "/roadmaps/" + itoa(sc.rm.ID) + "/trade/" + table + ".csv?" + query
}

// shownYears is how many years the flow tables show; the CSV has them all.
const shownYears = 3

// annualBilateral keeps one bilateral table per year, for flows over the years.
func annualBilateral(tables []*trade.Table) []*trade.Table {
	var out []*trade.Table
	for _, t := range trade.OnePerPeriod(tables, true) {
		if !t.Period.Sum() && t.Level == trade.LevelHS4 {
			out = append(out, t)
		}
	}
	return out
}

// flowTables lists the top products each way, over the last years, with their growth.
func flowTables(l *i18n.Locale, sc *tradeScope, top int) []*TradeTable {
	tabs := annualBilateral(sc.tables)
	var out []*TradeTable
	for _, dir := range [][2]string{{sc.a, sc.b}, {sc.b, sc.a}} {
		t := &TradeTable{L: l, ID: "flows-" + dir[0] + "-" + dir[1], CSV: csvLink(sc, "flows", sc.query(dir[0], dir[1])),
			Caption: l.T("trade.flows.caption", "Count", top, "From", sc.name(dir[0]), "To", sc.name(dir[1]))}
		out = append(out, t)
		f, err := trade.BilateralFlows(tabs, dir[0], dir[1], trade.FlowOptions{Top: top})
		if err != nil {
			t.Empty = entente.ErrorMessage(err)
			continue
		}
		fillFlowTable(l, t, f)
	}
	return out
}

// fillFlowTable writes the last years of flows, the total first.
func fillFlowTable(l *i18n.Locale, t *TradeTable, f *trade.Flows) {
	first := max(0, len(f.Years)-shownYears)
	largest := 0.0
	for _, v := range f.Total.ValueUSD[first:] {
		largest = max(largest, float64(v))
	}
	m := moneyFor(l, largest)
	t.Columns = []string{l.T("trade.column.product"), l.T("trade.column.description")}
	for _, y := range f.Years[first:] {
		t.Columns = append(t.Columns, m.column(strconv.Itoa(y)))
	}
	t.Columns = append(t.Columns, l.T("trade.column.growth", "Year", f.Years[len(f.Years)-1]))
	row := func(r trade.FlowRow, total bool) TradeRow {
		out := TradeRow{Product: r.Product, Description: r.Description, Total: total}
		if total {
			out.Product, out.Description = "", l.T("trade.total")
		}
		for _, v := range r.ValueUSD[first:] {
			out.Cells = append(out.Cells, m.format(float64(v)))
		}
		return out
	}
	t.Rows = append(t.Rows, row(f.Total, true))
	t.Rows[0].Cells = append(t.Rows[0].Cells, percent(l, f.Total.Growth[len(f.Years)-1]))
	for _, r := range f.Rows {
		tr := row(r, false)
		tr.Cells = append(tr.Cells, percent(l, r.Growth[len(f.Years)-1]))
		t.Rows = append(t.Rows, tr)
	}
	if len(f.Rows) == 0 {
		t.Empty = l.T("trade.flows.none", "Period", yearsText(f.Years))
	}
}

// yearsText writes the years of a series as a span.
func yearsText(years []int) string {
	if len(years) == 0 {
		return ""
	}
	return trade.Period{First: years[0], Last: years[len(years)-1]}.String()
}

// rcaPair is one product's RCA for both parties.
type rcaPair struct {
	trade.ProductInfo
	export [2]int64
	rca    [2]float64
}

// pairedRCA merges the RCA rows of two parties in a set of products, strongest first.
func pairedRCA(t *trade.Table, a, b string, set *trade.ProductSet) ([]rcaPair, error) {
	byCode := map[string]*rcaPair{}
	var out []*rcaPair
	for i, party := range []string{a, b} {
		rows, err := t.RCA(party, trade.RCAOptions{Products: set})
		if err != nil && entente.ErrorCode(err) != entente.ENOTFOUND {
			return nil, err
		}
		for _, r := range rows {
			p := byCode[r.Product]
			if p == nil {
				p = &rcaPair{ProductInfo: r.ProductInfo}
				byCode[r.Product] = p
				out = append(out, p)
			}
			p.export[i], p.rca[i] = r.ExportUSD, r.RCA
		}
	}
	slices.SortFunc(out, func(x, y *rcaPair) int {
		return cmp.Or(cmp.Compare(max(y.rca[0], y.rca[1]), max(x.rca[0], x.rca[1])), cmp.Compare(x.Product, y.Product))
	})
	res := make([]rcaPair, len(out))
	for i, p := range out {
		res[i] = *p
	}
	return res, nil
}

// trackRCATables shows, per track measured by trade in goods, both parties' RCA in its
// products; tracks that goods do not measure are returned by title.
func trackRCATables(l *i18n.Locale, sc *tradeScope, t *trade.Table, top int) ([]*TradeTable, []string) {
	var out []*TradeTable
	var unmeasured []string
	seen := map[string]bool{}
	for _, tr := range sc.rm.Tracks {
		set, err := trade.TrackProducts(tr.Sector)
		if err != nil {
			unmeasured = append(unmeasured, tr.Title)
			continue
		}
		if seen[tr.Sector] {
			continue
		}
		seen[tr.Sector] = true
		tt := &TradeTable{L: l, ID: "track-" + tr.Sector, Caption: l.T("trade.rca.caption", "Track", tr.Title, "Period", t.Period.String()),
			Summary: l.T("trade.rca.products", "Ranges", set.String()),
			CSV:     csvLink(sc, "rca", sc.query(sc.a, sc.b)+"&track="+tr.Sector)}
		rows, err := pairedRCA(t, sc.a, sc.b, set)
		if err != nil {
			tt.Empty = l.T("trade.rca.needs_hs4")
		} else {
			fillRCATable(l, tt, sc, rows, top)
		}
		out = append(out, tt)
	}
	return out, unmeasured
}

// fillRCATable writes the first rows of a paired RCA list.
func fillRCATable(l *i18n.Locale, t *TradeTable, sc *tradeScope, rows []rcaPair, top int) {
	rows = rows[:min(top, len(rows))]
	largest := 0.0
	for _, r := range rows {
		largest = max(largest, float64(r.export[0]), float64(r.export[1]))
	}
	m := moneyFor(l, largest)
	t.Columns = []string{l.T("trade.column.product"), l.T("trade.column.description"),
		m.column(l.T("trade.column.exports_of", "Party", sc.a)), l.T("trade.column.rca_of", "Party", sc.a),
		m.column(l.T("trade.column.exports_of", "Party", sc.b)), l.T("trade.column.rca_of", "Party", sc.b)}
	for _, r := range rows {
		var cells []string
		for i := range 2 {
			if r.export[i] == 0 { // the party does not export the product: no RCA to show
				cells = append(cells, "—", "—")
				continue
			}
			cells = append(cells, m.format(float64(r.export[i])), l.Decimal(r.rca[i], 1))
		}
		t.Rows = append(t.Rows, TradeRow{Product: r.Product, Description: r.Description, Cells: cells})
	}
	if len(rows) == 0 {
		t.Empty = l.T("trade.rca.none")
	}
}

// complementarityTables shows the complementarity index both ways with the products that
// make most of each overlap.
func complementarityTables(l *i18n.Locale, sc *tradeScope, t *trade.Table, top int) []*TradeTable {
	ab, ba, err := t.ComplementarityBothWays(sc.a, sc.b, top)
	var out []*TradeTable
	for _, c := range []*trade.Complementarity{ab, ba} {
		if c == nil {
			continue
		}
		tt := &TradeTable{L: l, ID: "fit-" + c.Exporter + "-" + c.Importer, CSV: csvLink(sc, "complementarity", sc.query(c.Exporter, c.Importer)),
			Caption: l.T("trade.fit.caption", "From", sc.name(c.Exporter), "To", sc.name(c.Importer), "Period", c.Period.String())}
		out = append(out, tt)
		if !c.Available {
			tt.Empty = l.T("trade.needs_baci")
			continue
		}
		tt.Summary = l.T("trade.fit.index", "Index", l.Decimal(c.Index, 1))
		tt.Columns = []string{l.T("trade.column.product"), l.T("trade.column.description"), l.T("trade.column.export_share", "Party", c.Exporter),
			l.T("trade.column.import_share", "Party", c.Importer), l.T("trade.column.points")}
		for _, r := range c.Products {
			tt.Rows = append(tt.Rows, TradeRow{Product: r.Product, Description: r.Description, Cells: []string{
				percent(l, &r.ExportShare), percent(l, &r.ImportShare), l.Decimal(r.Overlap, 2)}})
		}
	}
	if err != nil && len(out) == 0 {
		out = append(out, &TradeTable{L: l, ID: "fit", Caption: l.T("trade.fit.title"), Empty: entente.ErrorMessage(err)})
	}
	return out
}

// potentialTables shows the export-potential ranking each way.
func potentialTables(l *i18n.Locale, sc *tradeScope, t *trade.Table, pot map[[2]string]*trade.Potential, top int) []*TradeTable {
	var out []*TradeTable
	for _, dir := range [][2]string{{sc.a, sc.b}, {sc.b, sc.a}} {
		tt := &TradeTable{L: l, ID: "potential-" + dir[0] + "-" + dir[1], CSV: csvLink(sc, "potential", sc.query(dir[0], dir[1])),
			Caption: l.T("trade.potential.caption", "From", sc.name(dir[0]), "To", sc.name(dir[1]), "Period", t.Period.String())}
		out = append(out, tt)
		p := pot[dir]
		if p == nil || !p.Available {
			tt.Empty = l.T("trade.potential.none_available", "From", dir[0], "To", dir[1])
			continue
		}
		rows := p.Rows[:min(top, len(p.Rows))]
		m := fillPotentialTable(l, tt, rows)
		tt.Summary = l.T("trade.potential.summary", "Ease", l.Decimal(p.Ease, 2), "Untapped", m.format(p.UntappedUSD), "Unit", l.T(m.unit))
		if p.Note != "" {
			tt.Notes = append(tt.Notes, l.T("trade.potential.no_trade", "From", dir[0], "To", dir[1], "Period", p.Period.String()))
		}
	}
	return out
}

// fillPotentialTable writes ranked potential rows and returns the unit it chose.
func fillPotentialTable(l *i18n.Locale, t *TradeTable, rows []trade.PotentialRow) money {
	largest := 0.0
	for _, r := range rows {
		largest = max(largest, float64(r.DemandUSD), r.ExpectedUSD)
	}
	m := moneyFor(l, largest)
	t.Columns = []string{l.T("trade.column.product"), l.T("trade.column.description"), l.T("trade.column.rca"),
		m.column(l.T("trade.column.demand")), m.column(l.T("trade.column.expected")), m.column(l.T("trade.column.actual")),
		m.column(l.T("trade.column.untapped"))}
	for _, r := range rows {
		t.Rows = append(t.Rows, TradeRow{Product: r.Product, Description: r.Description, Cells: []string{
			l.Decimal(r.RCA, 1), m.format(float64(r.DemandUSD)), m.format(r.ExpectedUSD), m.format(float64(r.ActualUSD)), m.format(r.UntappedUSD)}})
	}
	if len(rows) == 0 {
		t.Empty = l.T("trade.potential.none")
	}
	return m
}
