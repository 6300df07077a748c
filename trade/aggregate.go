package trade

import (
	"maps"
	"slices"
)

// columns hold the cells of a table column by column, sorted by (exporter, importer, product).
// Parties are indices into the table's country list; products are HS4 codes or section numbers.
// Values are whole US dollars; quantities are kilograms, summed over the rows that reported one,
// and partial marks a cell in which some row reported none.
type columns struct {
	exporter []uint16
	importer []uint16 // empty in an export-only table
	product  []uint16
	value    []int64
	quantity []int64
	partial  []bool
}

func (c *columns) len() int { return len(c.product) }

// key packs a cell's coordinates so that comparing keys compares cells in table order.
func cellKey(exporter, importer, product uint16) uint64 {
	return uint64(exporter)<<32 | uint64(importer)<<16 | uint64(product)
}

func (c *columns) key(i int) uint64 {
	var imp uint16
	if len(c.importer) > 0 {
		imp = c.importer[i]
	}
	return cellKey(c.exporter[i], imp, c.product[i])
}

func (c *columns) push(key uint64, s cellSum, bilateral bool) {
	c.exporter = append(c.exporter, uint16(key>>32))
	if bilateral {
		c.importer = append(c.importer, uint16(key>>16))
	}
	c.product = append(c.product, uint16(key))
	c.value = append(c.value, s.value)
	c.quantity = append(c.quantity, s.quantity)
	c.partial = append(c.partial, s.partial)
}

func (c *columns) sum(i int) cellSum {
	return cellSum{c.value[i], c.quantity[i], c.partial[i]}
}

// cellSum is the running total of one cell.
type cellSum struct {
	value    int64
	quantity int64
	partial  bool
}

func (s *cellSum) add(t cellSum) {
	s.value += t.value
	s.quantity += t.quantity
	s.partial = s.partial || t.partial
}

// cellBuilder sums rows into cells. BACI files come sorted by exporter, importer and product,
// and the party indices follow BACI's numeric order, so nearly every cell closes in order and is
// appended to the columns at no cost; a cell that arrives out of order waits in a map and is
// merged at the end. An unsorted file gives the same table, only more slowly.
type cellBuilder struct {
	bilateral bool
	cols      columns
	pending   uint64
	sum       cellSum
	open      bool
	late      map[uint64]cellSum
}

func newCellBuilder(bilateral bool, capacity int) *cellBuilder {
	b := &cellBuilder{bilateral: bilateral, late: map[uint64]cellSum{}}
	b.cols.exporter = make([]uint16, 0, capacity)
	if bilateral {
		b.cols.importer = make([]uint16, 0, capacity)
	}
	b.cols.product = make([]uint16, 0, capacity)
	b.cols.value = make([]int64, 0, capacity)
	b.cols.quantity = make([]int64, 0, capacity)
	b.cols.partial = make([]bool, 0, capacity)
	return b
}

// add sums one row into the cell with the given key.
func (b *cellBuilder) add(key uint64, s cellSum) {
	if b.open && key == b.pending {
		b.sum.add(s)
		return
	}
	b.close()
	b.pending, b.sum, b.open = key, s, true
}

// close moves the pending cell to the columns when it comes after the last one, else to late.
func (b *cellBuilder) close() {
	if !b.open {
		return
	}
	b.open = false
	n := b.cols.len()
	if n == 0 || b.pending > b.cols.key(n-1) {
		b.cols.push(b.pending, b.sum, b.bilateral)
		return
	}
	s := b.late[b.pending]
	s.add(b.sum)
	b.late[b.pending] = s
}

// finish closes the last cell and merges the late cells in, returning sorted columns with one
// entry per cell.
func (b *cellBuilder) finish() columns {
	b.close()
	if len(b.late) == 0 {
		return b.cols
	}
	keys := slices.Sorted(maps.Keys(b.late))
	total := b.cols.len() + len(keys)
	out := newCellBuilder(b.bilateral, total)
	i, j := 0, 0
	for i < b.cols.len() || j < len(keys) {
		switch {
		case j == len(keys) || (i < b.cols.len() && b.cols.key(i) < keys[j]):
			out.cols.push(b.cols.key(i), b.cols.sum(i), b.bilateral)
			i++
		case i == b.cols.len() || keys[j] < b.cols.key(i):
			out.cols.push(keys[j], b.late[keys[j]], b.bilateral)
			j++
		default: // the same cell in both: sum them
			s := b.cols.sum(i)
			s.add(b.late[keys[j]])
			out.cols.push(keys[j], s, b.bilateral)
			i++
			j++
		}
	}
	return out.cols
}
