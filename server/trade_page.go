package server

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
	"github.com/entente/entente/trade"
)

// tradeScope is what the trade page and its downloads start from: the roadmap, the pair of
// parties compared, the loaded tables and the year asked about.
type tradeScope struct {
	rm     *entente.Roadmap
	a, b   string
	stored []trade.StoredTable
	tables []*trade.Table
	year   int
	names  map[string]string // party names by code, for captions
}

// name returns a party's name, or its code when the directory has none.
func (sc *tradeScope) name(code string) string {
	if n := sc.names[code]; n != "" {
		return n
	}
	return code
}

// tradeScope reads the roadmap of the path and the pair and year of the query: from and to
// must be parties of the roadmap (the first two by default), year a year the data covers (the
// latest bilateral year by default).
func (s *Server) tradeScope(r *http.Request) (*tradeScope, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	rm, err := s.svc.Roadmaps.FindRoadmapByID(r.Context(), id)
	if err != nil {
		return nil, err
	}
	sc := &tradeScope{rm: rm}
	if len(rm.Parties) < 2 {
		return nil, entente.Errorf(entente.EINVALID, "The roadmap has fewer than two parties; trade is compared between two.")
	}
	q := r.URL.Query()
	if sc.a, err = roadmapParty(rm, "from", q.Get("from"), rm.Parties[0]); err != nil {
		return nil, err
	}
	if sc.b, err = roadmapParty(rm, "to", q.Get("to"), rm.Parties[1]); err != nil {
		return nil, err
	}
	if sc.a == sc.b {
		return nil, tradeParamError("to", "must differ from from")
	}
	if s.svc.Trade != nil {
		if sc.stored, err = s.svc.Trade.Tables(r.Context()); err != nil {
			return nil, err
		}
	}
	sc.tables = trade.TablesOf(sc.stored)
	sc.year = trade.DefaultYear(sc.tables, true)
	if y := q.Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || !slices.Contains(trade.CoveredYears(sc.tables), n) {
			return nil, tradeParamError("year", "is not a year the loaded trade data covers")
		}
		sc.year = n
	}
	return sc, nil
}

// roadmapParty reads a party code of the query, which must be one of the roadmap's parties.
func roadmapParty(rm *entente.Roadmap, field, given, def string) (string, error) {
	if given == "" {
		return def, nil
	}
	code := strings.ToUpper(given)
	if !rm.HasParty(code) {
		return "", tradeParamError(field, "is not a party of this roadmap")
	}
	return code, nil
}

// tradeParamError is the EINVALID error of one query parameter of the trade pages.
func tradeParamError(field, problem string) error {
	return &entente.Error{Code: entente.EINVALID, Message: "The " + field + " parameter is invalid: " + problem + ".",
		Fields: map[string]string{field: problem}}
}

// table picks the table that answers for the scope's year, or nil when none does.
func (sc *tradeScope) table(needImports bool) *trade.Table {
	if sc.year == 0 {
		return nil
	}
	t, err := trade.Pick(sc.tables, sc.year, needImports)
	if err != nil {
		return nil
	}
	return t
}

// query is the scope as URL parameters, for links to downloads and other years.
func (sc *tradeScope) query(from, to string) string {
	v := "from=" + from + "&to=" + to
	if sc.year != 0 {
		v += "&year=" + strconv.Itoa(sc.year)
	}
	return v
}

// TradePage shows the trade evidence of a roadmap's two parties: what they trade and how it
// changed, what each is strong in, how well they fit, and where trade could grow.
type TradePage struct {
	Page
	A, B      TradeParty
	Year      int
	Years     []int
	Period    string // the period of the table that answers for Year
	HasData   bool
	Bilateral bool // a bilateral table answers for Year
	// BilateralYears lists the years bilateral tables cover ("2021, 2022"), "" when none do.
	BilateralYears string
	Sources        []string
	Charts         []*SectionChart
	Flows          []*TradeTable
	Tracks         []*TradeTable
	Unmeasured     []string // tracks that trade in goods does not measure
	Fits           []*TradeTable
	Potential      []*TradeTable
	Interests      []*InterestEvidence
}

// TradeParty is one party of the comparison.
type TradeParty struct {
	Code, Name string
}

func (s *Server) handleTradeView(w http.ResponseWriter, r *http.Request) {
	sc, err := s.tradeScope(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx := r.Context()
	p := &TradePage{Page: s.page(r, "trade.title"), Year: sc.year, Years: trade.CoveredYears(sc.tables), HasData: len(sc.tables) > 0}
	p.Roadmap, p.Section = sc.rm, "trade"
	if p.A, p.B, err = s.tradeParties(ctx, sc); err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Title = p.L.T("trade.title_pair", "A", p.A.Name, "B", p.B.Name)
	if p.HasData {
		interests, _, err := s.svc.Interests.FindInterests(ctx, entente.InterestFilter{RoadmapID: sc.rm.ID, Page: entente.Page{Limit: 100}})
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		fillTradePage(p, sc, interests)
	}
	s.render(w, r, "trade", http.StatusOK, p)
}

// tradeParties names the two parties of the scope, from the directory.
func (s *Server) tradeParties(ctx context.Context, sc *tradeScope) (TradeParty, TradeParty, error) {
	parties, _, err := s.svc.Parties.FindParties(ctx, entente.PartyFilter{Codes: []string{sc.a, sc.b}})
	sc.names = map[string]string{}
	for _, p := range parties {
		sc.names[p.Code] = p.Name
	}
	return TradeParty{sc.a, sc.name(sc.a)}, TradeParty{sc.b, sc.name(sc.b)}, err
}

// fillTradePage computes every section of the page from the loaded tables. The chart and the
// flows span every bilateral year; the other tables answer for the chosen year.
func fillTradePage(p *TradePage, sc *tradeScope, interests []*entente.Interest) {
	l := p.L
	for _, st := range sc.stored {
		p.Sources = append(p.Sources, sourceText(l, st))
	}
	var years []string
	for _, t := range annualBilateral(sc.tables) {
		years = append(years, t.Period.String())
	}
	p.BilateralYears = strings.Join(years, ", ")
	p.Charts = sectionCharts(l, sc)
	if len(years) > 0 {
		p.Flows = flowTables(l, sc, 20)
	}
	at := sc.table(false)
	if at != nil {
		p.Period = at.Period.String()
		p.Tracks, p.Unmeasured = trackRCATables(l, sc, at, 10)
	}
	bt := sc.table(true)
	p.Bilateral = bt != nil
	pot := map[[2]string]*trade.Potential{}
	if bt != nil {
		p.Period = bt.Period.String()
		p.Fits = complementarityTables(l, sc, bt, 5)
		pot = potentials(bt, sc.a, sc.b)
		p.Potential = potentialTables(l, sc, bt, pot, 20)
	}
	p.Interests = interestEvidence(l, sc, interests, at, bt, pot, 5)
}

// sourceText describes one stored table for the list of sources.
func sourceText(l *i18n.Locale, st trade.StoredTable) string {
	flows := "trade.source.exports"
	if st.Table.Bilateral {
		flows = "trade.source.bilateral"
	}
	return l.T("trade.source.line", "Source", st.Source, "Period", st.Table.Period.String(),
		"Level", l.T("trade.level."+string(st.Table.Level)), "Flows", l.T(flows))
}

// potentials ranks every product each way between a and b; pages filter the rankings by
// track and interest rather than ranking again.
func potentials(t *trade.Table, a, b string) map[[2]string]*trade.Potential {
	out := map[[2]string]*trade.Potential{}
	for _, dir := range [][2]string{{a, b}, {b, a}} {
		if p, err := t.Potential(dir[0], dir[1], trade.PotentialOptions{}); err == nil {
			out[dir] = p
		}
	}
	return out
}
