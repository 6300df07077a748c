package trade

import (
	"bytes"
	"encoding/csv"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Seeds live in testdata/fuzz/FuzzX/; these add the fixtures of the package.

// checkSorted fails when a table's cells are not strictly sorted or a value is negative.
func checkSorted(t *testing.T, tb *Table) {
	t.Helper()
	for i := range tb.Len() {
		if i > 0 && tb.cols.key(i) <= tb.cols.key(i-1) {
			t.Fatalf("cell %d out of order", i)
		}
		if tb.cols.value[i] < 0 || tb.cols.quantity[i] < 0 {
			t.Fatalf("cell %d negative: %v", i, tb.Cell(i))
		}
	}
}

func FuzzBACILines(f *testing.F) {
	for _, name := range []string{"testdata/baci_small_2019.csv", "testdata/baci_small_2022.csv"} {
		data, _ := os.ReadFile(name)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		log := newProblemLog("fuzz.csv", 5)
		p := newBACIParser(log, DefaultCountryCodes(), nil)
		next := p.block(data, 1)
		if p.kept+log.count != p.lines {
			t.Fatalf("kept %d + rejected %d != %d lines", p.kept, log.count, p.lines)
		}
		lines := bytes.Count(data, []byte("\n"))
		if len(data) > 0 && data[len(data)-1] != '\n' {
			lines++
		}
		if next != lines+1 {
			t.Fatalf("line counter ended at %d after %d lines", next, lines)
		}
		var value int64
		for _, tb := range p.tables() {
			checkSorted(t, tb)
			for c := range tb.Cells() {
				value += c.ValueUSD
			}
		}
		if p.kept == 0 && value != 0 {
			t.Fatalf("no row kept but value %d", value)
		}
	})
}

func FuzzExportTable(f *testing.F) {
	f.Add([]byte("reporter_iso,product_code,export_value_usd\npak,6302,10\nblr,3104,5\n"), false)
	f.Add([]byte("Country ID,Country,Section ID,Section,Trade Value\naspak,Pakistan,11,Textiles,100\n"), true)
	f.Fuzz(func(t *testing.T, body []byte, sections bool) {
		header := "exporter,hs4,value,year\n"
		if sections {
			header = "exporter,section,value\n"
		}
		fm, reason, _ := detect([]byte(header))
		if reason != "" {
			t.Fatal(reason)
		}
		log := newProblemLog("fuzz.csv", 5)
		p := newExportParser(log, fm, Year(2017))
		if _, err := p.read(bytes.NewReader(append([]byte(header), body...))); err != nil {
			t.Fatal(err)
		}
		for _, tb := range p.tables() {
			checkSorted(t, tb)
			for c := range tb.Cells() {
				if !KnownParty(c.Exporter) || (tb.Level == LevelSection && (c.Product < 1 || c.Product > Sections)) {
					t.Fatalf("kept a bad cell %+v", c)
				}
			}
		}
	})
}

func FuzzSplitCSVLine(f *testing.F) {
	for _, s := range []string{`a,b,c`, `"a,b",c`, `"a""b",`, `a"b`, `"a"b`, `""`, `,`, `"unclosed`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if line == "" || strings.ContainsAny(line, "\r\n") {
			return
		}
		got, ok := splitCSVLine(line)
		want, err := csv.NewReader(strings.NewReader(line)).Read()
		if ok != (err == nil) || (ok && !slices.Equal(got, want)) {
			t.Fatalf("splitCSVLine(%q) = %q %v; encoding/csv says %q %v", line, got, ok, want, err)
		}
	})
}

var plainDecimal = regexp.MustCompile(`^[0-9]{1,12}(\.[0-9]{0,3})?$`)

func FuzzParseMilli(f *testing.F) {
	for _, s := range []string{"1", "12.345", "0.0005", "NA", "", "-1", "1e3", " 7.1 ", "1.2.3", "+5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, st := parseMilli([]byte(s))
		if st == numOK && v < 0 {
			t.Fatalf("parseMilli(%q) = %d", s, v)
		}
		if plainDecimal.MatchString(s) {
			x, _ := strconv.ParseFloat(s, 64)
			if st != numOK || math.Abs(float64(v)-x*1000) > 0.5+1e-6*x*1000 {
				t.Fatalf("parseMilli(%q) = %d %v, want %v", s, v, st, x*1000)
			}
		}
	})
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"t,i,j,k,v,q", "t;i;j;k;v;q", "\ufeffcountry_code,iso_3digit_alpha", "code,description", "Country ID,Section ID,Trade Value", "t,i,j,k"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, header []byte) {
		fm, reason, msg := detect(header)
		if (reason == "") == (msg != "") {
			t.Fatalf("reason %q with message %q", reason, msg)
		}
		if fm.kind == KindBACI && !slices.Equal(headerFields(header), baciHeader) {
			t.Fatalf("%q taken for BACI", header)
		}
		if fm.kind == KindExportsHS4 || fm.kind == KindExportsSection {
			c := fm.columns
			if c.exporter < 0 || c.product < 0 || c.value < 0 || max(c.exporter, c.product, c.value, c.year) >= fm.nfields {
				t.Fatalf("columns %+v of %d", c, fm.nfields)
			}
		}
	})
}

func FuzzDecode(f *testing.F) {
	var b bytes.Buffer
	data, _ := os.ReadFile("testdata/baci_small_2022.csv")
	p := newBACIParser(newProblemLog("x", 1), DefaultCountryCodes(), nil)
	p.block(data, 1)
	p.tables()[0].Encode(&b)
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, blob []byte) {
		tb, err := Decode(bytes.NewReader(blob))
		if err != nil {
			return
		}
		checkSorted(t, tb)
		if again := roundTrip(t, tb); !sameTable(tb, again) {
			t.Fatal("a decoded table does not survive another round trip")
		}
	})
}
