package server

import (
	"context"
	"strconv"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
	"github.com/entente/entente/trade"
)

// InterestEvidence ties an interest of the roadmap (an offer or a request) to the trade
// evidence in its products: where the exporter's potential in the importer's market is
// largest or, without bilateral data, what the exporter is strong in.
type InterestEvidence struct {
	ID                 int64
	Title              string
	Exporter, Importer string
	Products           string // the products as ranges: "HS 52, 61, 62, 63"
	Table              *TradeTable
}

// interestProducts returns the products an interest names (HS chapters, or headings for
// headings and subheadings) or else the products of its sectors that trade in goods
// measures; nil when it names no goods.
func interestProducts(i *entente.Interest) *trade.ProductSet {
	set := &trade.ProductSet{}
	for _, p := range i.Products {
		digits := min(4, len(p))
		n, err := strconv.Atoi(p[:digits])
		if err != nil || (digits != 2 && digits != 4) {
			continue
		}
		set.Ranges = append(set.Ranges, trade.HSRange{From: n, To: n, Digits: digits})
	}
	if len(set.Ranges) == 0 {
		for _, sector := range i.Sectors {
			if ps, err := trade.TrackProducts(sector); err == nil {
				set.Ranges = append(set.Ranges, ps.Ranges...)
			}
		}
	}
	if len(set.Ranges) == 0 {
		return nil
	}
	return set
}

// interestDirection returns who would export and who would import: an offer goes from the
// party that offers; a request is the requesting party's imports from the other.
func interestDirection(i *entente.Interest) (exporter, importer string) {
	if i.Kind == entente.InterestRequest {
		return i.ToParty, i.FromParty
	}
	return i.FromParty, i.ToParty
}

// inSet keeps the rows of a potential ranking whose products are in a set, up to top.
func inSet(level trade.Level, rows []trade.PotentialRow, set *trade.ProductSet, top int) []trade.PotentialRow {
	var out []trade.PotentialRow
	for _, r := range rows {
		if code, ok := trade.ParseProduct(level, r.Product); ok && set.Contains(level, code) && len(out) < top {
			out = append(out, r)
		}
	}
	return out
}

// potentialFor returns the ranking of a pair, computing it when the page has not.
func potentialFor(t *trade.Table, pot map[[2]string]*trade.Potential, from, to string) *trade.Potential {
	if p, ok := pot[[2]string{from, to}]; ok {
		return p
	}
	p, err := t.Potential(from, to, trade.PotentialOptions{})
	if err != nil {
		p = nil
	}
	pot[[2]string{from, to}] = p
	return p
}

// interestEvidence gives each interest that names goods, between parties of the roadmap, the
// top products of its evidence.
func interestEvidence(l *i18n.Locale, sc *tradeScope, interests []*entente.Interest, at, bt *trade.Table,
	pot map[[2]string]*trade.Potential, top int) []*InterestEvidence {
	var out []*InterestEvidence
	for _, i := range interests {
		set := interestProducts(i)
		exp, imp := interestDirection(i)
		if set == nil || !sc.rm.HasParty(exp) || !sc.rm.HasParty(imp) || at == nil {
			continue
		}
		ev := &InterestEvidence{ID: i.ID, Title: i.Title, Exporter: exp, Importer: imp, Products: set.String()}
		tt := &TradeTable{L: l, ID: "interest-" + itoa(i.ID)}
		q := sc.query(exp, imp) + "&interest=" + itoa(i.ID)
		if bt != nil {
			tt.Caption = l.T("trade.interest.potential", "From", sc.name(exp), "To", sc.name(imp), "Period", bt.Period.String())
			tt.CSV = csvLink(sc, "potential", q)
			if p := potentialFor(bt, pot, exp, imp); p != nil && p.Available {
				fillPotentialTable(l, tt, inSet(bt.Level, p.Rows, set, top))
			} else {
				tt.Empty = l.T("trade.potential.none_available", "From", exp, "To", imp)
			}
		} else {
			tt.Caption = l.T("trade.interest.strengths", "Party", sc.name(exp), "Period", at.Period.String())
			tt.CSV = csvLink(sc, "rca", q)
			tt.Notes = []string{l.T("trade.needs_baci")}
			rows, err := at.RCA(exp, trade.RCAOptions{Products: set, Top: top})
			fillStrengthTable(l, tt, exp, rows, err)
		}
		ev.Table = tt
		out = append(out, ev)
	}
	return out
}

// fillStrengthTable writes one party's RCA rows.
func fillStrengthTable(l *i18n.Locale, t *TradeTable, party string, rows []trade.RCARow, err error) {
	if err != nil {
		t.Empty = l.T("trade.rca.needs_hs4")
		return
	}
	largest := 0.0
	for _, r := range rows {
		largest = max(largest, float64(r.ExportUSD))
	}
	m := moneyFor(l, largest)
	t.Columns = []string{l.T("trade.column.product"), l.T("trade.column.description"),
		m.column(l.T("trade.column.exports_of", "Party", party)), l.T("trade.column.rca_of", "Party", party)}
	for _, r := range rows {
		t.Rows = append(t.Rows, TradeRow{Product: r.Product, Description: r.Description,
			Cells: []string{m.format(float64(r.ExportUSD)), l.Decimal(r.RCA, 1)}})
	}
	if len(rows) == 0 {
		t.Empty = l.T("trade.rca.none")
	}
}

// TradeSummary is the roadmap overview's view of the trade evidence: per track, what the two
// parties trade in its products and the products with the most potential each way (or each
// one's strongest products, when only export tables are loaded), and the interests with
// their evidence.
type TradeSummary struct {
	Href      string
	Period    string
	Bilateral bool
	Tracks    []TradeTrackSummary
	Interests []*InterestEvidence
}

// TradeTrackSummary is one track of the summary.
type TradeTrackSummary struct {
	Title, Href string
	Ways        []TradeWay
}

// TradeWay is one direction of a track: the trade in its products and the top products.
type TradeWay struct {
	From, To string
	Value    string // empty without bilateral data
	Top      []string
}

// summaryTop is how many products the overview names per track and direction.
const summaryTop = 3

// tradeSummary computes the overview's trade section; nil when no trade data is loaded. Its
// failures are logged and leave the section out: the overview does not depend on it.
func (s *Server) tradeSummary(ctx context.Context, l *i18n.Locale, rm *entente.Roadmap, interests []*entente.Interest) *TradeSummary {
	if s.svc.Trade == nil || len(rm.Parties) < 2 {
		return nil
	}
	stored, err := s.svc.Trade.Tables(ctx)
	if err != nil {
		s.log.Error("reading trade tables for the overview", "request_id", entente.RequestIDFrom(ctx), "error", err)
		return nil
	}
	sc := &tradeScope{rm: rm, a: rm.Parties[0], b: rm.Parties[1], stored: stored, tables: trade.TablesOf(stored)}
	sc.year = trade.DefaultYear(sc.tables, true)
	at, bt := sc.table(false), sc.table(true)
	if at == nil {
		return &TradeSummary{Href: "/roadmaps/" + itoa(rm.ID) + "/trade"}
	}
	sum := &TradeSummary{Href: "/roadmaps/" + itoa(rm.ID) + "/trade", Period: at.Period.String(), Bilateral: bt != nil}
	pot := map[[2]string]*trade.Potential{}
	if bt != nil {
		sum.Period = bt.Period.String()
		pot = potentials(bt, sc.a, sc.b)
	}
	for _, tr := range rm.Tracks {
		set, err := trade.TrackProducts(tr.Sector)
		if err != nil {
			continue
		}
		ts := TradeTrackSummary{Title: tr.Title, Href: sum.Href + "#track-" + tr.Sector}
		for _, dir := range [][2]string{{sc.a, sc.b}, {sc.b, sc.a}} {
			ts.Ways = append(ts.Ways, trackWay(l, at, bt, pot, set, dir))
		}
		sum.Tracks = append(sum.Tracks, ts)
	}
	sum.Interests = interestEvidence(l, sc, interests, at, bt, pot, summaryTop)
	return sum
}

// trackWay sums one direction's trade in a track's products and names its top products.
func trackWay(l *i18n.Locale, at, bt *trade.Table, pot map[[2]string]*trade.Potential, set *trade.ProductSet, dir [2]string) TradeWay {
	w := TradeWay{From: dir[0], To: dir[1]}
	if bt == nil {
		rows, _ := at.RCA(dir[0], trade.RCAOptions{Products: set, Top: summaryTop})
		for _, r := range rows {
			w.Top = append(w.Top, r.Product+" "+r.Description)
		}
		return w
	}
	if f, err := trade.BilateralFlows([]*trade.Table{bt}, dir[0], dir[1], trade.FlowOptions{Products: set}); err == nil {
		v := float64(f.Total.ValueUSD[0])
		m := moneyFor(l, v)
		w.Value = l.T("trade.amount", "Value", m.format(v), "Unit", l.T(m.unit))
	}
	if p := pot[dir]; p != nil && p.Available {
		for _, r := range inSet(bt.Level, p.Rows, set, summaryTop) {
			w.Top = append(w.Top, r.Product+" "+r.Description)
		}
	}
	return w
}
