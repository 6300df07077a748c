package ingest

import (
	"regexp"
	"strings"
	"sync"
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

// findCommitments reads what the parties promise: a cue ("agreed to", "pledged to", "will",
// "is scheduled", "instructed … to"), who acts (the clause's subject), what is promised (the
// words after the cue to the end of the clause, split at coordinated "to" clauses), the due
// date from the clause's time, and the sectors of its words. Signed instruments are
// commitments too.
func (d *doc) findCommitments() {
	var list *subject // the subject of "the two sides agreed:" while its list goes on
	for _, s := range d.sents {
		if list != nil && d.listItem(s, *list) {
			continue
		}
		list = nil
		if !s.english {
			continue
		}
		list = d.listIntro(s)
		covered := -1
		cues := d.commitCuesIn(s)
		for i, c := range cues {
			if c.from < covered {
				continue
			}
			covered = d.readCommitment(s, c, nextJoinedCue(s, cues[i+1:]))
		}
		d.instruments(s)
		d.invitations(s)
	}
	d.dedupCommitments()
}

// listIntro returns the subject of a sentence that introduces a list of promises ("At the
// close of the session, the two sides agreed:"), or nil.
func (d *doc) listIntro(s *sent) *subject {
	if !strings.HasSuffix(strings.TrimSpace(d.text[s.Start:s.End]), ":") {
		return nil
	}
	cues := d.commitCuesIn(s)
	if len(cues) == 0 {
		return nil
	}
	c := cues[len(cues)-1]
	if c.to < len(s.parts) {
		return nil
	}
	subj := d.subjectOf(s, c, c.to)
	if subj.responsible == "" {
		return nil
	}
	return &subj
}

// listMarkers open the items of a list.
var listMarkers = []string{"-", "–", "—", "•", "*", "·"}

// listItem reads one item of a list of promises ("- to complete the paving of the road …;")
// and reports whether the sentence was one.
func (d *doc) listItem(s *sent, subj subject) bool {
	text := strings.TrimSpace(d.text[s.Start:s.End])
	marked := false
	for _, m := range listMarkers {
		marked = marked || strings.HasPrefix(text, m)
	}
	if !marked || len(s.parts) == 0 {
		return false
	}
	end := len(s.parts)
	for k := 1; k < len(s.parts); k++ {
		if d.relativeClause(s.parts, k) {
			end = k // "a working group on fisheries, which will meet every six months"
			break
		}
	}
	d.addCommitment(s, 0, end, 0, subj.responsible, "", nil)
	return true
}

// commitCuesIn returns the commitment cues of a sentence, left to right.
func (d *doc) commitCuesIn(s *sent) []commitCue {
	var out []commitCue
	for _, h := range commitTable().findAll(s.parts) {
		out = append(out, commitCue{h.from, h.to, h.val})
	}
	return out
}

// datesPrevious gives a relative clause's date to the promise it qualifies ("support a new
// survey of fish stocks, which is to begin in the spring") instead of making it a promise of
// its own, and reports whether it did.
func (d *doc) datesPrevious(s *sent, c commitCue, start, end int) bool {
	if c.from == 0 || !d.relativeClause(s.parts, c.from-1) || len(d.commits) == 0 {
		return false
	}
	prev := &d.commits[len(d.commits)-1]
	t := d.dueIn(s, s.parts[start].start, s.parts[end-1].end)
	if prev.Evidence != s.Span || prev.Due != "" || t == nil {
		return false
	}
	prev.Due, prev.DueMod, prev.DuePhrase = Nullable(t.value), t.mod, t.phrase
	return true
}

// nextJoinedCue returns where the next promise joined by "and" starts ("ready to increase
// its exports … and wanted to attract investment"), or a large index when there is none.
func nextJoinedCue(s *sent, rest []commitCue) int {
	for _, c := range rest {
		if c.kind != commitTo && c.kind != commitInterest && c.kind != commitAgree && c.kind != commitAfter {
			continue
		}
		if c.from > 0 && s.parts[c.from-1].lower == "and" {
			return c.from - 1
		}
		if c.from > 1 && s.parts[c.from-2].lower == "and" && beForms[s.parts[c.from-1].lower] {
			return c.from - 2 // "wanted to buy more howitzers and was interested in …"
		}
	}
	return 1 << 30
}

// readCommitment reads the commitment of one cue, ending before the next joined promise at
// stop, and returns the index of the last word it covered, so that a cue inside it ("agreed
// that the MoU would be signed") is not read again.
func (d *doc) readCommitment(s *sent, c commitCue, stop int) int {
	start, needModal, ok := d.complementStart(s, c)
	if !ok {
		return c.to
	}
	_, clauseEnd := d.clause(s, c.from)
	clauseEnd = min(clauseEnd, max(stop, start+1))
	end := d.statementEnd(s, start, clauseEnd)
	if start >= end || (needModal && !d.hasModal(s, start, end)) {
		return c.to
	}
	subj := d.subjectOf(s, c, start)
	if subj.responsible == "" || (subj.responsible != "both" && subj.responsible != "all" && !d.isParty(subj.responsible)) {
		return c.to
	}
	if d.notAPromise(s, c, subj, start) {
		return c.to
	}
	if d.datesPrevious(s, c, start, end) {
		return end
	}
	if c.from > 0 && d.relativeClause(s.parts, c.from-1) && len(d.commits) > 0 && d.commits[len(d.commits)-1].Evidence == s.Span {
		return end // "set up a working group, which will meet every six months": part of that promise
	}
	pieces := [][2]int{{start, end}}
	if c.kind == commitTo || c.kind == commitAgree || c.kind == commitAfter || s.parts[c.to-1].lower == "to" {
		pieces = d.splitInfinitives(s, start, end) // "instructed their ministers to hold … and to meet …"
	}
	// A promise that names no sector takes its clause's ("agreed to raise it to USD 10
	// billion", where "it" is the mutual trade named before), or its sentence's when it is
	// one of several ("to raise the figure …, to resolve …").
	lo, hi := d.clause(s, c.from)
	fallback := d.sectorsIn(s, lo, hi)
	if len(pieces) > 1 && len(fallback) == 0 {
		fallback = d.sectorsIn(s, 0, len(s.parts))
	}
	for _, p := range pieces {
		from := p[0]
		if subj.thing && len(pieces) == 1 && (c.kind == commitModal || c.kind == commitReported) {
			from = subj.from
		}
		actor := ""
		if !subj.thing {
			actor = subj.actor
		}
		d.addCommitment(s, from, p[1], p[0], subj.responsible, actor, fallback)
	}
	return end
}

// notAPromise reports whether a modal cue says something other than a promise: a question
// reported ("how costs will be shared"), the remit of a body ("the council's remit is to
// supervise"), or the programme of one official's trip ("Prime Minister Luxon will travel to
// Fiji", "Larcher will hold talks with the Speaker", "Madbouly will be received by the King"),
// which is an event to record, not a commitment between the parties.
func (d *doc) notAPromise(s *sent, c commitCue, subj subject, start int) bool {
	if c.kind != commitModal && c.kind != commitReported {
		return false
	}
	for k := max(0, c.from-3); k < c.from; k++ {
		if whWords[s.parts[k].lower] {
			return true
		}
	}
	if c.from > 0 && remitNouns[s.parts[c.from-1].lower] {
		return true
	}
	for start < len(s.parts)-1 && (s.parts[start].lower == "to" || tripAdverbs[s.parts[start].lower]) {
		start++ // "is scheduled to visit", "will also meet"
	}
	if c.kind != commitModal || start >= len(s.parts) || !tripVerbs[s.parts[start].lower] {
		return false // "he said he would visit Abu Dhabi": a pledge in his own words
	}
	for k := max(0, c.from-6); k < c.from; k++ {
		if s.parts[k].lower == "delegation" {
			return true // "The delegation will then travel to Nadi"
		}
	}
	if subj.responsible == "both" || subj.responsible == "all" {
		return false
	}
	for k := max(0, c.from-6); k < c.from; k++ {
		if jointWords[s.parts[k].lower] {
			return false // "the two ministers would meet again": a joint plan
		}
	}
	return !subj.thing
}

// beForms join a second promise to the first: "and was interested in".
var beForms = wordSet("was", "were", "is", "are")

// whWords open a reported question, whose "will" promises nothing.
var whWords = wordSet("how", "what", "when", "whether", "which", "where", "who", "why")

// remitNouns before "is to" describe what a body is for.
var remitNouns = wordSet("remit", "mandate", "task", "role", "purpose", "aim", "goal",
	"objective", "function", "job", "mission")

// tripVerbs name the steps of an official's programme.
var tripVerbs = wordSet("travel", "arrive", "visit", "leave", "depart", "fly", "head", "hold",
	"address", "be", "open", "tour", "lay", "call", "meet")

// tripAdverbs stand between the modal and the verb of a trip's step.
var tripAdverbs = wordSet("then", "also", "later", "first", "again", "next", "briefly")

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
	case commitAfter:
		if c.to < len(ps) && ps[c.to].lower == "from" {
			for k := c.to + 1; k < len(ps) && k < c.to+8; k++ {
				if ps[k].lower == "to" {
					return k, false, true // "accepted an invitation from President Lukashenko to visit Belarus"
				}
			}
		}
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
		if ps[k].lower == "and" && k+1 < clauseEnd && (hasSpeechVerb([]string{ps[k+1].lower}) || ps[k+1].lower == "agreed") {
			return k // "labour migration issues need to be addressed and said they shared …"
		}
		if !strings.Contains(d.text[ps[k-1].end:ps[k].start], ",") {
			continue
		}
		w := ps[k].lower
		switch {
		case w == "adding" || w == "saying" || w == "according":
			return k
		case (w == "and" || w == "but") && k+1 < clauseEnd && newSubject(ps[k+1]):
			return k
		case d.speechTag(s, k, clauseEnd) && d.finalTag(s, k, clauseEnd):
			return k
		}
	}
	return clauseEnd
}

// finalTag reports whether the speech tag starting at parts[k] ends its clause (", the two
// sides agreed."), rather than standing between commas inside it (", he said, to wrap up …").
func (d *doc) finalTag(s *sent, k, end int) bool {
	for j := k + 1; j < end; j++ {
		if strings.Contains(d.text[s.parts[j-1].end:s.parts[j].start], ",") {
			return false
		}
	}
	return true
}

// reAsideTag is a speech tag between commas inside a promise: ", he said,".
var reAsideTag = regexp.MustCompile(`,\s+(?:he|she|they|it|the\s+\w+|[A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+){0,3})\s+(?:said|added|noted|stressed|told\s+reporters|explained),`)

// newSubject reports whether a word opens a clause with a subject of its own.
func newSubject(w word) bool {
	switch w.lower {
	case "it", "he", "she", "they", "we", "the", "a", "an", "this", "these", "both", "that":
		return true
	}
	return w.isUpper()
}

// speechTag reports whether parts[k:] up to the clause end is a short tag of saying or
// agreeing: "he said", "the two sides agreed".
func (d *doc) speechTag(s *sent, k, end int) bool {
	for j := k; j < end && j < k+8; j++ {
		w := s.parts[j].lower
		if hasSpeechVerb([]string{w}) || w == "agreed" {
			return true
		}
		if j > k && strings.ContainsAny(d.text[s.parts[j-1].end:s.parts[j].start], ",;") {
			return false
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
		listed := strings.Contains(gap, ",") && d.andToAfter(s, k, end) // ", to resolve …, and to expand …", not ", to boost trade"
		if listed || (prev == "and" && strings.Contains(d.text[s.parts[k-2].end:s.parts[k-1].start], " ")) {
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

// andToAfter reports whether "and to" follows parts[k] before end: a comma before "to" then
// separates the items of a list of promises rather than a promise from its purpose.
func (d *doc) andToAfter(s *sent, k, end int) bool {
	for j := k + 1; j+1 < end; j++ {
		if s.parts[j].lower == "and" && s.parts[j+1].lower == "to" {
			return true
		}
	}
	return false
}

// addCommitment records the promise in parts[from:to].
// The due date is read from parts[action:to], the promised action, not from its subject.
// A promise of one party is written with its actor first: "Belarus: share its technologies
// with Pakistan".
func (d *doc) addCommitment(s *sent, from, to, action int, responsible, actor string, fallback []string) {
	ps := s.parts
	for to > from && (ps[to-1].lower == "and" || ps[to-1].lower == "to") {
		to--
	}
	for from < to-1 && ps[from].lower == "to" {
		from++
		action = max(action, from)
	}
	if to <= from {
		return
	}
	text := strings.Join(strings.Fields(d.text[ps[from].start:ps[to-1].end]), " ")
	if !twoContentWords(ps[from:to]) {
		return // "Cho said he would attend": nothing that could be checked later
	}
	if strings.Count(text, ", ") >= 2 {
		text = reAsideTag.ReplaceAllString(text, ",")
	}
	if actor != "" {
		text = actor + ": " + text
	}
	c := Commitment{Statement: capitalise(text), Responsible: responsible, Evidence: s.Span}
	if t := d.dueIn(s, ps[min(action, to-1)].start, ps[to-1].end); t != nil {
		c.Due, c.DueMod, c.DuePhrase = Nullable(t.value), t.mod, t.phrase
		if t.endValue != "" && !occasionSignals[t.signal] {
			c.Due, c.DueMod = Nullable(t.endValue), "END" // "a programme for 2025–2027" runs to its end
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

// twoContentWords reports whether words hold at least two that are not stop words.
func twoContentWords(ws []word) bool {
	n := 0
	for _, w := range ws {
		if !stopWords[w.lower] {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}

// occasionSignals introduce the days an occasion takes place on ("on 28 and 29 January",
// "from 3 to 5 March"): a promise to hold it is due when it starts.
var occasionSignals = wordSet("on", "from", "between", "at")

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
		case "meet", "meeting", "meetings", "reconvene", "visit", "talks", "contacts", "dialogue", "consultations",
			"communication", "summit", "invitation":
			dialogue = true
		}
	}
	if dialogue {
		return []string{"political_dialogue"}
	}
	return []string{"other"}
}
