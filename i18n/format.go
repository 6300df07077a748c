package i18n

import (
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente"
)

// Date formats a civil date: "26 November 2024", "26 ноября 2024 г.", "26 نومبر 2024".
func (l *Locale) Date(d entente.Date) string {
	if d.IsZero() {
		return ""
	}
	return l.T("date.day", "Day", d.Day, "Month", l.T("month.genitive."+strconv.Itoa(int(d.Month))), "Year", d.Year)
}

// ShortDate formats a date compactly for tables: "26 Nov 2024", "26 нояб. 2024", "26 نومبر 2024".
func (l *Locale) ShortDate(d entente.Date) string {
	if d.IsZero() {
		return ""
	}
	return l.T("date.short", "Day", d.Day, "Month", l.T("month.short."+strconv.Itoa(int(d.Month))), "Year", d.Year)
}

// Month formats a month of a year: "February 2025".
func (l *Locale) Month(year int, m time.Month) string {
	return l.T("date.month", "Month", l.T("month."+strconv.Itoa(int(m))), "Year", year)
}

// Clock formats an instant's time of day in a zone with the zone's city: "11:00 Karachi".
func (l *Locale) Clock(t time.Time, loc *time.Location) string {
	city := loc.String()
	if i := strings.LastIndexByte(city, '/'); i >= 0 {
		city = city[i+1:]
	}
	return t.In(loc).Format("15:04") + " " + strings.ReplaceAll(city, "_", " ")
}

// When formats a date as people said it: "February 2025", "about 10 December 2024",
// "26 November 2024, afternoon", "end of 2025", "before 2030", "recently".
func (l *Locale) When(w entente.When) string {
	switch {
	case w.IsZero():
		return l.T("when.open")
	case w.Value == entente.PastRef:
		return l.T("when.past")
	case w.Value == entente.PresentRef:
		return l.T("when.present")
	case w.Value == entente.FutureRef:
		return l.T("when.future")
	}
	s := l.period(w)
	if w.End != "" {
		if end, err := entente.ParseWhen(w.End, "", "", false); err == nil {
			s = l.T("when.range", "From", s, "To", l.period(end))
		}
	}
	if w.Mod != "" && w.Mod != entente.ModApprox {
		s = l.T("when.mod."+w.Mod, "When", s)
	}
	if w.Approximate {
		s = l.T("when.about", "When", s)
	}
	return s
}

// period formats the value of a When without its modifier.
func (l *Locale) period(w entente.When) string {
	first := w.Earliest
	if first.IsZero() || w.Mod == entente.ModBefore || w.Mod == entente.ModAfter || w.Mod == entente.ModOnOrBefore ||
		w.Mod == entente.ModStart || w.Mod == entente.ModMid || w.Mod == entente.ModEnd || w.Mod == entente.ModOnOrAfter {
		// Modifiers move the bounds; the period is the value itself.
		if v, err := entente.ParseWhen(w.Value, "", "", false); err == nil {
			first = v.Earliest
		}
	}
	switch w.Granularity {
	case entente.GranularityDay:
		return l.Date(first)
	case entente.GranularityTime:
		return l.T("when.at", "Date", l.Date(first), "Time", timeOf(w.Value))
	case entente.GranularityPartOfDay:
		return l.T("when.partofday", "Date", l.Date(first), "Part", l.T("partofday."+w.Value[len(w.Value)-2:]))
	case entente.GranularityWeek, entente.GranularityWeekend:
		return l.T("when.range", "From", l.ShortDate(first), "To", l.ShortDate(first.AddDays(weekLength(w)-1)))
	case entente.GranularityMonth:
		return l.Month(first.Year, first.Month)
	case entente.GranularityQuarter:
		return l.T("when.quarter", "N", int(first.Month+2)/3, "Year", first.Year)
	case entente.GranularityHalf:
		return l.T("when.half", "N", int(first.Month+5)/6, "Year", first.Year)
	case entente.GranularitySeason:
		return l.T("season."+w.Value[len(w.Value)-2:], "Year", first.Year)
	case entente.GranularityYear:
		return l.T("when.year", "Year", first.Year)
	case entente.GranularityDecade:
		return l.T("when.decade", "Year", first.Year)
	case entente.GranularityCentury:
		return l.T("when.century", "N", first.Year/100+1)
	}
	return w.Value
}

func weekLength(w entente.When) int {
	if w.Granularity == entente.GranularityWeekend {
		return 2
	}
	return 7
}

func timeOf(v string) string {
	if i := strings.IndexByte(v, 'T'); i >= 0 && len(v) >= i+6 {
		return v[i+1 : i+6]
	}
	return ""
}

// Instant formats a moment for a record such as the audit trail: the day and time in UTC.
func (l *Locale) Instant(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	u := t.UTC()
	return l.Date(entente.DateOf(u)) + " " + u.Format("15:04") + " UTC"
}
