package calendar

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/entente/entente"
)

// DefaultStep is the spacing of candidate slot starts when a SlotRequest gives none.
const DefaultStep = 30 * time.Minute

// MaxSlotWindow is the longest window FindSlots searches, in days.
const MaxSlotWindow = 366

// SlotRequest asks for meeting slots that are working time for every party at once.
type SlotRequest struct {
	Parties  []SlotParty
	Duration time.Duration
	// From and To bound the window, both included, as local dates: a slot lies on a date
	// from From to To in every party's own time zone.
	From, To entente.Date
	// Step spaces candidate starts, counted from midnight in the first party's zone;
	// DefaultStep when zero.
	Step time.Duration
	// AllowTentative admits days that may still become days off (inside the possible range
	// of a lunar holiday not yet announced, or a possible Belarus bridge day); their slots
	// carry warnings. By default such days are avoided, since an important meeting cannot be
	// moved at a week's notice when the moon is sighted.
	AllowTentative bool
	// Limit caps the number of slots returned; zero returns all.
	Limit int
}

// SlotParty is one party of a meeting: its calendar, and its working hours in its local time
// when they differ from its profile's (nil keeps the profile's hours).
type SlotParty struct {
	Calendar *Calendar
	Hours    *WorkingHours
}

// Slot is a meeting time that is working time for every party: no weekend, holiday or
// transferred day off, inside everyone's hours and outside their breaks (Pakistan's Friday
// prayers), and before the early close of a Belarus pre-holiday day.
type Slot struct {
	Start time.Time   `json:"start"` // UTC
	End   time.Time   `json:"end"`   // UTC
	Local []LocalSlot `json:"local"` // in the order of the request's parties
	// Offcentre is how far the slot's middle lies from the middle of the working day, for the
	// party where it lies furthest; slots of a day are ranked by it.
	Offcentre time.Duration `json:"offcentre"`
	// Warnings name the days that may still become days off (with AllowTentative only).
	Warnings []string `json:"warnings,omitempty"`
}

// LocalSlot is a slot in one party's local time.
type LocalSlot struct {
	Party string       `json:"party"`
	Zone  string       `json:"zone"`
	Date  entente.Date `json:"date"`
	Start time.Time    `json:"start"`
	End   time.Time    `json:"end"`
}

// FindSlots lists the slots of the request's duration that are working time for all the
// parties, ranked: by day, earliest first; within a day, the slot most central in every
// party's working day first; then by start. Days that may still become days off are left
// out unless AllowTentative is set. No slot is not an error: the answer is empty.
// Errors: EINVALID for no party, a party without a calendar, invalid hours, a duration or
// step that is zero or negative, or a window that is missing, reversed or too long.
func FindSlots(req SlotRequest) ([]Slot, error) {
	if err := checkSlotRequest(&req); err != nil {
		return nil, err
	}
	var common []span
	for i, p := range req.Parties {
		spans := partySpans(p, req)
		if i == 0 {
			common = spans
		} else {
			common = intersect(common, spans)
		}
	}
	slots := cutSlots(common, req)
	slices.SortStableFunc(slots, func(a, b Slot) int {
		return cmp.Or(a.Local[0].Date.Compare(b.Local[0].Date), cmp.Compare(a.Offcentre, b.Offcentre), a.Start.Compare(b.Start))
	})
	if req.Limit > 0 && len(slots) > req.Limit {
		slots = slots[:req.Limit]
	}
	return slots, nil
}

func checkSlotRequest(req *SlotRequest) error {
	p := entente.Problems{}
	if len(req.Parties) == 0 {
		p.Add("parties", "name at least one party")
	}
	for i, party := range req.Parties {
		if party.Calendar == nil {
			p.Addf(fmt.Sprintf("parties[%d]", i), "party %d has no calendar", i)
		} else if party.Hours != nil {
			if err := party.Hours.Validate(); err != nil {
				p.Addf(fmt.Sprintf("parties[%d].hours", i), "%s: %s", party.Calendar.Party(), entente.ErrorMessage(err))
			}
		}
	}
	if req.Duration <= 0 {
		p.Addf("duration", "the duration must be positive, not %v", req.Duration)
	}
	if req.Step == 0 {
		req.Step = DefaultStep
	}
	if req.Step < time.Minute || req.Step%time.Minute != 0 {
		p.Addf("step", "the step must be a whole number of minutes, at least one, not %v", req.Step)
	}
	switch {
	case req.From.IsZero():
		p.Add("from", "the window needs a first day")
	case req.To.IsZero():
		p.Add("to", "the window needs a last day")
	case req.To.Before(req.From):
		p.Addf("to", "the window ends (%s) before it starts (%s)", req.To, req.From)
	case req.To.DaysSince(req.From) >= MaxSlotWindow:
		p.Addf("to", "the window is %d days long; search at most %d days at a time", req.To.DaysSince(req.From)+1, MaxSlotWindow)
	}
	if req.Limit < 0 {
		p.Addf("limit", "the limit cannot be negative (%d)", req.Limit)
	}
	return p.Err("slot request")
}

// span is a stretch of time worked by every party considered so far, in Unix seconds, with,
// for each of them, the working day it belongs to.
type span struct {
	lo, hi int64
	days   []spanDay
}

// spanDay is a party's working day as a span belongs to it.
type spanDay struct {
	date       entente.Date
	open, shut int64  // the first and last minute worked that day, in Unix seconds
	warning    string // set when the day may still become a day off
}

// partySpans returns the periods the party works in the window, as instants.
func partySpans(p SlotParty, req SlotRequest) []span {
	c := p.Calendar
	hours := c.profile.Hours
	if p.Hours != nil {
		hours = *p.Hours
	}
	var out []span
	for day := range c.Each(req.From, req.To) {
		if !day.IsWorking() || (day.MayBeOff && !req.AllowTentative) {
			continue
		}
		periods := hours.Day(workedAs(day), day.ShortDay)
		if len(periods) == 0 {
			continue
		}
		sd := spanDay{
			date: day.Date,
			open: instant(day.Date, periods[0].Start, c.loc), shut: instant(day.Date, periods[len(periods)-1].End, c.loc),
		}
		if day.MayBeOff {
			sd.warning = fmt.Sprintf("%s: %s may still become a day off (%s)", c.Party(), day.Date, day.Note)
		}
		days := []spanDay{sd}
		for _, per := range periods {
			out = append(out, span{lo: instant(day.Date, per.Start, c.loc), hi: instant(day.Date, per.End, c.loc), days: days})
		}
	}
	return out
}

// instant returns the Unix second of a local time of day on a date in loc.
func instant(d entente.Date, t TimeOfDay, loc *time.Location) int64 {
	return time.Date(d.Year, d.Month, d.Day, 0, int(t), 0, 0, loc).Unix()
}

// intersect returns the stretches common to a (worked by the parties so far) and b (worked by
// the next party, whose spans hold its own day only), both sorted and without overlaps.
func intersect(a, b []span) []span {
	var out []span
	for i, j := 0, 0; i < len(a) && j < len(b); {
		lo, hi := max(a[i].lo, b[j].lo), min(a[i].hi, b[j].hi)
		if lo < hi {
			days := append(slices.Clip(a[i].days), b[j].days[0])
			out = append(out, span{lo: lo, hi: hi, days: days})
		}
		if a[i].hi < b[j].hi {
			i++
		} else {
			j++
		}
	}
	return out
}

// cutSlots cuts the common stretches into slots of the duration at every step.
func cutSlots(common []span, req SlotRequest) []Slot {
	first := req.Parties[0].Calendar.loc
	step, dur := int64(req.Step/time.Second), int64(req.Duration/time.Second)
	var out []Slot
	for _, s := range common {
		midnight := instant(entente.DateOf(time.Unix(s.lo, 0).In(first)), 0, first)
		t := midnight + (s.lo-midnight+step-1)/step*step
		for ; t+dur <= s.hi; t += step {
			out = append(out, makeSlot(t, t+dur, s.days, req))
		}
	}
	return out
}

func makeSlot(lo, hi int64, days []spanDay, req SlotRequest) Slot {
	s := Slot{Start: time.Unix(lo, 0).UTC(), End: time.Unix(hi, 0).UTC(), Local: make([]LocalSlot, len(days))}
	mid := (lo + hi) / 2
	for i, d := range days {
		c := req.Parties[i].Calendar
		s.Local[i] = LocalSlot{Party: c.Party(), Zone: c.loc.String(), Date: d.date, Start: s.Start.In(c.loc), End: s.End.In(c.loc)}
		off := mid - (d.open+d.shut)/2
		s.Offcentre = max(s.Offcentre, time.Duration(max(off, -off))*time.Second)
		if d.warning != "" {
			s.Warnings = append(s.Warnings, d.warning)
		}
	}
	return s
}
