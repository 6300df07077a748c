package calendar

import (
	"github.com/entente/entente"
)

// overrideIndex holds the overrides that apply to one office profile, keyed the way the
// calendar looks them up. The overrides are validated before they are indexed, so each key
// holds at most one override.
type overrideIndex struct {
	holidays  map[entente.Date]entente.CalendarOverride // OverrideHoliday by Date
	cancelled map[entente.Date]entente.CalendarOverride // OverrideNoHoliday by Date
	moves     []entente.CalendarOverride                // OverrideMoveHoliday
	dayOff    map[entente.Date]entente.CalendarOverride // OverrideTransfer by Date
	worked    map[entente.Date]entente.CalendarOverride // OverrideTransfer by ToDate, OverrideWorkingDay by Date
	sightings map[hijriMonth]entente.CalendarOverride   // OverrideHijriMonthStart by month
	announced map[int]entente.CalendarOverride          // OverrideTransfersAnnounced by year
}

// appliesTo reports whether an override concerns the office profile: overrides without an
// office apply to every profile.
func appliesTo(o entente.CalendarOverride, profile string) bool {
	return o.Office == "" || o.Office == profile
}

// indexOverrides indexes the overrides that apply to the profile.
func indexOverrides(list []entente.CalendarOverride, profile string) *overrideIndex {
	ix := &overrideIndex{
		holidays:  map[entente.Date]entente.CalendarOverride{},
		cancelled: map[entente.Date]entente.CalendarOverride{},
		dayOff:    map[entente.Date]entente.CalendarOverride{},
		worked:    map[entente.Date]entente.CalendarOverride{},
		sightings: map[hijriMonth]entente.CalendarOverride{},
		announced: map[int]entente.CalendarOverride{},
	}
	for _, o := range list {
		if !appliesTo(o, profile) {
			continue
		}
		switch o.Kind {
		case entente.OverrideHoliday:
			ix.holidays[o.Date] = o
		case entente.OverrideNoHoliday:
			ix.cancelled[o.Date] = o
		case entente.OverrideMoveHoliday:
			ix.moves = append(ix.moves, o)
		case entente.OverrideTransfer:
			ix.dayOff[o.Date] = o
			ix.worked[o.ToDate] = o
		case entente.OverrideWorkingDay:
			ix.worked[o.Date] = o
		case entente.OverrideHijriMonthStart:
			ix.sightings[hijriMonth{o.HijriYear, o.HijriMonth}] = o
		case entente.OverrideTransfersAnnounced:
			ix.announced[o.Date.Year] = o
		}
	}
	return ix
}

// holidaySet is the holidays of a stretch of days, keyed by date, after rules and overrides.
type holidaySet map[entente.Date]*occurrence

// add merges a holiday into the set: two holidays on one day keep both names and the surer
// status.
func (h holidaySet) add(o occurrence) {
	cur, ok := h[o.date]
	if !ok {
		h[o.date] = &o
		return
	}
	if cur.name != o.name {
		cur.name += " / " + o.name
	}
	if o.status.certainty() > cur.status.certainty() {
		cur.status, cur.source = o.status, o.source
	}
	if cur.status != Tentative {
		cur.possible, cur.note = Range{}, ""
	}
}

// applyOverrides applies the holiday overrides to the computed holidays of the stretch
// [from, to]: cancellations and the removal half of moves first, then the moved days and the
// announced holidays, which are official. computedOn gives the computed holidays of any day,
// for moves whose origin lies outside the stretch.
func (ix *overrideIndex) applyOverrides(h holidaySet, from, to entente.Date, computedOn func(entente.Date) (occurrence, bool)) {
	in := func(d entente.Date) bool { return !d.Before(from) && !d.After(to) }
	for d := range ix.cancelled {
		delete(h, d)
	}
	for _, m := range ix.moves {
		delete(h, m.Date)
	}
	for _, m := range ix.moves {
		if !in(m.ToDate) {
			continue
		}
		name := m.Name
		if c, ok := computedOn(m.Date); ok && name == "" {
			name = c.name
		}
		h.add(occurrence{date: m.ToDate, name: name, status: Official, source: m.Source})
	}
	for d, o := range ix.holidays {
		if !in(d) {
			continue
		}
		if cur, ok := h[d]; ok {
			if o.Name != "" {
				cur.name = o.Name
			}
			cur.status, cur.source, cur.possible, cur.note = Official, o.Source, Range{}, ""
			continue
		}
		h.add(occurrence{date: d, name: o.Name, status: Official, source: o.Source})
	}
}
