package ingest

import (
	"strings"

	"github.com/entente/entente/country"
)

// locationNear returns where an event takes place, read within parts[lo:hi] nearest to
// parts[at]: a capital or city after a place preposition ("in Islamabad", "to Cairo", "at
// State House, Nairobi"), an unknown place named before its country ("in Thessaloniki,
// Greece" when the city is not known), a country after a place preposition ("in China",
// "travel to Pakistan"), or the dateline's city for "here". A capital standing for its
// government or inside a name ("the Cairo Declaration") is not a place. It returns "" when the
// clause names no place.
func (d *doc) locationNear(s *sent, lo, hi, at int, kind string) string {
	if lo >= hi {
		return ""
	}
	if place := d.whereAntecedent(s, lo); place != "" {
		return place
	}
	from, to := s.parts[lo].start, s.parts[hi-1].end
	best, bestDist := "", 1<<30
	consider := func(place string, offset int) {
		if dist := abs(wordIndexAt(s.parts, offset) - at); place != "" && dist < bestDist {
			best, bestDist = place, dist
		}
	}
	for k, m := range s.countries {
		if m.Start < from || m.End > to || d.inTopic(s, at, wordIndexAt(s.parts, m.Start)) {
			continue
		}
		placed := d.eventPlaceBefore(m.Start, kind) || d.afterPlacedName(m.Start) || d.namesEvent(s, m) || d.visitedPlace(m.Start)
		switch {
		case (m.Kind == country.KindCapital || m.Kind == country.KindCity) && placed:
			consider(m.Text, m.Start)
		case m.Kind == country.KindName && d.placeBefore(s, k):
			consider(d.unknownCityBefore(m.Start), m.Start)
		case m.Kind == country.KindName && (d.eventPlaceBefore(m.Start, kind) || d.visitedPlace(m.Start)):
			consider(m.Text, m.Start)
		}
	}
	for i := lo; i < hi; i++ {
		if s.parts[i].lower == "here" && d.dateline.city != "" {
			consider(d.dateline.city, s.parts[i].start)
		}
	}
	if best == "" {
		best = d.unknownPlace(s, lo, hi)
	}
	return best
}

// inTopic reports whether parts[k] lies in what an instrument named after the cue at parts[at]
// is about ("signed a memorandum this morning on building a children's hospital in
// Samarkand"): a place there is not where the signing was.
func (d *doc) inTopic(s *sent, at, k int) bool {
	for j := at + 1; j < k; j++ {
		if s.parts[j].lower != "on" {
			continue
		}
		for i := max(at, j-4); i < j; i++ {
			if instrumentHeads[s.parts[i].lower] {
				return true
			}
		}
	}
	return false
}

// eventPlaceBefore reports whether the word before offset places an occasion of a kind: a
// place preposition, but "to" and "from" only for a visit or after a word of travel ("travel
// to Fiji", "a trip to China"), not after what goes there ("electricity exports to Kenya").
func (d *doc) eventPlaceBefore(offset int, kind string) bool {
	if !d.locativeBefore(offset) {
		return false
	}
	if kind == KindVisit {
		return true
	}
	ws := lastWords(strings.ToLower(d.text[max(0, offset-80):offset]), 8) // "the official visit of Prime Minister Shehbaz Sharif to"
	if len(ws) < 2 || ws[len(ws)-1] != "to" && ws[len(ws)-1] != "from" {
		return true
	}
	for _, w := range ws[:len(ws)-1] {
		if travelWords[strings.Trim(w, ",.;:")] {
			return true
		}
	}
	return false
}

// travelWords go before the "to" of a destination.
var travelWords = wordSet("travel", "travels", "travelled", "traveled", "travelling", "traveling",
	"trip", "visit", "visits", "visited", "come", "comes", "came", "go", "goes", "went", "going",
	"fly", "flies", "flew", "flying", "head", "heads", "headed", "heading", "return", "returns",
	"returned", "returning", "arrive", "arrived", "arrives", "journey", "delegation", "mission",
	"tour", "moved", "move", "brought", "back", "then", "invitation", "invited", "welcomed")

// whereAntecedent returns the place a clause opening with ", where" refers back to: "will
// travel to Nadi, where Luxon will open a business forum" takes place in Nadi.
func (d *doc) whereAntecedent(s *sent, lo int) string {
	if lo < 2 || s.parts[lo].lower != "where" || !strings.Contains(d.text[s.parts[lo-1].end:s.parts[lo].start], ",") {
		return ""
	}
	prev := s.parts[lo-1]
	for _, m := range s.countries {
		if m.End == prev.end && m.Kind != country.KindDemonym {
			return m.Text
		}
	}
	if p := s.parts[lo-2].lower; prev.isUpper() && (p == "in" || p == "to" || p == "at") {
		return prev.text
	}
	return ""
}

// unknownPlace returns a place the country data does not know, named alone after "in" or
// "at": "in Subotica", "in Gabala". A capitalised word followed by another (a body's name),
// a month, a title or a known name is not one.
func (d *doc) unknownPlace(s *sent, lo, hi int) string {
	sets := lexSets()
	for i := lo; i+1 < hi; i++ {
		if p := s.parts[i].lower; p != "in" && p != "at" {
			continue
		}
		w := s.parts[i+1]
		if !w.isUpper() || allCaps(w.text) || sets.months[w.lower] || sets.body[w.lower] || sets.heads[w.lower] || sets.lead[w.lower] {
			continue
		}
		if i+2 < len(s.parts) && s.parts[i+2].isUpper() && d.gapIs(w, s.parts[i+2], " ") {
			continue
		}
		if _, _, known := country.Lookup(w.text); known || d.personByName([]string{w.lower}) != nil {
			continue
		}
		return w.text
	}
	return ""
}

// namesEvent reports whether a city opens the name of an occasion: "the Tashkent
// International Investment Forum".
func (d *doc) namesEvent(s *sent, m country.Mention) bool {
	k := wordIndexAt(s.parts, m.End)
	for j := k; j < len(s.parts) && j < k+4 && s.parts[j].isUpper(); j++ {
		switch s.parts[j].lower {
		case "forum", "summit", "conference", "expo", "exhibition", "fair", "festival", "dialogue":
			return true
		}
	}
	return false
}

// visitedPlace reports whether the word before offset is a form of "visit" taking the
// place as its object: "to visit Belarus".
func (d *doc) visitedPlace(offset int) bool {
	before := lastWords(strings.ToLower(d.text[max(0, offset-12):offset]), 1)
	if len(before) != 1 {
		return false
	}
	switch before[0] {
	case "visit", "visits", "visited", "visiting", "tour", "toured":
		return true
	}
	return false
}

// afterPlacedName reports whether offset follows "at|in Capitalised Words, ": the city of
// "at State House, Nairobi".
func (d *doc) afterPlacedName(offset int) bool {
	before := d.text[max(0, offset-40):offset]
	if !strings.HasSuffix(before, ", ") {
		return false
	}
	ws := strings.Fields(strings.TrimSuffix(before, ", "))
	for k := len(ws) - 1; k >= 0 && k >= len(ws)-4; k-- {
		switch strings.ToLower(ws[k]) {
		case "at", "in":
			return true
		}
		if !firstUpper(ws[k]) {
			return false
		}
	}
	return false
}

// placeBefore reports whether mention k follows a place and a comma ("Minsk, Belarus").
func (d *doc) placeBefore(s *sent, k int) bool {
	return strings.HasSuffix(d.text[:s.countries[k].Start], ", ")
}

// unknownCityBefore returns the capitalised word before ", Country" when a place preposition
// precedes it and it is not itself a known place ("in Thessaloniki, Greece").
func (d *doc) unknownCityBefore(offset int) string {
	before := strings.TrimSuffix(d.text[max(0, offset-40):offset], ", ")
	ws := strings.Fields(before)
	if len(ws) < 2 {
		return ""
	}
	city, prep := ws[len(ws)-1], strings.ToLower(ws[len(ws)-2])
	if !firstUpper(city) || (prep != "in" && prep != "at" && prep != "to") {
		return ""
	}
	if _, _, known := country.Lookup(city); known {
		return ""
	}
	return city
}

func firstUpper(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}
