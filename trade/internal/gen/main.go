// Command gen derives the compact tables that package trade embeds from the public-domain
// (PDDL) reference files in the shared data folder: the HS 2022 nomenclature (sections,
// chapters and headings with descriptions trimmed to a readable length) and the ISO 3166-1
// numeric and alpha-3 codes with short English names. It writes Go source, so the tables
// cost nothing to load and the shared files never enter the repository.
//
// Run it from the trade directory (go generate does): go run ./internal/gen -data ../../shared/data/trade
package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxDescription is the longest description kept, in characters: long enough to tell two
// headings of a chapter apart on a terminal line, short enough for a table cell.
const maxDescription = 90

func main() {
	data := flag.String("data", "../../shared/data/trade", "folder holding hs2022_nomenclature.csv, hs_sections.csv and country_codes.csv")
	out := flag.String("out", ".", "folder of package trade, where the tables are written")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		log.Fatal(err)
	}
}

func run(data, out string) error {
	hs, err := nomenclatureSource(data)
	if err != nil {
		return err
	}
	if err := writeSource(filepath.Join(out, "hs_table.go"), hs); err != nil {
		return err
	}
	iso, err := countrySource(filepath.Join(data, "country_codes.csv"))
	if err != nil {
		return err
	}
	return writeSource(filepath.Join(out, "iso_table.go"), iso)
}

// readCSV reads a whole CSV file (dropping a UTF-8 byte-order mark) into records keyed by the
// header's column names.
func readCSV(path string) ([]map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(raw))
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	var rows []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		} else if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		row := map[string]string{}
		for i, name := range header {
			row[strings.TrimSpace(name)] = strings.TrimSpace(rec[i])
		}
		rows = append(rows, row)
	}
}

// trim shortens a description to maxDescription characters at a word boundary, marking the cut.
func trim(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxDescription {
		return s
	}
	r := []rune(s)[:maxDescription-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > maxDescription/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

var romans = []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
	"XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"}

func nomenclatureSource(data string) ([]byte, error) {
	sections, err := readCSV(filepath.Join(data, "hs_sections.csv"))
	if err != nil {
		return nil, err
	}
	rows, err := readCSV(filepath.Join(data, "hs2022_nomenclature.csv"))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(header("the HS 2022 nomenclature (hs2022_nomenclature.csv, hs_sections.csv; PDDL 1.0)"))
	b.WriteString("// hsSectionNames holds the official title of each section, indexed by its number (1-21).\n")
	b.WriteString("var hsSectionNames = [22]string{\"\",\n")
	for _, s := range sections {
		n := slices.Index(romans, s["section"])
		if n < 1 {
			return nil, fmt.Errorf("hs_sections.csv: unknown section %q", s["section"])
		}
		name := trim(s["name"])
		name = strings.ToUpper(name[:1]) + name[1:]
		fmt.Fprintf(&b, "\t%d: %q,\n", n, name)
	}
	b.WriteString("}\n\n")
	for _, level := range []string{"2", "4"} {
		name := map[string]string{"2": "hsChapters", "4": "hsHeadings"}[level]
		fmt.Fprintf(&b, "// %s lists the HS 2022 %s in code order, with their section numbers.\n",
			name, map[string]string{"2": "chapters", "4": "headings"}[level])
		fmt.Fprintf(&b, "var %s = []hsEntry{\n", name)
		for _, r := range rows {
			if r["level"] != level {
				continue
			}
			sec := slices.Index(romans, r["section"])
			if sec < 0 { // chapter 99 "not specified" is filed under TOTAL
				sec = 0
			}
			code, err := strconv.Atoi(r["hscode"])
			if err != nil {
				return nil, fmt.Errorf("hs2022_nomenclature.csv: code %q: %w", r["hscode"], err)
			}
			fmt.Fprintf(&b, "\t{%d, %d, %q},\n", code, sec, trim(r["description"]))
		}
		b.WriteString("}\n\n")
	}
	return b.Bytes(), nil
}

func countrySource(path string) ([]byte, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	type country struct {
		numeric int
		alpha3  string
		name    string
	}
	var list []country
	for _, r := range rows {
		n, err := strconv.Atoi(r["ISO3166-1-numeric"])
		if err != nil || len(r["ISO3166-1-Alpha-3"]) != 3 {
			return nil, fmt.Errorf("%s: bad codes %q %q", path, r["ISO3166-1-numeric"], r["ISO3166-1-Alpha-3"])
		}
		name := r["CLDR display name"]
		if name == "" {
			name = r["official_name_en"]
		}
		list = append(list, country{n, r["ISO3166-1-Alpha-3"], name})
	}
	slices.SortFunc(list, func(a, b country) int { return a.numeric - b.numeric })
	var b bytes.Buffer
	b.WriteString(header("the ISO 3166-1 code table (country_codes.csv of datasets/country-codes; PDDL 1.0)"))
	b.WriteString("// isoCountries lists ISO 3166-1 countries by numeric code: numeric, alpha-3, short English name.\n")
	b.WriteString("var isoCountries = []isoCountry{\n")
	for _, c := range list {
		fmt.Fprintf(&b, "\t{%d, %q, %q},\n", c.numeric, c.alpha3, c.name)
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}

func header(source string) string {
	return "// Code generated by trade/internal/gen from " + source + ". DO NOT EDIT.\n\npackage trade\n\n"
}

func writeSource(path string, src []byte) error {
	formatted, err := format.Source(src)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, formatted, 0o644)
}
