package calendar

import (
	"fmt"
	"time"

	"github.com/entente/entente"
)

// A Rule computes the days of one holiday or observance. Rules are the second layer of a
// calendar; a Definition lists them. The rule types of this package cover fixed dates, days
// counted from Easter, the n-th weekday of a month and Islamic (Hijri) dates.
type Rule interface {
	// occurrences returns the rule's days that fall in Gregorian year.
	occurrences(year int, lunar *lunarContext) []occurrence
}

// occurrence is one day produced by a rule or an override, before it is merged into a day.
type occurrence struct {
	date     entente.Date
	name     string
	base     string // the holiday's name without the day's Hijri date, for notes
	status   HolidayStatus
	source   string
	possible Range  // tentative days only
	note     string // tentative days only
}

// Years limits a rule to the years it was in force; a zero bound is open.
type Years struct {
	From  int // first year in force
	Until int // last year in force
}

func (y Years) contain(year int) bool {
	return (y.From == 0 || year >= y.From) && (y.Until == 0 || year <= y.Until)
}

// Fixed is a holiday on the same Gregorian day every year.
type Fixed struct {
	Month  time.Month
	Day    int
	Name   string
	Source string // the law or list it comes from
	Years
}

func (r Fixed) occurrences(year int, _ *lunarContext) []occurrence {
	if !r.contain(year) {
		return nil
	}
	return []occurrence{{date: entente.NewDate(year, r.Month, r.Day), name: r.Name, status: Computed, source: r.Source}}
}

// EasterOffset is a day counted from Easter Sunday: Offset 0 is Easter itself, Orthodox
// Offset 9 is Belarus's Radunitsa.
type EasterOffset struct {
	Orthodox bool // count from Orthodox (Julian) Easter rather than Western Easter
	Offset   int
	Name     string
	Source   string
	Years
}

func (r EasterOffset) occurrences(year int, _ *lunarContext) []occurrence {
	if !r.contain(year) {
		return nil
	}
	e := Easter(year)
	if r.Orthodox {
		e = OrthodoxEaster(year)
	}
	return []occurrence{{date: e.AddDays(r.Offset), name: r.Name, status: Computed, source: r.Source}}
}

// NthWeekday is the N-th Weekday of Month (N from 1 to 5; -1 for the last one).
type NthWeekday struct {
	Month   time.Month
	Weekday time.Weekday
	N       int
	Name    string
	Source  string
	Years
}

func (r NthWeekday) occurrences(year int, _ *lunarContext) []occurrence {
	if !r.contain(year) || r.N == 0 {
		return nil
	}
	var d entente.Date
	if r.N > 0 {
		first := entente.NewDate(year, r.Month, 1)
		d = first.AddDays((int(r.Weekday)-int(first.Weekday())+7)%7 + 7*(r.N-1))
	} else {
		last := entente.NewDate(year, r.Month, 1).EndOfMonth()
		d = last.AddDays(-((int(last.Weekday())-int(r.Weekday)+7)%7 + 7*(-r.N-1)))
	}
	if d.Month != r.Month {
		return nil
	}
	return []occurrence{{date: d, name: r.Name, status: Computed, source: r.Source}}
}

// Hijri is a holiday on Islamic date Day of Month lasting Days days (Eid-ul-Fitr: Month 10,
// Day 1, Days 3). Its Gregorian days follow the month's start: an official sighting when one
// is recorded (an OverrideHijriMonthStart), else the Umm al-Qura start shifted by the
// party's expected sighting offset, and then the days are tentative, with every day the
// holiday may still fall on as their possible range.
type Hijri struct {
	Month  int
	Day    int
	Days   int
	Name   string
	Source string
}

func (r Hijri) occurrences(year int, lunar *lunarContext) []occurrence {
	var out []occurrence
	h0 := approxHijriYear(year)
	for hy := h0 - 1; hy <= h0+2; hy++ {
		start, ok := lunar.monthStart(hy, r.Month)
		if !ok {
			continue
		}
		for i := range max(r.Days, 1) {
			d := start.date.AddDays(r.Day - 1 + i)
			if d.Year != year {
				continue
			}
			o := occurrence{
				date:   d,
				name:   fmt.Sprintf("%s (%d %s %d)", r.Name, r.Day+i, HijriMonthName(r.Month), hy),
				base:   r.Name,
				status: start.status,
				source: start.source,
			}
			if o.source == "" {
				o.source = r.Source
			}
			if start.status == Tentative {
				o.possible = Range{start.earliest.AddDays(r.Day - 1), start.latest.AddDays(r.Day - 1 + max(r.Days, 1) - 1)}
				o.note = "subject to the sighting of the moon"
			}
			out = append(out, o)
		}
	}
	return out
}

// LunarWindow is where a party's Islamic dates fall relative to Umm al-Qura, in days:
// Pakistan's official dates were the same as Umm al-Qura or up to two days later in
// 2020–2025, most often one day later.
type LunarWindow struct {
	Expected int // the predicted offset of a month's first day
	Earliest int // the earliest offset seen
	Latest   int // the latest offset seen
}

// lunarContext gives rules the start of each Hijri month: the official sighting when one is
// recorded, else the prediction from Umm al-Qura.
type lunarContext struct {
	window   LunarWindow
	sighting map[hijriMonth]entente.CalendarOverride
}

type hijriMonth struct{ year, month int }

// monthStartInfo is the start of a Hijri month as the calendar uses it.
type monthStartInfo struct {
	date             entente.Date
	status           HolidayStatus
	source           string
	earliest, latest entente.Date // the possible first days, for a tentative start
}

func (l *lunarContext) monthStart(year, month int) (monthStartInfo, bool) {
	if o, ok := l.sighting[hijriMonth{year, month}]; ok {
		return monthStartInfo{date: o.Date, status: Official, source: o.Source}, true
	}
	uq, ok := UmmAlQuraMonthStart(year, month)
	if !ok {
		return monthStartInfo{}, false
	}
	return monthStartInfo{
		date:     uq.AddDays(l.window.Expected),
		status:   Tentative,
		earliest: uq.AddDays(l.window.Earliest),
		latest:   uq.AddDays(l.window.Latest),
	}, true
}
