package country

import (
	"regexp"
	"testing"
	"time"
	_ "time/tzdata" // every zone must load on machines without a system zone database
)

func TestEveryCountryIsWellFormed(t *testing.T) {
	all := All()
	if len(all) != 249 {
		t.Errorf("%d countries, ISO 3166-1 has 249", len(all))
	}
	alpha3 := regexp.MustCompile(`^[A-Z]{3}$`)
	alpha2 := regexp.MustCompile(`^[A-Z]{2}$`)
	seen := map[string]bool{}
	numerics := map[int]string{}
	for _, c := range all {
		if !alpha3.MatchString(c.Alpha3) || !alpha2.MatchString(c.Alpha2) {
			t.Errorf("%s/%s: codes must be three and two capital letters", c.Alpha3, c.Alpha2)
		}
		if seen[c.Alpha3] || seen[c.Alpha2] {
			t.Errorf("%s/%s: code used twice", c.Alpha3, c.Alpha2)
		}
		seen[c.Alpha3], seen[c.Alpha2] = true, true
		if c.Numeric < 1 || c.Numeric > 999 {
			t.Errorf("%s: numeric code %d out of range", c.Alpha3, c.Numeric)
		}
		if other, dup := numerics[c.Numeric]; dup {
			t.Errorf("%s: numeric code %d already used by %s", c.Alpha3, c.Numeric, other)
		}
		numerics[c.Numeric] = c.Alpha3
		if c.Name == "" {
			t.Errorf("%s: no name", c.Alpha3)
		}
		if c.Sovereign && c.Capital == "" {
			t.Errorf("%s: a sovereign state needs a capital", c.Alpha3)
		}
		if _, err := time.LoadLocation(c.Zone); err != nil {
			t.Errorf("%s: zone %q does not load: %v", c.Alpha3, c.Zone, err)
		}
	}
}

func TestLookupByCode(t *testing.T) {
	tests := []struct {
		code    string
		want    string
		numeric int
		zone    string
	}{
		{"PAK", "PAK", 586, "Asia/Karachi"},
		{"blr", "BLR", 112, "Europe/Minsk"},
		{"PK", "PAK", 586, "Asia/Karachi"},
		{"586", "PAK", 586, "Asia/Karachi"},
		{"112", "BLR", 112, "Europe/Minsk"},
		{"004", "AFG", 4, "Asia/Kabul"},
		{"KR", "KOR", 410, "Asia/Seoul"},
		{"VNM", "VNM", 704, "Asia/Ho_Chi_Minh"},
		{"ZAF", "ZAF", 710, "Africa/Johannesburg"},
		{"TUR", "TUR", 792, "Europe/Istanbul"},
		{"ARE", "ARE", 784, "Asia/Dubai"},
	}
	for _, tt := range tests {
		c, ok := ByCode(tt.code)
		if !ok || c.Alpha3 != tt.want || c.Numeric != tt.numeric || c.Zone != tt.zone {
			t.Errorf("ByCode(%q) = %s %d %s %v, want %s %d %s", tt.code, c.Alpha3, c.Numeric, c.Zone, ok, tt.want, tt.numeric, tt.zone)
		}
	}
	for _, bad := range []string{"", "XX", "XXX", "0", "842", "PAKI", "-1"} {
		if c, ok := ByCode(bad); ok {
			t.Errorf("ByCode(%q) = %s, want not found", bad, c.Alpha3)
		}
	}
	if c, ok := ByNumeric(586); !ok || c.Name != "Pakistan" || c.Capital != "Islamabad" {
		t.Errorf("ByNumeric(586) = %+v", c)
	}
	if c, ok := ByAlpha2("by"); !ok || c.Alpha3 != "BLR" {
		t.Errorf("ByAlpha2(by) = %+v", c)
	}
}

func TestLookupPhrase(t *testing.T) {
	tests := []struct {
		phrase string
		want   string
		kind   Kind
	}{
		{"Belarus", "BLR", KindName},
		{"Republic of Belarus", "BLR", KindName},
		{"belarusian", "BLR", KindDemonym},
		{"Pakistani", "PAK", KindDemonym},
		{"Kenyan", "KEN", KindDemonym},
		{"Emirati", "ARE", KindDemonym},
		{"UAE", "ARE", KindName},
		{"South Korea", "KOR", KindName},
		{"Republic of Korea", "KOR", KindName},
		{"North Korean", "PRK", KindDemonym},
		{"Islamabad", "PAK", KindCapital},
		{"Minsk", "BLR", KindCapital},
		{"Beijing", "CHN", KindCapital},
		{"Ankara", "TUR", KindCapital},
		{"The Hague", "NLD", KindCapital},
		{"Kremlin", "RUS", KindMetonym},
		{"Thessaloniki", "GRC", KindCity},
		{"Việt Nam", "VNM", KindName},
		{"  Türkiye ", "TUR", KindName},
		{"Turkey", "TUR", KindName},
		{"Côte d'Ivoire", "CIV", KindName},
		{"Democratic Republic of the Congo", "COD", KindName},
		{"Republic of the Congo", "COG", KindName},
		{"Papua New Guinea", "PNG", KindName},
	}
	for _, tt := range tests {
		c, kind, ok := Lookup(tt.phrase)
		if !ok || c.Alpha3 != tt.want || kind != tt.kind {
			t.Errorf("Lookup(%q) = %s %v %v, want %s %v", tt.phrase, c.Alpha3, kind, ok, tt.want, tt.kind)
		}
	}
	for _, none := range []string{"", "Atlantis", "Latin America", "Belarus and Pakistan", "New Guinea"} {
		if c, _, ok := Lookup(none); ok {
			t.Errorf("Lookup(%q) = %s, want nothing", none, c.Alpha3)
		}
	}
	if got := Alpha3Of("Pakistani"); got != "PAK" {
		t.Errorf("Alpha3Of(Pakistani) = %q", got)
	}
}

// TestNoPhraseNamesTwoCountries keeps the data unambiguous: a phrase listed for two countries
// would silently resolve to whichever is indexed first.
func TestNoPhraseNamesTwoCountries(t *testing.T) {
	owner := map[string]string{}
	for _, c := range All() {
		phrases := append([]string{c.Name}, c.Names...)
		phrases = append(phrases, c.Demonyms...)
		if c.Sovereign {
			phrases = append(phrases, c.Capital)
			phrases = append(phrases, c.Seats...)
			phrases = append(phrases, c.Cities...)
		}
		phrases = append(phrases, c.Metonyms...)
		for _, p := range phrases {
			key := string(appendLower(nil, p))
			if key == "" {
				continue
			}
			if o, ok := owner[key]; ok && o != c.Alpha3 {
				t.Errorf("%q is listed for both %s and %s", p, o, c.Alpha3)
			}
			owner[key] = c.Alpha3
		}
	}
}
