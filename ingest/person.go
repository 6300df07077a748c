package ingest

import (
	"slices"
	"strings"
	"unicode"

	"github.com/entente/entente/country"
)

// personRec is one person the text names, gathered over all their mentions.
type personRec struct {
	name      string
	words     []string // lower-case words of the name
	role      string
	apposed   bool   // the role came from an apposition, the most specific source
	party     string // ISO3
	partyCue  bool   // the text ties the party to the person ("Belarusian President X")
	evidence  Span
	mentions  []string
	output    bool
	firstSeen int // offset of the first mention
}

func (p *personRec) person() Person {
	return Person{Name: p.name, Role: p.role, Party: p.party, Evidence: p.evidence}
}

// personMention is one place a sentence names a person.
type personMention struct {
	Span
	p     *personRec
	title Span // the title before the name, when there is one
}

// nameRun is a candidate name: capitalised words in a row.
type nameRun struct {
	Span
	from, to int // word indexes
	words    []string
}

// findPeople finds named officials: a name after a title ("Prime Minister Shehbaz Sharif"),
// before an apposition ("Aleksandr Lukashenko, the President of Belarus"), after an
// honorific, or named for a country after a title ("the trade ministers, Betty Maina for
// Kenya and …"); later mentions by part of the name ("Lukashenko") are the same person.
func (d *doc) findPeople() {
	for _, s := range d.sents {
		titles := d.titlesIn(s)
		for _, t := range titles {
			s.masked = append(s.masked, t.Span)
		}
		runs := d.nameRuns(s)
		for _, run := range runs {
			d.readName(s, run, titles)
		}
		d.readNameLists(s, runs)
		s.masked = append(s.masked, d.bodySpans(s)...)
	}
	d.mergePeople()
}

// titlesIn returns the capitalised titles of a sentence.
func (d *doc) titlesIn(s *sent) []title {
	var out []title
	for i := 0; i < len(s.parts); {
		// "his Tanzanian counterpart Samia Suluhu Hassan": a lower-case title after a demonym.
		lower := i > 0 && d.partyBefore(s, s.parts[i].start) != ""
		t, end, ok := d.titleRun(s, i, lower)
		if !ok && !s.parts[i].isUpper() {
			// "the government spokesperson, Stefan Kornelius,": a lower-case title before a name.
			if t, end, ok = d.titleRun(s, i, true); ok && !d.nameFollows(s, end) {
				ok = false
			}
			t.apposed = ok
		}
		if !ok {
			i++
			continue
		}
		if p := d.partyBefore(s, t.Start); p != "" && t.party == "" {
			t.party = p
		}
		t.apposed = t.apposed || t.party != ""
		out = append(out, t)
		i = end
	}
	return out
}

// nameFollows reports whether ", " and a capitalised word follow parts[end-1].
func (d *doc) nameFollows(s *sent, end int) bool {
	return end > 0 && end < len(s.parts) && d.text[s.parts[end-1].end:s.parts[end].start] == ", " && s.parts[end].isUpper()
}

// nameRightAfter reports whether a name starts at parts[end], right after a title with no
// comma: "President Shavkat Mirziyoyev, President of Kazakhstan Kassym-Jomart Tokayev".
func (d *doc) nameRightAfter(s *sent, end int) bool {
	if end <= 0 || end >= len(s.parts) || d.text[s.parts[end-1].end:s.parts[end].start] != " " {
		return false
	}
	for i, w := range s.words {
		if w.start == s.parts[end].start {
			return d.isNameWord(s, i)
		}
	}
	return false
}

// readName decides whether a run of capitalised words names a person, and records it.
func (d *doc) readName(s *sent, run nameRun, titles []title) {
	var t *title
	for k := range titles {
		if titles[k].End > run.Start {
			continue
		}
		gap := d.text[titles[k].End:run.Start]
		closed := strings.HasPrefix(d.text[run.End:], ",") // "The Foreign Secretary, David Lammy, hosted"
		if gap == " " || gap == "\u00a0" || (gap == ", " && (titles[k].apposed || closed) && len(run.words) >= 2) {
			t = &titles[k]
		}
	}
	appos, hasAppos := d.apposition(s, run)
	known := d.personByName(run.words)
	honorific := run.from > 0 && lexSets().honorific[strings.TrimSuffix(s.words[run.from-1].lower, ".")]
	forCountry := d.namedForCountry(s, run)
	family := known == nil && len(run.words) >= 2 && d.familyOf(run.words) != nil && hasAppos
	switch {
	case t != nil, hasAppos && (len(run.words) >= 2 || known != nil), honorific, forCountry != "", family:
	case known != nil:
		s.persons = append(s.persons, personMention{Span: run.Span, p: known})
		return
	default:
		return
	}
	p := known
	if p == nil {
		p = &personRec{name: d.text[run.Start:run.End], words: run.words, evidence: s.Span, firstSeen: run.Start}
		d.people = append(d.people, p)
	}
	p.output = true
	m := personMention{Span: run.Span, p: p}
	if t != nil {
		m.title = t.Span
		p.takeRole(*t, false)
	}
	if hasAppos {
		p.takeRole(appos, true)
	}
	if c := d.countryAfterName(s, run); c != "" && !p.partyCue {
		p.party, p.partyCue = c, true // "President Shavkat Mirziyoyev of Uzbekistan"
	}
	if forCountry != "" && !p.partyCue {
		p.party, p.partyCue = forCountry, true
		if p.role == "" {
			p.role = d.pluralTitleBefore(s, run.Start)
		}
	}
	if family {
		f := d.familyOf(run.words)
		if !p.partyCue {
			p.party = f.party
		}
	}
	d.resolveCounterpart(s, p, run)
	s.persons = append(s.persons, m)
}

// takeRole sets the role and party from a title: an apposition's role replaces a title's
// ("Senator Ishaq Dar, Pakistan's Deputy Prime Minister and Foreign Minister").
func (p *personRec) takeRole(t title, apposed bool) {
	if t.head != "counterpart" && (p.role == "" || (apposed && !p.apposed)) {
		p.role, p.apposed = t.role, apposed
	}
	if t.party != "" && !p.partyCue {
		p.party, p.partyCue = t.party, true
	}
	if t.head == "counterpart" && p.role == "" {
		p.role = "counterpart"
	}
}

// resolveCounterpart gives "his Tanzanian counterpart Samia Suluhu Hassan" the role of the
// person she is the counterpart of, the last one named before her in the sentence.
func (d *doc) resolveCounterpart(s *sent, p *personRec, run nameRun) {
	if p.role != "counterpart" {
		return
	}
	p.role = ""
	for k := len(s.persons) - 1; k >= 0; k-- {
		if q := s.persons[k].p; q != p && q.role != "" && s.persons[k].Start < run.Start {
			p.role = q.role
			return
		}
	}
}

// apposition reads ", [the|his|her|a] [Country's|Demonym] title [of …]" after a name.
func (d *doc) apposition(s *sent, run nameRun) (title, bool) {
	rest := d.text[run.End:s.End]
	if !strings.HasPrefix(rest, ", ") {
		return title{}, false
	}
	k := wordIndexAt(s.parts, run.End)
	party := ""
	for k < len(s.parts) {
		w := s.parts[k]
		if c := d.countryAt(s, s.parts, k); c != "" {
			party = c
			k = d.afterMention(s, k)
			continue
		}
		switch w.lower {
		case "the", "his", "her", "its", "their", "a", "an", "who", "is", "was", "himself", "herself", "also", "now":
			k++
			continue
		}
		break
	}
	t, end, ok := d.titleRun(s, k, true)
	if !ok || s.parts[k].start-run.End > 60 {
		return title{}, false
	}
	if d.nameFollows(s, end) || d.nameRightAfter(s, end) {
		return title{}, false // "Prime Minister Narendra Modi, the Prime Minister of Bangladesh, Muhammad Yunus": Yunus's title
	}
	// "who is the current prime minister's brother and himself a former prime minister":
	// a title followed by a possessive belongs to someone else; take the next one.
	for end < len(s.parts) && s.parts[end].lower == "'s" {
		next, nextEnd, found := d.nextTitle(s, end+1, 12)
		if !found {
			return title{}, false
		}
		t, end = next, nextEnd
	}
	if t.party == "" {
		t.party = party
	}
	if t.party == "" && end+1 < len(s.parts) && s.parts[end].lower == "from" {
		t.party = d.countryAt(s, s.parts, end+1)
	}
	if t.party == "" {
		t.party = d.partyBefore(s, t.Start)
	}
	return t, true
}

// nextTitle returns the first title, of any case, within limit parts from part k.
func (d *doc) nextTitle(s *sent, k, limit int) (title, int, bool) {
	for j := k; j < len(s.parts) && j < k+limit; j++ {
		if t, end, ok := d.titleRun(s, j, true); ok {
			return t, end, true
		}
	}
	return title{}, k, false
}

// afterMention returns the index of the first part after the country mention starting at
// part k, skipping a possessive "'s".
func (d *doc) afterMention(s *sent, k int) int {
	for _, m := range s.countries {
		if m.Start == s.parts[k].start {
			j := wordIndexAt(s.parts, m.End)
			if j < len(s.parts) && s.parts[j].lower == "'s" {
				j++
			}
			return j
		}
	}
	return k + 1
}

// countryAfterName returns the country of "Name of Country", or "".
func (d *doc) countryAfterName(s *sent, run nameRun) string {
	if !strings.HasPrefix(d.text[run.End:], " of ") {
		return ""
	}
	k := wordIndexAt(s.parts, run.End+4)
	return d.countryAt(s, s.parts, k)
}

// partyBefore returns the country named right before offset: "Belarusian President",
// "Pakistan's Prime Minister".
func (d *doc) partyBefore(s *sent, offset int) string {
	for _, m := range s.countries {
		if m.End > offset || (m.Kind != country.KindName && m.Kind != country.KindDemonym) {
			continue
		}
		switch gap := d.text[m.End:offset]; {
		case gap == " " || gap == "'s " || gap == "’s " || gap == "-":
			return m.Alpha3
		case bodyBetween(gap):
			return m.Alpha3 // "India's Ministry of External Affairs spokesperson"
		}
	}
	return ""
}

// bodyBetween reports whether the words between a country and a title name one of the
// country's bodies: "'s Ministry of External Affairs ", " Foreign Ministry ".
func bodyBetween(gap string) bool {
	if len(gap) > 60 || !strings.HasSuffix(gap, " ") {
		return false
	}
	gap = strings.TrimPrefix(strings.TrimPrefix(gap, "'s"), "’s")
	words := strings.Fields(gap)
	if len(words) == 0 {
		return false
	}
	if last := strings.ToLower(words[len(words)-1]); !lexSets().body[last] && !lexSets().domain[last] {
		return false // the body's name goes on: "Ministry of External" before "Affairs"
	}
	body := false
	for _, w := range words {
		lw := strings.ToLower(w)
		switch {
		case lexSets().heads[lw] && !lexSets().body[lw]:
			return false // "'s Trade Cabinet Secretary Lee Kinyanjui and the": another person's title
		case lexSets().body[lw]:
			body = true
		case lw == "of" || lw == "for" || lw == "and" || lw == "the":
		case !firstUpper(w):
			return false
		}
	}
	return body
}

// namedForCountry reads "Betty Maina for Kenya" after a plural title earlier in the sentence.
func (d *doc) namedForCountry(s *sent, run nameRun) string {
	if len(run.words) < 2 || d.pluralTitleBefore(s, run.Start) == "" {
		return ""
	}
	k := wordIndexAt(s.parts, run.End)
	if k+1 >= len(s.parts) || (s.parts[k].lower != "for" && s.parts[k].lower != "from") {
		return ""
	}
	return d.countryAt(s, s.parts, k+1)
}

// pluralTitleBefore returns the role of a plural title earlier in the sentence ("the trade
// ministers of the two countries") as a singular role, or "".
func (d *doc) pluralTitleBefore(s *sent, offset int) string {
	for i := 0; i < len(s.parts) && s.parts[i].end <= offset; i++ {
		if _, plural := pluralHeads[s.parts[i].lower]; !plural {
			continue
		}
		j := i
		for j > 0 && lexSets().domain[s.parts[j-1].lower] {
			j--
		}
		role := singularRole(d.text[s.parts[j].start:s.parts[i].end])
		if i+2 < len(s.parts) && s.parts[i+1].lower == "of" && (s.parts[i+2].lower == "government" || s.parts[i+2].lower == "state") {
			role += " of " + s.parts[i+2].lower // "the two heads of government"
		}
		return titleCase(role)
	}
	return ""
}

// personByName returns the known person whose name contains all the given words.
func (d *doc) personByName(words []string) *personRec {
	var best *personRec
	for _, p := range d.people {
		if containsAll(p.words, words) && (best == nil || (p.output && !best.output)) {
			best = p
		}
	}
	return best
}

// familyOf returns a known person with the same surname and another first name: "Nawaz
// Sharif" beside "Shehbaz Sharif". Relatives are taken to share a party unless told otherwise.
func (d *doc) familyOf(words []string) *personRec {
	last := words[len(words)-1]
	for _, p := range d.people {
		if p.words[len(p.words)-1] == last && p.words[0] != words[0] {
			return p
		}
	}
	return nil
}

func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return len(want) > 0
}

// nameRuns returns the runs of capitalised name words in a sentence, joined by single spaces
// and name particles ("bin", "von der").
func (d *doc) nameRuns(s *sent) []nameRun {
	var out []nameRun
	ws := s.words
	for i := 0; i < len(ws); {
		if !d.isNameWord(s, i) && !(i > 0 && d.surnameLikeCountry(s, i)) {
			i++
			continue
		}
		j := i + 1
		for j < len(ws) && d.gapIs(ws[j-1], ws[j], " ") {
			if d.isNameWord(s, j) {
				j++
				continue
			}
			if k := d.afterParticles(s, j); k > j {
				j = k // "Juan Ramón de la Fuente", "Mohammed bin Salman"
				continue
			}
			if d.surnameLikeCountry(s, j) || regnalNumbers[ws[j].text] {
				j++ // "Asad Alam Siam": a country's old name ending a name; "Abdullah II"
			}
			break
		}
		run := nameRun{Span: Span{ws[i].start, ws[j-1].end}, from: i, to: j}
		for _, w := range ws[i:j] {
			run.words = append(run.words, w.lower)
		}
		out = append(out, run)
		i = j
	}
	return out
}

// regnalNumbers end the names of monarchs and popes: "King Abdullah II".
var regnalNumbers = wordSet("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

// surnameLikeCountry reports whether word j, which the country data knows as a country's
// name in one word ("Siam"), ends the name before it: it follows a name word and is followed
// by no capitalised word ("Foreign Secretary Asad Alam Siam called on").
func (d *doc) surnameLikeCountry(s *sent, j int) bool {
	ws := s.words
	if j+1 < len(ws) && ws[j+1].isUpper() && d.gapIs(ws[j], ws[j+1], " ") {
		return false
	}
	if j > 0 && !d.isNameWord(s, j-1) && !lexSets().heads[ws[j-1].lower] {
		return false // after a name or a title: "Foreign Secretary Siam"
	}
	for _, m := range s.countries {
		if m.Start == ws[j].start && m.End == ws[j].end && m.Kind == country.KindName && !strings.Contains(m.Text, " ") {
			c, _, ok := country.Lookup(m.Text)
			return ok && !strings.EqualFold(c.Name, m.Text) // a former or other name, not "Chad"
		}
	}
	return false
}

// afterParticles returns the index after a run of name particles and the name word that
// ends it ("de la Fuente"), or j when parts[j] does not start one.
func (d *doc) afterParticles(s *sent, j int) int {
	ws := s.words
	k := j
	for k < len(ws) && k-j < 3 && lexSets().particle[ws[k].lower] && (k == j || d.gapIs(ws[k-1], ws[k], " ")) {
		k++
	}
	if k == j || k >= len(ws) || !d.isNameWord(s, k) || !d.gapIs(ws[k-1], ws[k], " ") {
		return j
	}
	return k + 1
}

// isNameWord reports whether word i can be part of a person's name: capitalised, not all
// capitals, not a country, month, title, portfolio or the name of a body.
func (d *doc) isNameWord(s *sent, i int) bool {
	w := s.words[i]
	if particle, rest, ok := strings.Cut(w.text, "-"); ok && lexSets().particle[particle] && firstUpper(rest) {
		return true // "el-Sisi", "al-Thani"
	}
	if !w.isUpper() || w.isDigit() || allCaps(w.text) {
		return false
	}
	sets := lexSets()
	l := w.lower
	if sets.lead[l] && d.leadWordInName(s, i) {
		return true // "General Secretary To Lam"
	}
	if sets.lead[l] || sets.body[l] || sets.domain[l] || sets.heads[l] || sets.months[l] || sets.honorific[strings.TrimSuffix(l, ".")] {
		return false
	}
	for _, m := range s.countries {
		if w.start < m.End && w.end > m.Start {
			return m.Start == w.start && m.End == w.end && d.firstNameAfterTitle(s, i) // "President Santiago Peña"
		}
	}
	return true
}

// firstNameAfterTitle reports whether word i, which also names a place, opens a name: it
// follows a title's head and another name word follows it ("President Santiago Peña",
// "Minister Jordan Smith").
func (d *doc) firstNameAfterTitle(s *sent, i int) bool {
	ws := s.words
	if i == 0 || i+1 >= len(ws) || !lexSets().heads[ws[i-1].lower] || !d.gapIs(ws[i-1], ws[i], " ") || !d.gapIs(ws[i], ws[i+1], " ") {
		return false
	}
	next := ws[i+1]
	if !next.isUpper() || allCaps(next.text) || lexSets().lead[next.lower] || lexSets().body[next.lower] || lexSets().heads[next.lower] {
		return false
	}
	for _, m := range s.countries {
		if next.start >= m.Start && next.start < m.End {
			return false // "President Minsk Belarus" is no name
		}
	}
	return true
}

// leadWordInName reports whether a capitalised function word inside a sentence is the first
// word of a name: right after a title's head, before another capitalised word ("General
// Secretary To Lam").
func (d *doc) leadWordInName(s *sent, i int) bool {
	ws := s.words
	if i == 0 || i+1 >= len(ws) || !lexSets().heads[ws[i-1].lower] || !d.gapIs(ws[i-1], ws[i], " ") || !d.gapIs(ws[i], ws[i+1], " ") {
		return false
	}
	next := ws[i+1]
	return next.isUpper() && !allCaps(next.text) && !lexSets().lead[next.lower] && !lexSets().heads[next.lower]
}

// allCaps reports whether a word of two or more letters is written in capitals only.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// bodySpans returns the spans of capitalised names of bodies ("Ministry of Economic
// Affairs", "State Authority for Military Industry"), whose words are not sectors of the text.
func (d *doc) bodySpans(s *sent) []Span {
	var out []Span
	sets := lexSets()
	ps := s.parts
	for i := 0; i < len(ps); i++ {
		if !ps[i].isUpper() || !(sets.body[ps[i].lower] && (ps[i].lower == "ministry" || ps[i].lower == "authority" || ps[i].lower == "department")) {
			continue
		}
		j := i + 1
		for j < len(ps) && (ps[j].isUpper() || ps[j].lower == "of" || ps[j].lower == "for" || ps[j].lower == "and") && d.gapJoinsTitle(ps[j-1], ps[j]) {
			j++
		}
		start := i
		for start > 0 && ps[start-1].isUpper() && d.gapIs(ps[start-1], ps[start], " ") {
			start--
		}
		out = append(out, Span{ps[start].start, ps[j-1].end})
		i = j - 1
	}
	return out
}

// mergePeople folds a person named by part of a longer name into the longer one
// ("President Samia Suluhu" into "Samia Suluhu Hassan") and keeps first-mention order.
func (d *doc) mergePeople() {
	for _, p := range d.people {
		for _, q := range d.people {
			if p == q || !p.output || !q.output || len(q.words) <= len(p.words) || !containsAll(q.words, p.words) {
				continue
			}
			if q.role == "" || (p.apposed && !q.apposed) {
				q.role, q.apposed = p.role, p.apposed
			}
			if !q.partyCue && p.partyCue {
				q.party, q.partyCue = p.party, true
			}
			if p.firstSeen < q.firstSeen {
				q.firstSeen, q.evidence = p.firstSeen, p.evidence
			}
			p.output = false
		}
	}
	slices.SortStableFunc(d.people, func(a, b *personRec) int { return a.firstSeen - b.firstSeen })
}
