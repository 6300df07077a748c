package trade

import (
	"bytes"
	"slices"
)

// maxProducts bounds the distinct HS6 codes of one load. Every HS revision has fewer than
// 5,700 subheadings, so a file with more is not an HS file; the bound keeps the duplicate
// detector a fixed-size bitmap.
const maxProducts = 8192

// baciParser turns the lines of one BACI file into cells, one builder per year.
type baciParser struct {
	log      *problemLog
	codes    *CountryCodes
	products *productCodes // nil: any HS6 code of a known chapter

	// codeIndex maps a BACI numeric code to its rank among the mapped codes (-1 when unknown);
	// duplicates are found by code, so BACI's Belgium (56) and Belgium-Luxembourg (58) are
	// two reporters even though both are BEL.
	codeIndex [1000]int16
	nCodes    int
	// party maps a code rank to its party index; parties are numbered in the order of their
	// smallest BACI code, which is the order BACI files are sorted in.
	party   []uint16
	parties []string

	productIndex []int16 // by HS6 code: index + 1, 0 when not seen yet
	nProducts    int

	years    map[int]*baciYear
	lastYear int
	last     *baciYear

	lines, kept  int
	exporters    []bool // by party index
	importers    []bool
	productsKept [maxProducts]bool
	capacity     int // expected cells of the first year, from the file size
}

// baciYear is the state of one year: its cells and the rows seen, for duplicate detection.
// seen holds one bitmap of products per (exporter code, importer code) pair, allocated when
// the pair first trades: about 60 MB for a full BACI year, nothing much for a small file.
type baciYear struct {
	cells *cellBuilder
	seen  []*[maxProducts / 64]uint64
}

func newBACIParser(log *problemLog, codes *CountryCodes, products *productCodes) *baciParser {
	p := &baciParser{log: log, codes: codes, products: products, years: map[int]*baciYear{}}
	partyOf := map[string]uint16{}
	for i := range p.codeIndex {
		p.codeIndex[i] = -1
	}
	for _, n := range codes.Numerics() {
		a, _ := codes.Alpha3(n)
		idx, ok := partyOf[a]
		if !ok {
			idx = uint16(len(p.parties))
			partyOf[a] = idx
			p.parties = append(p.parties, a)
		}
		p.codeIndex[n] = int16(p.nCodes)
		p.party = append(p.party, idx)
		p.nCodes++
	}
	p.exporters = make([]bool, len(p.parties))
	p.importers = make([]bool, len(p.parties))
	p.productIndex = make([]int16, 1000000)
	if products != nil {
		for _, c := range products.codes() {
			if p.nProducts < maxProducts {
				p.nProducts++
				p.productIndex[c] = int16(p.nProducts)
			}
		}
	}
	return p
}

// block parses a run of whole lines; firstLine is the line number of the first. It returns
// the number of the line after the last.
func (p *baciParser) block(lines []byte, firstLine int) int {
	n := firstLine
	for len(lines) > 0 {
		i := bytes.IndexByte(lines, '\n')
		if i < 0 {
			i = len(lines)
		}
		if n > 1 { // line 1 is the header, recognised already
			p.line(n, lines[:i])
		}
		lines = lines[min(i+1, len(lines)):]
		n++
	}
	return n
}

// baciRow is one parsed line.
type baciRow struct {
	year, exporter, importer, hs6 int
	value, quantity               int64
	noQuantity                    bool
}

// line parses and keeps one line, or logs why it is rejected.
func (p *baciParser) line(n int, line []byte) {
	if len(line) == 0 || (len(line) == 1 && line[0] == '\r') {
		return // blank lines carry nothing and are not counted
	}
	p.lines++
	var f [6][]byte
	nf := 0
	rest := line
	for nf < 5 {
		i := bytes.IndexByte(rest, ',')
		if i < 0 {
			break
		}
		f[nf], rest, nf = rest[:i], rest[i+1:], nf+1
	}
	if nf < 5 || bytes.IndexByte(rest, ',') >= 0 {
		p.badShape(n, line)
		return
	}
	f[5] = rest
	row, ok := p.parse(n, &f)
	if !ok {
		return
	}
	p.keep(n, row)
}

func (p *baciParser) badShape(n int, line []byte) {
	if d := foreignDelimiter(line); d != 0 {
		p.log.add(n, ReasonDelimiter, "the line is separated by %s, not commas", delimiterName(d))
		return
	}
	p.log.add(n, ReasonColumns, "expected 6 fields (t,i,j,k,v,q), found %d", bytes.Count(line, []byte(","))+1)
}

// parse checks the fields of a line: numbers, ranges and codes.
func (p *baciParser) parse(n int, f *[6][]byte) (baciRow, bool) {
	var r baciRow
	var ok bool
	names := [4]string{"t (year)", "i (exporter)", "j (importer)", "k (product)"}
	for c, dst := range []*int{&r.year, &r.exporter, &r.importer, &r.hs6} {
		if *dst, ok = parseCode(f[c]); !ok {
			p.log.add(n, ReasonNumber, "%s %q is not a whole number", names[c], trimSpace(f[c]))
			return r, false
		}
	}
	if r.year < 1900 || r.year > 2100 {
		p.log.add(n, ReasonYear, "year %d is outside 1900–2100", r.year)
		return r, false
	}
	var st numStatus
	r.value, st = parseMilli(f[4])
	if !p.numberOK(n, "v (value)", f[4], st) {
		return r, false
	}
	r.quantity, st = parseMilli(f[5])
	r.noQuantity = st == numMissing
	if !r.noQuantity && !p.numberOK(n, "q (quantity)", f[5], st) {
		return r, false
	}
	return r, true
}

func (p *baciParser) numberOK(n int, name string, field []byte, st numStatus) bool {
	switch st {
	case numMissing:
		p.log.add(n, ReasonNumber, "%s is missing", name)
	case numNegative:
		p.log.add(n, ReasonNegative, "%s %s is negative", name, trimSpace(field))
	case numBad:
		p.log.add(n, ReasonNumber, "%s %q is not a number", name, trimSpace(field))
	default:
		return true
	}
	return false
}

// keep maps a row's codes, rejects duplicates and sums the row into its cell.
func (p *baciParser) keep(n int, r baciRow) {
	ci := p.country(n, "exporter", r.exporter)
	if ci < 0 {
		return
	}
	cj := p.country(n, "importer", r.importer)
	if cj < 0 {
		return
	}
	pi := p.product(n, r.hs6)
	if pi < 0 {
		return
	}
	y := p.year(r.year)
	pair := ci*p.nCodes + cj
	if y.seen[pair] == nil {
		y.seen[pair] = new([maxProducts / 64]uint64)
	}
	seen := y.seen[pair]
	if seen[pi>>6]&(1<<(pi&63)) != 0 {
		p.log.add(n, ReasonDuplicate, "a second row for year %d, exporter %d, importer %d, product %06d", r.year, r.exporter, r.importer, r.hs6)
		return
	}
	seen[pi>>6] |= 1 << (pi & 63)
	ei, ii := p.party[ci], p.party[cj]
	p.exporters[ei], p.importers[ii], p.productsKept[pi] = true, true, true
	y.cells.add(cellKey(ei, ii, uint16(r.hs6/100)), cellSum{r.value, r.quantity, r.noQuantity})
	p.kept++
}

func (p *baciParser) country(n int, role string, code int) int {
	if code >= len(p.codeIndex) || p.codeIndex[code] < 0 {
		p.log.add(n, ReasonCountry, "%s code %d is not in the country table (%s)", role, code, p.codes.Source)
		return -1
	}
	return int(p.codeIndex[code])
}

func (p *baciParser) product(n int, hs6 int) int {
	if hs6 > 999999 {
		p.log.add(n, ReasonProduct, "product %d has more than 6 digits", hs6)
		return -1
	}
	if i := p.productIndex[hs6]; i > 0 {
		return int(i) - 1
	}
	switch {
	case p.products != nil:
		p.log.add(n, ReasonProduct, "product %06d is not in the product table (%s)", hs6, p.products.Source)
		return -1
	case hs6 < 10000 || !KnownChapter(hs6/10000):
		p.log.add(n, ReasonProduct, "product %06d is not an HS6 code (chapter %02d does not exist)", hs6, hs6/10000)
		return -1
	case p.nProducts == maxProducts:
		p.log.add(n, ReasonProduct, "product %06d is one more than the %d distinct products an HS revision can have", hs6, maxProducts)
		return -1
	}
	p.nProducts++
	p.productIndex[hs6] = int16(p.nProducts)
	return p.nProducts - 1
}

// year returns the state of year y, creating it on first sight; the first year gets the
// capacity guessed from the file size, so its columns are not copied as they grow.
func (p *baciParser) year(y int) *baciYear {
	if p.last != nil && y == p.lastYear {
		return p.last
	}
	s, ok := p.years[y]
	if !ok {
		s = &baciYear{
			cells: newCellBuilder(true, max(p.capacity, 1<<12)),
			seen:  make([]*[maxProducts / 64]uint64, p.nCodes*p.nCodes),
		}
		p.years[y] = s
		p.capacity = 0
	}
	p.last, p.lastYear = s, y
	return s
}

// tables returns one table per year, in year order, and releases the per-year state.
func (p *baciParser) tables() []*Table {
	years := make([]int, 0, len(p.years))
	for y := range p.years {
		years = append(years, y)
	}
	slices.Sort(years)
	out := make([]*Table, 0, len(years))
	for _, y := range years {
		s := p.years[y]
		s.seen = nil
		out = append(out, newTable(Year(y), LevelHS4, true, p.parties, s.cells.finish()))
		delete(p.years, y)
	}
	p.last = nil
	return out
}

// counts returns the distinct exporters, importers and products kept.
func (p *baciParser) counts() (exporters, importers, products int) {
	for i := range p.exporters {
		if p.exporters[i] {
			exporters++
		}
		if p.importers[i] {
			importers++
		}
	}
	for _, k := range p.productsKept {
		if k {
			products++
		}
	}
	return exporters, importers, products
}
