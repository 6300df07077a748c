package trade

import (
	"fmt"
	"maps"
	"slices"
)

// Reason classifies why a line (or a whole file) was rejected.
type Reason string

// The reasons a line or file is rejected. Every rejected line is counted under one of them;
// the first few of each file are kept with their line numbers.
const (
	ReasonDelimiter Reason = "delimiter"  // the line or header is not comma-separated
	ReasonColumns   Reason = "columns"    // too few or too many fields, a missing header column, bad quoting
	ReasonNumber    Reason = "number"     // a field that must be a number is not one
	ReasonNegative  Reason = "negative"   // a value or quantity below zero
	ReasonYear      Reason = "year"       // a year outside 1900–2100, or none to be found
	ReasonCountry   Reason = "country"    // a country code the code table does not know
	ReasonProduct   Reason = "product"    // a product code that is not an HS code (or not in the product table)
	ReasonDuplicate Reason = "duplicate"  // a second row for the same year, exporter, importer and product
	ReasonEmpty     Reason = "empty_file" // a file of 0 bytes, or with a header and no data
	ReasonTruncated Reason = "truncated"  // a compressed stream that ends early, or a read error
	ReasonFormat    Reason = "format"     // a header that matches no known format
	ReasonConflict  Reason = "conflict"   // a second code table of a kind already given
)

// Problem is one rejected line, or a whole-file problem (Line 0), with what is wrong in words.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"` // 1-based, counting the header; 0 for the file as a whole
	Reason  Reason `json:"reason"`
	Message string `json:"message"`
}

// String formats the problem as file:line: message, the way compilers do, so editors can jump to it.
func (p Problem) String() string {
	if p.Line == 0 {
		return fmt.Sprintf("%s: %s", p.File, p.Message)
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
}

// problemLog counts rejections by reason and keeps the first limit of them; count is the
// number of rejected lines (file problems have line 0 and are not lines).
type problemLog struct {
	file     string
	limit    int
	count    int
	byReason map[Reason]int
	kept     []Problem
}

func newProblemLog(file string, limit int) *problemLog {
	return &problemLog{file: file, limit: limit, byReason: map[Reason]int{}}
}

func (l *problemLog) add(line int, reason Reason, format string, args ...any) {
	if line > 0 {
		l.count++
	}
	l.byReason[reason]++
	if len(l.kept) < l.limit {
		l.kept = append(l.kept, Problem{File: l.file, Line: line, Reason: reason, Message: fmt.Sprintf(format, args...)})
	}
}

// reasons returns the reasons seen, sorted, for stable summaries.
func (l *problemLog) reasons() []Reason {
	return slices.Sorted(maps.Keys(l.byReason))
}
