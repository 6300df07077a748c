package ingest

import (
	"slices"
	"strings"
	"sync"

	"github.com/entente/entente/country"
)

var commitTable = sync.OnceValue(func() *phraseTable[commitKind] {
	t := newPhraseTable[commitKind]()
	for p, k := range commitCues {
		t.add(p, k)
	}
	return t
})

// commitCue is a commitment cue found at parts[from:to].
type commitCue struct {
	from, to int
	kind     commitKind
}

// subject is who a commitment's clause says acts.
type subject struct {
	responsible string // ISO3, "both" or "all"; "" when unknown
	from, to    int    // the subject's words, when it is a thing ("A further meeting")
	thing       bool   // the subject names a body, event or instrument, kept in the statement
}

// findCommitments reads what the parties promise: a cue ("agreed to", "pledged to", "will",
// "is scheduled", "instructed … to"), who acts (the clause's subject), what is promised (the
// words after the cue to the end of the clause, split at coordinated "to" clauses), the due
// date from the clause's time, and the sectors of its words. Signed instruments are
// commitments too.
func (d *doc) findCommitments() {
	for _, s := range d.sents {
		if !s.english {
			continue
		}
		covered := -1
		for _, c := range d.commitCuesIn(s) {
			if c.from < covered {
				continue
			}
			covered = d.readCommitment(s, c)
		}
		d.instruments(s)
	}
	d.dedupCommitments()
}

// commitCuesIn returns the commitment cues of a sentence, left to right.
func (d *doc) commitCuesIn(s *sent) []commitCue {
	var out []commitCue
	for _, h := range commitTable().findAll(s.parts) {
		out = append(out, commitCue{h.from, h.to, h.val})
	}
	return out
}

// readCommitment reads the commitment of one cue and returns the index of the last word it
// covered, so that a cue inside it ("agreed that the MoU would be signed") is not read again.
func (d *doc) readCommitment(s *sent, c commitCue) int {
	start, needModal, ok := d.complementStart(s, c)
	if !ok {
		return c.to
	}
	_, clauseEnd := d.clause(s, c.from)
	end := d.statementEnd(s, start, clauseEnd)
	if start >= end || (needModal && !d.hasModal(s, start, end)) {
		return c.to
	}
	subj := d.subjectOf(s, c, start)
	if subj.responsible == "" || (subj.responsible != "both" && subj.responsible != "all" && !d.isParty(subj.responsible)) {
		return c.to
	}
	pieces := [][2]int{{start, end}}
	if c.kind == commitTo || c.kind == commitAgree {
		pieces = d.splitInfinitives(s, start, end)
	}
	var fallback []string
	if len(pieces) > 1 {
		fallback = d.sectorsIn(s, 0, len(s.parts))
	}
	for _, p := range pieces {
		from := p[0]
		if subj.thing && len(pieces) == 1 && (c.kind == commitModal || c.kind == commitReported) {
			from = subj.from
		}
		d.addCommitment(s, from, p[1], p[0], subj.responsible, fallback)
	}
	return end
}

// complementStart returns where the promised action starts after a cue, and whether it must
// hold a modal to be a promise ("agreed that the MoU would be signed" is; "agreed that both
// countries gain" is not).
func (d *doc) complementStart(s *sent, c commitCue) (int, bool, bool) {
	ps := s.parts
	switch c.kind {
	case commitAgree:
		for k := c.to; k < len(ps) && k < c.to+10; k++ {
			if d.inTime(s, ps[k].start) {
				continue
			}
			switch ps[k].lower {
			case "to", "on", "upon":
				return k + 1, false, k+1 < len(ps)
			case "that":
				return k + 1, true, k+1 < len(ps)
			case "also", "further", "jointly":
				continue
			}
			return 0, false, false
		}
		return 0, false, false
	case commitReported:
		return c.to, false, c.to < len(ps) && d.reported(s, c.from)
	case commitInterest:
		return c.to, false, c.to < len(ps) && d.namesObject(s, c.to)
	case commitTo:
		return c.to, false, c.to < len(ps) && !functionWords[ps[c.to].lower]
	}
	return c.to, false, c.to < len(ps)
}

// functionWords cannot start a promised action: "what they committed to when they spoke".
var functionWords = map[string]bool{"when": true, "where": true, "which": true, "while": true,
	"as": true, "and": true, "but": true, "that": true, "this": true, "if": true, "so": true}

// hasModal reports whether parts[from:to] holds a modal or a "to be" of the future.
func (d *doc) hasModal(s *sent, from, to int) bool {
	for k := from; k < to; k++ {
		switch s.parts[k].lower {
		case "would", "will", "shall", "should", "must", "could":
			return true
		}
	}
	return false
}

// inTime reports whether offset lies inside one of the sentence's time phrases.
func (d *doc) inTime(s *sent, offset int) bool {
	return coveredBy(s.times, offset)
}

// reported reports whether "would" at parts[i] is reported speech: a verb of saying or
// "agreed that" comes before it in the sentence.
func (d *doc) reported(s *sent, i int) bool {
	said := false
	for k := 0; k < i; k++ {
		w := s.parts[k].lower
		switch {
		case hasSpeechVerb([]string{w}) || w == "agreed" || w == "decided" || w == "confirmed":
			said = true
		case w == "hoped" || w == "hopes" || w == "wished" || w == "wondered" || w == "if":
			said = false // a hope or a condition is not a promise
		}
	}
	return said
}

// namesObject reports whether an expression of interest names a concrete object ("interested
// in importing … textiles"), which the corpus keeps; bare interest is not a commitment.
func (d *doc) namesObject(s *sent, k int) bool {
	_, hi := d.clause(s, k)
	return len(englishSectorTagger().find(s.parts[k:hi], s.masked)) > 0
}

// statementEnd returns where a promise ends: the clause end; a new clause with its own
// subject (", and it is interested", ", and the working groups are to meet"); a speech tag
// (", he said", ", the two sides agreed"); or a comment (", adding").
func (d *doc) statementEnd(s *sent, start, clauseEnd int) int {
	ps := s.parts
	for k := start + 1; k < clauseEnd; k++ {
		if !strings.Contains(d.text[ps[k-1].end:ps[k].start], ",") {
			continue
		}
		w := ps[k].lower
		switch {
		case w == "adding" || w == "saying" || w == "according":
			return k
		case (w == "and" || w == "but") && k+1 < clauseEnd && newSubject(ps[k+1]):
			return k
		case d.speechTag(s, k, clauseEnd):
			return k
		}
	}
	return clauseEnd
}

// newSubject reports whether a word opens a clause with a subject of its own.
func newSubject(w word) bool {
	switch w.lower {
	case "it", "he", "she", "they", "we", "the", "a", "an", "this", "these", "both":
		return true
	}
	return w.isUpper()
}

// speechTag reports whether parts[k:] up to the clause end is a short tag of saying or
// agreeing: "he said", "the two sides agreed".
func (d *doc) speechTag(s *sent, k, end int) bool {
	if end-k > 5 {
		return false
	}
	for j := k; j < end; j++ {
		w := s.parts[j].lower
		if hasSpeechVerb([]string{w}) || w == "agreed" {
			return true
		}
	}
	return false
}

// splitInfinitives cuts "to raise …, to resolve … and to expand …" into three promises.
func (d *doc) splitInfinitives(s *sent, start, end int) [][2]int {
	var out [][2]int
	from := start
	for k := start + 1; k+1 < end; k++ {
		if s.parts[k].lower != "to" {
			continue
		}
		gap := d.text[s.parts[k-1].end:s.parts[k].start]
		prev := s.parts[k-1].lower
		if strings.Contains(gap, ",") || (prev == "and" && strings.Contains(d.text[s.parts[k-2].end:s.parts[k-1].start], " ")) {
			cut := k
			if prev == "and" {
				cut = k - 1
			}
			if cut > from {
				out = append(out, [2]int{from, cut})
			}
			from = k + 1
		}
	}
	return append(out, [2]int{from, end})
}

// addCommitment records the promise in parts[from:to].
// The due date is read from parts[action:to], the promised action, not from its subject.
func (d *doc) addCommitment(s *sent, from, to, action int, responsible string, fallback []string) {
	ps := s.parts
	for to > from && (ps[to-1].lower == "and" || ps[to-1].lower == "to") {
		to--
	}
	if to <= from {
		return
	}
	text := strings.Join(strings.Fields(d.text[ps[from].start:ps[to-1].end]), " ")
	c := Commitment{Statement: capitalise(text), Responsible: responsible, Evidence: s.Span}
	if t := d.dueIn(s, ps[min(action, to-1)].start, ps[to-1].end); t != nil {
		c.Due, c.DueMod, c.DuePhrase = Nullable(t.value), t.mod, t.phrase
		if t.endValue != "" {
			c.Due, c.DueMod = Nullable(t.endValue), "END"
		}
	}
	c.Sector = d.sectorsIn(s, from, to)
	if len(c.Sector) == 0 {
		c.Sector = fallback
	}
	if len(c.Sector) == 0 {
		c.Sector = defaultSectors(s.parts[from:to])
	}
	d.commits = append(d.commits, c)
}

// dueIn returns the first dated time phrase inside [start, end), or nil.
func (d *doc) dueIn(s *sent, start, end int) *timeRef {
	for i := range s.times {
		t := &s.times[i]
		if t.Start >= start && t.Start < end && t.value != "" && !t.onEvent && t.value != "PRESENT_REF" && t.value != "PAST_REF" {
			return t
		}
	}
	return nil
}

// sectorsIn returns the sectors named in parts[from:to], outside titles and bodies.
func (d *doc) sectorsIn(s *sent, from, to int) []string {
	var out []string
	for _, h := range englishSectorTagger().find(s.parts[from:to], s.masked) {
		out = addSectors(out, h.sectors...)
	}
	return out
}

// defaultSectors gives a promise that names no sector one: political dialogue when it is
// about leaders or officials meeting, visiting or keeping in contact (not a commission's
// session, which serves its commission's field), and "other" otherwise.
func defaultSectors(ws []word) []string {
	dialogue := false
	for _, w := range ws {
		switch w.lower {
		case "commission", "council", "committee", "jcc", "jmc", "bnc", "group", "groups":
			return []string{"other"}
		case "meet", "meeting", "meetings", "visit", "talks", "contacts", "dialogue", "consultations",
			"communication", "summit", "invitation":
			dialogue = true
		}
	}
	if dialogue {
		return []string{"political_dialogue"}
	}
	return []string{"other"}
}

// subjectOf reads who acts in the clause of a cue, from the noun phrase just before it (past
// a verb of saying and a parenthetical ", he said,"): both sides for joint subjects ("the two
// sides", "Pakistan and Belarus"); the party of a country, demonym or person; the last
// speaker for "he" and the last actor for "it"; for a thing ("A further meeting", "The MoU")
// both sides, keeping the thing in the statement; for a domestic body ("The Cabinet
// Committee") the dateline's country. After "proposed that" the subject follows the cue.
func (d *doc) subjectOf(s *sent, c commitCue, complement int) subject {
	lo, hi := 0, c.from
	if c.kind == commitThat {
		lo, hi = complement, min(complement+4, len(s.parts))
	} else {
		lo, _ = d.clause(s, c.from)
		lo = d.afterSpeech(s, lo, c.from)
		if near := d.nearSubject(s, lo, c.from); near < c.from {
			lo, hi = near, d.beforeSpeechTag(s, near, c.from)
		}
	}
	if lo >= hi {
		return subject{responsible: d.speakerParty(s, c.from)}
	}
	return d.readSubject(s, lo, hi)
}

// readSubject classifies the subject in parts[lo:hi].
func (d *doc) readSubject(s *sent, lo, hi int) subject {
	from, to := s.parts[lo].start, s.parts[hi-1].end
	parties := map[string]bool{}
	actor := false // the phrase starts with who acts: a country, a person, "the two sides"
	for _, m := range s.countries {
		if m.Start >= from && m.End <= to && m.Kind <= country.KindMetonym && d.isParty(m.Alpha3) && !d.locativeBefore(m.Start) {
			parties[m.Alpha3] = true
			actor = actor || wordIndexAt(s.parts, m.Start) <= lo+1
		}
	}
	for _, pm := range s.persons {
		if pm.Start >= from && pm.End <= to && d.isParty(pm.p.party) {
			parties[pm.p.party] = true
			actor = actor || wordIndexAt(s.parts, pm.Start) <= lo+2
		}
	}
	joint, domestic, others := false, false, false
	for k := lo; k < hi; k++ {
		w := s.parts[k].lower
		joint = joint || jointWords[w]
		domestic = domestic || w == "cabinet" || w == "ministry" || w == "federal" || w == "provincial"
		others = others || w == "countries" || w == "states" || w == "nations"
	}
	if others && !joint && len(parties) == 0 {
		return subject{} // "Arab countries must work together": not the parties' promise
	}
	first := s.parts[lo].lower
	actor = actor || actorWords[first] || (first == "the" && lo+1 < hi && actorWords[s.parts[lo+1].lower])
	switch {
	case first == "he" || first == "she":
		return subject{responsible: d.speakerParty(s, lo)}
	case first == "it":
		return subject{responsible: d.lastActor}
	case first == "this" || (first == "that" && hi-lo == 1):
		return subject{}
	case len(parties) == 1 && !joint && actor:
		for p := range parties {
			d.lastActor = p
			return subject{responsible: p}
		}
	case actor || joint || len(parties) >= 2:
		return subject{responsible: d.joint(), from: lo, to: hi, thing: !actor}
	case domestic && d.isParty(d.dateline.alpha3):
		return subject{responsible: d.dateline.alpha3, from: lo, to: hi, thing: true}
	}
	if first == "which" || first == "who" {
		return subject{responsible: d.joint()}
	}
	return subject{responsible: d.joint(), from: lo, to: hi, thing: true}
}

// subjectStops end a subject phrase when read backwards from its verb.
var subjectStops = map[string]bool{"which": true, "that": true, "who": true, "whom": true,
	"by": true, "when": true, "where": true, "while": true, "whereas": true, "said": true,
	"told": true, "agreed": true, "stressed": true, "noted": true, "added": true, "because": true,
	"since": true, "if": true, "so": true}

// nearSubject returns where the noun phrase before parts[cue] starts, reading back at most 14
// words, over a parenthetical speech tag, to a comma, a relative word or a verb of saying.
func (d *doc) nearSubject(s *sent, lo, cue int) int {
	for lo < cue && s.parts[lo].start < d.dateline.end {
		lo++
	}
	end := d.skipSpeechTagBack(s, lo, cue)
	k := end
	for k > lo && end-k < 14 {
		prev := s.parts[k-1]
		if subjectStops[prev.lower] || (k < end && strings.ContainsAny(d.text[prev.end:s.parts[k].start], ",;:")) {
			break
		}
		k--
	}
	for k < end && leadingFiller[s.parts[k].lower] {
		k++
	}
	if k == end {
		return cue
	}
	return k
}

// leadingFiller are words a subject phrase does not start with: "and had called for".
var leadingFiller = map[string]bool{"and": true, "but": true, "or": true, "also": true,
	"then": true, "had": true, "has": true, "have": true, "was": true, "were": true, "is": true,
	"are": true, "further": true, "thus": true}

// parenthetical reports whether the word at k sits in a short aside between commas ("…,
// he said, …", "…, in his view, …").
func (d *doc) parenthetical(s *sent, k int) bool {
	if k+1 >= len(s.parts) || !strings.Contains(d.text[s.parts[k].end:s.parts[k+1].start], ",") {
		return false
	}
	for j := k; j > 0 && k-j < 4; j-- {
		if strings.Contains(d.text[s.parts[j-1].end:s.parts[j].start], ",") {
			return true
		}
	}
	return false
}

// asideWords mark a short aside between commas that a subject is read across.
var asideWords = map[string]bool{"view": true, "opinion": true, "words": true}

// skipSpeechTagBack returns where to read a subject back from: before ", he said," when the
// cue follows such a tag ("The commission, he said, is due to meet").
func (d *doc) skipSpeechTagBack(s *sent, lo, cue int) int {
	if cue-lo < 3 || !strings.Contains(d.text[s.parts[cue-1].end:s.parts[cue].start], ",") {
		return cue
	}
	for k := cue - 1; k > lo && cue-k <= 4; k-- {
		if strings.Contains(d.text[s.parts[k-1].end:s.parts[k].start], ",") {
			ws := lowerWords(s.parts[k:cue])
			if hasSpeechVerb(ws) || slices.ContainsFunc(ws, func(w string) bool { return asideWords[w] }) {
				return k
			}
			return cue
		}
	}
	return cue
}

// beforeSpeechTag returns where a subject ends before a parenthetical speech tag.
func (d *doc) beforeSpeechTag(s *sent, lo, cue int) int {
	if k := d.skipSpeechTagBack(s, lo, cue); k < cue {
		return k
	}
	return cue
}

func lowerWords(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.lower
	}
	return out
}

// joint returns "both" for a bilateral statement and "all" for a multilateral one.
func (d *doc) joint() string {
	if len(d.parties) > 2 {
		return "all"
	}
	return "both"
}

// afterSpeech moves the start of a subject past a verb of saying ("Sharif said [the two
// sides]", "According to the President, [Belarus]").
func (d *doc) afterSpeech(s *sent, lo, cue int) int {
	for k := cue - 1; k >= lo; k-- {
		w := s.parts[k].lower
		if w == "according" {
			for j := k; j < cue; j++ {
				if strings.Contains(d.text[s.parts[j].end:s.parts[min(j+1, len(s.parts)-1)].start], ",") {
					return j + 1
				}
			}
		}
		if hasSpeechVerb([]string{w}) {
			if d.parenthetical(s, k) {
				continue // "The commission, he said, is due to meet": the tag is an aside
			}
			if k+1 < cue && s.parts[k+1].lower == "that" {
				return k + 2
			}
			return k + 1
		}
	}
	return lo
}

// speakerParty returns the party of the person or country that speaks or acts last before
// parts[at], searching this sentence and then the ones before it.
func (d *doc) speakerParty(s *sent, at int) string {
	offset := s.parts[min(at, len(s.parts)-1)].start
	for i := s.index; i >= 0 && i >= s.index-3; i-- {
		t := d.sentByIndex(i)
		if t == nil {
			continue
		}
		for k := len(t.persons) - 1; k >= 0; k-- {
			if t.persons[k].Start < offset && d.isParty(t.persons[k].p.party) {
				return t.persons[k].p.party
			}
		}
		for k := len(t.countries) - 1; k >= 0; k-- {
			m := t.countries[k]
			if m.Start < offset && m.Kind == country.KindDemonym && d.isParty(m.Alpha3) {
				return m.Alpha3
			}
		}
	}
	return d.joint()
}

// sentByIndex returns the sentence with the given index, or nil when it was skipped.
func (d *doc) sentByIndex(i int) *sent {
	lo, hi := 0, len(d.sents)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case d.sents[m].index < i:
			lo = m + 1
		case d.sents[m].index > i:
			hi = m
		default:
			return d.sents[m]
		}
	}
	return nil
}
