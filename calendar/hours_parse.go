package calendar

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente"
)

// ParseTimeOfDay parses a wall-clock time written H:MM or HH:MM, from 00:00 to 24:00.
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) < 1 || len(h) > 2 || len(m) != 2 || !digits(h) || !digits(m) {
		return 0, fmt.Errorf("%q is not a time of day of the form HH:MM", s)
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	if mm > 59 || hh > 24 || (hh == 24 && mm != 0) {
		return 0, fmt.Errorf("%q is not a time of day between 00:00 and 24:00", s)
	}
	return At(hh, mm), nil
}

// ParseSpan parses HH:MM-HH:MM, a stretch of the day that starts before it ends.
func ParseSpan(s string) (Span, error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return Span{}, fmt.Errorf("%q is not a span of the form HH:MM-HH:MM", s)
	}
	start, err := ParseTimeOfDay(a)
	if err != nil {
		return Span{}, err
	}
	end, err := ParseTimeOfDay(b)
	if err != nil {
		return Span{}, err
	}
	if end <= start {
		return Span{}, fmt.Errorf("%q ends before it starts (shifts across midnight are not supported)", s)
	}
	return Span{start, end}, nil
}

// ParseWorkingHours parses working hours written as clauses separated by semicolons:
//
//	mon-thu 08:00-16:00; fri 08:00-16:00 break 12:00-14:00; short 1h
//
// A clause names weekdays (mon … sun, ranges such as mon-fri, lists such as mon,wed) and
// gives their opening hours with any breaks, or "closed". "short D" sets the pre-holiday cut.
// Weekdays not named are closed; naming a weekday twice is an error. The result is
// validated; errors are *entente.Error (EINVALID) naming the clause at fault.
func ParseWorkingHours(spec string) (WorkingHours, error) {
	var w WorkingHours
	var seen [7]bool
	clauses := strings.Split(spec, ";")
	for i, clause := range clauses {
		if err := parseHoursClause(&w, &seen, strings.Fields(clause)); err != nil {
			return WorkingHours{}, hoursError(spec, fmt.Sprintf("clause %d (%q): %v", i+1, strings.TrimSpace(clause), err))
		}
	}
	if err := w.Validate(); err != nil {
		var e *entente.Error
		errors.As(err, &e)
		return WorkingHours{}, hoursError(spec, e.FieldList())
	}
	return w, nil
}

func hoursError(spec, problem string) error {
	return &entente.Error{
		Code:    entente.EINVALID,
		Message: fmt.Sprintf("The working hours %q are not valid: %s.", spec, problem),
		Fields:  map[string]string{"hours": problem},
	}
}

func parseHoursClause(w *WorkingHours, seen *[7]bool, words []string) error {
	if len(words) == 0 {
		return fmt.Errorf("empty clause")
	}
	if words[0] == "short" {
		if len(words) != 2 {
			return fmt.Errorf("write the pre-holiday cut as \"short 1h\"")
		}
		d, err := time.ParseDuration(words[1])
		if err != nil || d < 0 || d >= 24*time.Hour || d%time.Minute != 0 {
			return fmt.Errorf("%q is not a whole number of minutes between 0 and 24h", words[1])
		}
		w.ShortDayCut = d
		return nil
	}
	days, err := parseWeekdays(words[0])
	if err != nil {
		return err
	}
	h, err := parseDayHours(words[1:])
	if err != nil {
		return err
	}
	for _, wd := range days {
		if seen[wd] {
			return fmt.Errorf("%s is given twice", dayKey(wd))
		}
		seen[wd] = true
		w.Week[wd] = h
	}
	return nil
}

// parseDayHours parses "closed" or "HH:MM-HH:MM [break HH:MM-HH:MM]...".
func parseDayHours(words []string) (DayHours, error) {
	if len(words) == 1 && words[0] == "closed" {
		return DayHours{}, nil
	}
	if len(words) == 0 {
		return DayHours{}, fmt.Errorf("give opening hours (08:00-16:00) or \"closed\"")
	}
	open, err := ParseSpan(words[0])
	if err != nil {
		return DayHours{}, err
	}
	h := DayHours{Open: open}
	rest := words[1:]
	for len(rest) > 0 {
		if rest[0] != "break" || len(rest) < 2 {
			return DayHours{}, fmt.Errorf("expected \"break HH:MM-HH:MM\", found %q", strings.Join(rest, " "))
		}
		b, err := ParseSpan(rest[1])
		if err != nil {
			return DayHours{}, err
		}
		h.Breaks = append(h.Breaks, b)
		rest = rest[2:]
	}
	return h, nil
}

// parseWeekdays parses mon, mon-fri or a comma-separated list of them. Ranges run in the
// Monday-first order and do not wrap round the week.
func parseWeekdays(s string) ([]time.Weekday, error) {
	var out []time.Weekday
	for item := range strings.SplitSeq(s, ",") {
		a, b, isRange := strings.Cut(item, "-")
		from, ok := weekdayOf(a)
		if !ok {
			return nil, fmt.Errorf("%q is not a weekday (mon, tue, wed, thu, fri, sat, sun)", a)
		}
		to := from
		if isRange {
			if to, ok = weekdayOf(b); !ok {
				return nil, fmt.Errorf("%q is not a weekday (mon, tue, wed, thu, fri, sat, sun)", b)
			}
			if mondayFirst(to) < mondayFirst(from) {
				return nil, fmt.Errorf("the range %q runs backwards; weeks run mon to sun", item)
			}
		}
		for i := mondayFirst(from); i <= mondayFirst(to); i++ {
			out = append(out, time.Weekday(i%7))
		}
	}
	return out, nil
}

func weekdayOf(s string) (time.Weekday, bool) {
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if dayKey(wd) == s {
			return wd, true
		}
	}
	return 0, false
}

// mondayFirst numbers weekdays Monday 1 to Sunday 7.
func mondayFirst(wd time.Weekday) int {
	if wd == time.Sunday {
		return 7
	}
	return int(wd)
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// String writes w in the form ParseWorkingHours reads, grouping consecutive weekdays (Monday
// first) that keep the same hours. Closed weekdays are left out.
func (w WorkingHours) String() string {
	var clauses []string
	for i := 1; i <= 7; {
		h := w.Week[i%7]
		j := i
		for j < 7 && sameHours(w.Week[(j+1)%7], h) {
			j++
		}
		if !h.Closed() {
			days := dayKey(time.Weekday(i % 7))
			if j > i {
				days += "-" + dayKey(time.Weekday(j%7))
			}
			clauses = append(clauses, days+" "+h.String())
		}
		i = j + 1
	}
	if w.ShortDayCut != 0 {
		clauses = append(clauses, "short "+w.ShortDayCut.String())
	}
	return strings.Join(clauses, "; ")
}

// String writes h as "HH:MM-HH:MM break HH:MM-HH:MM", or "closed".
func (h DayHours) String() string {
	if h.Closed() {
		return "closed"
	}
	s := h.Open.String()
	for _, b := range h.Breaks {
		s += " break " + b.String()
	}
	return s
}

func sameHours(a, b DayHours) bool {
	if a.Open != b.Open || len(a.Breaks) != len(b.Breaks) {
		return false
	}
	for i := range a.Breaks {
		if a.Breaks[i] != b.Breaks[i] {
			return false
		}
	}
	return true
}
