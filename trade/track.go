package trade

import (
	"fmt"
	"strings"

	"github.com/entente/entente"
)

// HSRange is a run of HS codes at one level: chapters 50–63 (Digits 2) or headings
// 8432–8437 (Digits 4), both ends included.
type HSRange struct {
	From   int `json:"from"`
	To     int `json:"to"`
	Digits int `json:"digits"`
}

// Contains reports whether heading hs4 falls in the range.
func (r HSRange) Contains(hs4 int) bool {
	if r.Digits == 2 {
		hs4 /= 100
	}
	return hs4 >= r.From && hs4 <= r.To
}

// String writes the range as people do: "50–63", "8432–8437", "3104".
func (r HSRange) String() string {
	f := fmt.Sprintf("%%0%dd", r.Digits)
	if r.From == r.To {
		return fmt.Sprintf(f, r.From)
	}
	return fmt.Sprintf(f+"–"+f, r.From, r.To)
}

// ProductSet is a set of HS4 headings given as ranges of chapters and headings, such as the
// products of a roadmap track. A nil *ProductSet stands for every product.
type ProductSet struct {
	Sector string    `json:"sector"`
	Ranges []HSRange `json:"ranges"`
	// Note says why the set is drawn as it is, for the page.
	Note string `json:"note,omitempty"`
}

// Contains reports whether a product code at a level is in the set. A section is in the set
// when every chapter of it is: section tables cannot be split, so track filters on them keep
// only whole sections (textiles, XI, is one).
func (s *ProductSet) Contains(level Level, code int) bool {
	if s == nil {
		return true
	}
	if level == LevelSection {
		for ch := 1; ch <= 99; ch++ {
			if ChapterSection(ch) == code && KnownChapter(ch) && !s.Contains(LevelHS4, ch*100+1) {
				return false
			}
		}
		return code >= 1 && code <= Sections
	}
	for _, r := range s.Ranges {
		if r.Contains(code) {
			return true
		}
	}
	return false
}

// String lists the ranges: "HS 50–63".
func (s *ProductSet) String() string {
	if s == nil {
		return "all products"
	}
	parts := make([]string, len(s.Ranges))
	for i, r := range s.Ranges {
		parts[i] = r.String()
	}
	return "HS " + strings.Join(parts, ", ")
}

func chapters(from, to int) HSRange { return HSRange{from, to, 2} }
func headings(from, to int) HSRange { return HSRange{from, to, 4} }

// trackProducts maps the sectors of roadmap tracks that trade in goods can measure to HS
// ranges. The four the Pakistan–Belarus roadmap names come first; energy is added because
// chapter 27 is exactly it. Sectors of services and institutions (information technology,
// education, parliamentary…) have no goods to count and are not listed.
var trackProducts = map[string]ProductSet{
	"textiles": {Ranges: []HSRange{chapters(50, 63)},
		Note: "Section XI: fibres, yarns, fabrics, apparel and made-up articles such as bed linen."},
	"heavy_machinery": {Ranges: []HSRange{chapters(84, 84), headings(8701, 8702), headings(8704, 8707), headings(8709, 8709), headings(8716, 8716)},
		Note: "Chapter 84 (machinery, including earth-moving 8429 and loaders 8427) and the heavy vehicles of chapter 87: " +
			"tractors 8701, buses 8702, trucks 8704, special-purpose vehicles 8705 (crane, mining and fire trucks), " +
			"their chassis 8706 and bodies 8707, works trucks 8709 and trailers 8716. " +
			"Cars (8703), parts 8708 (mostly for cars), motorcycles and bicycles are left out."},
	"agriculture": {Ranges: []HSRange{chapters(1, 24), headings(8432, 8437)},
		Note: "Sections I–IV (animal and vegetable products, fats, foodstuffs) and agricultural machinery 8432–8437 " +
			"(soil preparation, harvesting, milking, cleaning and milling machines); fertilisers are under mining_minerals."},
	"mining_minerals": {Ranges: []HSRange{chapters(25, 27), chapters(31, 31), chapters(71, 81)},
		Note: "Salt, stone and ores (25–26), mineral fuels (27), fertilisers including potash 3104 (31), " +
			"precious stones and metals (71) and base metals (72–81)."},
	"energy": {Ranges: []HSRange{chapters(27, 27)},
		Note: "Mineral fuels, oils and electricity (2716)."},
}

// TrackProducts returns the products of a roadmap track's sector (a code of entente.Sectors).
// It returns EINVALID for an unknown sector and ENOTFOUND for a sector that trade in goods
// does not measure.
func TrackProducts(sector string) (*ProductSet, error) {
	if !entente.ValidSector(sector) {
		return nil, &entente.Error{Code: entente.EINVALID, Message: "Unknown sector.",
			Fields: map[string]string{"sector": fmt.Sprintf("%q is not a sector code", sector)}}
	}
	s, ok := trackProducts[sector]
	if !ok {
		return nil, entente.Errorf(entente.ENOTFOUND, "The %s sector has no products in trade statistics of goods.", sector)
	}
	s.Sector = sector
	return &s, nil
}

// TrackSectors returns the sectors TrackProducts knows, in the order of entente.Sectors.
func TrackSectors() []string {
	var out []string
	for _, s := range entente.Sectors {
		if _, ok := trackProducts[s]; ok {
			out = append(out, s)
		}
	}
	return out
}

// checkFilter refuses a product set the table cannot honour: on a section table, a set that
// holds no whole section would keep nothing, which would read as "no trade".
func (t *Table) checkFilter(s *ProductSet) error {
	if s == nil || t.Level != LevelSection {
		return nil
	}
	for n := 1; n <= Sections; n++ {
		if s.Contains(LevelSection, n) {
			return nil
		}
	}
	return entente.Errorf(entente.EINVALID, "The %s table is by HS section and %s covers no whole section; it needs HS4 data.", t.Period, s)
}
