package ingest

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// fixDirection moves a date said without its year ("in the fall", "in the second week of
// November") to the year the tense points to, when the time expression read it the other way.
func (d *doc) fixDirection(e *eventRec, t *timeRef, tn tense) {
	g := t.gran
	hasMonth := reMonthName.MatchString(t.phrase)
	if reYear4.MatchString(t.phrase) || reRelativeYear.MatchString(t.phrase) || !(g == "month" || g == "season" || (g == "day" && hasMonth)) {
		return
	}
	shift := 0
	switch {
	case tn == tenseFuture && t.before(d.ref):
		shift = 1
	case tn == tensePast && t.after(d.ref):
		shift = -1
	case tn == tensePostponed:
		shift = d.nearestYearShift(t) // a date put off: the occurrence nearest the report
	}
	if shift == 0 {
		return
	}
	y, err := strconv.Atoi(t.value[:4])
	if err != nil {
		return
	}
	t.value = strconv.Itoa(y+shift) + t.value[4:]
	e.Value = Nullable(t.value)
	e.Status = d.status(t, tn, d.ref)
}

// nearestYearShift returns -1, 0 or +1: the year shift that brings an unyeared value closest
// to the reference date.
func (d *doc) nearestYearShift(t *timeRef) int {
	best, bestDist := 0, 1<<30
	for _, shift := range []int{-1, 0, 1} {
		y, err := strconv.Atoi(t.value[:4])
		if err != nil {
			return 0
		}
		w, err := entente.ParseWhen(strconv.Itoa(y+shift)+t.value[4:], "", "", false)
		if err != nil {
			continue
		}
		if dist := abs(w.Earliest.DaysSince(d.ref)); dist < bestDist {
			best, bestDist = shift, dist
		}
	}
	return best
}

var (
	reYear4 = regexp.MustCompile(`\b\d{4}\b`)
	// reRelativeYear marks phrases whose year is said ("December this year", "February of the
	// following year"): their direction is not the tense's to change.
	reRelativeYear = regexp.MustCompile(`(?i)\b(this|next|last|following|coming|previous|current|same)\b|\byear\b`)
	reMonthName    = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b`)
	reOrdinal      = regexp.MustCompile(`^(\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|next|last|previous)$`)
	reAnchored     = regexp.MustCompile(`(?i)\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|\d{1,2})\s+(day|days|week|weeks|month|months|year|years)\s+(after|before|later|earlier)\b`)
)

// anchoredEvents reads "a month after President Samia Suluhu's visit" when the sentence has
// another date ("In June"): the visit is a month before June, approximately, anchored on it.
// Without another date, the anchor is the occasion the sentence is about, dated before: in
// "The call came a week after the two presidents met", the meeting is a week before the call.
func (d *doc) anchoredEvents(si int, s *sent, cues []*cueHit) {
	if !s.hasWord(anchoredWords) {
		return
	}
	text := d.text[s.Start:s.End]
	for _, m := range reAnchored.FindAllStringSubmatchIndex(text, -1) {
		start, end := s.Start+m[0], s.Start+m[1]
		anchor := ""
		if other := d.otherDate(s, start); other != nil {
			anchor = other.value
		} else if o := d.subjectOccasion(si, s, cues, start); o != nil {
			anchor = string(o.Value)
		}
		cue := anchoredCue(s, cues, wordIndexAt(s.parts, end))
		if anchor == "" || cue == nil {
			continue
		}
		n := amountOf(strings.Fields(strings.ToLower(text[m[2]:m[3]])))
		if dir := strings.ToLower(text[m[6]:m[7]]); dir == "after" || dir == "later" {
			n = -n // the event came that long before the anchor
		}
		value, ok := shiftValue(anchor, n, strings.ToLower(text[m[4]:m[5]]))
		if !ok {
			continue
		}
		cue.used = true
		t := timeRef{Span: Span{start, end}, expr: Span{start, end}, phrase: d.text[start:end],
			value: value, gran: granularityOf(value), approximate: true, anchor: anchor}
		d.addEvent(si, s, cue.cue, cue.from, &t, true)
	}
}

// anchoredCue returns the occasion named just after an anchored phrase: the first unused cue
// within ten words ("a week after the two presidents, Gabriel Boric and Dina Boluarte, met").
func anchoredCue(s *sent, cues []*cueHit, after int) *cueHit {
	for _, c := range cues {
		if !c.used && !c.cue.exclude && c.from >= after && c.from <= after+10 {
			return c
		}
	}
	return nil
}

// subjectOccasion returns the dated event that a cue before offset names when an event of
// its kind was dated earlier in the text ("The call came …": the call of the sentence before).
func (d *doc) subjectOccasion(si int, s *sent, cues []*cueHit, offset int) *eventRec {
	at := wordIndexAt(s.parts, offset)
	for _, c := range cues {
		if c.from >= at || c.cue.exclude || c.cue.kind == KindDeadline {
			continue
		}
		if o := d.lastOccasion([]string{c.cue.kind}, si-1); o != nil {
			c.used = true
			return o
		}
	}
	return nil
}

var anchoredWords = wordSet("after", "before", "later", "earlier")

// otherDate returns a dated, not yet used time of the sentence other than the one at offset.
func (d *doc) otherDate(s *sent, offset int) *timeRef {
	for i := range s.times {
		t := &s.times[i]
		if !t.used && t.value != "" && !isVague(t.value) && (t.End <= offset || t.Start > offset) {
			return t
		}
	}
	return nil
}

func quantityWord(w string) int {
	switch w {
	case "two":
		return 2
	case "three":
		return 3
	case "four":
		return 4
	case "five":
		return 5
	case "six":
		return 6
	case "seven":
		return 7
	case "eight":
		return 8
	case "nine":
		return 9
	case "ten":
		return 10
	case "eleven":
		return 11
	case "twelve":
		return 12
	}
	return 1
}

// shiftValue moves a day, month or year value by n units of unit, keeping its granularity.
func shiftValue(value string, n int, unit string) (string, bool) {
	w, err := entente.ParseWhen(value, "", "", false)
	if err != nil || w.Earliest.IsZero() {
		return "", false
	}
	day := w.Earliest
	switch strings.TrimSuffix(unit, "s") {
	case "day":
		day = day.AddDays(n)
	case "week":
		day = day.AddDays(7 * n)
	case "month":
		day = day.AddMonths(n)
	case "year":
		day = day.AddMonths(12 * n)
	}
	switch w.Granularity {
	case entente.GranularityDay:
		return day.String(), true
	case entente.GranularityMonth:
		return day.String()[:7], true
	case entente.GranularityYear:
		return day.String()[:4], true
	}
	return "", false
}

// verbCues are cue words that are themselves past or finite verbs: an event took place.
var verbCues = map[string]bool{"met": true, "signed": true, "visited": true, "travelled": true,
	"traveled": true, "reconvened": true, "telephoned": true, "phoned": true, "inked": true,
	"convened": true}

// eventVerbs near a noun cue show that it names one occasion ("at its inaugural meeting,
// which was held", "during the official visit", "on a working visit").
var eventVerbs = map[string]bool{"held": true, "hold": true, "holds": true, "paid": true,
	"pay": true, "concluded": true, "close": true, "host": true, "hosted": true, "address": true, "addressed": true, "attend": true,
	"attended": true, "opened": true, "welcomed": true, "witnessed": true, "hailed": true,
	"accepted": true, "travelled": true, "traveled": true, "occasion": true, "took": true,
	"undertook": true, "co-chair": true, "chaired": true}

// holdVerbs right before a noun cue make it an occasion: "held talks".
var holdVerbs = map[string]bool{"held": true, "conducted": true, "had": true, "hold": true,
	"holds": true, "holding": true, "conduct": true}

// pastHold are the hold verbs that report an occasion held; the others name one only with
// a partner ("hold talks with").
var pastHold = map[string]bool{"held": true, "conducted": true, "had": true}

// eventDeterminers come before a noun cue that names one occasion.
var eventDeterminers = map[string]bool{"a": true, "an": true, "the": true, "his": true,
	"her": true, "their": true, "its": true, "official": true, "state": true, "working": true,
	"inaugural": true, "first": true, "second": true, "third": true, "this": true, "that": true,
	"phone": true, "telephone": true, "bilateral": true, "two": true, "both": true,
	"next": true, "joint": true}

// anchoringPreps before "the visit", "a meeting" place an occasion: "on a working visit",
// "at its inaugural meeting", "during the official visit".
var anchoringPreps = map[string]bool{"on": true, "at": true, "during": true, "after": true,
	"before": true, "following": true}

// timelessWorthy reports whether a cue without a time names one real occasion: a phone call,
// a finite event verb ("met", "signed"), or a noun with a determiner placed by a preposition or
// an event verb ("on a working visit", "its inaugural meeting, which was held"). Cues next to
// an excluded occasion ("signed since the two countries established diplomatic relations")
// do not count.
func (d *doc) timelessWorthy(s *sent, cues []*cueHit, c *cueHit) bool {
	if c.cue.exclude || c.cue.kind == KindDeadline || c.cue.kind == KindOther || c.cue.kind == KindForum {
		return false
	}
	for _, x := range cues {
		if x.cue.exclude && abs(x.from-c.from) <= 8 {
			return false
		}
	}
	if d.recurring(s, c) {
		return false // "their joint working group, which meets twice a year": no one occasion
	}
	first := s.parts[c.from].lower
	if c.cue.kind == KindCall && c.cue.strength >= 3 || verbCues[first] || c.to-c.from > 1 && looksPast(first) {
		return true // "met", "witnessed the exchange"
	}
	if c.from > 0 && anchoringPreps[s.parts[c.from-1].lower] && c.to < len(s.parts) &&
		(s.parts[c.to].lower == "between" || s.parts[c.to].lower == "with") {
		return true // "after talks between the presidents", "during talks with the premier"
	}
	if d.plannedOccasion(s, c) {
		return true
	}
	if c.from > 0 && holdVerbs[s.parts[c.from-1].lower] && (pastHold[s.parts[c.from-1].lower] ||
		c.to < len(s.parts) && s.parts[c.to].lower == "with") {
		return true // "held talks", "will hold talks with the Speaker" (not "hold talks on MoUs")
	}
	det := determinerBefore(s, c.from)
	if det < 0 {
		return false
	}
	if det > 0 && anchoringPreps[s.parts[det-1].lower] {
		return true
	}
	for k := max(0, c.from-6); k < min(len(s.parts), c.to+6); k++ {
		if eventVerbs[s.parts[k].lower] {
			return true
		}
	}
	return false
}

// recurring reports whether the words after a cue, to the end of its clause and a relative
// clause after it, say the occasion recurs ("which meets twice a year", "every six months").
func (d *doc) recurring(s *sent, c *cueHit) bool {
	_, hi := d.clause(s, c.from)
	hi = d.withRelative(s, hi)
	for k := c.to; k < hi && k < len(s.parts); k++ {
		switch s.parts[k].lower {
		case "every", "each", "twice", "annually", "monthly", "weekly", "yearly", "regularly", "periodically":
			return true
		}
	}
	return false
}

// plannedOccasion reads an infinitive that names a planned occasion by its place or partner:
// "invited the Chancellor to visit India", "agreed to meet again at the UN Ocean Conference".
func (d *doc) plannedOccasion(s *sent, c *cueHit) bool {
	w := s.parts[c.from].lower
	if c.from == 0 || s.parts[c.from-1].lower != "to" || (w != "visit" && w != "meet" && w != "sign") {
		return false
	}
	if w == "sign" {
		return c.to < len(s.parts) && eventDeterminers[s.parts[c.to].lower] // "to sign an agreement"
	}
	if c.to < len(s.parts) && s.parts[c.to].lower == "again" {
		return true
	}
	for _, m := range s.countries {
		if k := wordIndexAt(s.parts, m.Start); k >= c.to && k <= c.to+2 {
			return true
		}
	}
	return false
}

// determinerBefore returns the index of the first of the determiners and adjectives right
// before parts[i] ("the official visit", "its inaugural meeting"), or -1 when there are none.
func determinerBefore(s *sent, i int) int {
	k := i
	for k > 0 && i-k < 3 && (eventDeterminers[s.parts[k-1].lower] || reOrdinal.MatchString(s.parts[k-1].lower)) {
		k--
	}
	if k == i {
		return -1
	}
	return k
}

// anaphoric reports whether a noun cue refers back to an occasion already named: "the
// session", "at the meeting", "its talks".
func anaphoric(s *sent, c *cueHit) bool {
	if verbCues[s.parts[c.from].lower] {
		return false
	}
	k := determinerBefore(s, c.from)
	if k < 0 {
		return false
	}
	switch s.parts[k].lower {
	case "the", "this", "that", "its", "their":
		return true
	}
	return false
}

// timelessEvents makes events of strong cues that no time claimed. Such an event takes the
// lead's date when the lead sentence gave one without naming the occasion ("agreed on
// Tuesday … The targets were set in a phone call"), the publication date when it is the
// report's opening event, or the date of the held occasion it belongs to; otherwise it has
// no date. It reports whether the lead's date was taken.
func (d *doc) timelessEvents(si int, s *sent, cues []*cueHit, lead *timeRef, leadSent int) bool {
	tookLead := false
	var made []string
	for _, c := range cues {
		if c.used || !d.timelessWorthy(s, cues, c) || slices.Contains(made, c.cue.kind) || inAnchor(s, c) {
			continue
		}
		c.used = true
		made = append(made, c.cue.kind)
		e := d.addEvent(si, s, d.upgrade(s, cues, c), c.from, nil, false)
		e.anaphoric = anaphoric(s, c)
		d.consumeSameOccasion(s, cues, c)
		switch {
		case d.onEventTime(si, s, e):
		case lead != nil && !tookLead && si-leadSent <= 3 && e.Kind != KindSigning && (e.Status == StatusHeld || d.before(s, c, lead)):
			e.setTime(*lead)
			e.Status = d.status(lead, tenseNone, d.ref)
			e.dated, e.borrowed, tookLead = true, true, true
		case si <= 1 && len(s.times) == 0 && e.Status == StatusHeld && !d.anyDated() && e.Kind != KindSigning:
			e.Value, e.Granularity, e.Implicit, e.dated = Nullable(d.published.String()), "day", true, true
		case e.Status == StatusHeld && (e.Kind == KindSigning || e.Kind == KindMeeting):
			d.inheritOccasion(si, e)
		case e.Status == StatusPlanned && (e.Kind == KindSigning || e.Kind == KindMeeting):
			d.inheritPlanned(si, e)
		}
	}
	return tookLead
}

// before reports whether a cue names an occasion that preceded the dated lead of the text
// ("agreed on Wednesday to raise trade …, after talks between the presidents"): it was held.
func (d *doc) before(s *sent, c *cueHit, lead *timeRef) bool {
	if lead.after(d.ref) || c.from == 0 {
		return false
	}
	switch s.parts[c.from-1].lower {
	case "after", "following":
		return true
	}
	return false
}

// inAnchor reports whether a cue is the event an anchoring phrase refers to ("after the
// talks"), which is not a new event.
func inAnchor(s *sent, c *cueHit) bool {
	for _, t := range s.times {
		if t.onEvent && s.parts[c.from].start >= t.Start && s.parts[c.from].start < t.End {
			return true
		}
	}
	return false
}

// onEventTime dates an event introduced by "Earlier", "Later" or "After the meeting" with the
// date of the last held, dated event before it, approximately.
func (d *doc) onEventTime(si int, s *sent, e *eventRec) bool {
	var anchor *timeRef
	for i := range s.times {
		if s.times[i].onEvent && !s.times[i].used {
			anchor = &s.times[i]
		}
	}
	if anchor == nil {
		return false
	}
	want := anchorKinds(anchor.phrase)
	var best *eventRec
	for k := len(d.events) - 1; k >= 0 && k >= len(d.events)-mergeWindow; k-- {
		o := d.events[k]
		if o == e || o.Value == "" || isVague(string(o.Value)) || !o.dated || o.Status == StatusPostponed {
			continue
		}
		if want == nil && o.Status != StatusHeld || want != nil && !slices.Contains(want, o.Kind) {
			continue // "Earlier" refers to what was held; "during the visit" to the visit
		}
		if e.Status == StatusHeld && o.Status == StatusPlanned {
			continue // "At the end of the meeting, the co-chairs signed": a meeting held
		}
		if best == nil || o.Status == StatusHeld && string(o.Value) > string(best.Value) {
			best = o // of the occasions held, the latest: not one recalled as background
		}
	}
	if o := best; o != nil {
		day := string(o.Value)
		if len(day) > 10 {
			day = day[:10]
		}
		t := timeRef{phrase: anchor.phrase, value: day, gran: granularityOf(day), approximate: true}
		if day != d.ref.String() {
			t.anchor = string(o.Value)
		}
		anchor.used = true
		e.setTime(t)
		e.dated, e.relative = true, true
		if e.Location == "" {
			e.Location = o.Location
		}
		return true
	}
	return false
}

// anchorKinds returns the kinds of event an anchoring phrase names ("during the visit": a
// visit), or nil for "Earlier" and "Later".
func anchorKinds(phrase string) []string {
	p := strings.ToLower(phrase)
	switch {
	case strings.Contains(p, "visit") || strings.Contains(p, "stay"):
		return []string{KindVisit}
	case strings.Contains(p, "call") || strings.Contains(p, "conversation"):
		return []string{KindCall}
	case strings.Contains(p, "meeting") || strings.Contains(p, "talks") || strings.Contains(p, "session") || strings.Contains(p, "summit"):
		return []string{KindMeeting, KindCommissionSession}
	case strings.Contains(p, "ceremony") || strings.Contains(p, "signing"):
		return []string{KindSigning}
	case strings.Contains(p, "forum") || strings.Contains(p, "conference"):
		return []string{KindForum}
	}
	return nil
}

// anyDated reports whether an event with a date of its own exists already; only the start of
// a text matters (a lead), so only the first events are looked at.
func (d *doc) anyDated() bool {
	for _, e := range d.events[:min(len(d.events), mergeWindow)] {
		if e.dated && e.Value != "" {
			return true
		}
	}
	return len(d.events) > mergeWindow
}

// inheritOccasion dates a signing or meeting by the held occasion of another kind in the
// same or the previous sentence ("the session … was brought to a close with the signing of
// protocols"), or else by the meeting or session held on the report's day ("held the fourth
// meeting of the Council in Bishkek today … The Presidents signed a Treaty"), approximately. A
// mention of an occasion of its own kind dated just before is left undated, to be merged
// with it ("signed a contract on Wednesday … The contract was signed in Warsaw").
func (d *doc) inheritOccasion(si int, e *eventRec) {
	if d.sameKindNear(si, e) {
		return
	}
	for k := len(d.events) - 1; k >= 0; k-- {
		o := d.events[k]
		if o.sent < si-1 {
			break
		}
		if o == e || o.Kind == e.Kind || !o.dated || o.Status != StatusHeld || o.Granularity != "day" {
			continue
		}
		e.takeOccasion(o)
		return
	}
	for _, o := range d.events[:min(len(d.events), mergeWindow)] {
		if o != e && o.dated && !o.borrowed && o.Status == StatusHeld && string(o.Value) == d.ref.String() &&
			(o.Kind == KindMeeting || o.Kind == KindCommissionSession) {
			e.takeOccasion(o)
			return
		}
	}
}

// inheritPlanned dates a planned signing or meeting by a planned occasion of its sentence
// ("will hold talks … on Monday, and the two leaders are expected to sign an agreement") or
// by the planned visit it belongs to, named in the two sentences before ("will arrive on
// Thursday for a three-day visit … will hold talks with the Speaker"), approximately.
func (d *doc) inheritPlanned(si int, e *eventRec) {
	if d.sameKindNear(si, e) {
		return
	}
	for k := len(d.events) - 1; k >= 0; k-- {
		o := d.events[k]
		if o.sent < si-2 {
			return
		}
		if o == e || !o.dated || o.Status != StatusPlanned || o.Kind == KindDeadline || o.Value == "" || isVague(string(o.Value)) {
			continue
		}
		if o.sent == si || o.Kind == KindVisit {
			e.takeOccasion(o)
			e.Approximate = o.sent != si
			return
		}
	}
}

// sameKindNear reports whether an event of e's kind was dated in e's sentence or the two
// before it.
func (d *doc) sameKindNear(si int, e *eventRec) bool {
	for k := len(d.events) - 1; k >= 0; k-- {
		o := d.events[k]
		if o.sent < si-2 {
			return false
		}
		if o != e && o.Kind == e.Kind && o.dated && o.Value != "" {
			return true
		}
	}
	return false
}

// takeOccasion copies the time and, when it has none, the place of the occasion o.
func (e *eventRec) takeOccasion(o *eventRec) {
	e.TimePhrase, e.Value, e.Granularity = o.TimePhrase, o.Value, o.Granularity
	e.borrowed = true
	if e.Kind != KindVisit && o.Granularity == "part_of_day" {
		e.Value, e.Granularity = o.Value[:10], "day"
	}
	e.Approximate = true
	if e.Location == "" {
		e.Location = o.Location
	}
}
