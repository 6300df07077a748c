package ingest

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/country"
)

// doc is one statement being read: its sentences and what each step found in them.
type doc struct {
	text      string
	published entente.Date
	// ref resolves relative dates: the publication date, or the date of the dateline when the
	// text carries one that differs (a communiqué datelined the day before it was posted).
	ref      entente.Date
	sents    []*sent
	english  int // sentences in English
	skipped  int // sentences in another language
	dateline dateline

	people  []*personRec
	parties []string
	// leadOrder is the countries of a list of three or more in the opening sentences, in the
	// order named, for people listed in the same order.
	leadOrder []string
	events    []*eventRec
	commits   []Commitment
	interes   []Interest
	sectors   []string
	notes     []string
	// lastActor is the party that last acted alone as a subject, for "it" in later sentences.
	lastActor string
	// lastSubject is the subject of the last commitment or interest cue read.
	lastSubject subjectMemo
}

// sent is one sentence with its words and the mentions found in it.
type sent struct {
	Span
	index     int
	words     []word // hyphenated words whole, for names
	parts     []word // hyphenated words cut, for lexicons
	english   bool
	countries []country.Mention
	times     []timeRef
	masked    []Span // titles of office and names of bodies
	persons   []personMention
}

// newDoc cuts the text into sentences and keeps those in English.
func newDoc(text string, published entente.Date) *doc {
	d := &doc{text: text, published: published, ref: published}
	for i, sp := range splitSentences(text) {
		s := &sent{Span: sp, index: i}
		s.words = splitWords(text[sp.Start:sp.End], sp.Start, true)
		switch englishness(text[sp.Start:sp.End], s.words) {
		case langEnglish:
			s.english = true
			d.english++
		case langOther:
			d.skipped++
			continue
		}
		s.parts = splitWords(text[sp.Start:sp.End], sp.Start, false)
		d.sents = append(d.sents, s)
	}
	if d.skipped > 0 {
		d.notes = append(d.notes, fmt.Sprintf("%d sentences not in English were skipped.", d.skipped))
	}
	return d
}

type language int

const (
	langNeutral language = iota // a dateline, a caption of names and numbers
	langEnglish
	langOther
)

// englishWords are words frequent in English statements and rare in the other languages
// statements come in.
var englishWords = wordSet("the", "of", "and", "to", "is", "was", "for", "with", "that", "by",
	"are", "were", "has", "have", "will", "said", "their", "its", "this", "from", "which",
	"would", "his", "her", "they", "also", "on", "at", "in", "be", "been", "an", "met", "held",
	"talks", "today", "agreed", "signed", "visit", "meeting", "between", "two", "sides", "both",
	"as", "a", "it", "not", "or", "but", "we", "he", "she", "our", "all", "more", "after",
	"before", "during", "over", "new", "into", "about", "than", "other", "them", "these",
	"those", "such", "some", "says", "trade", "cooperation", "government", "minister",
	"countries", "country", "bilateral", "relations", "week", "year", "month", "next", "last",
	"shake", "hands", "photo", "visited", "discussed")

// foreignWords are function words of the other languages written in Latin letters that
// statements come in (German, French, Spanish, Portuguese, Italian, Dutch).
var foreignWords = wordSet("der", "die", "das", "und", "ist", "mit", "den", "eine", "ein", "nicht",
	"von", "zu", "auf", "für", "des", "dem", "im", "haben", "wird", "sich", "le", "la", "les", "et",
	"est", "du", "un", "une", "pour", "avec", "dans", "sur", "qui", "que", "pas", "el", "los", "las",
	"y", "es", "del", "con", "para", "por", "una", "se", "lo", "os", "e", "é", "do", "da", "em",
	"um", "uma", "não", "com", "il", "di", "che", "per", "della", "het", "een", "van", "niet", "zijn",
	"dan", "yang", "di", "untuk", "dengan", "ini", "itu", "dari", "pada", "akan", "ve", "bir", "bu",
	"ile", "için", "olarak", "và", "của", "các", "là", "với", "được", "trong")

// englishness decides whether a sentence is English, in another language, or neither.
func englishness(s string, ws []word) language {
	latin, other := 0, 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		if r < 0x250 || unicode.In(r, unicode.Latin) {
			latin++
		} else {
			other++
		}
	}
	if other > latin {
		return langOther
	}
	hits, foreign, lower := 0, 0, 0
	for _, w := range ws {
		if englishWords[w.lower] {
			hits++
		}
		if foreignWords[w.lower] {
			foreign++
		}
		if r, _ := utf8.DecodeRuneInString(w.text); unicode.IsLower(r) {
			lower++
		}
	}
	switch {
	case hits >= 1 && hits >= foreign:
		return langEnglish
	case foreign >= 2 || (lower >= 6 && hits == 0):
		return langOther
	}
	return langNeutral
}

// hasWord reports whether the sentence has one of the words (lower case, hyphen-split). The
// steps that use regular expressions ask it first, so that the expressions run only on the
// few sentences they can match: it keeps long texts fast.
func (s *sent) hasWord(words map[string]bool) bool {
	for _, w := range s.parts {
		if words[w.lower] {
			return true
		}
	}
	return false
}

// wordSet builds a set for hasWord.
func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// sentAt returns the sentence holding offset, or nil.
func (d *doc) sentAt(offset int) *sent {
	lo, hi := 0, len(d.sents)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case d.sents[m].End <= offset:
			lo = m + 1
		case d.sents[m].Start > offset:
			hi = m
		default:
			return d.sents[m]
		}
	}
	return nil
}

// findCountries finds the country mentions of the text and hands them to their sentences.
func (d *doc) findCountries() {
	for _, s := range d.sents {
		for _, m := range country.Find(d.text[s.Start:s.End]) {
			m.Start += s.Start
			m.End += s.Start
			s.countries = append(s.countries, m)
		}
	}
}

// draft assembles the output.
func (d *doc) draft() *Draft {
	out := &Draft{
		Parties:     nonNil(d.parties),
		People:      []Person{},
		Sectors:     nonNil(d.sectors),
		Events:      []Event{},
		Commitments: nonNilSlice(d.commits),
		Interests:   nonNilSlice(d.interes),
		Notes:       d.notes,
	}
	for _, p := range d.people {
		if p.output {
			out.People = append(out.People, p.person())
		}
	}
	for i, e := range d.events {
		ev := e.Event
		ev.ID = fmt.Sprintf("e%d", i+1)
		out.Events = append(out.Events, ev)
	}
	if len(out.Parties) == 0 && len(out.Events) == 0 && len(out.Commitments) == 0 {
		out.Notes = append(out.Notes, "Nothing to draft: no parties, events or commitments were found in the text.")
	} else if !d.anyTime() {
		out.Notes = append(out.Notes, "No dates were found in the text: its events have no dates.")
	}
	return out
}

// anyTime reports whether the text has a time expression.
func (d *doc) anyTime() bool {
	for _, s := range d.sents {
		if len(s.times) > 0 {
			return true
		}
	}
	return false
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
