package ingest

import (
	"slices"
	"strings"

	"github.com/entente/entente/country"
)

// partyScore gathers the evidence that a country is a party to the statement.
type partyScore struct {
	alpha3     string
	score      float64
	first      int  // offset of the first mention
	coordinate bool // named side by side with another country ("Pakistan and Belarus")
	// leadList marks a country named in a list of countries in the opening sentences ("The
	// leaders of Egypt, Jordan and Iraq held their sixth trilateral summit").
	leadList bool
}

// Weights of the evidence for a party. A country's name or demonym counts fully; a capital
// counts half (it is often only the venue); a mention that only says where something
// happened ("in Vilnius, Lithuania", "travel to Pakistan") counts little; two countries named
// side by side ("Pakistan-Belarus JMC", "Greece and Turkey agreed") are very likely the
// parties; the opening sentences, which name the meeting's sides, weigh more.
const (
	weightCapital    = 0.5
	weightMetonym    = 0.7
	weightCity       = 0.2
	weightLocative   = 0.3
	weightPlaceName  = 0.1
	bonusCoordinated = 1.0
	bonusPerson      = 1.0
	leadSentences    = 3
	leadFactor       = 1.5
)

// findParties ranks the countries the text names and keeps those that are parties: the two
// best placed (a statement names both sides), and a third or more only when named side by
// side with the others about as often (a trilateral meeting), never a country merely
// discussed or a venue.
func (d *doc) findParties() {
	scores := map[string]*partyScore{}
	get := func(m country.Mention) *partyScore {
		ps := scores[m.Alpha3]
		if ps == nil {
			ps = &partyScore{alpha3: m.Alpha3, first: m.Start}
			scores[m.Alpha3] = ps
		}
		return ps
	}
	for si, s := range d.sents {
		for k, m := range s.countries {
			w := d.mentionWeight(s, k)
			if si < leadSentences {
				w *= leadFactor
			}
			ps := get(m)
			ps.score += w
			if d.coordinated(s, k) {
				ps.score += bonusCoordinated
				ps.coordinate = true
				if si < leadSentences && m.Kind == country.KindName && d.listOfThree(s, k) {
					ps.leadList = true
					if !slices.Contains(d.leadOrder, m.Alpha3) {
						d.leadOrder = append(d.leadOrder, m.Alpha3)
					}
				}
			}
		}
	}
	for _, p := range d.people {
		if p.output && p.partyCue {
			if ps := scores[p.party]; ps != nil {
				ps.score += bonusPerson
			}
		}
	}
	d.parties = selectParties(scores)
	d.resolvePersonParties()
}

// selectParties keeps the best two and any further country that is coordinated with the
// others and scores at least 60% of the second.
func selectParties(scores map[string]*partyScore) []string {
	ranked := make([]*partyScore, 0, len(scores))
	for _, ps := range scores {
		ranked = append(ranked, ps)
	}
	slices.SortFunc(ranked, func(a, b *partyScore) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return a.first - b.first
	})
	var keep []*partyScore
	for i, ps := range ranked {
		switch {
		case i == 0 && ps.score >= 0.5:
			keep = append(keep, ps)
		case i == 1 && ps.score >= 1 && ps.score >= 0.15*ranked[0].score:
			keep = append(keep, ps)
		case i >= 2 && len(keep) == 2 && ps.coordinate && ps.score >= 0.6*ranked[1].score && ps.score >= 2:
			keep = append(keep, ps)
		case i >= 2 && len(keep) >= 2 && ps.leadList && keep[0].leadList && keep[1].leadList && ps.score >= 2:
			keep = append(keep, ps) // every country of the opening list of a trilateral meeting
		}
	}
	slices.SortFunc(keep, func(a, b *partyScore) int { return a.first - b.first })
	out := make([]string, len(keep))
	for i, ps := range keep {
		out[i] = ps.alpha3
	}
	return out
}

// listOfThree reports whether country name k of a sentence stands in a list of three or more
// country names ("Egypt, Jordan and Iraq").
func (d *doc) listOfThree(s *sent, k int) bool {
	lo, hi := k, k
	joined := func(a, b int) bool {
		gap := strings.TrimSpace(d.text[s.countries[a].End:s.countries[b].Start])
		return s.countries[a].Kind == country.KindName && s.countries[b].Kind == country.KindName &&
			(gap == "," || gap == "and" || gap == ", and")
	}
	for lo > 0 && joined(lo-1, lo) {
		lo--
	}
	for hi+1 < len(s.countries) && joined(hi, hi+1) {
		hi++
	}
	return hi-lo >= 2
}

// mentionWeight weighs one mention by its kind and by whether it only names a place.
func (d *doc) mentionWeight(s *sent, k int) float64 {
	m := s.countries[k]
	locative := d.locativeBefore(m.Start)
	afterPlace := k > 0 && d.text[s.countries[k-1].End:m.Start] == ", " && s.countries[k-1].Kind >= country.KindCapital
	switch {
	case afterPlace:
		return weightPlaceName
	case m.Kind == country.KindCity:
		return weightCity
	case m.Kind == country.KindCapital && locative:
		return weightPlaceName
	case m.Kind == country.KindCapital:
		return weightCapital
	case m.Kind == country.KindMetonym:
		return weightMetonym
	case locative:
		return weightLocative
	}
	return 1
}

// locativePrepositions make a following country name a place rather than an actor.
var locativePrepositions = []string{"in", "at", "to", "from", "near", "across", "throughout", "inside", "into", "via"}

// locativeBefore reports whether the word before offset is a place preposition.
func (d *doc) locativeBefore(offset int) bool {
	before := lastWords(strings.ToLower(d.text[max(0, offset-16):offset]), 1)
	return len(before) == 1 && slices.Contains(locativePrepositions, before[0]) &&
		strings.HasSuffix(d.text[:offset], " ")
}

// coordinated reports whether mention k stands side by side with another country's:
// "Pakistan and Belarus", "Pakistan-Belarus", "South Africa - Nigeria", "Egypt, Turkey and".
func (d *doc) coordinated(s *sent, k int) bool {
	joins := func(gap string) bool {
		switch strings.TrimSpace(gap) {
		case "and", "-", "–", "—", "/", ",", "&":
			return true
		}
		return false
	}
	m := s.countries[k]
	// Names with names, demonyms with demonyms, capitals with capitals ("Islamabad and Minsk
	// agreed"); a capital beside a country name is a place ("Minsk, Belarus").
	alike := func(o country.Mention) bool {
		if m.Kind == country.KindCapital || o.Kind == country.KindCapital {
			return m.Kind == o.Kind && !d.locativeBefore(min(m.Start, o.Start))
		}
		return m.Kind <= country.KindDemonym && o.Kind <= country.KindDemonym
	}
	if k > 0 && s.countries[k-1].Alpha3 != m.Alpha3 && alike(s.countries[k-1]) && joins(d.text[s.countries[k-1].End:m.Start]) {
		return true
	}
	if k+1 < len(s.countries) && s.countries[k+1].Alpha3 != m.Alpha3 && alike(s.countries[k+1]) && joins(d.text[m.End:s.countries[k+1].Start]) {
		return true
	}
	return false
}

// isParty reports whether code is one of the parties.
func (d *doc) isParty(code string) bool { return slices.Contains(d.parties, code) }

// otherParty returns the other side of a bilateral statement, or "".
func (d *doc) otherParty(code string) string {
	if len(d.parties) != 2 {
		return ""
	}
	switch code {
	case d.parties[0]:
		return d.parties[1]
	case d.parties[1]:
		return d.parties[0]
	}
	return ""
}

// resolvePersonParties gives a party to people the text does not tie to one: the other side
// of someone they meet or stand beside in a bilateral statement ("Prime Minister Shehbaz
// Sharif met Aleksandr Lukashenko, the President of Belarus"); for as many such people named
// together as there are parties, the parties in the order the text names them; otherwise the country of the
// dateline, whose own officials reports name without a country.
func (d *doc) resolvePersonParties() {
	var subject *personRec // the first person of the sentence before, for "He met …"
	for _, s := range d.sents {
		for _, m := range s.persons {
			if m.p.party == "" {
				m.p.party = d.otherParty(d.destinationAfter(s, m.End))
			}
		}
		var open []*personRec
		var known string
		if subject != nil && len(s.parts) > 0 && (s.parts[0].lower == "he" || s.parts[0].lower == "she") {
			known = subject.party // "He will hold talks with Prime Minister Sitiveni Rabuka"
		}
		if len(s.persons) > 0 {
			subject = s.persons[0].p
		}
		for _, m := range s.persons {
			switch {
			case m.p.party == "" && known != "" && d.companion(s, m.Start):
				m.p.party = known // "… will travel to Fiji, accompanied by Foreign Minister Winston Peters"
			case m.p.party == "" && !slices.Contains(open, m.p):
				open = append(open, m.p)
			case m.p.party != "" && d.isParty(m.p.party):
				known = m.p.party
			}
		}
		switch {
		case len(open) == 0:
		case known != "" && d.otherParty(known) != "":
			for _, p := range open {
				p.party = d.otherParty(known)
			}
		case len(open) >= 2 && len(open) == len(d.parties) && known == "":
			order := d.parties
			if len(open) > 2 && len(d.leadOrder) == len(open) {
				order = d.leadOrder // "The leaders of Egypt, Jordan and Iraq … President al-Sisi, King Abdullah II and Prime Minister al-Sudani"
			}
			for i, p := range open {
				p.party = order[i]
			}
		}
	}
	for _, p := range d.people {
		if p.party == "" && d.isParty(d.dateline.alpha3) {
			p.party = d.dateline.alpha3
		}
	}
	for _, s := range d.sents {
		for _, m := range s.persons {
			if m.p.party == "" {
				m.p.party = d.onlyPartyIn(s)
			}
		}
	}
}

// companion reports whether the person named at offset travels with the one named before:
// "accompanied by", "along with", "together with", "joined by" within the four words before.
func (d *doc) companion(s *sent, offset int) bool {
	at := wordIndexAt(s.parts, offset)
	for k := max(1, at-5); k < at; k++ {
		w, prev := s.parts[k].lower, s.parts[k-1].lower
		if w == "by" && (prev == "accompanied" || prev == "joined") || w == "with" && (prev == "along" || prev == "together") {
			return true
		}
	}
	return false
}

// destinationAfter returns the party a person travels to in the words after offset ("Prime
// Minister Christopher Luxon will travel to Fiji", "… is expected to visit Nairobi"), or "":
// a visitor is from the other side.
func (d *doc) destinationAfter(s *sent, offset int) string {
	at := wordIndexAt(s.parts, offset)
	for k := at; k < min(len(s.parts), at+6); k++ {
		if !arrivalVerbs[s.parts[k].lower] {
			continue
		}
		for _, m := range s.countries {
			j := wordIndexAt(s.parts, m.Start)
			if j > k && j <= k+2 && m.Kind != country.KindDemonym && d.isParty(m.Alpha3) {
				return m.Alpha3
			}
		}
		return ""
	}
	return ""
}

// arrivalVerbs take a traveller to a place: "travel to", "arrive in", "visit".
var arrivalVerbs = wordSet("travel", "travels", "travelled", "traveled", "arrive", "arrives",
	"arrived", "visit", "visits", "visited", "fly", "flies", "flew", "come", "came", "head",
	"heads", "headed")

// onlyPartyIn returns the one party a sentence names, or "" when it names none or several:
// "The government spokesperson, Stefan Kornelius, said Germany would host …".
func (d *doc) onlyPartyIn(s *sent) string {
	found := ""
	for _, m := range s.countries {
		if !d.isParty(m.Alpha3) || m.Kind > country.KindDemonym {
			continue
		}
		if found != "" && found != m.Alpha3 {
			return ""
		}
		found = m.Alpha3
	}
	return found
}
