package trade

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

func TestPick(t *testing.T) {
	years := loadSmall(t)
	dir := t.TempDir()
	exports := load(t, Options{}, writeFile(t, dir, "e_2022.csv", []byte("exporter,hs4,value\nPAK,6302,1\n"))).Datasets[0].Tables[0]
	sections := load(t, Options{}, writeFile(t, dir, "s_2021_2022.csv", []byte("exporter,section,value\nPAK,11,1\n"))).Datasets[0].Tables[0]
	all := []*Table{sections, exports, years[2021], years[2022]}
	tests := []struct {
		year    int
		imports bool
		want    *Table
	}{
		{2022, false, years[2022]}, // annual HS4, bilateral beats exports only
		{2022, true, years[2022]},
		{2021, false, years[2021]},
	}
	for _, tc := range tests {
		got, err := Pick(all, tc.year, tc.imports)
		if err != nil || got != tc.want {
			t.Errorf("Pick(%d, %v) = %v, %v", tc.year, tc.imports, got.Period, err)
		}
	}
	if got, _ := Pick([]*Table{sections, exports}, 2022, false); got != exports {
		t.Error("an annual export table should beat a summed section table")
	}
	if got, _ := Pick([]*Table{sections}, 2021, false); got != sections {
		t.Error("a summed table covers each of its years")
	}
	_, err := Pick([]*Table{sections, exports}, 2022, true)
	if entente.ErrorCode(err) != entente.ENOTFOUND || !strings.Contains(entente.ErrorMessage(err), "2021–2022 (section, exports only)") {
		t.Errorf("no bilateral table: %v", err)
	}
}
