package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/trade"
)

// tradeDownload is one CSV of the trade page: its file name and how to write it.
type tradeDownload struct {
	file  string
	write func(io.Writer) error
}

// handleTradeCSV serves every table of the trade page as CSV, with all its rows and a header
// row: series (by section; world=1 for exports to the world), flows, rca (track= or
// interest=), complementarity and potential (track= or interest=), for the pair and year of
// the query. The file name carries the party codes.
func (s *Server) handleTradeCSV(w http.ResponseWriter, r *http.Request) {
	sc, err := s.tradeScope(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	name, ok := strings.CutSuffix(r.PathValue("table"), ".csv")
	var d *tradeDownload
	switch {
	case !ok:
		err = entente.Errorf(entente.ENOTFOUND, "no download %s", r.PathValue("table"))
	case name == "series":
		d, err = seriesDownload(sc, r.URL.Query().Get("world") != "")
	case name == "flows":
		d, err = flowsDownload(sc)
	case name == "rca", name == "potential":
		d, err = s.productDownload(r.Context(), sc, name, r.URL.Query())
	case name == "complementarity":
		d, err = complementarityDownload(sc)
	default:
		err = entente.Errorf(entente.ENOTFOUND, "no download %s", name)
	}
	var buf bytes.Buffer
	if err == nil {
		err = d.write(&buf)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+d.file+`"`)
	w.Header().Set("Cache-Control", "no-store")
	buf.WriteTo(w)
}

// fileName joins the parts of a download's name: trade-potential-PAK-BLR-2022.csv.
func fileName(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return "trade-" + strings.Join(keep, "-") + ".csv"
}

func seriesDownload(sc *tradeScope, world bool) (*tradeDownload, error) {
	if world {
		series, err := trade.SeriesBySection(trade.OnePerPeriod(sc.tables, false), sc.a, "")
		if err != nil {
			return nil, err
		}
		return &tradeDownload{fileName("exports-by-section", sc.a), func(w io.Writer) error { return trade.WriteSeriesCSV(w, series) }}, nil
	}
	series, err := trade.SeriesBySection(trade.OnePerPeriod(sc.tables, true), sc.a, sc.b)
	if err != nil {
		return nil, err
	}
	return &tradeDownload{fileName("by-section", sc.a, sc.b), func(w io.Writer) error { return trade.WriteSeriesCSV(w, series) }}, nil
}

func flowsDownload(sc *tradeScope) (*tradeDownload, error) {
	f, err := trade.BilateralFlows(annualBilateral(sc.tables), sc.a, sc.b, trade.FlowOptions{})
	if err != nil {
		return nil, err
	}
	return &tradeDownload{fileName("flows", sc.a, sc.b), func(w io.Writer) error { return trade.WriteFlowsCSV(w, f) }}, nil
}

func complementarityDownload(sc *tradeScope) (*tradeDownload, error) {
	t, err := trade.Pick(sc.tables, sc.year, true)
	if err != nil {
		return nil, err
	}
	c, err := t.Complementarity(sc.a, sc.b, 0)
	if err != nil {
		return nil, err
	}
	return &tradeDownload{fileName("complementarity", sc.a, sc.b, t.Period.String()),
		func(w io.Writer) error { return trade.WriteComplementarityCSV(w, c) }}, nil
}

// productDownload writes the RCA of both parties or the potential ranking, in the products
// of a track (track=) or of an interest (interest=), or in every product.
func (s *Server) productDownload(ctx context.Context, sc *tradeScope, name string, q url.Values) (*tradeDownload, error) {
	set, label, err := s.downloadProducts(ctx, sc, q)
	if err != nil {
		return nil, err
	}
	t, err := trade.Pick(sc.tables, sc.year, name == "potential")
	if err != nil {
		return nil, err
	}
	if name == "rca" {
		rows, err := pairedRCA(t, sc.a, sc.b, set)
		if err != nil {
			return nil, err
		}
		return &tradeDownload{fileName("rca", label, sc.a, sc.b, t.Period.String()),
			func(w io.Writer) error { return writePairedRCACSV(w, sc.a, sc.b, rows) }}, nil
	}
	p, err := t.Potential(sc.a, sc.b, trade.PotentialOptions{Products: set})
	if err != nil {
		return nil, err
	}
	return &tradeDownload{fileName("potential", label, sc.a, sc.b, t.Period.String()),
		func(w io.Writer) error { return trade.WritePotentialCSV(w, p) }}, nil
}

// downloadProducts reads the product filter of a download: a track's sector, or an interest
// of the roadmap; nil keeps every product. It returns a label for the file name.
func (s *Server) downloadProducts(ctx context.Context, sc *tradeScope, q url.Values) (*trade.ProductSet, string, error) {
	if sector := q.Get("track"); sector != "" {
		set, err := trade.TrackProducts(sector)
		if err != nil {
			return nil, "", tradeParamError("track", entente.ErrorMessage(err))
		}
		return set, sector, nil
	}
	id := q.Get("interest")
	if id == "" {
		return nil, "", nil
	}
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return nil, "", tradeParamError("interest", "is not an interest id")
	}
	i, err := s.svc.Interests.FindInterestByID(ctx, n)
	if err != nil || i.RoadmapID != sc.rm.ID {
		return nil, "", entente.NotFound("interest", n)
	}
	set := interestProducts(i)
	if set == nil {
		return nil, "", tradeParamError("interest", "names no goods that trade statistics measure")
	}
	return set, "interest-" + id, nil
}

// writePairedRCACSV writes both parties' RCA in each product.
func writePairedRCACSV(w io.Writer, a, b string, rows []rcaPair) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"product", "description", "section", a + "_export_usd", a + "_rca", b + "_export_usd", b + "_rca"})
	for _, r := range rows {
		cw.Write([]string{r.Product, r.Description, strconv.Itoa(r.Section),
			strconv.FormatInt(r.export[0], 10), strconv.FormatFloat(r.rca[0], 'f', 4, 64),
			strconv.FormatInt(r.export[1], 10), strconv.FormatFloat(r.rca[1], 'f', 4, 64)})
	}
	cw.Flush()
	return cw.Error()
}
