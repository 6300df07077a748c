package ingest

import (
	"slices"
	"strings"

	"github.com/entente/entente/country"
)

// subjectOf reads who acts in the clause of a cue, from the noun phrase just before it (past
// a verb of saying and a parenthetical ", he said,"): both sides for joint subjects ("the two
// sides", "Pakistan and Belarus"); the party of a country, demonym or person; the last
// speaker for "he" and the last actor for "it"; for a thing ("A further meeting", "The MoU")
// both sides, keeping the thing in the statement; for a domestic body ("The Cabinet
// Committee") the dateline's country. After "proposed that" the subject follows the cue.
func (d *doc) subjectOf(s *sent, c commitCue, complement int) subject {
	if c.from > 0 && s.parts[c.from-1].lower == "and" && d.lastSubject.sent == s.index && d.lastSubject.valid {
		return d.lastSubject.subject // "Argentina was ready to increase … and wanted to attract …"
	}
	subj := d.subjectAt(s, c, complement)
	d.lastSubject = subjectMemo{sent: s.index, valid: true, subject: subj}
	return subj
}

// subjectAt reads the subject of a cue from the text before it.
func (d *doc) subjectAt(s *sent, c commitCue, complement int) subject {
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

// subjectWords is what the words of a subject phrase say.
type subjectWords struct {
	parties  map[string]bool // the parties it names as actors (countries, people)
	actor    bool            // it starts with who acts: a country, a person, "the two sides"
	joint    bool            // it names both sides ("two", "joint", "they")
	domestic bool            // it names a national body ("cabinet", "ministry")
	others   bool            // it names countries in general ("Arab countries")
}

// subjectWordsIn reads the subject phrase parts[lo:hi].
func (d *doc) subjectWordsIn(s *sent, lo, hi int) subjectWords {
	from, to := s.parts[lo].start, s.parts[hi-1].end
	sw := subjectWords{parties: map[string]bool{}}
	for _, m := range s.countries {
		if m.Start >= from && m.End <= to && m.Kind <= country.KindMetonym && d.isParty(m.Alpha3) && !d.locativeBefore(m.Start) {
			sw.parties[m.Alpha3] = true
			sw.actor = sw.actor || wordIndexAt(s.parts, m.Start) <= lo+1
		}
	}
	for _, pm := range s.persons {
		if pm.Start >= from && pm.End <= to && d.isParty(pm.p.party) {
			sw.parties[pm.p.party] = true
			sw.actor = sw.actor || wordIndexAt(s.parts, pm.Start) <= lo+2
		}
	}
	for k := lo; k < hi; k++ {
		w := s.parts[k].lower
		sw.joint = sw.joint || jointWords[w]
		sw.domestic = sw.domestic || w == "cabinet" || w == "ministry" || w == "federal" || w == "provincial"
		sw.others = sw.others || w == "countries" || w == "states" || w == "nations"
	}
	first := s.parts[lo].lower
	sw.actor = sw.actor || actorWords[first] || (first == "the" && lo+1 < hi && actorWords[s.parts[lo+1].lower])
	if len(sw.parties) == 0 && !sw.joint {
		if p := d.titledPerson(s, lo, hi); p != "" {
			sw.parties[p], sw.actor = true, true // "the Chancellor accepted": the one Chancellor named
		}
	}
	return sw
}

// readSubject classifies the subject in parts[lo:hi].
func (d *doc) readSubject(s *sent, lo, hi int) subject {
	sw := d.subjectWordsIn(s, lo, hi)
	if sw.others && !sw.joint && len(sw.parties) == 0 {
		return subject{} // "Arab countries must work together": not the parties' promise
	}
	first := s.parts[lo].lower
	if last := s.parts[hi-1].lower; last == "he" || last == "she" {
		first, lo = last, hi-1 // "and that during the visit he would announce"
	}
	switch {
	case first == "he" || first == "she":
		p := d.speakerParty(s, lo)
		return subject{responsible: p, actor: d.actorName(s, lo, p)}
	case first == "it":
		if p := d.saidBy(s, lo); p != "" {
			return subject{responsible: p, actor: countryName(p)} // "Djibouti said it was ready"
		}
		return subject{responsible: d.lastActor, actor: countryName(d.lastActor)}
	case first == "this" || (first == "that" && hi-lo == 1):
		return subject{}
	case len(sw.parties) == 1 && !sw.joint && sw.actor:
		for p := range sw.parties {
			d.lastActor = p
			return subject{responsible: p, actor: d.subjectName(s, lo, hi, p)}
		}
	case sw.actor || sw.joint || len(sw.parties) >= 2:
		return subject{responsible: d.joint(), from: lo, to: hi, thing: !sw.actor}
	case sw.domestic && d.isParty(d.dateline.alpha3):
		return subject{responsible: d.dateline.alpha3, from: lo, to: hi, thing: true}
	}
	if p := d.soleParty(s, lo, hi); p != "" {
		return subject{responsible: p, from: lo, to: hi, thing: true} // "The Institute of Marine Research in Bergen"
	}
	if first == "which" || first == "who" {
		return subject{responsible: d.joint()}
	}
	return subject{responsible: d.joint(), from: lo, to: hi, thing: true}
}

// subjectName names a one-party subject: the person it names, else the country.
func (d *doc) subjectName(s *sent, lo, hi int, p string) string {
	name := countryName(p)
	for _, pm := range s.persons {
		if pm.Start >= s.parts[lo].start && pm.End <= s.parts[hi-1].end {
			name = pm.p.name
		}
	}
	return name
}

// nearSubject returns where the noun phrase before parts[cue] starts, reading back at most 14
// words, over a parenthetical speech tag, to a comma, a relative word or a verb of saying.
func (d *doc) nearSubject(s *sent, lo, cue int) int {
	for lo < cue && s.parts[lo].start < d.dateline.end {
		lo++
	}
	end := d.skipSpeechTagBack(s, lo, cue)
	skipped := end < cue // the comma before the tag does not end the subject
	k := end
	for k > lo && end-k < 14 {
		prev := s.parts[k-1]
		if subjectStops[prev.lower] && !(prev.lower == "that" && k >= 2 && relativeThat(s.parts[k-2])) {
			break
		}
		if (k < end || !skipped) && strings.ContainsAny(d.text[prev.end:s.parts[k].start], ",;:") {
			break
		}
		k--
	}
	k = d.wholePerson(s, k)
	for k < end && leadingFiller[s.parts[k].lower] {
		k++
	}
	if k == end {
		return cue
	}
	return k
}

// wholePerson moves k back to the start of the title and name of a person that parts[k] is
// inside of, so that a long subject ("Senegal's Prime Minister Ousmane Sonko and Mauritanian
// Prime Minister Mokhtar Ould Djay met … and agreed") keeps its first person whole.
func (d *doc) wholePerson(s *sent, k int) int {
	if k >= len(s.parts) {
		return k
	}
	at := s.parts[k].start
	for _, pm := range s.persons {
		start := pm.Start
		if pm.title.End > 0 && pm.title.Start < start {
			start = pm.title.Start
		}
		if at > start && at < pm.End {
			j := wordIndexAt(s.parts, start)
			if j > 0 && s.parts[j-1].lower == "s" && j > 1 {
				j -= 2 // "Senegal's Prime Minister …"
			}
			return j
		}
	}
	return k
}

// relativeThat reports whether "that" after w opens a relative clause inside a noun phrase
// ("the agreements that follow from it") rather than a reported clause ("said that").
func relativeThat(w word) bool {
	if hasSpeechVerb([]string{w.lower}) || subjectStops[w.lower] || looksPast(w.lower) {
		return false
	}
	switch w.lower {
	case "agreed", "decided", "noted", "stressed", "confirmed", "so", "such", "believe", "believes", "hope", "hoped":
		return false
	}
	return true
}

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
			j := d.afterTime(s, k+1, cue) // "said on Thursday that …"
			if j < cue && s.parts[j].lower == "that" {
				return j + 1
			}
			return k + 1
		}
	}
	return lo
}

// afterTime returns the index after a time phrase starting at parts[k] ("on Thursday"),
// or k when none starts there.
func (d *doc) afterTime(s *sent, k, limit int) int {
	if k >= limit {
		return k
	}
	for _, t := range s.times {
		if t.Start == s.parts[k].start || t.expr.Start == s.parts[k].start {
			return min(limit, wordIndexAt(s.parts, t.End))
		}
	}
	return k
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

// titledPerson returns the party of the one person whose role has the title named in
// parts[lo:hi] ("the Chancellor", "the Prime Minister"), or "".
func (d *doc) titledPerson(s *sent, lo, hi int) string {
	text := strings.ToLower(d.text[s.parts[lo].start:s.parts[hi-1].end])
	head := headTitle(text)
	if head == "" {
		return ""
	}
	found := ""
	for _, p := range d.people {
		if !p.output || !d.isParty(p.party) || headTitle(strings.ToLower(p.role)) != head {
			continue
		}
		if found != "" && found != p.party {
			return ""
		}
		found = p.party
	}
	return found
}

// saidBy returns the party named just before a verb of saying that precedes parts[lo]
// ("Djibouti said it was ready"), or "".
func (d *doc) saidBy(s *sent, lo int) string {
	for k := lo - 1; k >= 0 && k >= lo-3; k-- {
		if !hasSpeechVerb([]string{s.parts[k].lower}) {
			continue
		}
		for _, m := range s.countries {
			if m.End <= s.parts[k].start && wordIndexAt(s.parts, m.End) >= k-1 && d.isParty(m.Alpha3) {
				return m.Alpha3
			}
		}
	}
	return ""
}

// soleParty returns the one party a thing's words name (a demonym, a city), unless they
// name an occasion: "The Institute of Marine Research in Bergen" is Norway's, "the meeting in
// Minsk" is not Belarus's alone.
func (d *doc) soleParty(s *sent, lo, hi int) string {
	for k := lo; k < hi; k++ {
		switch s.parts[k].lower {
		case "meeting", "session", "visit", "talks", "summit", "commission", "council", "forum", "committee":
			return ""
		}
	}
	found := ""
	for _, m := range s.countries {
		if m.Start < s.parts[lo].start || m.End > s.parts[hi-1].end || !d.isParty(m.Alpha3) {
			continue
		}
		if found != "" && found != m.Alpha3 {
			return ""
		}
		found = m.Alpha3
	}
	return found
}

// actorName names who acts for party p: the last person of that party named before
// parts[at] in this or the three sentences before, else the country.
func (d *doc) actorName(s *sent, at int, p string) string {
	offset := s.parts[min(at, len(s.parts)-1)].start
	for i := s.index; i >= 0 && i >= s.index-3; i-- {
		t := d.sentByIndex(i)
		if t == nil {
			continue
		}
		for k := len(t.persons) - 1; k >= 0; k-- {
			if t.persons[k].Start < offset && t.persons[k].p.party == p && t.persons[k].p.output {
				return t.persons[k].p.name
			}
		}
	}
	return countryName(p)
}

// countryName returns the common English name of a party, or "".
func countryName(code string) string {
	if c, ok := country.ByAlpha3(code); ok {
		return c.Name
	}
	return ""
}

// joint returns "both" for a bilateral statement and "all" for a multilateral one.
func (d *doc) joint() string {
	if len(d.parties) > 2 {
		return "all"
	}
	return "both"
}

func lowerWords(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.lower
	}
	return out
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

// subjectMemo remembers the last subject read, for verbs coordinated with its verb.
type subjectMemo struct {
	sent    int
	valid   bool
	subject subject
}

// subject is who a commitment's clause says acts.
type subject struct {
	responsible string // ISO3, "both" or "all"; "" when unknown
	actor       string // who acts, by name, when one party does: "Belarus", "Aleksandr Lukashenko"
	from, to    int    // the subject's words, when it is a thing ("A further meeting")
	thing       bool   // the subject names a body, event or instrument, kept in the statement
}

// subjectStops end a subject phrase when read backwards from its verb.
var subjectStops = map[string]bool{"which": true, "that": true, "who": true, "whom": true,
	"by": true, "when": true, "where": true, "while": true, "whereas": true, "said": true,
	"told": true, "agreed": true, "stressed": true, "noted": true, "added": true, "because": true,
	"since": true, "if": true, "so": true}

// leadingFiller are words a subject phrase does not start with: "and had called for".
var leadingFiller = map[string]bool{"and": true, "but": true, "or": true, "also": true, "that": true,
	"then": true, "had": true, "has": true, "have": true, "was": true, "were": true, "is": true,
	"are": true, "further": true, "thus": true}

// asideWords mark a short aside between commas that a subject is read across.
var asideWords = map[string]bool{"view": true, "opinion": true, "words": true}
