package trade

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sync/atomic"
)

// loadCodes reads a BACI country or product dictionary and makes it the one this load uses.
func (l *loader) loadCodes(f *inputFile, hash string, log *problemLog, sum *FileSummary) error {
	name := filepath.Base(f.path)
	if (f.format.kind == KindCountryCodes && l.countriesHash != "embedded") ||
		(f.format.kind == KindProductCodes && l.products != nil) {
		log.add(0, ReasonConflict, "a second %s table; the first one given is used", f.format.kind)
		return nil
	}
	r, closeFile, err := openData(f, nil)
	if err != nil {
		return err
	}
	defer closeFile()
	if f.format.kind == KindCountryCodes {
		codes, err := readCountryCodes(r, name, f.names, log)
		if err != nil {
			log.add(0, ReasonTruncated, "the file cannot be read to the end: %v", err)
		}
		l.countries, l.countriesHash = codes, hash
		sum.Kept = codes.listed
		return nil
	}
	products, err := readProductCodes(r, name, log)
	if err != nil {
		log.add(0, ReasonTruncated, "the file cannot be read to the end: %v", err)
	}
	l.products, l.productsHash = products, hash
	sum.Kept, sum.Products = len(products.known), len(products.known)
	return nil
}

// loadData reads a BACI file or an export table unless its dataset is already loaded.
func (l *loader) loadData(ctx context.Context, f *inputFile, hash string, log *problemLog, sum *FileSummary) error {
	period, ok := Period{}, true
	if f.format.kind != KindBACI && f.format.columns.year < 0 {
		if period, ok = l.tablePeriod(f); !ok {
			log.add(0, ReasonYear, "the table has no year column and its file name states no year; give the period")
			return nil
		}
		sum.Format += fmt.Sprintf("; %s from the file name or options", periodWords(period))
	}
	id := datasetID(string(f.format.kind), hash, period.String())
	if f.format.kind == KindBACI { // only BACI files are read through the dictionaries
		products := "none"
		if l.products != nil {
			products = l.productsHash
		}
		id = datasetID(string(f.format.kind), hash, l.countriesHash, products)
	}
	sum.Dataset = id
	if l.seen[id] || (l.opt.Loaded != nil && l.opt.Loaded(id)) {
		sum.AlreadyLoaded = true
		l.done += f.size
		l.progress(0)
		return nil
	}
	var counter atomic.Int64
	r, closeFile, err := openData(f, &counter)
	if err != nil {
		return err
	}
	defer closeFile()
	var tables []*Table
	if f.format.kind == KindBACI {
		tables, err = l.readBACI(ctx, r, f, log, sum, &counter)
	} else {
		tables, err = l.readExports(r, f, period, log, sum)
	}
	if err != nil {
		return err
	}
	l.done += f.size
	l.progress(0)
	if sum.Lines == 0 && log.count == 0 {
		log.add(0, ReasonEmpty, "the file has a header and no data lines")
	}
	for _, t := range tables {
		sum.Periods = append(sum.Periods, t.Period)
		sum.Cells += t.Len()
	}
	if len(tables) > 0 {
		l.seen[id] = true
		l.res.Datasets = append(l.res.Datasets, &Dataset{ID: id, Kind: f.format.kind, Source: filepath.Base(f.path), Tables: tables})
	}
	return nil
}

// tablePeriod decides the period of an export table without a year column.
func (l *loader) tablePeriod(f *inputFile) (Period, bool) {
	if l.opt.Period.First > 0 {
		return l.opt.Period, true
	}
	return yearsInName(f.path)
}

func periodWords(p Period) string {
	if p.Sum() {
		return fmt.Sprintf("values summed over %s", p)
	}
	return fmt.Sprintf("year %s", p)
}

// readBACI streams a BACI file through the parser.
func (l *loader) readBACI(ctx context.Context, r io.Reader, f *inputFile, log *problemLog, sum *FileSummary, counter *atomic.Int64) ([]*Table, error) {
	p := newBACIParser(log, l.countries, l.products)
	// A BACI line is about 30 bytes and HS6 rows fold into HS4 cells about two to one;
	// gzip shrinks BACI about three times.
	p.capacity = int(f.size / 60)
	if f.gzip {
		p.capacity *= 3
	}
	line := 1
	err := readBlocks(ctx, r, func(b *block) error {
		line = p.block(b.lines, line)
		if b.last && b.err == nil && len(b.tail) > 0 {
			line = p.block(b.tail, line)
		}
		l.progress(counter.Load())
		return ctx.Err()
	})
	if ctxErr := ctx.Err(); ctxErr != nil {
		return nil, ctxErr
	}
	if err != nil {
		log.add(0, ReasonTruncated, "the data stops at line %d (%v); that unfinished line is dropped, the lines before it are read", line, err)
	}
	sum.Lines, sum.Kept = p.lines, p.kept
	sum.Exporters, sum.Importers, sum.Products = p.counts()
	return p.tables(), nil
}

// readExports reads an export table.
func (l *loader) readExports(r io.Reader, f *inputFile, period Period, log *problemLog, sum *FileSummary) ([]*Table, error) {
	p := newExportParser(log, f.format, period)
	last, err := p.read(r)
	if err != nil {
		log.add(0, ReasonTruncated, "the data stops at line %d (%v); that unfinished line is dropped, the lines before it are read", last+1, err)
	}
	sum.Lines, sum.Kept = p.kept+log.count, p.kept
	sum.Exporters, sum.Products = len(p.parties), len(p.products)
	return p.tables(), nil
}
