package trade

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"time"

	"github.com/entente/entente"
)

// formatVersion enters every dataset identity: when the way files are read changes what they
// yield, the version changes and stored datasets are read again rather than trusted.
const formatVersion = "entente-trade/1"

// DatasetID identifies a dataset by content: the SHA-256 of the data file's bytes, its kind,
// the code tables it was read with and, for a table without years, the period it was given.
// The same file loaded twice gets the same ID; a changed file gets a new one.
type DatasetID string

// Dataset is what one data file yields: one table per year (or one for a summed period).
type Dataset struct {
	ID     DatasetID `json:"id"`
	Kind   Kind      `json:"kind"`
	Source string    `json:"source"` // the file's base name
	Tables []*Table  `json:"-"`
}

// Options tune a load. The zero value reads with the embedded code tables, reports no
// progress and loads every file.
type Options struct {
	// Progress, when set, is called as data files are read with the bytes read so far (of the
	// files as stored, compressed or not) and the total, so a terminal can draw a bar.
	Progress func(done, total int64)
	// Loaded, when set, reports whether a dataset is already stored; such a file is then
	// identified (hashed) but not parsed again.
	Loaded func(DatasetID) bool
	// Period is the period of export tables that have no year column, when their file name
	// states none either ("…_2017_…", "…_2019_2021_…").
	Period Period
	// MaxProblems is how many rejected lines are kept per file with their line numbers (all
	// are counted); 0 means 100.
	MaxProblems int
}

// FileSummary says what became of one file.
type FileSummary struct {
	Path   string `json:"path"`
	Kind   Kind   `json:"kind,omitempty"`
	Format string `json:"format"` // what the header was recognised as, in words
	Bytes  int64  `json:"bytes"`

	Dataset       DatasetID `json:"dataset,omitempty"`
	AlreadyLoaded bool      `json:"already_loaded,omitempty"`

	Lines      int            `json:"lines"` // data lines read (not the header, not blank lines)
	Kept       int            `json:"kept"`
	Rejected   int            `json:"rejected"`
	RejectedBy map[Reason]int `json:"rejected_by,omitempty"`
	Problems   []Problem      `json:"problems,omitempty"` // the first MaxProblems, file problems included

	Periods   []Period `json:"periods,omitempty"`
	Exporters int      `json:"exporters"`
	Importers int      `json:"importers"`
	Products  int      `json:"products"` // distinct product codes kept, as the file gives them
	Cells     int      `json:"cells"`    // cells after aggregation, over all periods

	Elapsed time.Duration `json:"elapsed"`
}

// Result is what a load did: a summary per file and the new datasets.
type Result struct {
	Files    []FileSummary `json:"files"`
	Datasets []*Dataset    `json:"-"`
}

// Problems returns every kept problem of every file.
func (r *Result) Problems() []Problem {
	var out []Problem
	for _, f := range r.Files {
		out = append(out, f.Problems...)
	}
	return out
}

// Load reads trade files: BACI flow files, BACI's country and product dictionaries, and export
// tables, recognised by their header and read plain or gzip-compressed. Code tables are read
// first, whatever the order given, and apply to every BACI file of the call. Bad lines are
// counted and reported with their file and line; good lines are kept. A file whose dataset
// is already loaded (Options.Loaded, or given twice) is not parsed again.
//
// Load returns an error only when a file cannot be opened (ENOTFOUND) or ctx ends; everything
// wrong inside a file is in the result.
func Load(ctx context.Context, paths []string, opt Options) (*Result, error) {
	if opt.MaxProblems <= 0 {
		opt.MaxProblems = 100
	}
	l := &loader{opt: opt, countries: DefaultCountryCodes(), countriesHash: "embedded", seen: map[DatasetID]bool{}}
	var files []*inputFile
	for _, p := range paths {
		f, err := sniff(p)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		if f.reason == "" && f.format.kind != KindCountryCodes && f.format.kind != KindProductCodes {
			l.total += f.size
		}
	}
	slices.SortStableFunc(files, func(a, b *inputFile) int { return a.order() - b.order() })
	for _, f := range files {
		start := time.Now()
		sum, err := l.load(ctx, f)
		if err != nil {
			return nil, err
		}
		sum.Elapsed = time.Since(start)
		l.res.Files = append(l.res.Files, sum)
	}
	return &l.res, nil
}

// loader carries the state of one Load call.
type loader struct {
	opt           Options
	countries     *CountryCodes
	countriesHash string
	products      *productCodes
	productsHash  string
	seen          map[DatasetID]bool
	total, done   int64
	res           Result
}

// inputFile is a file as first seen: size, compression and recognised format.
type inputFile struct {
	path    string
	size    int64
	gzip    bool
	format  format
	names   []string // the header's column names
	reason  Reason   // why the file cannot be read at all, or ""
	message string
}

// order puts code tables before data files, keeping the given order otherwise.
func (f *inputFile) order() int {
	switch {
	case f.reason != "":
		return 2
	case f.format.kind == KindCountryCodes || f.format.kind == KindProductCodes:
		return 0
	}
	return 1
}

// sniff opens a file and reads its header to recognise it.
func sniff(path string) (*inputFile, error) {
	f := &inputFile{path: path}
	r, closeFile, err := openData(f, nil)
	if err != nil {
		return nil, err
	}
	defer closeFile()
	if f.size == 0 {
		f.reason, f.message = ReasonEmpty, "the file is empty (0 bytes)"
		return f, nil
	}
	br := bufio.NewReaderSize(r, 64<<10)
	header, err := br.ReadSlice('\n')
	switch {
	case err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull):
		f.reason, f.message = ReasonTruncated, fmt.Sprintf("the file cannot be read: %v", err)
	case len(header) == 0:
		f.reason, f.message = ReasonEmpty, "the file holds no lines"
	default:
		f.names = headerFields(header)
		f.format, f.reason, f.message = detect(header)
	}
	return f, nil
}

// openData opens a file for reading from its first byte, decompressing gzip (recognised by its
// magic number, not its name); counter, when given, counts the stored bytes read.
func openData(f *inputFile, counter *atomic.Int64) (io.Reader, func(), error) {
	file, err := os.Open(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, entente.Errorf(entente.ENOTFOUND, "%s: no such file", f.path)
	} else if err != nil {
		return nil, nil, entente.Errorf(entente.EINVALID, "%s: %v", f.path, err)
	}
	info, err := file.Stat()
	if err != nil || info.IsDir() {
		file.Close()
		return nil, nil, entente.Errorf(entente.EINVALID, "%s: not a readable file", f.path)
	}
	f.size = info.Size()
	raw := bufio.NewReaderSize(&countingReader{file, counter}, 1<<20)
	magic, _ := raw.Peek(2)
	f.gzip = len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b
	if !f.gzip {
		return raw, func() { file.Close() }, nil
	}
	zr, err := gzip.NewReader(raw)
	if err != nil {
		return &failingReader{fmt.Errorf("gzip header: %w", err)}, func() { file.Close() }, nil
	}
	return zr, func() { zr.Close(); file.Close() }, nil
}

// countingReader counts the bytes read through it, for progress.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

// Read reads from the file and counts what it read.
func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if c.n != nil {
		c.n.Add(int64(n))
	}
	return n, err
}

// failingReader stands for a stream that cannot even start, so that its error is reported
// where every read error is.
type failingReader struct{ err error }

// Read returns the error that stopped the stream from starting.
func (f *failingReader) Read([]byte) (int, error) { return 0, f.err }

// hashFile returns the SHA-256 of a file's stored bytes.
func hashFile(path string) (string, error) {
	file, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer file.Close()
	h := sha256.New()
	if _, err := io.Copy(h, file); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func datasetID(parts ...string) DatasetID {
	h := sha256.New()
	h.Write([]byte(formatVersion))
	for _, p := range parts {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return DatasetID(hex.EncodeToString(h.Sum(nil)))
}

func (l *loader) progress(current int64) {
	if l.opt.Progress != nil {
		l.opt.Progress(l.done+current, l.total)
	}
}

// load reads one file according to its kind.
func (l *loader) load(ctx context.Context, f *inputFile) (sum FileSummary, err error) {
	sum = FileSummary{Path: f.path, Kind: f.format.kind, Format: f.format.description, Bytes: f.size}
	log := newProblemLog(filepath.Base(f.path), l.opt.MaxProblems)
	defer func() { finishSummary(&sum, log) }()
	if f.reason != "" {
		sum.Format = "not recognised"
		log.add(0, f.reason, "%s", f.message)
		return sum, nil
	}
	if f.gzip {
		sum.Format += ", gzip-compressed"
	}
	hash, err := hashFile(f.path)
	if err != nil {
		log.add(0, ReasonTruncated, "the file cannot be read: %v", err)
		return sum, nil
	}
	switch f.format.kind {
	case KindCountryCodes, KindProductCodes:
		return sum, l.loadCodes(f, hash, log, &sum)
	}
	return sum, l.loadData(ctx, f, hash, log, &sum)
}

func finishSummary(sum *FileSummary, log *problemLog) {
	sum.Rejected = log.count
	if len(log.byReason) > 0 {
		sum.RejectedBy = log.byReason
	}
	sum.Problems = log.kept
}
