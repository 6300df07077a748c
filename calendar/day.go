package calendar

import (
	"github.com/entente/entente"
)

// Status is what a day is for an office of a party.
type Status string

// Day statuses.
const (
	Working         Status = "working"          // an ordinary working day
	Weekend         Status = "weekend"          // a weekend day of the office profile
	Holiday         Status = "holiday"          // a public holiday; see HolidayStatus
	DayOffTransfer  Status = "day_off_transfer" // a weekday made a day off, worked on another day
	WorkingTransfer Status = "working_transfer" // a weekend day made a working day
)

// HolidayStatus says how sure a holiday is.
type HolidayStatus string

// Holiday statuses.
const (
	Computed  HolidayStatus = "computed"  // derived from a rule of law (a fixed date, Easter)
	Tentative HolidayStatus = "tentative" // a lunar date not yet announced, or a year whose transfers are not yet published
	Official  HolidayStatus = "official"  // taken from an official notice
)

// certainty orders holiday statuses: where two rules give the same day, the surer one wins.
func (s HolidayStatus) certainty() int {
	switch s {
	case Official:
		return 3
	case Computed:
		return 2
	case Tentative:
		return 1
	}
	return 0
}

// Range is an inclusive span of calendar days.
type Range struct {
	From entente.Date `json:"from"`
	To   entente.Date `json:"to"`
}

// IsZero reports whether r is the zero Range (no range).
func (r Range) IsZero() bool { return r.From.IsZero() && r.To.IsZero() }

// Contains reports whether d lies within r.
func (r Range) Contains(d entente.Date) bool {
	return !r.IsZero() && !d.Before(r.From) && !d.After(r.To)
}

// Day is one calendar day of one party's office. Its slices are shared with the calendar's
// cache and must not be modified.
type Day struct {
	Date   entente.Date `json:"date"`
	Status Status       `json:"status"`
	// Name names the holiday or the transfer ("Eid-ul-Fitr", "Day off (worked on Saturday
	// 18 May)"); the weekday name for a plain weekend day; empty for a working day.
	Name string `json:"name,omitempty"`
	// HolidayStatus is set when Status is Holiday.
	HolidayStatus HolidayStatus `json:"holiday_status,omitempty"`
	// Source is the notice a holiday or transfer comes from, or the rule that computes it.
	Source string `json:"source,omitempty"`
	// PossibleRange is, for a tentative holiday, every day it may still fall on (a lunar
	// holiday before the moon is sighted; a Belarus holiday whose bridge day may be given).
	PossibleRange Range `json:"possible_range,omitzero"`
	// MayBeOff marks a working day that lies inside a tentative holiday's possible range: it
	// may still become a day off.
	MayBeOff bool `json:"may_be_off,omitempty"`
	// Note explains a tentative status ("transfers for 2027 not yet announced").
	Note string `json:"note,omitempty"`
	// TransferDate is the other day of a transfer: the Saturday worked for a day off, or the
	// weekday off for a working Saturday.
	TransferDate entente.Date `json:"transfer_date,omitzero"`
	// ShortDay marks a pre-holiday day with shortened hours (Belarus: one hour less).
	ShortDay bool `json:"short_day,omitempty"`
	// Hours are the periods worked that day in the party's local time, breaks removed and the
	// short-day cut applied; empty on days off.
	Hours []Span `json:"hours,omitempty"`
	// Info lists observances shown for information only; they do not stop work.
	Info []string `json:"info,omitempty"`
}

// IsWorking reports whether the office works on the day.
func (d Day) IsWorking() bool { return d.Status == Working || d.Status == WorkingTransfer }

// IsOrdinary reports whether the day is an ordinary working day: the days a non-working-days
// listing leaves out.
func (d Day) IsOrdinary() bool { return d.Status == Working }
