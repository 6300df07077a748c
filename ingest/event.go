package ingest

import (
	"strings"
	"sync"

	"github.com/entente/entente"
)

// eventRec is an event being built, with where it came from.
type eventRec struct {
	Event
	sent    int  // index of its sentence
	cueAt   int  // offset of its cue
	dated   bool // its time comes from its own phrase, not from another event
	removed bool // merged into another event
	// anaphoric marks an undated mention that refers back to an occasion ("the session").
	anaphoric bool
	// relative marks an event dated by another ("Earlier, the delegations held talks"): a
	// different occasion on the same day, never merged with it.
	relative bool
	// borrowed marks a date taken from the text's lead or from another occasion, not from a
	// phrase of the event's own: it dates nothing else.
	borrowed bool
}

// cueHit is an event cue found in a sentence's parts.
type cueHit struct {
	from, to int
	cue      eventCue
	used     bool
}

var eventCueTable = sync.OnceValue(func() *phraseTable[eventCue] {
	t := newPhraseTable[eventCue]()
	for p, c := range eventCues {
		t.add(p, c)
	}
	return t
})

// findEvents builds the events sentence by sentence: each time phrase is paired with the
// nearest event cue of its clause ("held talks on 4 July", "will meet … in the fall"), a
// dated target becomes a deadline, strong cues without a time of their own become events
// dated by the text's lead or by the occasion they belong to, and mentions of one event are
// merged into one.
func (d *doc) findEvents() {
	var lead *timeRef
	leadSent := -1
	for si, s := range d.sents {
		cues := d.cuesIn(s)
		d.offsetEvents(si, s, cues)
		d.anchoredEvents(si, s, cues)
		for ti := range s.times {
			t := &s.times[ti]
			if t.used || t.onEvent || d.inDateline(t) || d.excludedTime(s, cues, t) || t.value == "PRESENT_REF" || validityPeriod(t) {
				continue
			}
			if d.pairTime(si, s, cues, t) {
				continue
			}
			if lead == nil && si <= 1 && t.gran == "day" && !t.after(d.ref) {
				lead, leadSent = t, si
			}
		}
		if d.timelessEvents(si, s, cues, lead, leadSent) {
			lead = nil
		}
	}
	d.mergeEvents()
	d.placeByDateline()
}

// placeByDateline places the meetings, sessions, signings and visits held in the week up to
// the dateline's day in the dateline's city when the text gives no place, or only the city's
// country: a report datelined "MINSK" about a signing "in Belarus" today means Minsk.
func (d *doc) placeByDateline() {
	if d.dateline.city == "" {
		return
	}
	for _, e := range d.events {
		switch e.Kind {
		case KindMeeting, KindCommissionSession, KindSigning, KindVisit:
		default:
			continue
		}
		today := len(e.Value) >= 10 && string(e.Value[:10]) == d.ref.String()
		if (e.Status != StatusHeld && e.Status != StatusOngoing || !d.lastDays(string(e.Value))) && !today {
			continue
		}
		if e.Location == "" || (countryName(d.dateline.alpha3) == string(e.Location)) {
			e.Location = Nullable(d.dateline.city)
		}
	}
}

// lastDays reports whether a value is a day of the week up to the reference date: what a
// report datelined there says was held "on Thursday" was held there too.
func (d *doc) lastDays(value string) bool {
	if len(value) < 10 {
		return false
	}
	day, err := entente.ParseDate(value[:10])
	return err == nil && !day.After(d.ref) && d.ref.DaysSince(day) < 7
}

// validityPeriod reports whether a time says how long something holds rather than when it
// happens: "a programme for 2025-2027", "the plan for 2026".
func validityPeriod(t *timeRef) bool {
	return t.signal == "for" && (t.endValue != "" || t.gran == "year")
}

// cuesIn returns the event cues of a sentence, left to right.
func (d *doc) cuesIn(s *sent) []*cueHit {
	var out []*cueHit
	for _, h := range eventCueTable().findAll(s.parts) {
		c := &cueHit{from: h.from, to: h.to, cue: h.val}
		if c.cue.exclude && s.parts[c.from].lower == "called" && d.callOnOfficial(s, c.to) {
			c.cue = eventCue{kind: KindMeeting, strength: 2} // "called on Foreign Minister Deuba"
		}
		out = append(out, c)
	}
	return out
}

// callOnOfficial reports whether parts[i] starts a title of office or a name: "called on"
// someone is a courtesy call, "called on the parties to" a request.
func (d *doc) callOnOfficial(s *sent, i int) bool {
	if i >= len(s.parts) || s.parts[i-1].lower != "on" {
		return false
	}
	w := strings.TrimSuffix(s.parts[i].lower, ".")
	if lexSets().honorific[w] {
		return true
	}
	for k := i; k < min(len(s.parts), i+4); k++ {
		if !s.parts[k].isUpper() {
			return false
		}
		if lexSets().heads[s.parts[k].lower] && titleHeadAt(s, k) {
			return true
		}
	}
	return false
}

// titleHeadAt reports whether parts[k] is the head of a title ("Minister", "President").
func titleHeadAt(s *sent, k int) bool {
	n, tok, ok := titleTable().matchAt(s.parts, k)
	return ok && n > 0 && tok == tokHead
}

// inDateline reports whether a time lies in the dateline, which dates the report, not an event.
func (d *doc) inDateline(t *timeRef) bool {
	return t.expr.Start >= d.dateline.start && t.expr.End <= d.dateline.end
}

// excludedTime reports whether a time belongs to an occasion the corpus does not annotate
// ("since taking office in May", "established diplomatic relations in 1994") or dates a
// statement ("the ministry said on Monday"), unless an event cue stands nearer to it ("said
// at a press conference on Tuesday after talks with …" dates the talks).
func (d *doc) excludedTime(s *sent, cues []*cueHit, t *timeRef) bool {
	at := wordIndexAt(s.parts, t.expr.Start)
	end := wordIndexAt(s.parts, t.expr.End)
	excluded := 1 << 30
	for _, c := range cues {
		if c.cue.exclude && (abs(c.from-at) <= 4 || abs(c.to-at) <= 1) {
			excluded = min(excluded, min(abs(c.from-at), abs(c.to-at)))
		}
	}
	// The day of a statement: "said on Monday", "told reporters on Tuesday"; or "On Monday,
	// the ministry said". A tag after the time (", he said") dates nothing.
	for k := max(0, at-7); k < at; k++ {
		if hasSpeechVerb([]string{s.parts[k].lower}) {
			excluded = min(excluded, at-k)
		}
	}
	if at <= 1 {
		for k := end; k < min(len(s.parts), end+6); k++ {
			if hasSpeechVerb([]string{s.parts[k].lower}) {
				excluded = min(excluded, k-end+1)
			}
		}
	}
	if excluded == 1<<30 {
		return false
	}
	for _, c := range cues {
		if !c.cue.exclude && c.cue.kind != KindDeadline && !d.saying(s, c) && min(abs(c.from-end), abs(c.to-at)) <= excluded {
			return false
		}
	}
	return true
}

// saying reports whether an event cue is the verb of a statement ("his office announced
// today") rather than an announcement reported as an event ("the coalition …, announced
// Monday", "was announced on Friday").
func (d *doc) saying(s *sent, c *cueHit) bool {
	if !hasSpeechVerb([]string{s.parts[c.from].lower}) || c.from == 0 {
		return false
	}
	switch s.parts[c.from-1].lower {
	case "was", "were", "been", "be", "is", "are":
		return false
	}
	return !strings.Contains(d.text[s.parts[c.from-1].end:s.parts[c.from].start], ",")
}

// maxCueDistance is how far, in words (a comma counts as one more), a cue may be from its time.
const maxCueDistance = 16

// pairTime makes an event of a time and the best cue of its clause, or a deadline of a dated
// target; it reports whether an event was made.
func (d *doc) pairTime(si int, s *sent, cues []*cueHit, t *timeRef) bool {
	from := wordIndexAt(s.parts, t.Start) // the preposition belongs to the time phrase
	to := wordIndexAt(s.parts, t.End)
	best := d.bestCue(s, cues, t, from, to)
	if best == nil && d.infinitiveTarget(s, cues, t, from) {
		own := *t // the infinitive's time, in its own direction, not the signing verb's
		e := d.addEvent(si, s, eventCue{kind: KindOther}, from, t, true)
		e.setTime(own)
		e.Status = d.status(&own, tenseFuture, d.ref)
		return true
	}
	// "send in the agenda till the 30th": a deadline's preposition wins over a cue further
	// off, unless the cue is what is to be held or signed ("to hold a conference on French
	// investment in Armenia's energy sector before the end of the year").
	farCue := best == nil || (targetSignals[t.signal] && d.cueDistance(s, best, from, to) > 2 && !d.occasionObject(s, best))
	if farCue && (d.isTarget(s, t, from) || (best == nil && d.promised(si, s, t, from))) {
		d.addEvent(si, s, eventCue{kind: KindDeadline}, from, t, true)
		return true
	}
	if best == nil {
		return false
	}
	best.used = true
	e := d.addEvent(si, s, d.upgrade(s, cues, best), best.from, t, true)
	d.consumeSameOccasion(s, cues, best)
	if e.Status == StatusPostponed {
		d.rescheduled(si, s, best)
	}
	d.companionEvents(si, s, cues, best, t)
	return true
}

// upgrade turns a generic meeting cue into a commission session when its clause names a
// commission or council ("the joint intergovernmental commission … is due to meet", "the
// 8th meeting of their Joint Ministerial Commission"), and uses up that cue.
func (d *doc) upgrade(s *sent, cues []*cueHit, c *cueHit) eventCue {
	if c.cue.kind != KindMeeting {
		return c.cue
	}
	lo, hi := d.clause(s, c.from)
	for _, x := range cues {
		reach := 8
		if verbCues[s.parts[c.from].lower] || c.cue.kind == KindMeeting && strings.HasPrefix(s.parts[c.from].lower, "meet") {
			reach = 14 // "The Joint Cooperation Committee of the … Corridor (CPEC) will meet"
		}
		if x == c || x.used || x.cue.kind != KindCommissionSession || x.cue.strength < 3 || x.from < lo-2 || x.from >= hi || abs(x.from-c.from) > reach {
			continue
		}
		if placedBefore(s, x.from) {
			continue // "Ahead of the BNC, Senior Officials met": another occasion
		}
		x.used = true
		up := c.cue
		up.kind, up.meetingKind = KindCommissionSession, ""
		return up
	}
	return c.cue
}

// placedBefore reports whether one of beforeWords stands within three words before parts[i].
func placedBefore(s *sent, i int) bool {
	for k := max(0, i-3); k < i; k++ {
		if beforeWords[s.parts[k].lower] {
			return true
		}
	}
	return false
}

// beforeWords place another occasion before or after the one named: "ahead of the BNC".
var beforeWords = map[string]bool{"ahead": true, "before": true, "after": true, "since": true, "following": true}

// consumeSameOccasion marks the other meeting and session cues of a used cue's clause as
// used: "the Coordination Council convened for its second meeting" is one occasion, and so
// is "he met President Lukashenko and the two delegations held talks".
func (d *doc) consumeSameOccasion(s *sent, cues []*cueHit, c *cueHit) {
	if c.cue.kind != KindMeeting && c.cue.kind != KindCommissionSession {
		return
	}
	for _, x := range cues {
		if x.used || (x.cue.kind != KindMeeting && x.cue.kind != KindCommissionSession) || d.clauseBreakBetween(s, c.from, x.from) {
			continue
		}
		reach := 4
		if w := s.parts[x.from].lower; verbCues[w] || w == "meet" || w == "meets" {
			reach = 2 // "met today and will meet again this afternoon": two occasions
		}
		if abs(x.from-c.from) <= reach {
			x.used = true
		}
	}
}

// clauseBreakBetween reports whether a clause boundary lies between parts[a] and parts[b].
func (d *doc) clauseBreakBetween(s *sent, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for k := a + 1; k <= b && k < len(s.parts); k++ {
		if d.clauseBreak(s.parts, k) {
			return true
		}
	}
	return false
}

// cueDistance counts the words between a cue and a time, two more for each comma and many
// more for a clause break.
func (d *doc) cueDistance(s *sent, c *cueHit, from, to int) int {
	lo, hi := c.to, from
	if c.from >= to {
		lo, hi = to, c.from
	}
	dist := max(0, hi-lo)
	for i := lo; i < hi && i < len(s.parts); i++ {
		if i > 0 {
			gap := d.text[s.parts[i-1].end:s.parts[i].start]
			if strings.Contains(gap, ",") {
				dist++
			}
			switch {
			case d.relativeClause(s.parts, i):
				dist += 3 // "the five-day session in Nairobi, which ended on Tuesday"
			case d.clauseBreak(s.parts, i):
				dist += 20
			case s.parts[i].lower == "to" && s.parts[i-1].lower == "and":
				dist += 20 // "to increase … by 2027 and to launch …": another action
			case s.parts[i-1].lower == "and" && (looksPast(s.parts[i].lower) || forwardVerbWords[s.parts[i].lower]):
				dist += 20 // "… by June next year and directed their ministries to hold talks in October"
			}
		}
	}
	return dist
}

// companionEvents adds a second event for another kind of cue in the same clause that has no
// time of its own: "the MoU would be signed no later than March 2025, on the occasion of the
// visit" is both a signing and a visit; "approve the plan during his visit before the end of
// this year" both a visit and a signing.
func (d *doc) companionEvents(si int, s *sent, cues []*cueHit, paired *cueHit, t *timeRef) {
	lo, hi := d.clause(s, paired.from)
	for _, c := range cues {
		if c.used || c.cue.exclude || c.cue.kind == paired.cue.kind || c.from < lo || c.from >= hi || d.inRelative(s, lo, c.from) {
			continue
		}
		if c.cue.kind != KindVisit && c.cue.kind != KindSigning && !(paired.cue.kind == KindVisit && d.purposeOfVisit(s, paired, c)) {
			continue
		}
		c.used = true
		d.addEvent(si, s, c.cue, c.from, t, true)
	}
}

// addEvent records an event for a cue at parts[at] and a time (nil for none).
func (d *doc) addEvent(si int, s *sent, cue eventCue, at int, t *timeRef, dated bool) *eventRec {
	lo, hi := d.clause(s, at)
	e := &eventRec{sent: si, cueAt: s.parts[min(at, len(s.parts)-1)].start, dated: dated}
	e.Kind = cue.kind
	e.MeetingKind = cue.meetingKind
	if e.Kind == KindMeeting && e.MeetingKind == "" {
		e.MeetingKind = d.meetingKind(s, lo, hi)
	}
	e.Description = d.describe(s, lo, hi)
	e.Evidence = s.Span
	tn := d.tenseAt(s, at)
	direction := tn // the tense that tells which year an unyeared date is in
	if t != nil {
		ti := wordIndexAt(s.parts, t.Start)
		if d.clauseBreakBetween(s, at, ti) && (tn != tensePostponed || d.planningClause(s, ti) < 0) {
			if tt := d.tenseAt(s, ti); tt != tenseNone {
				tn, direction = tt, tt // "The session …, which was to take place on 3 April": the time's own clause
			}
		}
		if tn != tensePostponed && d.postponedLater(s, ti) {
			tn, direction = tensePostponed, tensePostponed // "…, which was to take place on 3 April, has been moved to 10 April"
		}
	}
	if tn == tensePostponed && t != nil && d.newDate(s, t) {
		tn, direction = tenseFuture, tenseFuture // "postponed until January": January is the new, planned date
	}
	if t != nil {
		t.used = true
		e.setTime(*t)
		if e.Kind == KindVisit && (e.Granularity == "part_of_day" || e.Granularity == "time") {
			e.Value, e.Granularity = e.Value[:10], "day" // a visit is dated by its days
		}
	}
	e.Status = d.status(t, tn, d.ref)
	if t != nil && t.value != "" {
		d.fixDirection(e, t, direction)
		if tn == tensePostponed {
			e.Status = StatusPostponed
		}
	}
	if e.Kind != KindDeadline && e.Kind != KindCall { // a call is made from two places
		ti := wordIndexAt(s.parts, e.cueAt)
		lo2, hi2 := lo, d.withRelative(s, hi)
		if t != nil {
			lo2, hi2 = min(lo2, wordIndexAt(s.parts, t.Start)), max(hi2, wordIndexAt(s.parts, t.End))
		}
		e.Location = Nullable(d.locationNear(s, lo2, min(hi2, len(s.parts)), ti, e.Kind))
	}
	d.events = append(d.events, e)
	return e
}

// withRelative extends a clause ending at hi over a relative clause that follows it ("at its
// inaugural meeting, which was held in Islamabad").
func (d *doc) withRelative(s *sent, hi int) int {
	if !d.relativeClause(s.parts, hi) {
		return hi
	}
	_, end := d.clause(s, hi)
	return end
}

// rescheduled adds the new date of a postponed event as an event of its own: "planned for 15
// December, has been postponed until January" is the postponed 15 December and the planned
// January.
func (d *doc) rescheduled(si int, s *sent, c *cueHit) {
	for i := range s.times {
		t := &s.times[i]
		if !t.used && t.value != "" && t.Start > s.parts[c.from].start && d.newDate(s, t) {
			d.addEvent(si, s, c.cue, c.from, t, true)
			return
		}
	}
}

// postponedLater reports whether a word of postponement follows parts[at] in its sentence.
func (d *doc) postponedLater(s *sent, at int) bool {
	tab := tenseTable()
	for i := at; i < len(s.parts); i++ {
		if _, t, ok := tab.matchAt(s.parts, i); ok && t == tensePostponed {
			return true
		}
	}
	return false
}

// newDate reports whether a time is the new date of a postponement ("postponed until
// January", "moved to 3 March").
func (d *doc) newDate(s *sent, t *timeRef) bool {
	switch t.signal {
	case "until", "till", "to":
		return true
	}
	return false
}

// setTime copies a time onto the event.
func (e *eventRec) setTime(t timeRef) {
	e.TimePhrase = Nullable(t.phrase)
	e.Value = Nullable(t.value)
	e.Granularity = Nullable(t.gran)
	e.Approximate = t.approximate
	e.Mod = t.mod
	e.EndValue = t.endValue
	e.Anchor = t.anchor
}

// meetingKind reads delegation-level, working-group and leaders' talks from the clause.
func (d *doc) meetingKind(s *sent, lo, hi int) string {
	for i := lo; i < hi && i < len(s.parts); i++ {
		switch s.parts[i].lower {
		case "delegation", "delegations":
			return "delegation_talks"
		case "president", "minister", "leaders", "premier", "king", "chancellor":
			return "leaders_talks"
		}
	}
	return ""
}

// maxDescription bounds an event's description in bytes.
const maxDescription = 200

// describe returns the clause, trimmed, as the event's description.
func (d *doc) describe(s *sent, lo, hi int) string {
	if lo >= hi || hi > len(s.parts) {
		return strings.TrimSpace(d.text[s.Start:s.End])
	}
	for lo < hi-1 && s.parts[lo].start < d.dateline.end {
		lo++
	}
	text := strings.Join(strings.Fields(d.text[s.parts[lo].start:s.parts[hi-1].end]), " ")
	if len(text) > maxDescription {
		cut := maxDescription
		for cut > 0 && !isSpaceByte(text[cut]) {
			cut--
		}
		text = text[:cut] + " …"
	}
	return capitalise(text)
}

func isSpaceByte(c byte) bool { return c == ' ' }
