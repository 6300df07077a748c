package trade

import (
	"strings"
	"sync"

	"github.com/entente/entente/country"
)

// A party in trade data is named by an ISO 3166-1 alpha-3 code. BACI also reports a few
// entities that have no current ISO code; they keep the codes UN Comtrade (and later BACI
// releases) give them, so that their trade stays in the world totals without posing as a
// country of today.
var nonISOParties = map[string]string{
	"S19": "Other Asia, nes",        // BACI 490; Taiwan in practice (OEC's asxxb)
	"R20": "Europe EFTA, nes",       // BACI 697
	"PUS": "US Misc. Pacific Isds",  // BACI 849
	"ANT": "Netherlands Antilles",   // BACI 530, dissolved in 2010
	"CSK": "Czechoslovakia",         // BACI 200, before 1993
	"DDR": "German Democratic Rep.", // BACI 278, before 1991
	"SUN": "USSR",                   // BACI 810, before 1992
	"SCG": "Serbia and Montenegro",  // BACI 891, 2003–2006
}

// baciExceptions are the BACI country codes that are not ISO 3166-1 numeric codes, or that
// cover more than the ISO country: BACI merges a territory into its country (842 is the USA
// with Puerto Rico and the US Virgin Islands) or keeps a UN code for a customs area. Every
// other BACI code is the ISO numeric code. Checked against BACI's V202201 dictionary.
var baciExceptions = map[int]string{
	58:  "BEL", // Belgium-Luxembourg, before 1999
	200: "CSK", // Czechoslovakia
	251: "FRA", // France and Monaco
	278: "DDR", // former German Democratic Republic
	280: "DEU", // former Federal Republic of Germany
	381: "ITA", // Italy and San Marino
	490: "S19", // Other Asia, nes
	530: "ANT", // Netherlands Antilles
	579: "NOR", // Norway, Svalbard and Jan Mayen
	697: "R20", // Europe EFTA, nes
	699: "IND", // India
	711: "ZAF", // Southern African Customs Union, before 2000
	736: "SDN", // former Sudan, before 2012
	757: "CHE", // Switzerland and Liechtenstein
	810: "SUN", // former USSR
	842: "USA", // USA, Puerto Rico and US Virgin Islands
	849: "PUS", // US Miscellaneous Pacific Islands
	891: "SCG", // Serbia and Montenegro
}

// KnownParty reports whether code (upper case) is an ISO 3166-1 alpha-3 code or one of the
// non-ISO codes BACI's entities are given (S19, R20, …).
func KnownParty(code string) bool {
	if _, ok := country.ByAlpha3(code); ok && code == strings.ToUpper(code) {
		return true
	}
	_, ok := nonISOParties[code]
	return ok
}

// PartyName returns the common English name of a party code (package country's), or the
// code itself when unknown.
func PartyName(code string) string {
	if c, ok := country.ByAlpha3(code); ok {
		return c.Name
	}
	if n, ok := nonISOParties[code]; ok {
		return n
	}
	return code
}

// CountryCodes maps the numeric country codes of a BACI release to party codes (ISO 3166-1
// alpha-3, or S19, R20, … for BACI's non-ISO entities). Each BACI release ships its own
// dictionary (country_codes_V*.csv); the embedded default serves when none is given.
type CountryCodes struct {
	// Source names where the mapping came from: "embedded" or the dictionary's file name.
	Source string
	alpha3 [1000]string // by BACI numeric code; "" when unknown
	listed int          // codes read from the dictionary file
}

// DefaultCountryCodes returns the embedded mapping: ISO 3166-1 numeric codes plus BACI's
// exceptions (baciExceptions). The caller owns the copy.
func DefaultCountryCodes() *CountryCodes {
	c := *defaultCountryCodes()
	return &c
}

var defaultCountryCodes = sync.OnceValue(func() *CountryCodes {
	c := &CountryCodes{Source: "embedded"}
	for _, iso := range country.All() {
		if iso.Numeric >= 0 && iso.Numeric < len(c.alpha3) {
			c.alpha3[iso.Numeric] = iso.Alpha3
		}
	}
	for n, a := range baciExceptions {
		c.alpha3[n] = a
	}
	return c
})

// Alpha3 returns the party code of a BACI numeric code.
func (c *CountryCodes) Alpha3(numeric int) (string, bool) {
	if numeric < 0 || numeric >= len(c.alpha3) || c.alpha3[numeric] == "" {
		return "", false
	}
	return c.alpha3[numeric], true
}

// Numerics returns the numeric codes the mapping knows, in ascending order.
func (c *CountryCodes) Numerics() []int {
	var out []int
	for n, a := range c.alpha3 {
		if a != "" {
			out = append(out, n)
		}
	}
	return out
}

// set records one mapping read from a dictionary file. An entity the file lists without an
// ISO code ("N/A") keeps the embedded code for its number (490 → S19).
func (c *CountryCodes) set(numeric int, alpha3 string) bool {
	alpha3 = strings.ToUpper(strings.TrimSpace(alpha3))
	if len(alpha3) != 3 || strings.ContainsAny(alpha3, "/ ") {
		alpha3 = defaultCountryCodes().alpha3[numeric]
	}
	if alpha3 == "" {
		return false
	}
	c.alpha3[numeric] = alpha3
	return true
}
