package ingest

import (
	"slices"
	"strings"

	"github.com/entente/entente/country"
)

// mergeEvents makes one event of the mentions of one real-world event: the same kind and
// value (a deadline's modifier may differ: "December this year" and "before end of December
// 2021"); an undated mention that refers back ("the session", "at the meeting") to a dated
// occasion near it; an undated mention of the same kind near a dated one, or of a signing or
// visit anywhere in the text with the same status; two undated mentions in neighbouring
// sentences; and visits to the same place. Other phrasings go to also_expressed_as.
//
// Mentions are compared within mergeWindow events of each other, which covers any statement
// and keeps a long text linear.
func (d *doc) mergeEvents() {
	d.mergeAnaphoric()
	for i, a := range d.events {
		if a.removed {
			continue
		}
		for _, b := range d.events[i+1 : min(len(d.events), i+1+mergeWindow)] {
			if b.removed || a.Kind != b.Kind {
				continue
			}
			switch {
			case a.Value != "" && b.Value != "":
				if sameOccasion(a, b) {
					a.absorb(b)
				}
			case a.Value == "" && b.Value != "" && undatedIs(a, b):
				b.absorb(a)
			case b.Value == "" && a.Value != "" && undatedIs(b, a):
				a.absorb(b)
			case a.Value == "" && b.Value == "" && (abs(a.sent-b.sent) <= 1 || samePlace(a, b)):
				a.absorb(b)
			}
			if a.removed {
				break
			}
		}
	}
	d.events = slices.DeleteFunc(d.events, func(e *eventRec) bool { return e.removed })
}

// mergeWindow is how many following events an event is compared with for merging.
const mergeWindow = 60

// undatedIs reports whether an undated mention u is the dated event e of the same kind.
func undatedIs(u, e *eventRec) bool {
	if samePlace(u, e) {
		return true
	}
	if !compatible(u, e) {
		return false
	}
	return near(u, e) || u.Kind == KindSigning || u.Kind == KindVisit
}

// mergeAnaphoric folds "the session", "at the meeting" into the nearest dated meeting,
// session or call within two sentences.
func (d *doc) mergeAnaphoric() {
	for i, u := range d.events {
		if !u.anaphoric || u.Value != "" || (u.Kind != KindMeeting && u.Kind != KindCommissionSession) {
			continue
		}
		var best *eventRec
		for _, e := range d.events[max(0, i-mergeWindow):min(len(d.events), i+mergeWindow)] {
			if e == u || e.removed || e.Value == "" || !near(u, e) || e.Status != u.Status {
				continue
			}
			if e.Kind != KindMeeting && e.Kind != KindCommissionSession && e.Kind != KindCall {
				continue
			}
			if best == nil || abs(e.sent-u.sent) < abs(best.sent-u.sent) {
				best = e
			}
		}
		if best != nil {
			best.absorb(u)
		}
	}
}

// sameOccasion reports whether two dated mentions are one event.
func sameOccasion(a, b *eventRec) bool {
	if a.relative || b.relative || a.Value != b.Value || (a.Mod != b.Mod && a.Kind != KindDeadline) {
		return false
	}
	return a.Location == "" || b.Location == "" || placesAgree(string(a.Location), string(b.Location))
}

// near reports whether two mentions are at most two sentences apart.
func near(a, b *eventRec) bool { return abs(a.sent-b.sent) <= 2 }

// compatible reports whether an undated mention can be the dated one: same status, and no
// two different places.
func compatible(a, b *eventRec) bool {
	if a.Status != b.Status {
		return false
	}
	return a.Location == "" || b.Location == "" || placesAgree(string(a.Location), string(b.Location))
}

// samePlace reports whether two visits go to the same named place.
func samePlace(a, b *eventRec) bool {
	return a.Kind == KindVisit && a.Location != "" && placesAgree(string(a.Location), string(b.Location))
}

// placesAgree reports whether two places can be one: the same words, one inside the other
// ("Minsk (Independence Palace)"), or a city and its own country ("Islamabad", "Pakistan").
func placesAgree(a, b string) bool {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if la == "" || lb == "" {
		return false
	}
	if la == lb || strings.Contains(la, lb) || strings.Contains(lb, la) {
		return true
	}
	ca, ka, oka := country.Lookup(a)
	cb, kb, okb := country.Lookup(b)
	return oka && okb && ca.Alpha3 == cb.Alpha3 && (ka == country.KindName || kb == country.KindName)
}

// absorb merges o into e: e keeps its time, takes o's place if it has none, and records o's
// phrase as another wording.
func (e *eventRec) absorb(o *eventRec) {
	o.removed = true
	if e.Location == "" {
		e.Location = o.Location
	}
	if e.MeetingKind == "" {
		e.MeetingKind = o.MeetingKind
	}
	if o.TimePhrase == "" || o.TimePhrase == e.TimePhrase {
		return
	}
	for _, p := range e.AlsoExpressedAs {
		if p.Phrase == string(o.TimePhrase) {
			return
		}
	}
	e.AlsoExpressedAs = append(e.AlsoExpressedAs, Phrase{Phrase: string(o.TimePhrase), Value: string(o.Value), Mod: o.Mod})
}
