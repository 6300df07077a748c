package ingest

import (
	"slices"
	"sync"

	"github.com/entente/entente"
)

// sectorLexicon maps phrases of one language to the sector codes of the fixed list
// (entente.Sectors). A language is added by writing another lexicon of the same shape (the
// phrases of sector_en.go in Russian, say) and registering it in sectorLexicons.
type sectorLexicon struct {
	language string
	// phrases maps a sector code to the phrases that name it. Longer phrases win over shorter
	// ones ("food security" is food_security, not security), and a phrase mapped to several
	// sectors ("agricultural machinery") is written once per sector.
	phrases map[string][]string
	// none lists phrases that contain a sector word but name no sector ("climate of trust",
	// "road map"); matching them whole keeps their words from counting.
	none []string
}

// sectorLexicons holds the lexicon of every supported language, by language tag.
var sectorLexicons = map[string]func() sectorLexicon{"en": englishSectors}

// sectorTagger finds sector phrases in words.
type sectorTagger struct{ table *phraseTable[[]string] }

var englishSectorTagger = sync.OnceValue(func() *sectorTagger { return newSectorTagger(sectorLexicons["en"]()) })

func newSectorTagger(lex sectorLexicon) *sectorTagger {
	grouped := map[string][]string{}
	var order []string
	for _, code := range entente.Sectors {
		for _, p := range lex.phrases[code] {
			if _, ok := grouped[p]; !ok {
				order = append(order, p)
			}
			grouped[p] = append(grouped[p], code)
		}
	}
	t := newPhraseTable[[]string]()
	for _, p := range lex.none {
		t.add(p, nil)
	}
	for _, p := range order {
		t.add(p, grouped[p])
	}
	return &sectorTagger{table: t}
}

// sectorHit is a sector phrase found at words[from:to].
type sectorHit struct {
	from, to int
	sectors  []string
}

// find returns the sector phrases in words (hyphen-split words), skipping words inside the
// masked spans (titles of office and names of bodies: a "Minister for Energy" co-chairing a
// trade commission does not make a statement about energy).
func (st *sectorTagger) find(ws []word, masked []Span) []sectorHit {
	var out []sectorHit
	for _, h := range st.table.findAll(ws) {
		if len(h.val) == 0 || inSpans(masked, ws[h.from].start) {
			continue
		}
		out = append(out, sectorHit{h.from, h.to, h.val})
	}
	return out
}

// inSpans reports whether offset lies inside one of the spans.
func inSpans(spans []Span, offset int) bool {
	for _, s := range spans {
		if offset >= s.Start && offset < s.End {
			return true
		}
	}
	return false
}

// addSectors merges codes into list, keeping the order of the fixed list.
func addSectors(list []string, codes ...string) []string {
	for _, c := range codes {
		if !slices.Contains(list, c) {
			list = append(list, c)
		}
	}
	return sortSectors(list)
}

// sortSectors orders codes as in entente.Sectors.
func sortSectors(list []string) []string {
	slices.SortFunc(list, func(a, b string) int {
		return slices.Index(entente.Sectors, a) - slices.Index(entente.Sectors, b)
	})
	return list
}
