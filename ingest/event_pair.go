package ingest

import (
	"regexp"
	"strings"
)

// Pairing a time with the occasion it dates: which cue of the clause a time belongs to, and
// when a time dates a target (a deadline) rather than an occasion.

// bestCue returns the cue of a time's clause that the time dates: near and strong cues
// first. An occasion introduced by "after" or "following" is not what a target dates ("agreed
// to conclude negotiations before the end of next year, after talks between the
// presidents"). A time in a relative clause of planning ("the signing of the agreement on the
// second phase of the project, which had been planned for the end of March") dates the
// occasion the clause is about, however long its name.
func (d *doc) bestCue(s *sent, cues []*cueHit, t *timeRef, from, to int) *cueHit {
	var best *cueHit
	bestScore := 1 << 30
	for _, c := range cues {
		if c.used || c.cue.exclude || targetSignals[t.signal] && c.from > to && placedBefore(s, c.from) || d.saying(s, c) {
			continue
		}
		if c.to <= from && d.objectInfinitive(s, cues, c.to, from) >= 0 {
			continue // "signed an agreement to open direct flights from April": the flights' date
		}
		if d.concluded(s, c) {
			continue // "hope to close the talks within a month": a target, not a meeting
		}
		dist := d.cueDistance(s, c, from, to)
		if dist > maxCueDistance {
			continue
		}
		if score := 3*dist - 4*c.cue.strength; score < bestScore {
			best, bestScore = c, score
		}
	}
	if best != nil {
		return best
	}
	which := d.planningClause(s, from)
	for _, c := range cues {
		if !c.used && !c.cue.exclude && c.cue.kind != KindDeadline && c.to <= which && which-c.to <= maxPlanDistance {
			best = c // the last cue before the clause
		}
	}
	return best
}

// infinitiveTarget reports whether a time not yet past dates the infinitive that qualifies
// a signed instrument or an occasion before it ("signed an agreement to open direct flights
// from April"): a dated step of its own.
func (d *doc) infinitiveTarget(s *sent, cues []*cueHit, t *timeRef, from int) bool {
	if t.value == "" || isVague(t.value) || t.before(d.ref) {
		return false
	}
	lo, _ := d.clause(s, from)
	for _, c := range cues {
		if !c.cue.exclude && c.from >= lo && c.to <= from && d.objectInfinitive(s, cues, c.to, from) >= 0 {
			return true
		}
	}
	return false
}

// objectInfinitive returns the index of the "to" of an infinitive that qualifies an object
// between parts[from] and parts[to] ("an agreement to open direct flights"), or -1. An
// infinitive right after the cue ("agreed to meet") or that is itself a cue ("to sign") does
// not count.
func (d *doc) objectInfinitive(s *sent, cues []*cueHit, from, to int) int {
	for k := from + 1; k+1 < to; k++ {
		if s.parts[k].lower != "to" || s.parts[k+1].isUpper() || notInfinitive[s.parts[k+1].lower] ||
			!instrumentHeads[s.parts[k-1].lower] && !purposeNouns[s.parts[k-1].lower] {
			continue
		}
		for _, c := range cues {
			if c.from == k+1 {
				return -1
			}
		}
		return k
	}
	return -1
}

// purposeNouns, besides signed instruments, take an infinitive saying what is to be done.
var purposeNouns = wordSet("deal", "deals", "decision", "arrangement", "understanding", "mou",
	"mous", "framework", "pact")

// notInfinitive are words after "to" that make it a preposition.
var notInfinitive = wordSet("the", "a", "an", "this", "that", "these", "those", "its", "their",
	"his", "her", "our", "be", "date", "usd", "us", "about", "around", "some", "more", "over")

// maxPlanDistance is how far, in words, a relative clause of planning may be from its occasion.
const maxPlanDistance = 28

// planningClause returns the index of the "which" or "that" opening the relative clause of
// planning that holds parts[at] (", which had been planned for", ", which is scheduled for"),
// or -1.
func (d *doc) planningClause(s *sent, at int) int {
	for k := at - 1; k > 0 && at-k <= 8; k-- {
		if d.relativeClause(s.parts, k) {
			for j := k + 1; j < at; j++ {
				if planWords[s.parts[j].lower] {
					return k
				}
			}
			return -1
		}
	}
	return -1
}

// planWords mark a clause that says when something was or is planned.
var planWords = wordSet("planned", "scheduled", "due", "set", "expected", "slated", "foreseen", "to")

// occasionObject reports whether a cue is the object of a verb of holding or signing, with
// at most three determiners and adjectives between: "to hold a conference", "sign the
// border agreement".
func (d *doc) occasionObject(s *sent, c *cueHit) bool {
	for k := c.from - 1; k >= 0 && c.from-k <= 4; k-- {
		w := s.parts[k].lower
		if objectVerbs[w] {
			return true
		}
		if !eventDeterminers[w] && !s.parts[k].isUpper() && k < c.from-1 {
			return false
		}
	}
	return false
}

// objectVerbs hold or sign the occasion that is their object.
var objectVerbs = wordSet("hold", "holding", "convene", "organise", "organize", "host", "sign", "stage")

// concluded reports whether a meeting cue is the object of a verb of concluding: "close the
// talks", "conclude negotiations", "finalise the consultations".
func (d *doc) concluded(s *sent, c *cueHit) bool {
	if c.cue.kind != KindMeeting {
		return false
	}
	for k := c.from - 1; k >= 0 && c.from-k <= 3; k-- {
		w := s.parts[k].lower
		if concludingVerbs[w] {
			return true
		}
		if !eventDeterminers[w] {
			return false
		}
	}
	return false
}

// forwardVerbWords are the verbs of deciding and instructing that open a second action after
// "and" ("and directed", "and agreed", "and instructed").
var forwardVerbWords = wordSet("agreed", "decided", "directed", "instructed", "tasked", "asked",
	"invited", "pledged", "urged", "called", "mandated", "resolved")

// concludingVerbs end talks rather than hold them.
var concludingVerbs = wordSet("close", "conclude", "concluding", "complete", "completing", "finalise",
	"finalize", "finalising", "finalizing", "wrap")

// purposeOfVisit reports whether a meeting or forum cue after a visit names what the visit
// is for: "travel to Tokyo on Monday for the annual summit", "visit Abu Dhabi in April to
// attend an investment conference", "visit Nairobi tomorrow for talks with President Ruto".
func (d *doc) purposeOfVisit(s *sent, visit, c *cueHit) bool {
	if c.from <= visit.from || c.cue.kind != KindMeeting && c.cue.kind != KindForum && c.cue.kind != KindCommissionSession {
		return false
	}
	for k := visit.to; k < c.from; k++ {
		switch s.parts[k].lower {
		case "for", "attend", "join", "address":
			return c.from-k <= 6
		}
	}
	return false
}

// inRelative reports whether parts[at] lies in a relative clause that opens after parts[lo]
// (", who attended the signing ceremony, said he would visit"): another occasion.
func (d *doc) inRelative(s *sent, lo, at int) bool {
	for k := lo; k <= at && k < len(s.parts); k++ {
		if d.relativeClause(s.parts, k) {
			_, end := d.clause(s, k)
			return at < end
		}
	}
	return false
}

var reAmount = regexp.MustCompile(`(?i)(US\$|USD|\$|€|EUR|£|GBP|Rs\.?|PKR|yuan|RMB)\s?\d[\d.,]*\s?(billion|million|trillion|bn|mn)?|\d[\d.,]*\s?(billion|million|trillion)\s(dollars|euros|USD)|\d[\d.,]*\s?(per\s?cent|percent|%)`)

// targetSignals make a time a deadline when no event cue claims it.
var targetSignals = map[string]bool{"by": true, "till": true, "until": true, "no later than": true,
	"not later than": true, "before": true, "within": true}

// isTarget reports whether a time dates a target: an amount just before it ("trade to US$100
// billion next year") or a deadline preposition ("send the agenda till the 30th").
func (d *doc) isTarget(s *sent, t *timeRef, from int) bool {
	if t.value == "" || isVague(t.value) || t.before(d.ref) {
		return false
	}
	lo := s.parts[max(0, from-10)].start
	if reAmount.MatchString(d.text[lo:t.Start]) {
		return true
	}
	return targetSignals[t.signal]
}

// promised reports whether a time not yet past sits in the action of a commitment ("agreed
// … to launch a joint digital customs platform in the first quarter of next year",
// "deliveries will start later this year", an item of a list after "The sides agreed:"): a
// dated target.
func (d *doc) promised(si int, s *sent, t *timeRef, from int) bool {
	if t.value == "" || isVague(t.value) || t.before(d.ref) {
		return false
	}
	if !t.after(d.ref) && !t.approximate && t.mod == "" {
		return false // "agreed on Tuesday", "events were planned this year": when, not by when
	}
	if d.inPromiseList(si) {
		return true
	}
	lo, _ := d.clause(s, from)
	for _, c := range d.commitCuesIn(s) {
		if c.from >= lo && c.from < from && c.kind != commitInterest && (c.kind != commitReported || d.reported(s, c.from)) {
			return true
		}
	}
	return false
}

// inPromiseList reports whether sentence si is an item of a list that a sentence ending in
// a commitment cue and a colon introduces ("The sides agreed:" then "– to open …;").
func (d *doc) inPromiseList(si int) bool {
	for k := si; k >= 0 && si-k <= maxListItems; k-- {
		text := strings.TrimSpace(d.text[d.sents[k].Start:d.sents[k].End])
		if k < si && strings.HasSuffix(text, ":") {
			return len(d.commitCuesIn(d.sents[k])) > 0
		}
		if !startsListItem(text) {
			return false
		}
	}
	return false
}

// maxListItems bounds how far back inPromiseList looks for the list's introduction.
const maxListItems = 30

// startsListItem reports whether a sentence opens with a list marker.
func startsListItem(text string) bool {
	for _, m := range listMarkers {
		if strings.HasPrefix(text, m) {
			return true
		}
	}
	return false
}
