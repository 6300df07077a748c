package ingest

import (
	"regexp"
	"strconv"
	"strings"
)

// Events dated by another event: "the day before the session", "a month after the signing",
// "two weeks ahead of the summit". The occasion named after the preposition was dated earlier
// in the text; the event the phrase dates is the nearest occasion of its clause ("convene the
// joint commission a month after the signing", "The day before the session, the ministers
// opened a business forum"), and its date is the occasion's shifted by the amount, at the
// occasion's granularity (approximate unless the amount is a day: "the day before" is exact).

var reEventOffset = regexp.MustCompile(`(?i)\b(the\s+day|the\s+week|(?:a|an|one|two|three|four|five|six|several|a\s+few|\d{1,2})\s+(?:days?|weeks?|months?|years?))\s+(before|after|prior\s+to|ahead\s+of|following)\s+(?:the|its|their|this|that)\s+([a-z]+)\b`)

// offsetWords must be in a sentence for reEventOffset to be tried.
var offsetWords = wordSet("before", "after", "prior", "ahead", "following")

// eventOffset is one "N units after the occasion" phrase of a sentence.
type eventOffset struct {
	Span          // the whole phrase
	noun   Span   // the occasion's noun ("signing")
	n      int    // the amount, negative for "before"
	unit   string // day, week, month or year
	kinds  []string
	phrase string
}

// offsetEvents makes the events that such phrases date, before the sentence's other times
// are paired, and reports the words they used.
func (d *doc) offsetEvents(si int, s *sent, cues []*cueHit) {
	if !s.hasWord(offsetWords) {
		return
	}
	for _, o := range d.eventOffsetsIn(s) {
		anchor := d.lastOccasion(o.kinds, si)
		if anchor == nil {
			continue
		}
		value, ok := shiftValue(string(anchor.Value), o.n, o.unit)
		if !ok {
			continue
		}
		cue := d.offsetCue(s, cues, o)
		if cue == nil {
			continue
		}
		cue.used = true
		for _, c := range cues {
			if c.from >= wordIndexAt(s.parts, o.noun.Start) && c.from < wordIndexAt(s.parts, o.noun.End) {
				c.used = true // the anchoring occasion is not a new event
			}
		}
		d.useTimesIn(s, o.Span)
		t := timeRef{Span: o.Span, expr: o.Span, phrase: o.phrase, value: value, gran: granularityOf(value),
			approximate: !(o.unit == "day" && abs(o.n) == 1), anchor: string(anchor.Value)}
		e := d.addEvent(si, s, d.upgrade(s, cues, cue), cue.from, &t, true)
		e.relative = true
		if e.Location == "" && e.Kind != KindDeadline {
			e.Location = anchor.Location // "the day before the session" in Amman: in Amman
		}
	}
}

// eventOffsetsIn returns the offset phrases of a sentence whose noun names an occasion.
func (d *doc) eventOffsetsIn(s *sent) []eventOffset {
	text := d.text[s.Start:s.End]
	var out []eventOffset
	for _, m := range reEventOffset.FindAllStringSubmatchIndex(text, -1) {
		noun := strings.ToLower(text[m[6]:m[7]])
		kinds := anchorKinds(noun)
		if kinds == nil {
			continue
		}
		amount := strings.Fields(strings.ToLower(text[m[2]:m[3]]))
		n, unit := 1, strings.TrimSuffix(amount[len(amount)-1], "s")
		if amount[0] != "the" {
			n = amountOf(amount[:len(amount)-1])
		}
		switch strings.Fields(strings.ToLower(text[m[4]:m[5]]))[0] {
		case "before", "prior", "ahead":
			n = -n
		}
		out = append(out, eventOffset{
			Span: Span{s.Start + m[0], s.Start + m[1]}, noun: Span{s.Start + m[6], s.Start + m[7]},
			n: n, unit: unit, kinds: kinds, phrase: text[m[0]:m[1]],
		})
	}
	return out
}

// amountOf reads "a", "two", "a few", "12" as a number of units.
func amountOf(words []string) int {
	w := strings.Join(words, " ")
	if n, err := strconv.Atoi(w); err == nil {
		return n
	}
	switch w {
	case "several", "a few":
		return 3
	}
	return quantityWord(w)
}

// lastOccasion returns the last dated, not postponed event of one of the kinds found before
// sentence si, or nil.
func (d *doc) lastOccasion(kinds []string, si int) *eventRec {
	for k := len(d.events) - 1; k >= 0 && k >= len(d.events)-mergeWindow; k-- {
		e := d.events[k]
		if e.sent > si || e.Value == "" || isVague(string(e.Value)) || e.Status == StatusPostponed {
			continue
		}
		for _, kind := range kinds {
			if e.Kind == kind {
				return e
			}
		}
	}
	return nil
}

// offsetCue returns the occasion the offset phrase dates: the nearest unused cue of its
// clause before it, else the nearest after it, never the anchoring noun itself. A phrase
// that opens the sentence dates the first occasion of the sentence, however far ("The day
// before the session, the ministers of trade of the two countries opened a forum").
func (d *doc) offsetCue(s *sent, cues []*cueHit, o eventOffset) *cueHit {
	from, to := wordIndexAt(s.parts, o.Start), wordIndexAt(s.parts, o.End)
	var before, after *cueHit
	for _, c := range cues {
		if c.used || c.cue.exclude || c.cue.kind == KindDeadline || (c.from >= from && c.from < to) {
			continue
		}
		if dist := d.cueDistance(s, c, from, to); dist > maxCueDistance && (from > 0 || c.from < to) {
			continue
		}
		if c.from < from {
			before = c
		} else if after == nil {
			after = c
		}
	}
	if before != nil {
		return before
	}
	return after
}

// useTimesIn marks the sentence's time expressions inside a span as used.
func (d *doc) useTimesIn(s *sent, sp Span) {
	for i := range s.times {
		if s.times[i].Start < sp.End && s.times[i].End > sp.Start {
			s.times[i].used = true
		}
	}
}
