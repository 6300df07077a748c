// Package country knows every ISO 3166-1 country and territory: its alpha-3, alpha-2 and
// numeric codes, the names people use for it in English ("Belarus", "Republic of Belarus",
// "South Korea", "UAE"), its demonyms and adjectives ("Belarusian", "Emirati"), its capital and
// seats of government ("Islamabad", "Minsk", which news writing also uses for the government
// itself), other metonyms ("the Kremlin"), its major cities, and its primary IANA time zone.
//
// The data is written for this package and embedded in the binary (countries.txt); the lookup
// tables are built once, on first use, and never change afterwards, so every function is safe
// for concurrent use. Find scans English text for mentions of countries in linear time.
package country

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Country is one ISO 3166-1 entry with the words English text uses for it.
type Country struct {
	Alpha3  string // ISO 3166-1 alpha-3, e.g. "PAK"
	Alpha2  string // ISO 3166-1 alpha-2, e.g. "PK"
	Numeric int    // ISO 3166-1 numeric, e.g. 586
	// Sovereign is true for UN member and observer states; false for dependent territories
	// and special areas (Hong Kong, Greenland, Antarctica).
	Sovereign bool
	Name      string   // common English short name: "Belarus", "South Korea", "Türkiye"
	Names     []string // other names: formal, former and abbreviated ("Republic of Korea", "ROK")
	Demonyms  []string // demonyms and adjectives: "Belarusian", "Emirati"
	Capital   string   // the capital, e.g. "Islamabad"; empty for uninhabited territories
	Seats     []string // other seats of government or capitals (The Hague, Putrajaya, Cape Town)
	Metonyms  []string // buildings and places that stand for the government ("Kremlin")
	Cities    []string // major cities other than the capital and seats
	Zone      string   // primary IANA time zone (the capital's), e.g. "Asia/Karachi"
}

//go:embed countries.txt
var countriesTxt string

// table holds the parsed data and the lookup indexes, built once on first use.
type table struct {
	all       []Country
	byAlpha3  map[string]int
	byAlpha2  map[string]int
	byNumeric map[int]int
	index     *mentionIndex
}

var loadTable = sync.OnceValue(func() *table {
	t, err := parseTable(countriesTxt)
	if err != nil {
		// The embedded data is part of the program; a broken line is a build defect that the
		// package tests catch, so failing loudly here is right.
		panic(err)
	}
	return t
})

// parseTable reads the embedded data: one country a line, eleven ";"-separated fields,
// lists inside a field separated by "|", "#" lines are comments.
func parseTable(text string) (*table, error) {
	t := &table{byAlpha3: map[string]int{}, byAlpha2: map[string]int{}, byNumeric: map[int]int{}}
	for i, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("countries.txt line %d: %w", i+1, err)
		}
		n := len(t.all)
		t.all = append(t.all, c)
		t.byAlpha3[c.Alpha3] = n
		t.byAlpha2[c.Alpha2] = n
		t.byNumeric[c.Numeric] = n
	}
	t.index = buildMentionIndex(t.all)
	return t, nil
}

func parseLine(line string) (Country, error) {
	f := strings.Split(line, ";")
	if len(f) != 11 {
		return Country{}, fmt.Errorf("%d fields, want 11", len(f))
	}
	num, err := strconv.Atoi(f[2])
	if err != nil {
		return Country{}, fmt.Errorf("numeric code %q: %w", f[2], err)
	}
	capitals := list(f[7])
	c := Country{
		Alpha3: f[0], Alpha2: f[1], Numeric: num, Sovereign: f[3] == "Y",
		Name: f[4], Names: list(f[5]), Demonyms: list(f[6]),
		Metonyms: list(f[8]), Cities: list(f[9]), Zone: f[10],
	}
	if len(capitals) > 0 {
		c.Capital, c.Seats = capitals[0], capitals[1:]
	}
	return c, nil
}

func list(field string) []string {
	if field == "" {
		return nil
	}
	return strings.Split(field, "|")
}

// All returns every country and territory, sorted by alpha-3 code. The slice is a copy; the
// Countries in it share their name lists with the package and must not be modified.
func All() []Country {
	all := append([]Country(nil), loadTable().all...)
	sort.Slice(all, func(i, j int) bool { return all[i].Alpha3 < all[j].Alpha3 })
	return all
}

// ByAlpha3 returns the country with the ISO alpha-3 code (case-insensitive).
func ByAlpha3(code string) (Country, bool) {
	t := loadTable()
	i, ok := t.byAlpha3[strings.ToUpper(code)]
	if !ok {
		return Country{}, false
	}
	return t.all[i], true
}

// ByAlpha2 returns the country with the ISO alpha-2 code (case-insensitive).
func ByAlpha2(code string) (Country, bool) {
	t := loadTable()
	i, ok := t.byAlpha2[strings.ToUpper(code)]
	if !ok {
		return Country{}, false
	}
	return t.all[i], true
}

// ByNumeric returns the country with the ISO numeric code (586 for Pakistan). Codes used by
// trade statistics for groupings that ISO does not define (842, 251, 699, 490 in BACI) are
// not ISO codes and are not found.
func ByNumeric(n int) (Country, bool) {
	t := loadTable()
	i, ok := t.byNumeric[n]
	if !ok {
		return Country{}, false
	}
	return t.all[i], true
}

// ByCode returns the country for an alpha-3, alpha-2 or numeric code ("PAK", "pk", "586",
// "004"), whichever form code has.
func ByCode(code string) (Country, bool) {
	code = strings.TrimSpace(code)
	if n, err := strconv.Atoi(code); err == nil {
		return ByNumeric(n)
	}
	switch len(code) {
	case 2:
		return ByAlpha2(code)
	case 3:
		return ByAlpha3(code)
	}
	return Country{}, false
}

// Alpha3Of returns the alpha-3 code for an English name, demonym, capital, metonym or city
// given as a whole phrase ("Belarusian" → "BLR"), or "" when the phrase names no country.
func Alpha3Of(phrase string) string {
	c, _, ok := Lookup(phrase)
	if !ok {
		return ""
	}
	return c.Alpha3
}
