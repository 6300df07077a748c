package ingest

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteTable prints the report: one line per file with the F1 of each field, then the totals
// with precision, recall and F1 per field and the accuracies of matched events and
// commitments.
func (r Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "file\tparties\tpeople\tsectors\tevents\tev.value\tcommits\t\n")
	for _, f := range r.Files {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f\t%s\t%.2f\t\n", f.ID, f.Parties.F1(), f.People.F1(),
			f.Sectors.F1(), f.Events.F1(), rateOf(f.EventValue), f.Commitments.F1())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	t := r.Total
	fmt.Fprintf(w, "\n%d statements in %s (micro-averaged)\n\n", len(r.Files), r.Dir)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "field\tP\tR\tF1\tTP\tFP\tFN\t\n")
	for _, row := range []struct {
		name string
		c    Counts
	}{{"parties", t.Parties}, {"people", t.People}, {"sectors", t.Sectors}, {"events", t.Events}, {"commitments", t.Commitments}} {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t\n", row.name, row.c.Precision(), row.c.Recall(), row.c.F1(), row.c.TP, row.c.FP, row.c.FN)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "accuracy of matched items\t\tcorrect\tof\t\n")
	for _, row := range []struct {
		name string
		a    Accuracy
	}{
		{"person party", t.PersonParty}, {"person role", t.PersonRole},
		{"event value", t.EventValue}, {"event granularity", t.EventGranularity},
		{"event status", t.EventStatus}, {"event location", t.EventLocation},
		{"commitment responsible", t.Responsible}, {"commitment due", t.Due},
	} {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t\n", row.name, rateOf(row.a), row.a.Correct, row.a.Total)
	}
	return tw.Flush()
}

func rateOf(a Accuracy) string {
	if a.Total == 0 {
		return strings.Repeat("-", 4)
	}
	return fmt.Sprintf("%.2f", a.Rate())
}
