package trade

import (
	"bufio"
	"io"
	"slices"
	"strconv"
	"strings"
)

// productCodes is BACI's product dictionary: the HS6 codes of one HS revision. When given, a
// BACI row whose product is not in it is rejected; without it, any six-digit code of a known HS
// chapter is accepted, because the embedded nomenclature is HS 2022 and BACI comes in every
// revision since HS 1992. (Its descriptions are HS6; results are HS4, described from the
// embedded nomenclature.)
type productCodes struct {
	Source string // the dictionary's file name
	known  map[int]bool
}

// codes returns the HS6 codes in ascending order.
func (p *productCodes) codes() []int {
	out := make([]int, 0, len(p.known))
	for c := range p.known {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// csvRecords reads a small comma-separated file line by line after its header, handing each
// record and its line number to row; blank lines are skipped and malformed ones logged. It
// returns the number of the last line read, and the stream's error if it broke (the partial
// line at the break is dropped). Trade tables have no line breaks inside quoted fields, so a
// line is a record, and a bad line costs one line, not the rest of the file.
func csvRecords(r io.Reader, log *problemLog, row func(line int, rec []string)) (int, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	n := 0
	for {
		text, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return n, err
		}
		if text != "" {
			n++
		}
		line := strings.TrimRight(text, "\r\n")
		switch {
		case n == 1 || line == "": // the header, recognised already, or nothing
		case foreignDelimiter([]byte(line)) != 0:
			log.add(n, ReasonDelimiter, "the line is separated by %s, not commas", delimiterName(foreignDelimiter([]byte(line))))
		default:
			if rec, ok := splitCSVLine(line); ok {
				row(n, rec)
			} else {
				log.add(n, ReasonColumns, "a quoted field is not closed, or a quote stands inside an unquoted field")
			}
		}
		if err == io.EOF {
			return n, nil
		}
	}
}

// splitCSVLine splits one line of RFC 4180 CSV: fields separated by commas, optionally quoted
// with doubled quotes inside. It reports false for malformed quoting.
func splitCSVLine(line string) ([]string, bool) {
	var fields []string
	for {
		if !strings.HasPrefix(line, `"`) {
			field, rest, more := strings.Cut(line, ",")
			if strings.Contains(field, `"`) {
				return nil, false
			}
			fields = append(fields, field)
			if !more {
				return fields, true
			}
			line = rest
			continue
		}
		var b strings.Builder
		i := 1
		for {
			j := strings.IndexByte(line[i:], '"')
			if j < 0 {
				return nil, false
			}
			b.WriteString(line[i : i+j])
			i += j + 1
			if i < len(line) && line[i] == '"' {
				b.WriteByte('"')
				i++
				continue
			}
			break
		}
		fields = append(fields, b.String())
		switch {
		case i == len(line):
			return fields, true
		case line[i] != ',':
			return nil, false
		}
		line = line[i+1:]
	}
}

// readProductCodes reads a BACI product dictionary (code,description).
func readProductCodes(r io.Reader, name string, log *problemLog) (*productCodes, error) {
	p := &productCodes{Source: name, known: map[int]bool{}}
	_, err := csvRecords(r, log, func(line int, rec []string) {
		if len(rec) != 2 {
			log.add(line, ReasonColumns, "expected 2 fields (code,description), found %d", len(rec))
			return
		}
		code, err := strconv.Atoi(strings.TrimSpace(rec[0]))
		if err != nil || code < 0 || code > 999999 || !KnownChapter(code/10000) {
			log.add(line, ReasonProduct, "%q is not an HS6 code", rec[0])
			return
		}
		if p.known[code] {
			log.add(line, ReasonDuplicate, "product %06d is listed twice", code)
			return
		}
		p.known[code] = true
	})
	return p, err
}

// readCountryCodes reads a BACI country dictionary. Column names differ between releases
// (iso_3digit_alpha before 2023, country_iso3 after); the code column is always country_code.
// Codes the file lists are added to the embedded default, so that a release's new entity
// overrides the default and an old file does not lose today's codes.
func readCountryCodes(r io.Reader, name string, header []string, log *problemLog) (*CountryCodes, error) {
	codeCol := slices.Index(header, "country_code")
	isoCol := slices.Index(header, "iso_3digit_alpha")
	if isoCol < 0 {
		isoCol = slices.Index(header, "country_iso3")
	}
	c := DefaultCountryCodes()
	c.Source = name
	listed := map[int]bool{}
	_, err := csvRecords(r, log, func(line int, rec []string) {
		if len(rec) != len(header) {
			log.add(line, ReasonColumns, "expected %d fields, found %d", len(header), len(rec))
			return
		}
		n, err := strconv.Atoi(strings.TrimSpace(rec[codeCol]))
		switch {
		case err != nil || n < 0 || n > 999:
			log.add(line, ReasonNumber, "country_code %q is not a number from 0 to 999", rec[codeCol])
		case listed[n]:
			log.add(line, ReasonDuplicate, "country_code %d is listed twice", n)
		case !c.set(n, rec[isoCol]):
			log.add(line, ReasonCountry, "country_code %d has no ISO3 code (%q) and no embedded one", n, rec[isoCol])
		default:
			listed[n] = true
		}
	})
	c.listed = len(listed)
	return c, err
}
