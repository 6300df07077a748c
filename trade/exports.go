package trade

import (
	"cmp"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// exportParser reads an export table: one row per exporter and product (and year, when the
// table has a year column), values in US dollars to the world. Such tables are small (a world
// HS4 matrix is under 200,000 rows), so the standard CSV reader serves.
type exportParser struct {
	log    *problemLog
	f      format
	level  Level
	period Period // for tables without a year column

	partyIndex map[string]uint16
	parties    []string
	sums       map[Period]map[uint64]cellSum // key: cellKey(exporter, 0, product)
	seen       map[Period]map[[2]int]bool    // (exporter, product as given) → seen, for duplicates
	lines      int
	kept       int
	products   map[int]bool
}

func newExportParser(log *problemLog, f format, period Period) *exportParser {
	level := LevelHS4
	if f.kind == KindExportsSection {
		level = LevelSection
	}
	return &exportParser{log: log, f: f, level: level, period: period, partyIndex: map[string]uint16{},
		sums: map[Period]map[uint64]cellSum{}, seen: map[Period]map[[2]int]bool{}, products: map[int]bool{}}
}

// read parses the table; it returns the last line read and the stream's error, if it broke.
func (p *exportParser) read(r io.Reader) (int, error) {
	return csvRecords(r, p.log, func(line int, rec []string) {
		if len(rec) != p.f.nfields {
			p.log.add(line, ReasonColumns, "expected %d fields as in the header, found %d", p.f.nfields, len(rec))
			return
		}
		p.row(line, rec)
	})
}

// row checks one record and sums it into its cell.
func (p *exportParser) row(line int, rec []string) {
	c := p.f.columns
	party, ok := exporterCode(rec[c.exporter])
	if !ok {
		p.log.add(line, ReasonCountry, "exporter %q is not an ISO 3166 alpha-3 code (or an OEC id ending in one)", rec[c.exporter])
		return
	}
	given, product, ok := p.productCode(rec[c.product])
	if !ok {
		p.badProduct(line, rec[c.product])
		return
	}
	usd, st := parseMilli([]byte(rec[c.value]))
	if !p.valueOK(line, rec[c.value], st) {
		return
	}
	period := p.period
	if c.year >= 0 {
		y, ok := parseCode([]byte(rec[c.year]))
		if !ok || y < 1900 || y > 2100 {
			p.log.add(line, ReasonYear, "year %q is not a year from 1900 to 2100", rec[c.year])
			return
		}
		period = Year(y)
	}
	idx := p.party(party)
	if p.seen[period] == nil {
		p.seen[period], p.sums[period] = map[[2]int]bool{}, map[uint64]cellSum{}
	}
	if p.seen[period][[2]int{int(idx), given}] {
		p.log.add(line, ReasonDuplicate, "a second row for %s, product %s, %s", party, strings.TrimSpace(rec[c.product]), period)
		return
	}
	p.seen[period][[2]int{int(idx), given}] = true
	key := cellKey(idx, 0, uint16(product))
	s := p.sums[period][key]
	s.add(cellSum{value: (usd + 500) / 1000, partial: true})
	p.sums[period][key] = s
	p.products[product] = true
	p.kept++
}

func (p *exportParser) valueOK(line int, field string, st numStatus) bool {
	switch st {
	case numMissing:
		p.log.add(line, ReasonNumber, "the value is missing")
	case numNegative:
		p.log.add(line, ReasonNegative, "value %s is negative", strings.TrimSpace(field))
	case numBad:
		p.log.add(line, ReasonNumber, "value %q is not a number", field)
	default:
		return true
	}
	return false
}

func (p *exportParser) badProduct(line int, field string) {
	if p.level == LevelSection {
		p.log.add(line, ReasonProduct, "section %q is not an HS section (1–21 or I–XXI)", field)
		return
	}
	p.log.add(line, ReasonProduct, "product %q is not an HS4 or HS6 code of a known chapter", field)
}

// exporterCode reads an exporter as an ISO3 code in any case, or an OEC id (continent prefix
// and ISO3: "aspak"); OEC's "xxb" (Chinese Taipei) is BACI's 490, S19.
func exporterCode(s string) (string, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) == 5 {
		s = s[2:]
	}
	if s == "XXB" {
		s = "S19"
	}
	return s, len(s) == 3 && KnownParty(s)
}

// productCode reads a product as given (for duplicate detection) and as the table's code: a
// section number, or the HS4 heading of a 4- or 6-digit code. Files written by spreadsheets drop
// leading zeros, so 3 and 5 digits are read as 4 and 6.
func (p *exportParser) productCode(s string) (given, code int, ok bool) {
	s = strings.TrimSpace(s)
	if p.level == LevelSection {
		n, ok := ParseSection(strings.ToUpper(s))
		return n, n, ok
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, 0, false
	}
	switch len(s) {
	case 3, 4:
		return n, n, n >= 100 && KnownChapter(n/100)
	case 5, 6:
		return n, n / 100, n >= 10000 && KnownChapter(n/10000)
	}
	return 0, 0, false
}

func (p *exportParser) party(code string) uint16 {
	i, ok := p.partyIndex[code]
	if !ok {
		i = uint16(len(p.parties))
		p.partyIndex[code] = i
		p.parties = append(p.parties, code)
	}
	return i
}

// tables returns one table per period with the parties in alphabetical order.
func (p *exportParser) tables() []*Table {
	order := slices.Sorted(maps.Keys(p.partyIndex))
	rank := make([]uint16, len(p.parties))
	for i, c := range order {
		rank[p.partyIndex[c]] = uint16(i)
	}
	periods := slices.SortedFunc(maps.Keys(p.sums), func(a, b Period) int {
		return cmp.Or(cmp.Compare(a.First, b.First), cmp.Compare(a.Last, b.Last))
	})
	var out []*Table
	for _, per := range periods {
		type cell struct {
			key uint64
			sum cellSum
		}
		cells := make([]cell, 0, len(p.sums[per]))
		for k, s := range p.sums[per] {
			cells = append(cells, cell{cellKey(rank[k>>32], 0, uint16(k)), s})
		}
		slices.SortFunc(cells, func(a, b cell) int { return cmp.Compare(a.key, b.key) })
		b := newCellBuilder(false, len(cells))
		for _, c := range cells {
			b.add(c.key, c.sum)
		}
		out = append(out, newTable(per, p.level, false, order, b.finish()))
	}
	return out
}

// yearsInName finds the period a file name states: one year ("…_2017_…") or a span
// ("…_2019_2021_…"). It returns false when the name states none, or more than two years.
func yearsInName(path string) (Period, bool) {
	var years []int
	for _, tok := range strings.FieldsFunc(filepath.Base(path), func(r rune) bool { return r < '0' || r > '9' }) {
		if y, err := strconv.Atoi(tok); err == nil && len(tok) == 4 && y >= 1900 && y <= 2100 {
			years = append(years, y)
		}
	}
	switch len(years) {
	case 1:
		return Year(years[0]), true
	case 2:
		return Period{min(years[0], years[1]), max(years[0], years[1])}, true
	}
	return Period{}, false
}
