package server

import (
	"net/http"
	"regexp"
	"strconv"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
	"github.com/entente/entente/i18n"
)

// The years the calendar page shows: the Umm al-Qura table behind Islamic holidays covers
// 1938–2076, and nobody plans a roadmap further.
const (
	firstCalendarYear = 1940
	lastCalendarYear  = 2075
)

// CalendarPage is a year of a party's working calendar as month grids, the days to know
// about, notes on what is still tentative, and the party's overrides for that year with the
// forms to change them.
type CalendarPage struct {
	Page
	Party        *entente.Party
	Year         int
	PrevYear     int
	NextYear     int
	CalendarName string
	Profile      string
	Hours        string
	Generic      bool
	Notes        []string
	Weekdays     []string // column heads, Monday first
	Months       []MonthGrid
	Days         []NotableDay
	Legend       []LegendItem
	Overrides    []OverrideRow
	CanEdit      bool
	Form         *OverrideForm
	// Problem says why the calendar cannot be computed (stored overrides a newer rule
	// refuses); the overrides are still listed so that they can be corrected.
	Problem string
}

// MonthGrid is one month as weeks of seven cells, Monday first.
type MonthGrid struct {
	Title string
	Weeks [][]DayCell
}

// DayCell is one day of a month grid; Day 0 is a blank cell before the 1st or after the last.
type DayCell struct {
	Day   int
	Class string // the day's status classes, for the colours and the legend
	Label string // what the day is, spelled out for screen readers and as a tooltip
}

// NotableDay is a day of the year that is not an ordinary working day (weekends aside), or a
// shortened one.
type NotableDay struct {
	Date     string
	Class    string
	Status   string
	Name     string
	Note     string // the possible range of a tentative holiday, or the day of a transfer
	Source   string
	IsSource bool // the source is a notice to show, not a rule
}

// LegendItem explains one class of day.
type LegendItem struct {
	Class, Label string
}

// dayClasses are the classes of the legend, in order, with their messages.
var dayClasses = [][2]string{
	{"working", "calendar.status.working"}, {"weekend", "calendar.status.weekend"},
	{"holiday computed", "calendar.status.computed"}, {"holiday tentative", "calendar.status.tentative"},
	{"holiday official", "calendar.status.official"}, {"day-off-transfer", "calendar.status.day_off_transfer"},
	{"working-transfer", "calendar.status.working_transfer"}, {"working short", "calendar.status.short"},
	{"working may-be-off", "calendar.status.may_be_off"},
}

func (s *Server) handleCalendarPage(w http.ResponseWriter, r *http.Request) {
	party, err := s.svc.Parties.FindPartyByCode(r.Context(), partyCode(r))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	year := s.today().Year
	if v := r.URL.Query().Get("year"); v != "" {
		if year, err = strconv.Atoi(v); err != nil || year < firstCalendarYear || year > lastCalendarYear {
			s.pageError(w, r, entente.Errorf(entente.ENOTFOUND, "no calendar for the year %q", v))
			return
		}
	}
	s.showCalendar(w, r, party, year, nil, http.StatusOK)
}

// showCalendar renders a party's year, with the add form as given (nil for an empty one).
func (s *Server) showCalendar(w http.ResponseWriter, r *http.Request, party *entente.Party, year int, form *OverrideForm, status int) {
	p := CalendarPage{Page: s.directoryPage(r, "calendar.title"), Party: party, Year: year, PrevYear: year - 1, NextYear: year + 1}
	p.Title = p.L.T("calendar.title_of", "Party", party.Name, "Year", year)
	p.CanEdit = entente.CanEditCalendar(p.Caller, party.Code)
	overrides, err := s.svc.Calendars.FindCalendarOverrides(r.Context(), party.Code)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	cal, err := s.svc.Calendars.PartyCalendar(r.Context(), party.Code, "")
	switch {
	case entente.ErrorCode(err) == entente.EINVALID:
		p.Problem = entente.ErrorMessage(err)
	case err != nil:
		s.pageError(w, r, err)
		return
	default:
		p.fill(cal)
	}
	if form == nil {
		form = s.overrideForm(p.L, party.Code, newForm(p.L, nil))
	}
	p.Form = form
	for _, o := range overrides {
		if o.Date.Year == year || o.ToDate.Year == year || (o.Kind == entente.OverrideHijriMonthStart && o.Date.Year == year) {
			p.Overrides = append(p.Overrides, overrideRow(p.L, o))
		}
	}
	s.render(w, r, "calendar", status, p)
}

// fill lays out the year of the calendar.
func (p *CalendarPage) fill(cal *calendar.Calendar) {
	l := p.L
	p.CalendarName, p.Profile, p.Hours, p.Generic = cal.Name(), cal.Profile(), cal.Hours().String(), cal.IsGeneric()
	for _, n := range cal.YearNotes(p.Year) {
		p.Notes = append(p.Notes, yearNote(l, n))
	}
	for i := range 7 {
		p.Weekdays = append(p.Weekdays, l.T("calendar.weekday."+strconv.Itoa((i+1)%7)))
	}
	for _, c := range dayClasses {
		p.Legend = append(p.Legend, LegendItem{Class: c[0], Label: l.T(c[1])})
	}
	days := cal.Days(entente.NewDate(p.Year, time.January, 1), entente.NewDate(p.Year, time.December, 31))
	for m := time.January; m <= time.December; m++ {
		p.Months = append(p.Months, monthGrid(l, p.Year, m, days))
	}
	for _, d := range days {
		if n, ok := notableDay(l, d); ok {
			p.Days = append(p.Days, n)
		}
	}
}

// monthGrid lays out one month of the year's days in weeks, Monday first.
func monthGrid(l *i18n.Locale, year int, m time.Month, days []calendar.Day) MonthGrid {
	first := entente.NewDate(year, m, 1)
	offset := first.DaysSince(entente.NewDate(year, time.January, 1))
	n := first.EndOfMonth().Day
	g := MonthGrid{Title: l.T("month." + strconv.Itoa(int(m)))}
	week := make([]DayCell, (int(first.Weekday())+6)%7)
	for i := range n {
		d := days[offset+i]
		week = append(week, DayCell{Day: d.Date.Day, Class: dayClass(d), Label: dayLabel(l, d)})
		if len(week) == 7 {
			g.Weeks = append(g.Weeks, week)
			week = nil
		}
	}
	if len(week) > 0 {
		g.Weeks = append(g.Weeks, append(week, make([]DayCell, 7-len(week))...))
	}
	return g
}

// dayClass gives the classes of a day's cell: its status, its certainty, and whether it is
// short or may still become a day off.
func dayClass(d calendar.Day) string {
	switch d.Status {
	case calendar.Weekend:
		return "weekend"
	case calendar.Holiday:
		return "holiday " + string(d.HolidayStatus)
	case calendar.DayOffTransfer:
		return "day-off-transfer"
	case calendar.WorkingTransfer:
		return "working-transfer"
	}
	c := "working"
	if d.ShortDay {
		c += " short"
	}
	if d.MayBeOff {
		c += " may-be-off"
	}
	return c
}

// dayStatus names what a day is, in the reader's language.
func dayStatus(l *i18n.Locale, d calendar.Day) string {
	switch {
	case d.Status == calendar.Holiday:
		return l.T("calendar.status." + string(d.HolidayStatus))
	case d.Status != calendar.Working:
		return l.T("calendar.status." + string(d.Status))
	case d.ShortDay:
		return l.T("calendar.status.short")
	case d.MayBeOff:
		return l.T("calendar.status.may_be_off")
	}
	return l.T("calendar.status.working")
}

// dayName names the day itself: a holiday's name (as the party's definition or notice gives
// it), or the other day of a transfer.
func dayName(l *i18n.Locale, d calendar.Day) string {
	switch d.Status {
	case calendar.Holiday:
		return d.Name
	case calendar.DayOffTransfer:
		return l.T("calendar.transfer.off", "Date", l.Date(d.TransferDate))
	case calendar.WorkingTransfer:
		return l.T("calendar.transfer.worked", "Date", l.Date(d.TransferDate))
	}
	return ""
}

// dayLabel spells a day out: "5 February 2025: Holiday (official notice), Kashmir Solidarity Day".
func dayLabel(l *i18n.Locale, d calendar.Day) string {
	s := l.Date(d.Date) + ": " + dayStatus(l, d)
	if name := dayName(l, d); name != "" {
		s += ", " + name
	}
	return s
}

// notableDay describes a day for the list under the grids; weekends and ordinary working
// days are left out.
func notableDay(l *i18n.Locale, d calendar.Day) (NotableDay, bool) {
	if d.Status == calendar.Weekend || (d.Status == calendar.Working && !d.ShortDay) {
		return NotableDay{}, false
	}
	n := NotableDay{Date: l.Date(d.Date), Class: dayClass(d), Status: dayStatus(l, d), Name: dayName(l, d), Source: d.Source}
	n.IsSource = d.HolidayStatus == calendar.Official || d.Status == calendar.DayOffTransfer || d.Status == calendar.WorkingTransfer
	if !d.PossibleRange.IsZero() {
		n.Note = l.T("calendar.possible", "From", l.Date(d.PossibleRange.From), "To", l.Date(d.PossibleRange.To))
	}
	return n, true
}

// The year notes the calendar package writes, with the messages that say them.
var yearNotes = []struct {
	pattern *regexp.Regexp
	id      string
}{
	{regexp.MustCompile(`^Transfers of working days for (\d+) not yet announced`), "calendar.note.transfers"},
	{regexp.MustCompile(`^Islamic holidays of (\d+) not yet announced`), "calendar.note.lunar"},
	{regexp.MustCompile(`^Islamic holidays are not computed for (\d+)`), "calendar.note.lunar_range"},
	{regexp.MustCompile(`^No calendar definition for ([A-Z]{3})`), "calendar.note.generic"},
}

// yearNote says a year note in the reader's language; a note this server does not know is
// shown as the calendar wrote it.
func yearNote(l *i18n.Locale, note string) string {
	for _, n := range yearNotes {
		if m := n.pattern.FindStringSubmatch(note); m != nil {
			return l.T(n.id, "Value", m[1])
		}
	}
	return note
}
