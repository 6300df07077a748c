package trade

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// The text writers print results on a terminal for the entente trade commands: aligned
// columns, dollars in millions (or thousands, when every value is below ten million) with one
// decimal, indices with one decimal.

// moneyUnit is the unit a text table shows dollars in.
type moneyUnit struct {
	divisor float64
	label   string
}

// unitFor picks millions unless the largest value would read 0.0–9.9 million, where
// thousands say more.
func unitFor(largest float64) moneyUnit {
	if largest < 1e7 {
		return moneyUnit{1e3, "k USD"}
	}
	return moneyUnit{1e6, "M USD"}
}

// format writes dollars in the unit with one decimal and thousands separators: 4,568.5.
func (u moneyUnit) format(usd float64) string {
	s := fmt.Sprintf("%.1f", usd/u.divisor)
	whole, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String() + "." + frac
	}
	return b.String() + "." + frac
}

func newTab(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
}

// WriteRCAText prints an RCA list: product code, description, export value, RCA.
func WriteRCAText(w io.Writer, country string, period Period, rows []RCARow) error {
	fmt.Fprintf(w, "Revealed comparative advantage of %s (%s), %s\n", PartyName(country), country, period)
	largest := 0.0
	for _, r := range rows {
		largest = max(largest, float64(r.ExportUSD))
	}
	u := unitFor(largest)
	tw := newTab(w)
	fmt.Fprintf(tw, "product\tdescription\texports (%s)\tRCA\n", u.label)
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.1f\n", r.Product, r.Description, u.format(float64(r.ExportUSD)), r.RCA)
	}
	return tw.Flush()
}

// WritePotentialText prints an export-potential ranking, or why there is none.
func WritePotentialText(w io.Writer, p *Potential) error {
	fmt.Fprintf(w, "Export potential of %s in %s, %s\n", PartyName(p.From), PartyName(p.To), p.Period)
	if !p.Available {
		_, err := fmt.Fprintln(w, p.Reason)
		return err
	}
	largest := p.UntappedUSD
	for _, r := range p.Rows {
		largest = max(largest, float64(r.DemandUSD))
	}
	u := unitFor(largest)
	fmt.Fprintf(w, "Ease of trade (intensity index): %.2f. Untapped in all ranked products: %s %s.\n", p.Ease, u.format(p.UntappedUSD), u.label)
	if p.Note != "" {
		fmt.Fprintln(w, p.Note)
	}
	tw := newTab(w)
	fmt.Fprintf(tw, "product\tdescription\tRCA\tdemand (%s)\texpected\tactual\tuntapped\n", u.label)
	for _, r := range p.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%.1f\t%s\t%s\t%s\t%s\n", r.Product, r.Description, r.RCA, u.format(float64(r.DemandUSD)),
			u.format(r.ExpectedUSD), u.format(float64(r.ActualUSD)), u.format(r.UntappedUSD))
	}
	return tw.Flush()
}

// WriteComplementarityText prints complementarity indices (one per direction) with the
// products that make each overlap.
func WriteComplementarityText(w io.Writer, results ...*Complementarity) error {
	for i, c := range results {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "Complementarity of %s's exports with %s's imports, %s: ", c.Exporter, c.Importer, c.Period)
		if !c.Available {
			fmt.Fprintln(w, "not available.")
			fmt.Fprintln(w, c.Reason)
			continue
		}
		fmt.Fprintf(w, "%.1f of 100\n", c.Index)
		tw := newTab(w)
		fmt.Fprintln(tw, "product\tdescription\texport share\timport share\tpoints")
		for _, r := range c.Products {
			fmt.Fprintf(tw, "%s\t%s\t%.1f%%\t%.1f%%\t%.2f\n", r.Product, r.Description, 100*r.ExportShare, 100*r.ImportShare, r.Overlap)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// WriteSummaryText prints what a load did, file by file, with the kept problems.
func WriteSummaryText(w io.Writer, r *Result) error {
	for _, f := range r.Files {
		fmt.Fprintf(w, "%s: %s\n", f.Path, f.Format)
		switch {
		case f.AlreadyLoaded:
			fmt.Fprintf(w, "  already loaded (dataset %.12s); nothing to do\n", f.Dataset)
		case f.Kind == KindCountryCodes || f.Kind == KindProductCodes:
			fmt.Fprintf(w, "  %d codes\n", f.Kept)
		case f.Kind != "":
			fmt.Fprintf(w, "  %d lines read, %d kept, %d rejected; %s; exporters %d, importers %d, products %d, cells %d\n",
				f.Lines, f.Kept, f.Rejected, periodsText(f.Periods), f.Exporters, f.Importers, f.Products, f.Cells)
			if f.Dataset != "" {
				fmt.Fprintf(w, "  dataset %.12s\n", f.Dataset)
			}
		}
		if len(f.RejectedBy) > 0 {
			var parts []string
			for _, reason := range (&problemLog{byReason: f.RejectedBy}).reasons() {
				parts = append(parts, fmt.Sprintf("%d %s", f.RejectedBy[reason], reason))
			}
			fmt.Fprintf(w, "  rejected: %s\n", strings.Join(parts, ", "))
		}
		shown := 0
		for _, p := range f.Problems {
			fmt.Fprintf(w, "  %s\n", p)
			if p.Line > 0 {
				shown++
			}
		}
		if n := f.Rejected - shown; n > 0 {
			fmt.Fprintf(w, "  … and %d more rejected lines\n", n)
		}
	}
	return nil
}

func periodsText(ps []Period) string {
	if len(ps) == 0 {
		return "no years"
	}
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	return "years " + strings.Join(s, ", ")
}
