package calendar

import (
	"fmt"
	"slices"
	"time"

	"github.com/entente/entente"
)

// margin is how many days beyond a year's ends its computation looks: the day after
// 31 December decides whether that day is short, a holiday on 1 January may be bridged from
// 31 December, and a lunar holiday's possible range can spill across New Year.
const margin = 7

// buildYear computes every day of year y: the weekend set, then the holidays from the rules
// with the overrides applied, then transfers, tentative bridges, possible lunar days, short
// days, hours and observances.
func (c *Calendar) buildYear(y int) []Day {
	first := entente.NewDate(y, time.January, 1)
	n := entente.NewDate(y, time.December, 31).DaysSince(first) + 1
	from, to := first.AddDays(-margin), first.AddDays(n-1+margin)
	hol := c.holidays(from, to)
	maybe := possibleDays(hol)
	all := make([]Day, to.DaysSince(from)+1)
	for i := range all {
		all[i] = c.baseDay(from.AddDays(i), hol)
		if note, ok := maybe[all[i].Date]; ok && all[i].Status == Working {
			all[i].MayBeOff, all[i].Note = true, note
		}
	}
	if c.def.AnnouncesTransfers {
		c.markBridges(all)
	}
	if c.profile.Hours.ShortDayCut > 0 {
		markShortDays(all)
	}
	c.addObservances(all, from, to)
	for i := range all {
		if all[i].IsWorking() {
			all[i].Hours = c.profile.Hours.Day(workedAs(all[i]), all[i].ShortDay)
		}
	}
	return all[margin : margin+n : margin+n]
}

// holidays returns the holidays of the days from from to to: the rules' days, with the
// overrides applied.
func (c *Calendar) holidays(from, to entente.Date) holidaySet {
	h := holidaySet{}
	for y := from.Year; y <= to.Year; y++ {
		for _, r := range c.def.Holidays {
			for _, o := range r.occurrences(y, c.lunar) {
				if !o.date.Before(from) && !o.date.After(to) {
					h.add(o)
				}
			}
		}
	}
	c.ix.applyOverrides(h, from, to, c.computedOn)
	return h
}

// computedOn returns the holiday the rules put on d, before any override but with the moon
// sightings; the names of several holidays on one day are joined.
func (c *Calendar) computedOn(d entente.Date) (occurrence, bool) {
	h := holidaySet{}
	for _, r := range c.def.Holidays {
		for _, o := range r.occurrences(d.Year, c.lunar) {
			if o.date == d {
				h.add(o)
			}
		}
	}
	o, ok := h[d]
	if !ok {
		return occurrence{}, false
	}
	return *o, true
}

// baseDay gives a day its status from the weekend set, the holidays and the transfers.
func (c *Calendar) baseDay(d entente.Date, hol holidaySet) Day {
	day := Day{Date: d, Status: Working}
	if c.profile.isWeekend(d.Weekday()) {
		day.Status, day.Name = Weekend, d.Weekday().String()
	}
	if o, ok := hol[d]; ok {
		day.Status, day.Name, day.HolidayStatus, day.Source = Holiday, o.name, o.status, o.source
		day.PossibleRange, day.Note = o.possible, o.note
		return day
	}
	if t, ok := c.ix.dayOff[d]; ok && day.Status == Working && c.profile.isWeekend(t.ToDate.Weekday()) {
		day.Status, day.TransferDate, day.Source = DayOffTransfer, t.ToDate, t.Source
		day.Name = "Day off (worked on " + longDate(t.ToDate) + ")"
		return day
	}
	if w, ok := c.ix.worked[d]; ok && day.Status == Weekend {
		day.Status, day.Source = WorkingTransfer, w.Source
		if w.Kind == entente.OverrideTransfer {
			day.TransferDate = w.Date
			day.Name = "Working " + d.Weekday().String() + " (for " + longDate(w.Date) + ")"
		} else {
			day.Name = w.Name
			if day.Name == "" {
				day.Name = "Working " + d.Weekday().String()
			}
		}
	}
	return day
}

// markBridges marks, in years whose transfers are not announced, the computed holidays that
// a single working day separates from a day off (a Tuesday or Thursday holiday next to a
// weekend): the holiday is tentative and the bridge day may become a day off. No bridge day
// is invented: the bridge day stays a working day.
func (c *Calendar) markBridges(all []Day) {
	for i := range all {
		h := &all[i]
		if h.Status != Holiday || h.HolidayStatus != Computed || c.transfersAnnounced(h.Date.Year) {
			continue
		}
		for _, dir := range [2]int{-1, 1} {
			b, beyond := i+dir, i+2*dir
			if beyond < 0 || beyond >= len(all) || all[b].Status != Working || all[beyond].IsWorking() {
				continue
			}
			bridge := &all[b]
			h.HolidayStatus = Tentative
			h.PossibleRange = Range{h.Date, h.Date}
			if dir < 0 {
				h.PossibleRange.From = bridge.Date
			} else {
				h.PossibleRange.To = bridge.Date
			}
			h.Note = fmt.Sprintf("transfers for %d not yet announced: %s may become a day off", h.Date.Year, longDate(bridge.Date))
			bridge.MayBeOff = true
			bridge.Note = fmt.Sprintf("transfers for %d not yet announced: may become a day off bridging %s", h.Date.Year, h.Name)
		}
	}
}

// possibleDays returns the days inside the possible range of a tentative holiday, with a
// note naming the holiday, so that the working ones among them can be marked.
func possibleDays(hol holidaySet) map[entente.Date]string {
	var tentative []*occurrence
	for _, h := range hol {
		if h.status == Tentative && !h.possible.IsZero() {
			tentative = append(tentative, h)
		}
	}
	// Where ranges overlap, the earlier holiday names the day, whatever the map's order.
	slices.SortFunc(tentative, func(a, b *occurrence) int { return a.date.Compare(b.date) })
	out := map[entente.Date]string{}
	for _, h := range tentative {
		name := h.base
		if name == "" {
			name = h.name
		}
		for d := h.possible.From; !d.After(h.possible.To); d = d.AddDays(1) {
			if _, ok := out[d]; !ok {
				out[d] = name + " may fall on this day (" + h.note + ")"
			}
		}
	}
	return out
}

// markShortDays marks the working days before a holiday, which are one hour shorter.
func markShortDays(all []Day) {
	for i := 0; i+1 < len(all); i++ {
		if all[i].IsWorking() && all[i+1].Status == Holiday {
			all[i].ShortDay = true
		}
	}
}

// addObservances attaches the information-only observances to their days.
func (c *Calendar) addObservances(all []Day, from, to entente.Date) {
	for y := from.Year; y <= to.Year; y++ {
		for _, r := range c.def.Observances {
			for _, o := range r.occurrences(y, c.lunar) {
				if i := o.date.DaysSince(from); i >= 0 && i < len(all) {
					all[i].Info = append(all[i].Info, o.name)
				}
			}
		}
	}
}

// workedAs returns the weekday whose hours a working day keeps: its own, or for a weekend
// day worked by transfer the weekday it replaces (a working_day override without one keeps
// Monday's hours).
func workedAs(d Day) time.Weekday {
	switch {
	case d.Status != WorkingTransfer:
		return d.Date.Weekday()
	case !d.TransferDate.IsZero():
		return d.TransferDate.Weekday()
	}
	return time.Monday
}

// longDate formats d as "Saturday 18 May 2024".
func longDate(d entente.Date) string {
	return fmt.Sprintf("%s %d %s %d", d.Weekday(), d.Day, d.Month, d.Year)
}
