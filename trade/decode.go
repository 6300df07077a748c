package trade

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
)

// maxCells bounds the cells of a decoded table: 75 million is every party with every party in
// every heading, far above any real year, and a damaged count must not allocate gigabytes.
const maxCells = 75_000_000

// decoder reads the encoding through its own window on the inflated stream, so that a
// number costs a slice read rather than a call per byte; it keeps the first error, and every
// read after it returns zero.
type decoder struct {
	r        io.Reader
	buf      []byte
	pos, end int
	eof      bool
	err      error
}

// want makes at least n bytes available in the window, unless the stream ends first.
func (d *decoder) want(n int) {
	if d.end-d.pos >= n || d.eof {
		return
	}
	d.end = copy(d.buf, d.buf[d.pos:d.end])
	d.pos = 0
	for d.end < n && !d.eof {
		m, err := d.r.Read(d.buf[d.end:])
		d.end += m
		if err == io.EOF {
			d.eof = true
		} else if err != nil {
			d.fail("%v", err)
			d.eof = true
		}
	}
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: "+format, append([]any{ErrCorrupt}, args...)...)
	}
}

// uvarint reads one number and checks it is at most limit.
func (d *decoder) uvarint(limit uint64, what string) uint64 {
	if d.err != nil {
		return 0
	}
	d.want(binary.MaxVarintLen64)
	v, n := binary.Uvarint(d.buf[d.pos:d.end])
	if n <= 0 {
		d.fail("%s: a number is cut short or too long", what)
		return 0
	}
	d.pos += n
	if v > limit {
		d.fail("%s %d is above %d", what, v, limit)
		return 0
	}
	return v
}

func (d *decoder) header() *Table {
	t := &Table{}
	switch d.uvarint(2, "level") {
	case 1:
		t.Level = LevelHS4
	case 2:
		t.Level = LevelSection
	default:
		d.fail("unknown level")
	}
	t.Bilateral = d.uvarint(1, "bilateral flag") == 1
	t.Period.First = int(d.uvarint(9999, "first year"))
	t.Period.Last = int(d.uvarint(9999, "last year"))
	if t.Period.Last < t.Period.First {
		d.fail("period %d–%d ends before it starts", t.Period.First, t.Period.Last)
	}
	n := int(d.uvarint(math.MaxUint16, "country count"))
	for range n {
		d.want(3)
		if d.err != nil || d.end-d.pos < 3 {
			d.fail("country codes cut short")
			break
		}
		t.Countries = append(t.Countries, string(d.buf[d.pos:d.pos+3]))
		d.pos += 3
	}
	return t
}

// columns reads the cells and checks that they are in bounds and strictly sorted. Party
// columns are expanded from their runs only after the products are read, so that a damaged
// count cannot make a few bytes allocate millions of cells.
func (d *decoder) columns(t *Table) {
	n := int(d.uvarint(maxCells, "cell count"))
	nc := uint64(len(t.Countries))
	expRuns := d.runs(n, nc, "exporter")
	groups := expRuns
	var impRuns [][]decodedRun
	if t.Bilateral {
		groups = nil
		for _, r := range expRuns {
			rs := d.runs(r.length, nc, "importer")
			impRuns = append(impRuns, rs)
			groups = append(groups, rs...)
		}
	}
	c := &t.cols
	c.product = make([]uint16, 0, min(n, 1<<20))
	for _, g := range groups {
		if len(c.product)+g.length > cap(c.product) { // double, rather than append's 1.25
			c.product = slices.Grow(c.product, max(len(c.product), g.length))
		}
		prev := 0
		for k := range g.length {
			gap := int(d.uvarint(9999, "product gap"))
			if d.err != nil {
				return
			}
			if (k > 0 && gap == 0) || prev+gap > 9999 {
				d.fail("products out of order or above 9999")
				return
			}
			prev += gap
			c.product = append(c.product, uint16(prev))
		}
	}
	d.values(c, n)
	if d.err != nil {
		return
	}
	c.exporter = expand(make([]uint16, 0, n), expRuns)
	if t.Bilateral {
		c.importer = make([]uint16, 0, n)
		for _, rs := range impRuns {
			c.importer = expand(c.importer, rs)
		}
	}
	if d.want(1); d.end > d.pos {
		d.fail("data after the last column")
	}
}

// expand appends runs to a column.
func expand(out []uint16, runs []decodedRun) []uint16 {
	for _, r := range runs {
		for range r.length {
			out = append(out, uint16(r.party))
		}
	}
	return out
}

// decodedRun is a run of equal parties: exporters of the table or importers of one exporter.
type decodedRun struct{ party, length int }

// runs reads the runs of one party column covering total cells, checking that parties rise
// strictly from run to run and stay below nc.
func (d *decoder) runs(total int, nc uint64, what string) []decodedRun {
	count := int(d.uvarint(uint64(total), what+" run count"))
	out := make([]decodedRun, 0, min(count, 1<<16))
	party, covered := 0, 0
	for i := range count {
		gap := int(d.uvarint(nc, what+" gap"))
		if i > 0 && gap == 0 {
			d.fail("%s runs out of order", what)
		}
		party += gap
		length := int(d.uvarint(uint64(total-covered), what+" run length"))
		if d.err != nil {
			return nil
		}
		if uint64(party) >= nc || length == 0 {
			d.fail("%s %d outside the %d countries, or an empty run", what, party, nc)
			return nil
		}
		covered += length
		out = append(out, decodedRun{party, length})
	}
	if covered != total && d.err == nil {
		d.fail("%s runs cover %d cells, not %d", what, covered, total)
	}
	return out
}

// values reads the value and quantity columns; it runs once the products are read, so the
// stream has proved it holds n cells and the columns can be allocated at their size.
func (d *decoder) values(c *columns, n int) {
	c.value, c.quantity, c.partial = make([]int64, 0, n), make([]int64, 0, n), make([]bool, 0, n)
	for range n {
		v := d.uvarint(math.MaxInt64, "value")
		if d.err != nil {
			return
		}
		c.value = append(c.value, int64(v))
	}
	for range n {
		q := d.uvarint(math.MaxInt64, "quantity")
		if d.err != nil {
			return
		}
		c.quantity = append(c.quantity, int64(q>>1))
		c.partial = append(c.partial, q&1 == 1)
	}
	if len(c.product) != n {
		d.fail("products cover %d cells, not %d", len(c.product), n)
	}
}
