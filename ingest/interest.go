package ingest

import (
	"regexp"
	"slices"
	"strings"

	"github.com/entente/entente/country"
)

var (
	reOffer   = regexp.MustCompile(`(?i)\b(ready|willing|prepared|offered|offers|readiness|keen)\s+to\s+(share|supply|provide|export|transfer|offer|invest|sell|build|assist|help|extend|train|increase|expand|boost|deliver|grant|finance|fund|support|host|open|establish)\b`)
	reRequest = regexp.MustCompile(`(?i)\b(interested\s+in|interest\s+in|keen\s+on|wants?\s+to|wanted\s+to|seeks?\s+to|sought\s+to|would\s+like\s+to|hopes?\s+to)\s+(import|importing|buy|buying|acquire|acquiring|procure|procuring|source|sourcing|attract|attracting|obtain|obtaining|purchase|purchasing|use|using)\b`)
)

// findInterests reads offers ("Belarus is ready to share its technologies with Pakistan":
// Belarus offers, to Pakistan) and requests ("it is interested in importing … Pakistani
// goods": Belarus requests, from Pakistan). The counterpart is the country named in the
// clause ("with Pakistan", "Pakistani goods"), else the other party.
func (d *doc) findInterests() {
	for _, s := range d.sents {
		if !s.english {
			continue
		}
		if !s.hasWord(interestWords) {
			continue
		}
		text := d.text[s.Start:s.End]
		for _, m := range reOffer.FindAllStringIndex(text, -1) {
			d.addInterest(s, InterestOffer, s.Start+m[0], s.Start+m[1])
		}
		for _, m := range reRequest.FindAllStringIndex(text, -1) {
			d.addInterest(s, InterestRequest, s.Start+m[0], s.Start+m[1])
		}
	}
}

// interestWords are the words every offer or request cue holds.
var interestWords = wordSet("ready", "willing", "prepared", "offered", "offers", "readiness", "keen",
	"interested", "interest", "want", "wants", "wanted", "seek", "seeks", "sought", "like", "hope", "hopes")

// addInterest records the interest whose cue spans [start, end) of the text.
func (d *doc) addInterest(s *sent, kind string, start, end int) {
	at := wordIndexAt(s.parts, start)
	from := d.subjectOf(s, commitCue{from: at, to: at + 1}, at).responsible
	if !d.isParty(from) {
		return
	}
	_, hi := d.clause(s, at)
	stop := d.statementEnd(s, at, hi)
	clauseEnd := s.parts[stop-1].end
	to := ""
	for _, m := range s.countries {
		if m.Start >= end && m.End <= clauseEnd && m.Alpha3 != from && d.isParty(m.Alpha3) && m.Kind <= country.KindDemonym {
			to = m.Alpha3
			break
		}
	}
	if to == "" {
		to = d.otherParty(from)
	}
	var sectors []string
	for _, h := range englishSectorTagger().find(s.parts[at:stop], s.masked) {
		sectors = addSectors(sectors, h.sectors...)
	}
	if kind == InterestRequest || strings.Contains(strings.ToLower(d.text[start:clauseEnd]), "export") {
		sectors = addSectors(sectors, "trade")
	}
	d.interes = append(d.interes, Interest{
		Kind: kind, From: from, To: to, Sectors: nonNil(sectors),
		Statement: capitalise(strings.Join(strings.Fields(d.text[s.parts[d.subjectStart(s, at)].start:clauseEnd]), " ")),
		Products:  productsIn(strings.ToLower(d.text[end:clauseEnd])),
		Evidence:  s.Span,
	})
}

// subjectStart returns where the subject of the cue at parts[at] starts.
func (d *doc) subjectStart(s *sent, at int) int {
	lo, _ := d.clause(s, at)
	lo = d.afterSpeech(s, lo, at)
	return min(at, d.nearSubject(s, lo, at))
}

// productWords map the words of goods to HS chapters (two digits) or headings (four), for
// the trade analysis of an interest. Textiles are the whole of HS section XI.
var productWords = []struct {
	word  string
	codes []string
}{
	{"home textiles", []string{"63"}}, {"textiles", []string{"50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63"}},
	{"textile", []string{"50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63"}},
	{"cotton", []string{"52"}}, {"garments", []string{"61", "62"}}, {"apparel", []string{"61", "62"}},
	{"clothing", []string{"61", "62"}}, {"rice", []string{"1006"}}, {"wheat", []string{"1001"}},
	{"fruit", []string{"08"}}, {"vegetables", []string{"07"}}, {"meat", []string{"02"}},
	{"seafood", []string{"03"}}, {"fish", []string{"03"}}, {"dairy", []string{"04"}},
	{"tea", []string{"0902"}}, {"sugar", []string{"17"}}, {"leather", []string{"41", "42"}},
	{"surgical instruments", []string{"9018"}}, {"sports goods", []string{"9506"}},
	{"pharmaceutical", []string{"30"}}, {"medicines", []string{"30"}}, {"fertiliser", []string{"31"}},
	{"fertilizer", []string{"31"}}, {"potash", []string{"3104"}}, {"tractors", []string{"8701"}},
	{"trucks", []string{"8704"}}, {"machinery", []string{"84"}}, {"tyres", []string{"4011"}},
	{"tires", []string{"4011"}}, {"cement", []string{"2523"}}, {"steel", []string{"72"}},
}

// productsIn returns the HS codes of the goods a text names, without repeats.
func productsIn(text string) []string {
	var out []string
	for _, p := range productWords {
		if strings.Contains(text, p.word) {
			for _, c := range p.codes {
				if !slices.Contains(out, c) {
					out = append(out, c)
				}
			}
		}
	}
	return out
}
