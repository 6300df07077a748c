package calendar

import (
	"fmt"
	"time"

	"github.com/entente/entente"
)

// TimeOfDay is a wall-clock time in a party's local time, in minutes after midnight
// (0 to 1440; 1440 is the midnight that ends the day).
type TimeOfDay int

// At returns the time of day h:m.
func At(h, m int) TimeOfDay { return TimeOfDay(h*60 + m) }

// String formats t as HH:MM.
func (t TimeOfDay) String() string { return fmt.Sprintf("%02d:%02d", int(t)/60, int(t)%60) }

// MarshalText formats t as HH:MM.
func (t TimeOfDay) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText parses HH:MM.
func (t *TimeOfDay) UnmarshalText(b []byte) error {
	v, err := ParseTimeOfDay(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// Span is a stretch of the day from Start (included) to End (excluded).
type Span struct {
	Start TimeOfDay
	End   TimeOfDay
}

// String formats s as HH:MM-HH:MM.
func (s Span) String() string { return s.Start.String() + "-" + s.End.String() }

// MarshalText formats s as HH:MM-HH:MM.
func (s Span) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText parses HH:MM-HH:MM.
func (s *Span) UnmarshalText(b []byte) error {
	v, err := ParseSpan(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Minutes returns the length of s in minutes.
func (s Span) Minutes() int { return int(s.End - s.Start) }

// DayHours are an office's hours on one weekday: when it opens and closes, and the breaks in
// between (lunch, Friday prayers). A zero Open means the office is closed that weekday.
type DayHours struct {
	Open   Span   `json:"open"`
	Breaks []Span `json:"breaks,omitempty"`
}

// Closed reports whether no work is done on the weekday.
func (h DayHours) Closed() bool { return h.Open == Span{} }

// Periods returns the worked periods: Open with the breaks cut out.
func (h DayHours) Periods() []Span {
	if h.Closed() {
		return nil
	}
	var out []Span
	start := h.Open.Start
	for _, b := range h.Breaks {
		if b.Start > start {
			out = append(out, Span{start, b.Start})
		}
		start = b.End
	}
	if h.Open.End > start {
		out = append(out, Span{start, h.Open.End})
	}
	return out
}

// WorkingHours are an office's hours for each weekday, in the party's local time, and how
// much earlier work ends on a pre-holiday short day. Hours are configuration: notices change
// them (Ramadan hours in Pakistan), so callers may pass their own.
type WorkingHours struct {
	Week [7]DayHours `json:"week"` // indexed by time.Weekday: Week[time.Friday]
	// ShortDayCut is taken off the end of the working day on a pre-holiday short day
	// (Belarus: one hour). Zero for parties without short days.
	ShortDayCut time.Duration `json:"short_day_cut,omitempty"`
}

// Day returns the periods worked on a day of the weekday wd; short applies ShortDayCut.
// Weekend days made working by a transfer use the hours of the weekday they replace.
func (w WorkingHours) Day(wd time.Weekday, short bool) []Span {
	p := w.Week[wd].Periods()
	if !short || w.ShortDayCut <= 0 {
		return p
	}
	return cutEnd(p, int(w.ShortDayCut/time.Minute))
}

// cutEnd removes the last cut minutes of work from the periods.
func cutEnd(p []Span, cut int) []Span {
	out := append([]Span(nil), p...)
	for cut > 0 && len(out) > 0 {
		last := &out[len(out)-1]
		if n := last.Minutes(); n > cut {
			last.End -= TimeOfDay(cut)
			break
		} else {
			cut -= n
			out = out[:len(out)-1]
		}
	}
	return out
}

// Validate checks that every weekday's hours are well formed: opening before closing within
// the day, breaks inside the opening hours, in order and not overlapping. Problems are named
// by weekday ("fri.breaks[0]").
func (w WorkingHours) Validate() error {
	p := entente.Problems{}
	open := 0
	for wd, h := range w.Week {
		if h.Closed() {
			if len(h.Breaks) > 0 {
				p.Addf(dayKey(time.Weekday(wd))+".breaks", "a closed day cannot have breaks")
			}
			continue
		}
		open++
		validateDayHours(p, dayKey(time.Weekday(wd)), h)
	}
	if open == 0 {
		p.Add("week", "at least one weekday needs working hours")
	}
	if w.ShortDayCut < 0 || w.ShortDayCut >= 24*time.Hour || w.ShortDayCut%time.Minute != 0 {
		p.Addf("short_day_cut", "%v is not a whole number of minutes between 0 and 24h", w.ShortDayCut)
	}
	return p.Err("working hours")
}

func validateDayHours(p entente.Problems, key string, h DayHours) {
	if !validSpan(h.Open) {
		p.Addf(key+".open", "%s must open before it closes, between 00:00 and 24:00", h.Open)
		return
	}
	prev := h.Open.Start
	for i, b := range h.Breaks {
		field := fmt.Sprintf("%s.breaks[%d]", key, i)
		switch {
		case !validSpan(b):
			p.Addf(field, "%s must start before it ends", b)
		case b.Start <= h.Open.Start || b.End >= h.Open.End:
			p.Addf(field, "break %s must lie inside the opening hours %s", b, h.Open)
		case b.Start < prev:
			p.Addf(field, "break %s overlaps or precedes the break before it", b)
		}
		prev = b.End
	}
}

func validSpan(s Span) bool { return s.Start >= 0 && s.End <= 1440 && s.Start < s.End }

// dayKey is the three-letter key of a weekday used in hour specifications and field names.
func dayKey(wd time.Weekday) string { return weekdayKeys[3*wd : 3*wd+3] }

// weekdayKeys holds the keys of Sunday to Saturday, three letters each.
const weekdayKeys = "sunmontuewedthufrisat"
