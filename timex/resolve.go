package timex

import (
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// The roadmap's reading of time expressions (data/statements/README.md) differs from TimeML's
// in a few places, all about what an event's date is:
//
//   - "in two weeks" is the duration P2W in TimeML, but the date of the meeting for a roadmap:
//     the reference date plus 14 days, approximate ("within two weeks" is a deadline).
//   - "by 2030", "no later than March 2025" carry no modifier in TimeML ("by" is a signal
//     outside the extent); a roadmap records ON_OR_BEFORE. "before 2030" is BEFORE, but
//     "by/before the end of the year" stays END.
//   - "later this year" is the year, approximate (TimeML: END of the year).
//   - a weekday or month named without a year ("on Tuesday", "in September") points backwards
//     or forwards as the event is past or planned, which the caller knows better than the
//     clause's tense.
//
// EventWhen applies these rules; ResolveEventDate is its short form.

// ResolveEventDate returns the value a roadmap records for an event dated by e, whether it is
// approximate, and false when e cannot date an event (a set, a bare duration such as "for two
// weeks"). ref is the reference date (publication date, or the dated occasion a reported
// statement was made on); future says whether the event is planned rather than held.
func ResolveEventDate(e Expr, ref entente.Date, future bool) (value string, approximate bool, ok bool) {
	w, ok := EventWhen(e, ref, future)
	return w.Value, w.Approximate, ok
}

// EventWhen is ResolveEventDate with the whole When: value, range end, modifier, granularity
// and the days it covers.
func EventWhen(e Expr, ref entente.Date, future bool) (entente.When, bool) {
	switch e.Type {
	case TypeSet:
		return entente.When{}, false
	case TypeDuration:
		return durationEventWhen(e, ref)
	}
	value, mod, approx := e.Value, e.Mod, e.Approximate
	switch value {
	case entente.PresentRef:
		value, approx = ref.String(), true
	case entente.PastRef, entente.FutureRef:
		w, err := entente.ParseWhen(value, "", "", false)
		return w, err == nil
	}
	value = redirect(e, ref, future, value)
	if mod == entente.ModEnd && strings.HasPrefix(strings.ToLower(e.Text), "later ") {
		mod, approx = "", true
	}
	if mod == "" || mod == entente.ModApprox {
		if sm := signalMods[e.Signal]; sm != "" {
			mod = sm
		}
	}
	w, err := entente.ParseWhen(value, e.EndValue, mod, approx)
	if err != nil {
		w, err = entente.ParseWhen(value, "", mod, approx)
	}
	return w, err == nil
}

// signalMods are the modifiers a roadmap reads from the preposition before a date.
var signalMods = map[string]string{
	"by": entente.ModOnOrBefore, "no later than": entente.ModOnOrBefore,
	"not later than": entente.ModOnOrBefore, "until": entente.ModOnOrBefore,
	"till": entente.ModOnOrBefore, "before": entente.ModBefore, "prior to": entente.ModBefore,
	"ahead of": entente.ModBefore, "after": entente.ModAfter,
	"no earlier than": entente.ModOnOrAfter,
}

// redirect re-reads an expression whose value depends on the direction of time ("Tuesday",
// "in September", "5 January") in the direction the caller gives, and keeps any other value.
func redirect(e Expr, ref entente.Date, future bool, value string) string {
	if e.EndValue != "" {
		return value // a range around the reference date is under way, neither past nor planned
	}
	back, ahead := readDirected(e.Text, ref, -1), readDirected(e.Text, ref, 1)
	if back == "" || ahead == "" || back == ahead {
		return value
	}
	if future {
		return ahead
	}
	return back
}

// readDirected tags text alone with the tense forced to dir and returns the value of the
// expression covering all of it, or "".
func readDirected(text string, ref entente.Date, dir int) string {
	p := newParser(text, ref)
	p.forceDir = dir
	p.run()
	if len(p.out) != 1 || p.out[0].Start != 0 || p.out[0].End != len(text) {
		return ""
	}
	return p.out[0].Value
}

// durationEventWhen dates an event by a duration after "in" or "within": "in two weeks" is the
// reference date plus 14 days (approximate); "within two weeks" is on or before that day.
func durationEventWhen(e Expr, ref entente.Date) (entente.When, bool) {
	mod := ""
	switch e.Signal {
	case "in", "after":
	case "within":
		mod = entente.ModOnOrBefore
	default:
		return entente.When{}, false
	}
	n, letter, ok := simpleDuration(e.Value)
	if !ok {
		return entente.When{}, false
	}
	var value string
	switch letter {
	case "D":
		value = ref.AddDays(n).String()
	case "W":
		value = ref.AddDays(7 * n).String()
	case "M":
		value = at(ref.AddMonths(n), gMonth).String()
	case "Y":
		value = at(ref.AddMonths(12*n), gYear).String()
	default:
		return entente.When{}, false
	}
	w, err := entente.ParseWhen(value, "", mod, true)
	return w, err == nil
}

// simpleDuration splits "P2W" into 2 and "W"; it refuses clock durations and fractions.
func simpleDuration(v string) (int, string, bool) {
	if len(v) < 3 || v[0] != 'P' || v[1] == 'T' {
		return 0, "", false
	}
	n, err := strconv.Atoi(v[1 : len(v)-1])
	if err != nil {
		return 0, "", false
	}
	return n, v[len(v)-1:], true
}
