package ingest

import (
	"strings"
	"sync"

	"github.com/entente/entente/country"
)

// titleTok says what a word does in a title of office.
type titleTok uint8

const (
	tokHead     titleTok = iota + 1 // "President", "Prime Minister", "counterpart"
	tokModifier                     // "Deputy", "former", "Federal"
	tokDomain                       // "Foreign Affairs", "Commerce", "Planning"
)

// titleTable recognises the words of titles, on hyphen-split words.
var titleTable = sync.OnceValue(func() *phraseTable[titleTok] {
	t := newPhraseTable[titleTok]()
	for _, h := range titleHeads {
		t.add(h, tokHead)
	}
	for _, m := range titleWords {
		t.add(m, tokModifier)
	}
	for _, w := range domainWords {
		t.add(w, tokDomain)
	}
	return t
})

// wordSets are the lexicon lists as sets, built once.
type wordSets struct {
	body, domain, lead, honorific, particle, heads, months map[string]bool
}

var lexSets = sync.OnceValue(func() *wordSets {
	set := func(lists ...[]string) map[string]bool {
		m := map[string]bool{}
		for _, l := range lists {
			for _, w := range l {
				m[w] = true
			}
		}
		return m
	}
	return &wordSets{
		body: set(bodyWords), domain: set(domainWords), lead: set(leadWords),
		honorific: set(honorifics), particle: set(nameParticles), heads: set(titleHeads, titleWords),
		months: set([]string{"january", "february", "march", "april", "may", "june", "july",
			"august", "september", "october", "november", "december", "monday", "tuesday",
			"wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr",
			"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}),
	}
})

// title is a title of office found in a sentence.
type title struct {
	Span
	role  string // normalised: "Deputy Prime Minister and Foreign Minister"
	head  string // the last head, lower case: "minister"
	party string // a country named inside or right before it ("Belarusian President")
	// apposed marks a title that a name may follow after a comma: a country's title
	// ("Norway's Minister of Fisheries, Marianne Sivertsen Næss") or a lower-case one ("the
	// government spokesperson, Stefan Kornelius").
	apposed bool
}

// titleRun reads a title starting at parts[i]: title words ending in a head, a second title
// joined by "and" ("Deputy Prime Minister and Foreign Minister"), and a portfolio after "of"
// or "for" ("Minister for Planning, Development & Reforms"). Lower-case titles are read only
// when lower is set (appositions: "Saudi Arabia's deputy crown prince and minister of
// defence"). It returns the title and the index of the first part after it.
func (d *doc) titleRun(s *sent, i int, lower bool) (title, int, bool) {
	tab := titleTable()
	ps := s.parts
	j, lastHead, head := i, -1, ""
	for j < len(ps) {
		n, kind, ok := tab.matchAt(ps, j)
		if !ok || (!lower && !ps[j].isUpper()) {
			if lastHead >= 0 && j < len(ps)-1 && ps[j].lower == "and" && d.gapIs(ps[j-1], ps[j], " ") {
				if t2, end2, ok2 := d.titleRun(s, j+1, lower); ok2 && t2.head != "counterpart" {
					j, lastHead, head = end2, end2, t2.head
					continue
				}
			}
			break
		}
		if j > i && !d.gapJoinsTitle(ps[j-1], ps[j]) {
			break
		}
		if kind == tokHead {
			lastHead, head = j+n, strings.ToLower(d.text[ps[j].start:ps[j+n-1].end])
		}
		j += n
	}
	if lastHead < 0 {
		return title{}, i, false
	}
	end := lastHead
	if kind := d.trailingDomain(ps, end); kind > end {
		end = kind
	}
	t := title{Span: Span{ps[i].start, ps[end-1].end}, head: head}
	roleEnd := t.End
	end = d.portfolio(s, &t, end, &roleEnd)
	t.role = singularRole(titleCase(strings.Join(strings.Fields(d.text[t.Start:roleEnd]), " ")))
	t.head = singularRole(t.head)
	return t, end, true
}

// pluralHeads maps the plural heads of titles to their singular ("the trade ministers of the
// two countries, Betty Maina for Kenya and …" gives each the role "Trade Minister").
var pluralHeads = map[string]string{"ministers": "minister", "secretaries": "secretary",
	"counterparts": "counterpart", "co-chairs": "co-chair", "ambassadors": "ambassador",
	"army chiefs": "army chief", "heads": "head", "leaders": "leader", "presidents": "president",
	"premiers": "premier"}

// singularRole makes the last word of a role singular when it is a plural head.
func singularRole(role string) string {
	k := strings.LastIndexByte(role, ' ') + 1
	last := role[k:]
	if one, ok := pluralHeads[strings.ToLower(last)]; ok {
		if last != strings.ToLower(last) {
			one = capitalise(one)
		}
		return role[:k] + one
	}
	return role
}

// trailingDomain takes capitalised portfolio words straight after the head, the Pakistani
// style "Secretary Planning", "Secretary Commerce".
func (d *doc) trailingDomain(ps []word, j int) int {
	sets := lexSets()
	for j < len(ps) && ps[j].isUpper() && sets.domain[ps[j].lower] && d.gapIs(ps[j-1], ps[j], " ") {
		j++
	}
	return j
}

// portfolio extends a title over "of/for [the] Portfolio, Portfolio & Portfolio" (ending
// with a word that names a portfolio or body, so that a following name stays out: "Minister
// of Economy and Sustainable Development Mariam Kvrivishvili"), and reads the party of "of
// Belarus" or "of Pakistan's Ministry of …". roleEnd is where the role's words end; a
// country after the title belongs to the title's span but not to its role.
func (d *doc) portfolio(s *sent, t *title, j int, roleEnd *int) int {
	ps := s.parts
	sets := lexSets()
	for j+1 < len(ps) && (ps[j].lower == "of" || ps[j].lower == "for") && d.gapIs(ps[j-1], ps[j], " ") {
		k := j + 1
		if k < len(ps) && ps[k].lower == "the" {
			k++
		}
		if c := d.countryAt(s, ps, k); c != "" {
			t.party = c
			next := d.afterMention(s, k)
			t.End = ps[next-1].end
			if next-1 < len(ps) && ps[next-1].lower != "'s" {
				return next
			}
			k = next
		}
		start, last := k, -1
		for k < len(ps) && (sets.domain[ps[k].lower] || sets.body[ps[k].lower] || ps[k].isUpper() ||
			(ps[k].lower == "and" && k > start) || ps[k].lower == "of" || ps[k].lower == "for") {
			if k > start && !d.gapJoinsTitle(ps[k-1], ps[k]) && !d.serialDomain(ps, k) {
				break
			}
			if sets.domain[ps[k].lower] || sets.body[ps[k].lower] {
				last = k + 1
			}
			k++
		}
		if last < 0 {
			return j
		}
		t.End = ps[last-1].end
		*roleEnd = t.End
		j = last
	}
	return j
}

// serialDomain reports whether ", " before parts[k] separates portfolios in a series that
// ends with "and" ("Minister of Industry, Trade and Supply"): the comma is inside the title.
func (d *doc) serialDomain(ps []word, k int) bool {
	sets := lexSets()
	if d.text[ps[k-1].end:ps[k].start] != ", " || !sets.domain[ps[k].lower] {
		return false
	}
	for j := k + 1; j+1 < len(ps) && j < k+6; j++ {
		switch {
		case ps[j].lower == "and":
			return sets.domain[ps[j+1].lower]
		case !sets.domain[ps[j].lower]:
			return false
		}
	}
	return false
}

// countryAt returns the country a part at index k names (name or demonym), or "".
func (d *doc) countryAt(s *sent, ps []word, k int) string {
	if k >= len(ps) {
		return ""
	}
	for _, m := range s.countries {
		if m.Start == ps[k].start && (m.Kind == country.KindName || m.Kind == country.KindDemonym) {
			return m.Alpha3
		}
	}
	return ""
}

// gapIs reports whether the text between two words is exactly sep.
func (d *doc) gapIs(a, b word, sep string) bool { return d.text[a.end:b.start] == sep }

// gapJoinsTitle allows a space, a hyphen, ", " or " & " between the words of a title.
func (d *doc) gapJoinsTitle(a, b word) bool {
	switch d.text[a.end:b.start] {
	case " ", "-", ", ", " & ", "‑":
		return true
	}
	return false
}
