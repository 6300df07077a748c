package timeml

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// WriteTable prints the scores: strict and relaxed span, value and type precision, recall and
// F1 over all documents, then by folder and by TIMEX3 type.
func (r Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	t := r.Total
	fmt.Fprintf(tw, "TimeML evaluation of %s: %d documents, %d gold, %d predicted\n\n", r.Dir, t.Documents, t.Gold, t.Predicted)
	fmt.Fprintf(tw, "\tP\tR\tF1\t\n")
	for _, row := range []struct {
		name string
		s    Score
	}{{"strict span", t.StrictSpan()}, {"relaxed span", t.RelaxedSpan()}, {"value", t.ValueScore()}, {"type", t.TypeScore()}} {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t\n", row.name, row.s.P, row.s.R, row.s.F1)
	}
	if len(r.ByFolder) > 1 {
		fmt.Fprintf(tw, "\nfolder\tdocs\tgold\tpred\tstrict F1\trelaxed F1\tvalue F1\ttype F1\t\n")
		for _, name := range sortedKeys(r.ByFolder) {
			c := r.ByFolder[name]
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t\n", name, c.Documents, c.Gold, c.Predicted,
				c.StrictSpan().F1, c.RelaxedSpan().F1, c.ValueScore().F1, c.TypeScore().F1)
		}
	}
	fmt.Fprintf(tw, "\ntype\tgold\tpred\trelaxed P\trelaxed R\tvalue P\tvalue R\tvalue F1\t\n")
	for _, name := range sortedKeys(r.ByType) {
		c := r.ByType[name]
		rs, vs := c.Relaxed(), c.Value()
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t\n", name, c.Gold, c.Predicted, rs.P, rs.R, vs.P, vs.R, vs.F1)
	}
	return tw.Flush()
}

// WriteErrors prints every mismatch, one per line, grouped by kind (missed, spurious, extent,
// value, type): what the gold annotation says, what the tagger said, and the text around it.
func (r Report) WriteErrors(w io.Writer) error {
	order := map[string]int{"missed": 0, "spurious": 1, "extent": 2, "value": 3, "type": 4}
	errs := append([]Mismatch(nil), r.Errors...)
	sort.SliceStable(errs, func(a, b int) bool { return order[errs[a].Kind] < order[errs[b].Kind] })
	for _, m := range errs {
		var b strings.Builder
		fmt.Fprintf(&b, "%-8s %s", m.Kind, m.Doc)
		if m.Gold != nil {
			fmt.Fprintf(&b, "\tgold %q %s %s %s", m.Gold.Text, m.Gold.Type, m.Gold.Value, m.Gold.Mod)
		}
		if m.Pred != nil {
			fmt.Fprintf(&b, "\tpred %q %s %s %s", m.Pred.Text, m.Pred.Type, m.Pred.Value, m.Pred.Mod)
		}
		fmt.Fprintf(&b, "\t| %s\n", m.Context)
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
