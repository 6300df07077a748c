package calendar

import (
	"bytes"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/entente/entente"
)

// Entry is one line of the non-working-days listing, as "entente calendar days --json" prints
// it.
type Entry struct {
	Date   entente.Date `json:"date"`
	Name   string       `json:"name"`
	Status string       `json:"status"`
}

// Listing statuses: a day's status as the listing shows it.
const (
	ListWeekend         = "weekend"          // a plain weekend day
	ListHoliday         = "holiday"          // a holiday computed from a rule
	ListTentative       = "tentative"        // a holiday not yet announced (lunar, or unannounced transfers)
	ListOfficial        = "official"         // a holiday from an official notice
	ListDayOffTransfer  = "day_off_transfer" // a weekday made a day off by a transfer
	ListWorkingTransfer = "working_transfer" // a weekend day made a working day
)

// ListingStatus returns the listing status of a day, or "" for an ordinary working day.
func ListingStatus(d Day) string {
	switch d.Status {
	case Weekend:
		return ListWeekend
	case DayOffTransfer:
		return ListDayOffTransfer
	case WorkingTransfer:
		return ListWorkingTransfer
	case Holiday:
		switch d.HolidayStatus {
		case Tentative:
			return ListTentative
		case Official:
			return ListOfficial
		}
		return ListHoliday
	}
	return ""
}

// List returns the listing of the days that are not ordinary working days, in order: exactly
// the JSON list of "entente calendar days --json". It is never nil, so an empty listing
// encodes as [].
func List(days []Day) []Entry {
	out := make([]Entry, 0, len(days))
	for _, d := range days {
		if s := ListingStatus(d); s != "" {
			out = append(out, Entry{Date: d.Date, Name: d.Name, Status: s})
		}
	}
	return out
}

// WriteTable writes the days that are not ordinary working days as an aligned plain-text
// table (date, weekday, status, name, and a note with the possible range of a tentative
// holiday), the output of "entente calendar days" without --json.
func WriteTable(w io.Writer, days []Day) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tDAY\tSTATUS\tNAME\tNOTE")
	for _, d := range days {
		s := ListingStatus(d)
		if s == "" {
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", d.Date, d.Date.Weekday().String()[:3], s, d.Name, tableNote(d))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// The padding of an empty last column would leave spaces at the ends of lines.
	var out bytes.Buffer
	for line := range bytes.Lines(buf.Bytes()) {
		out.Write(bytes.TrimRight(line, " \n"))
		out.WriteByte('\n')
	}
	_, err := w.Write(out.Bytes())
	return err
}

func tableNote(d Day) string {
	if d.HolidayStatus != Tentative {
		return ""
	}
	if d.PossibleRange.IsZero() {
		return d.Note
	}
	return fmt.Sprintf("possible %s to %s; %s", d.PossibleRange.From, d.PossibleRange.To, d.Note)
}
