package trade

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
)

// The CSV writers give every table a page shows as a download: one header line, one line
// per row, dollars as whole numbers, shares and indices as decimals with a fixed precision so
// that files compare line by line.

func usd(v int64) string            { return strconv.FormatInt(v, 10) }
func usdf(v float64) string         { return strconv.FormatInt(int64(math.Round(v)), 10) }
func fixed(v float64, n int) string { return strconv.FormatFloat(v, 'f', n, 64) }

func productFields(p ProductInfo) []string {
	return []string{p.Product, p.Description, SectionRoman(p.Section)}
}

func writeAll(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	cw.Write(header)
	cw.WriteAll(rows)
	return cw.Error()
}

// WriteRCACSV writes an RCA list.
func WriteRCACSV(w io.Writer, rows []RCARow) error {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = append(productFields(r.ProductInfo), usd(r.ExportUSD), fixed(r.Share, 6), fixed(r.WorldShare, 6), fixed(r.RCA, 4))
	}
	return writeAll(w, []string{"product", "description", "section", "export_usd", "share", "world_share", "rca"}, out)
}

// WritePotentialCSV writes an export-potential ranking. An unavailable ranking writes its
// header and no rows.
func WritePotentialCSV(w io.Writer, p *Potential) error {
	out := make([][]string, len(p.Rows))
	for i, r := range p.Rows {
		out[i] = append(productFields(r.ProductInfo), fixed(r.Supply, 6), fixed(r.RCA, 4),
			usd(r.DemandUSD), usdf(r.ExpectedUSD), usd(r.ActualUSD), usdf(r.UntappedUSD))
	}
	return writeAll(w, []string{"product", "description", "section", "supply_share", "rca", "demand_usd", "expected_usd", "actual_usd", "untapped_usd"}, out)
}

// WriteComplementarityCSV writes the products of a complementarity index.
func WriteComplementarityCSV(w io.Writer, c *Complementarity) error {
	out := make([][]string, len(c.Products))
	for i, r := range c.Products {
		out[i] = append(productFields(r.ProductInfo), fixed(r.ExportShare, 6), fixed(r.ImportShare, 6), fixed(r.Overlap, 4))
	}
	return writeAll(w, []string{"product", "description", "section", "export_share", "import_share", "overlap_points"}, out)
}

// WriteFlowsCSV writes bilateral flows: a value and a growth column per year, the total first.
func WriteFlowsCSV(w io.Writer, f *Flows) error {
	header := []string{"product", "description", "section"}
	for _, y := range f.Years {
		header = append(header, fmt.Sprintf("value_usd_%d", y), fmt.Sprintf("growth_%d", y))
	}
	var out [][]string
	for _, r := range append([]FlowRow{f.Total}, f.Rows...) {
		line := productFields(r.ProductInfo)
		for i, v := range r.ValueUSD {
			g := ""
			if r.Growth[i] != nil {
				g = fixed(*r.Growth[i], 4)
			}
			line = append(line, usd(v), g)
		}
		out = append(out, line)
	}
	return writeAll(w, header, out)
}

// WriteSeriesCSV writes a section series: a value column per period.
func WriteSeriesCSV(w io.Writer, s *SectionSeries) error {
	header := []string{"section", "name"}
	for _, p := range s.Periods {
		header = append(header, "value_usd_"+p.String())
	}
	var out [][]string
	for _, l := range s.Lines {
		line := []string{l.Roman, l.Name}
		for _, v := range l.ValueUSD {
			line = append(line, usd(v))
		}
		out = append(out, line)
	}
	total := []string{"total", "All sections"}
	for _, v := range s.Total {
		total = append(total, usd(v))
	}
	return writeAll(w, header, append(out, total))
}

// WriteCellsCSV writes every cell of a table, for those who want the aggregated data itself.
func WriteCellsCSV(w io.Writer, t *Table) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"exporter", "importer", "product", "value_usd", "quantity_kg", "quantity_partial"})
	for c := range t.Cells() {
		imp := c.Importer
		if !t.Bilateral {
			imp = "WLD"
		}
		cw.Write([]string{c.Exporter, imp, ProductCode(t.Level, c.Product), usd(c.ValueUSD),
			strconv.FormatInt(c.QuantityKg, 10), strconv.FormatBool(c.QuantityPartial)})
	}
	cw.Flush()
	return cw.Error()
}
