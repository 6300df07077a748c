package ingest

import (
	"strings"
	"sync"

	"github.com/entente/entente"
)

// tense is what the verbs around an event say about its time.
type tense int

const (
	tenseNone tense = iota
	tenseFuture
	tensePast
	tenseOngoing
	tensePostponed
)

var tenseTable = sync.OnceValue(func() *phraseTable[tense] {
	t := newPhraseTable[tense]()
	for _, w := range postponedWords {
		t.add(w, tensePostponed)
	}
	for _, w := range ongoingWords {
		t.add(w, tenseOngoing)
	}
	for _, w := range futureWords {
		t.add(w, tenseFuture)
	}
	for _, w := range pastWords {
		t.add(w, tensePast)
	}
	return t
})

// tenseWindow is how many words on each side of an event's cue are searched for tense.
const tenseWindow = 10

// tenseAt returns the tense nearest to parts[at] within its clause: an explicit cue ("will",
// "was", "scheduled") if there is one, else a regular past form ("-ed") nearby. Words of
// saying are skipped: in "Sharif said the sides would meet", "would" decides.
func (d *doc) tenseAt(s *sent, at int) tense {
	lo, hi := d.clause(s, at)
	tab := tenseTable()
	for i := lo; i < hi; i++ {
		if _, t, ok := tab.matchAt(s.parts, i); ok && t == tensePostponed {
			return tensePostponed // "A visit …, planned for 15 December, has been postponed"
		}
	}
	lo, hi = max(lo, at-tenseWindow), min(hi, at+tenseWindow+1)
	best, bestDist := tenseNone, 1<<30
	for i := lo; i < hi; {
		n, t, ok := tab.matchAt(s.parts, i)
		if !ok {
			i++
			continue
		}
		if t == tensePostponed {
			return tensePostponed
		}
		if dist := abs(i - at); dist < bestDist {
			best, bestDist = t, dist
		}
		i += n
	}
	if best != tenseNone {
		return best
	}
	for dist := 0; dist <= tenseWindow; dist++ {
		for _, i := range []int{at - dist, at + dist} {
			if i >= lo && i < hi && looksPast(s.parts[i].lower) && !passiveAt(s, i) {
				return tensePast
			}
		}
	}
	return tenseNone
}

// passiveAt reports whether the -ed form at parts[i] is a participle after a form of "be"
// that is not past ("is being prepared", "will be signed", "are expected"): its tense is the
// auxiliary's, which the cue tables read.
func passiveAt(s *sent, i int) bool {
	if i == 0 {
		return false
	}
	switch s.parts[i-1].lower {
	case "is", "are", "be", "being", "am":
		return true
	}
	return false
}

// looksPast reports whether a word is a regular past form ("signed", "agreed" excepted: the
// corpus treats agreements as looking forward).
func looksPast(w string) bool {
	if len(w) < 5 || !strings.HasSuffix(w, "ed") {
		return false
	}
	switch w {
	case "agreed", "proposed", "interested", "expected", "scheduled", "planned", "invited",
		"needed", "concerned", "related", "based", "united", "limited", "detailed", "advanced",
		"committed", "dedicated", "required", "supposed", "hundred", "indeed", "speed", "proceed",
		"exceed", "succeed", "interred", "tasked", "instructed", "pledged", "decided", "reaffirmed":
		return false
	}
	return true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// status decides an event's status: the date when it lies clearly before or after the
// reference day, else the tense of the clause.
func (d *doc) status(t *timeRef, tn tense, ref entente.Date) string {
	switch {
	case tn == tensePostponed:
		return StatusPostponed
	case t != nil && t.value != "" && t.after(ref):
		return StatusPlanned
	case t != nil && t.value != "" && t.before(ref):
		return StatusHeld
	case tn == tenseFuture:
		return StatusPlanned
	case tn == tenseOngoing:
		return StatusOngoing
	}
	return StatusHeld
}

// clause returns the word range of the clause around parts[at]: bounded by the sentence, a
// semicolon or colon, and a comma followed by a word that opens a new clause ("which",
// "while", "followed by").
func (d *doc) clause(s *sent, at int) (int, int) {
	ps := s.parts
	lo := at
	for lo > 0 && !d.clauseBreak(ps, lo) {
		lo--
	}
	hi := at + 1
	for hi < len(ps) && !d.clauseBreak(ps, hi) {
		hi++
	}
	return lo, hi
}

// clauseOpeners start a new clause after a comma.
var clauseOpeners = map[string]bool{"which": true, "while": true, "whereas": true, "but": true,
	"followed": true, "who": true, "although": true, "though": true, "where": true}

// clauseBreak reports whether a clause boundary lies just before parts[i].
func (d *doc) clauseBreak(ps []word, i int) bool {
	if i <= 0 || i >= len(ps) {
		return true
	}
	gap := d.text[ps[i-1].end:ps[i].start]
	if strings.ContainsRune(gap, ';') {
		return true
	}
	if !strings.Contains(gap, ",") {
		return false
	}
	// ", and the working groups are to meet", ", and Mr Tuggar invited …": a coordinated
	// clause with its own subject (a capitalised word only when it is a title or honorific,
	// not the next item of a list of names).
	if (ps[i].lower == "and" || ps[i].lower == "but") && i+1 < len(ps) && newSubject(ps[i+1]) {
		next := strings.TrimSuffix(ps[i+1].lower, ".")
		if !ps[i+1].isUpper() || lexSets().honorific[next] || lexSets().heads[next] {
			return true
		}
	}
	if i+2 < len(ps) && ps[i+1].lower == "of" && (ps[i+2].lower == "which" || ps[i+2].lower == "whom") {
		return true // ", 64 of which will be built", ", some of whom"
	}
	return clauseOpeners[ps[i].lower]
}

// relativeClause reports whether a relative clause about the word before starts at parts[i]
// (", which", ", who").
func (d *doc) relativeClause(ps []word, i int) bool {
	if i <= 0 || i >= len(ps) {
		return false
	}
	w := ps[i].lower
	return (w == "which" || w == "who") && strings.Contains(d.text[ps[i-1].end:ps[i].start], ",")
}
