package ingest

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/timex"
)

// timeRef is a time expression as a roadmap records it: the phrase with its preposition (the
// corpus annotates "on 4 July", "by 2030", "in two weeks"), and the value normalised by the
// statements guidelines where they differ from TimeML ("in two weeks" is a date fourteen days
// on, approximate; "1st week of December" is December with mod START, approximate).
type timeRef struct {
	Span               // the phrase, signal included
	expr        Span   // the expression as timex found it
	phrase      string // text of Span
	typ         string // DATE, TIME, DURATION (resolved to a date), or "" for "Earlier"
	value       string // TIMEX3 value, "" when it cannot be resolved
	endValue    string
	mod         string
	gran        string
	approximate bool
	anchor      string // the date the value was resolved from, when not the reference date
	signal      string
	// onEvent marks "Earlier", "Later", "After the meeting": the date of the event the
	// sentence refers back to, filled in when events are built.
	onEvent bool
	used    bool // taken by an event
}

// futureOf reports whether the value lies after the reference day (vague FUTURE_REF too).
func (t timeRef) after(ref entente.Date) bool {
	if t.value == entente.FutureRef {
		return true
	}
	w, err := entente.ParseWhen(t.value, t.endValue, boundMod(t.mod), false)
	return err == nil && !w.Earliest.IsZero() && w.Earliest.After(ref)
}

// boundMod keeps the modifiers that narrow a value's days (START, MID, END) for comparing it
// with the reference day; the open ones (ON_OR_BEFORE 2030) would hide where it lies.
func boundMod(mod string) string {
	switch mod {
	case entente.ModStart, entente.ModMid, entente.ModEnd:
		return mod
	}
	return ""
}

// before reports whether the value ends before the reference day (PAST_REF too).
func (t timeRef) before(ref entente.Date) bool {
	if t.value == entente.PastRef {
		return true
	}
	w, err := entente.ParseWhen(t.value, t.endValue, boundMod(t.mod), false)
	return err == nil && !w.Latest.IsZero() && w.Latest.Before(ref)
}

// findTimes finds the time expressions of the text and hands them to their sentences. A
// dated dateline that differs from the publication date becomes the reference; a date tied
// to a speech act ("said on Tuesday") re-anchors the relative dates of its sentence.
func (d *doc) findTimes() {
	exprs := timex.Find(d.text, d.ref)
	if dl, ok := d.datelineDate(exprs); ok && dl != d.ref {
		d.ref = dl
		exprs = timex.Find(d.text, d.ref)
	}
	k := 0
	var spoken entente.Date // the day of the speech being reported, while it goes on
	for _, s := range d.sents {
		for k < len(exprs) && exprs[k].End <= s.Start {
			k++
		}
		var mine []timex.Expr
		for j := k; j < len(exprs) && exprs[j].Start < s.End; j++ {
			if exprs[j].End <= s.End {
				mine = append(mine, exprs[j])
			}
		}
		s.times = d.sentenceTimes(s, mine, d.ref)
		spoken = d.reanchorSpeech(s, spoken)
	}
	if d.ref != d.published {
		for _, s := range d.sents {
			for i := range s.times {
				if s.times[i].anchor == "" && s.times[i].value != "" && isRelativeValue(d, s, s.times[i]) {
					s.times[i].anchor = d.ref.String()
				}
			}
		}
	}
}

// sentenceTimes converts one sentence's expressions, joins ranges, and adds the phrases
// timex leaves to the reader ("Earlier", "upcoming").
func (d *doc) sentenceTimes(s *sent, exprs []timex.Expr, ref entente.Date) []timeRef {
	var out []timeRef
	for i := 0; i < len(exprs); i++ {
		e := exprs[i]
		if i+1 < len(exprs) && strings.TrimSpace(d.text[e.End:exprs[i+1].Start]) == "of" {
			if t, ok := d.composeYear(e, exprs[i+1], ref); ok {
				out = append(out, t)
				i++
				continue
			}
		}
		if i+1 < len(exprs) && joinsRange(d.text[e.End:exprs[i+1].Start]) {
			if t, ok := d.rangeRef(e, exprs[i+1], ref); ok {
				out = append(out, t)
				i++
				continue
			}
		}
		if t, ok := d.convert(e, ref); ok {
			out = append(out, t)
		}
	}
	out = append(out, d.eventAnchors(s, out)...)
	out = append(out, d.vagueRefs(s, out)...)
	sortTimes(out)
	return out
}

// composeYear reads "the autumn of next year", "June of 2026": a part of a year whose year
// the second expression gives.
func (d *doc) composeYear(part, year timex.Expr, ref entente.Date) (timeRef, bool) {
	if len(year.Value) != 4 || len(part.Value) < 5 || part.Type == timex.TypeDuration {
		return timeRef{}, false
	}
	if _, err := strconv.Atoi(year.Value); err != nil {
		return timeRef{}, false
	}
	t, ok := d.convert(part, ref)
	if !ok || t.value == "" || len(t.value) < 5 {
		return timeRef{}, false
	}
	t.value = year.Value + t.value[4:]
	t.expr.End = year.End
	t.Span.End = year.End
	t.phrase = d.text[t.Start:t.End]
	t.gran = granularityOf(t.value)
	return t, true
}

var reRangeJoin = regexp.MustCompile(`^\s*(and|to|until|till|through|-|–|—)\s*$`)

func joinsRange(gap string) bool { return reRangeJoin.MatchString(gap) }

// rangeRef joins "28 and 29 November 2024" or "from 25 to 27 November" into one range,
// completing the first date from the second when it lacks a month or year.
func (d *doc) rangeRef(a, b timex.Expr, ref entente.Date) (timeRef, bool) {
	if a.Type == timex.TypeDuration || b.Type == timex.TypeDuration || a.Type == timex.TypeSet {
		return timeRef{}, false
	}
	tb, ok := d.convert(b, ref)
	if !ok || tb.value == "" {
		return timeRef{}, false
	}
	first := completeValue(a.Value, tb.value)
	if _, err := entente.ParseWhen(first, tb.value, "", false); err != nil {
		return timeRef{}, false
	}
	t := tb
	t.expr = Span{a.Start, b.End}
	t.Span = d.withSignal(a.Start, b.End, a.Signal)
	t.signal = a.Signal // "on 28 and 29 January": the range's preposition, not the second day's
	if t.signal == "" {
		t.signal = precedingSignal(d.text, a.Start)
	}
	t.phrase = d.text[t.Start:t.End]
	t.value, t.endValue = first, tb.value
	t.gran = granularityOf(first)
	return t, true
}

// completeValue fills the X's of a partial value ("XXXX-XX-28") from a full one of the same
// shape ("2024-11-29" → "2024-11-28").
func completeValue(partial, full string) string {
	if len(partial) != len(full) || !strings.Contains(partial, "X") {
		return partial
	}
	b := []byte(partial)
	for i := range b {
		if b[i] == 'X' {
			b[i] = full[i]
		}
	}
	return string(b)
}

// convert turns one timex expression into a timeRef by the corpus rules; sets and plain
// durations ("for three years") are not dates and are dropped.
func (d *doc) convert(e timex.Expr, ref entente.Date) (timeRef, bool) {
	t := timeRef{expr: Span{e.Start, e.End}, typ: e.Type, value: e.Value, endValue: e.EndValue,
		mod: e.Mod, approximate: e.Approximate, signal: e.Signal}
	if t.signal == "" {
		t.signal = precedingSignal(d.text, e.Start)
	}
	t.Span = d.withSignal(e.Start, e.End, e.Signal)
	switch e.Type {
	case timex.TypeSet:
		return timeRef{}, false
	case timex.TypeDuration:
		if !d.durationAsDate(&t, ref) {
			return timeRef{}, false
		}
	}
	if strings.Contains(t.value, "X") || strings.HasPrefix(t.value, "P") && !isVague(t.value) {
		t.value, t.endValue = "", "" // a duration left as one, or a value with unknown digits
	}
	if t.mod == entente.ModApprox {
		t.mod, t.approximate = "", true
	}
	d.applyCorpusRules(&t, ref)
	t.phrase = d.text[t.Start:t.End]
	t.gran = granularityOf(t.value)
	return t, true
}

// signalMods are the modifiers a preposition gives a date: "by 2030" is ON_OR_BEFORE 2030.
var signalMods = map[string]string{
	"by": entente.ModOnOrBefore, "no later than": entente.ModOnOrBefore,
	"not later than": entente.ModOnOrBefore, "before": entente.ModBefore,
	"after": entente.ModAfter, "no earlier than": entente.ModOnOrAfter,
	"not earlier than": entente.ModOnOrAfter, "within": entente.ModOnOrBefore,
}

var (
	reWeekOfMonth = regexp.MustCompile(`(?i)\b(1st|first|2nd|second|3rd|third|4th|fourth|last|final)\s+week\s+of\s+(?:the\s+month\s+of\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)\b`)
	reLaterThis   = regexp.MustCompile(`(?i)\b(later|earlier)\s+(this|that|in\s+the)\s+(year|month)\b`)
)

// applyCorpusRules applies the statements guidelines where they differ from TimeML: the
// modifier a signal gives, "before the end of the year" as END, weeks of a month as the
// month, "later this year" as the year, approximate.
func (d *doc) applyCorpusRules(t *timeRef, ref entente.Date) {
	if m, ok := signalMods[t.signal]; ok && t.value != "" && !isVague(t.value) {
		switch {
		case t.mod == entente.ModEnd || t.mod == entente.ModStart || t.mod == entente.ModMid:
			// "by the end of the year", "before end of December 2021": the corpus keeps END.
		case t.mod == "":
			t.mod = m
		}
	}
	around := d.text[max(0, t.Start-20):min(len(d.text), t.End+30)]
	if !strings.Contains(around, "week") && !strings.Contains(around, "Week") {
		around = ""
	}
	if m := reWeekOfMonth.FindStringSubmatchIndex(around); m != nil {
		off := max(0, t.Start-20)
		mStart, mEnd := off+m[0], off+m[1]
		if mStart < t.End && mEnd > t.Start {
			d.weekOfMonth(t, strings.ToLower(around[m[2]:m[3]]), strings.ToLower(around[m[4]:m[5]]), ref, mStart, mEnd)
		}
	}
	if near := d.text[max(0, t.Start-8):t.End]; (strings.Contains(near, "ater") || strings.Contains(near, "arlier")) && reLaterThis.MatchString(near) {
		if t.mod == entente.ModEnd || t.mod == entente.ModStart {
			t.mod = ""
		}
		t.approximate = true
	}
}

// weekOfMonth rewrites "1st week of December" as December, START for the first week and END
// for the last, approximate, resolved in the direction of the clause.
func (d *doc) weekOfMonth(t *timeRef, ordinal, month string, ref entente.Date, start, end int) {
	mon := monthNumber(month)
	year := ref.Year
	if len(t.value) >= 4 {
		if y, err := strconv.Atoi(t.value[:4]); err == nil {
			year = y
		}
	} else if mon < int(ref.Month) && !t.before(ref) {
		year++
	}
	t.value = strconv.Itoa(year) + "-" + twoDigits(mon)
	t.mod = ""
	switch ordinal {
	case "1st", "first":
		t.mod = entente.ModStart
	case "last", "final":
		t.mod = entente.ModEnd
	}
	t.approximate = true
	if start < t.Start {
		t.Start = start
	}
	if end > t.End {
		t.End = end
	}
	t.Span = d.withSignal(t.Start, t.End, precedingSignal(d.text, t.Start))
}

func monthNumber(name string) int {
	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	for i, m := range months {
		if m == name {
			return i + 1
		}
	}
	return 1
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// granularityOf returns the corpus granularity of a value, "" for vague or absent values.
func granularityOf(value string) string {
	if value == "" || isVague(value) {
		return ""
	}
	w, err := entente.ParseWhen(value, "", "", false)
	if err != nil {
		return ""
	}
	return string(w.Granularity)
}

func isVague(v string) bool {
	return v == entente.PastRef || v == entente.FutureRef || v == entente.PresentRef
}
