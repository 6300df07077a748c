package trade

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// Kind names what a file holds, as recognised from its header.
type Kind string

// The kinds of file the loader reads.
const (
	// KindBACI is a CEPII BACI flow file: t,i,j,k,v,q = year, exporter and importer (BACI
	// numeric codes), HS6 product, value in thousands of USD, quantity in tonnes.
	KindBACI Kind = "baci"
	// KindCountryCodes is BACI's country dictionary (country_codes_V*.csv).
	KindCountryCodes Kind = "baci_country_codes"
	// KindProductCodes is BACI's product dictionary (product_codes_HS*_V*.csv).
	KindProductCodes Kind = "baci_product_codes"
	// KindExportsHS4 is an exporter × HS4 (or HS6) table of exports to the world, in USD.
	KindExportsHS4 Kind = "exports_hs4"
	// KindExportsSection is an exporter × HS section table of exports to the world, in USD.
	KindExportsSection Kind = "exports_section"
)

// exportColumns holds the positions of the columns of an export table (-1 when absent).
type exportColumns struct {
	exporter, product, value, year int
}

// format is what the header says about a file.
type format struct {
	kind    Kind
	columns exportColumns // export tables only
	nfields int
	// description says in words what was recognised, for the load summary.
	description string
}

var baciHeader = []string{"t", "i", "j", "k", "v", "q"}

// Column names accepted for each role of an export table, in order of preference: the first
// matching name wins, so "Section ID" is taken over "Section".
var (
	exporterNames = []string{"reporter_iso", "exporter_iso3", "exporter_iso", "exporter", "country_id", "iso3", "reporter", "country_iso3"}
	productNames  = []string{"product_code", "hs4", "hs6", "hs_code", "section_id", "product", "commodity_code", "section"}
	valueNames    = []string{"export_value_usd", "trade_value", "export_value", "value_usd", "exports", "value"}
	yearNames     = []string{"year", "period"}
)

// headerFields splits a header line into normalised names: byte-order mark, quotes and
// surrounding spaces removed, lower case, inner spaces as underscores.
func headerFields(line []byte) []string {
	line = bytes.TrimPrefix(line, []byte("\ufeff"))
	line = bytes.TrimRight(line, "\r\n")
	var names []string
	for f := range strings.SplitSeq(string(line), ",") {
		f = strings.ToLower(strings.Trim(strings.TrimSpace(f), `"'`))
		names = append(names, strings.Join(strings.Fields(f), "_"))
	}
	return names
}

// foreignDelimiter returns the delimiter a line uses when it is not a comma, or 0.
func foreignDelimiter(line []byte) byte {
	if bytes.IndexByte(line, ',') >= 0 {
		return 0
	}
	for _, d := range []byte{';', '\t', '|'} {
		if bytes.IndexByte(line, d) >= 0 {
			return d
		}
	}
	return 0
}

func delimiterName(d byte) string {
	switch d {
	case '\t':
		return "tabs"
	case ';':
		return "semicolons"
	}
	return fmt.Sprintf("%q", d)
}

// detect recognises a file from its header line, or says what is wrong with the header.
func detect(header []byte) (format, Reason, string) {
	if d := foreignDelimiter(header); d != 0 {
		return format{}, ReasonDelimiter, fmt.Sprintf("the header is separated by %s; entente reads comma-separated files", delimiterName(d))
	}
	names := headerFields(header)
	switch {
	case slices.Equal(names, baciHeader):
		return format{kind: KindBACI, nfields: 6, description: "CEPII BACI flows (t,i,j,k,v,q: year, exporter, importer, HS6, thousand USD, tonnes)"}, "", ""
	case len(names) < 6 && slices.Equal(names, baciHeader[:len(names)]) && len(names) >= 4:
		return format{}, ReasonColumns, fmt.Sprintf("a BACI header lacks column(s) %s", strings.Join(baciHeader[len(names):], ","))
	case slices.Contains(names, "country_code") && (slices.Contains(names, "iso_3digit_alpha") || slices.Contains(names, "country_iso3")):
		return format{kind: KindCountryCodes, nfields: len(names), description: "BACI country codes (numeric code → ISO3)"}, "", ""
	case slices.Equal(names, []string{"code", "description"}):
		return format{kind: KindProductCodes, nfields: 2, description: "BACI product codes (HS6 → description)"}, "", ""
	}
	return detectExportTable(names)
}

func detectExportTable(names []string) (format, Reason, string) {
	find := func(candidates []string) int {
		for _, c := range candidates {
			if i := slices.Index(names, c); i >= 0 {
				return i
			}
		}
		return -1
	}
	cols := exportColumns{find(exporterNames), find(productNames), find(valueNames), find(yearNames)}
	var missing []string
	for _, m := range []struct {
		i    int
		role string
	}{{cols.exporter, "exporter"}, {cols.product, "product"}, {cols.value, "value"}} {
		if m.i < 0 {
			missing = append(missing, m.role)
		}
	}
	if len(missing) == 3 {
		return format{}, ReasonFormat, fmt.Sprintf("the header %q matches no known format (BACI t,i,j,k,v,q; BACI code tables; exporter,product,value tables)", strings.Join(names, ","))
	}
	if len(missing) > 0 {
		return format{}, ReasonColumns, fmt.Sprintf("an export table needs exporter, product and value columns; the header has no %s column", strings.Join(missing, " or "))
	}
	f := format{kind: KindExportsHS4, columns: cols, nfields: len(names)}
	level := "HS4 product"
	if strings.HasPrefix(names[cols.product], "section") {
		f.kind, level = KindExportsSection, "HS section"
	}
	year := "a year column"
	if cols.year < 0 {
		year = "no year column"
	}
	f.description = fmt.Sprintf("export table (%s, %s, %s in USD; %s)", names[cols.exporter], level, names[cols.value], year)
	return f, "", ""
}
