package trade

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

func TestDefaultCountryCodes(t *testing.T) {
	c := DefaultCountryCodes()
	tests := []struct {
		numeric int
		alpha3  string
	}{
		{586, "PAK"}, {112, "BLR"}, {842, "USA"}, {840, "USA"}, {490, "S19"}, {251, "FRA"},
		{699, "IND"}, {757, "CHE"}, {579, "NOR"}, {381, "ITA"}, {697, "R20"}, {58, "BEL"}, {4, "AFG"},
		{999, ""}, {-1, ""}, {1000, ""},
	}
	for _, tc := range tests {
		got, ok := c.Alpha3(tc.numeric)
		if got != tc.alpha3 || ok != (tc.alpha3 != "") {
			t.Errorf("Alpha3(%d) = %q %v, want %q", tc.numeric, got, ok, tc.alpha3)
		}
	}
	for code, known := range map[string]bool{"PAK": true, "BLR": true, "S19": true, "TWN": true, "pak": false, "XXB": false, "": false} {
		if KnownParty(code) != known {
			t.Errorf("KnownParty(%q) = %v", code, !known)
		}
	}
	if PartyName("BLR") != "Belarus" || PartyName("S19") != "Other Asia, nes" || PartyName("QQQ") != "QQQ" {
		t.Errorf("names: %q %q %q", PartyName("BLR"), PartyName("S19"), PartyName("QQQ"))
	}
}

// The embedded default must agree with the dictionary BACI ships: same ISO3 for every code
// that has one, and our non-ISO code for those that have none.
func TestDefaultCountryCodesAgreeWithBACI(t *testing.T) {
	path := testenv.SharedData(t, "trade/baci_country_codes_V202201.csv")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	log := newProblemLog(filepath.Base(path), 10)
	header := headerFields([]byte(strings.SplitN(string(raw), "\n", 2)[0]))
	def := DefaultCountryCodes()
	checked := 0
	_, err = csvRecords(strings.NewReader(string(raw)), log, func(line int, rec []string) {
		n, _ := strconv.Atoi(rec[0])
		want := rec[4]
		got, ok := def.Alpha3(n)
		if want == "N/A" {
			if !ok || !KnownParty(got) || PartyName(got) == got {
				t.Errorf("BACI %d (%s) has no ISO3; the default gives %q", n, rec[1], got)
			}
		} else if got != want {
			t.Errorf("BACI %d (%s) is %s; the default gives %q", n, rec[1], want, got)
		}
		checked++
	})
	if err != nil || log.count > 0 || checked < 230 || len(header) != 5 {
		t.Errorf("read %d codes, problems %v, err %v", checked, log.kept, err)
	}
}

func TestReadCountryCodesNewerRelease(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "country_codes_V202401.csv", []byte("country_code,country_name,country_iso2,country_iso3\n"+
		"586,Pakistan,PK,PAK\n490,\"Other Asia, nes\",,S19\n900,New Land,NL,NLX\n586,Again,PK,PAK\nabc,x,y,z\n901,Nowhere,,\n"))
	res := load(t, Options{}, path)
	f := res.Files[0]
	if f.Kind != KindCountryCodes || f.Kept != 3 {
		t.Errorf("kept %d codes of kind %s, want 3", f.Kept, f.Kind)
	}
	want := []wantProblem{{5, ReasonDuplicate}, {6, ReasonNumber}, {7, ReasonCountry}}
	for i, p := range f.Problems {
		if i >= len(want) || p.Line != want[i].line || p.Reason != want[i].reason {
			t.Errorf("problem %d: %v, want %v", i, p, want)
		}
	}
}
