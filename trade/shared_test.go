package trade

import (
	"bytes"
	"math"
	"slices"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

// The checks of issue 8 against the real world matrices beside the repository
// (trade/ in the test data folder; see its README for the figures).

func TestRealRCA2017(t *testing.T) {
	path := testenv.SharedData(t, "trade/world_exports_hs4_2017_ots.csv")
	res := load(t, Options{}, path)
	f := res.Files[0]
	if f.Kind != KindExportsHS4 || f.Lines != 176971 || f.Kept != 176971 || f.Exporters != 224 || f.Products != 1222 {
		t.Fatalf("summary %+v", f)
	}
	tb := res.Datasets[0].Tables[0]
	if tb.Period != Year(2017) || tb.Bilateral {
		t.Fatalf("table %s bilateral %v", tb.Period, tb.Bilateral)
	}
	if w := float64(tb.totals().worldTotal); math.Abs(w/20.08e12-1) > 0.001 {
		t.Errorf("world total %.4g, README says 20.08 trillion", w)
	}

	pak, err := tb.RCA("PAK", RCAOptions{Top: 20})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	WriteRCAText(&b, "PAK", tb.Period, pak)
	t.Logf("\n%s", b.String())
	i := slices.IndexFunc(pak, func(r RCARow) bool { return r.Product == "6302" })
	if i < 0 || i > 2 || math.Abs(pak[i].RCA-120.3) > 0.5 || pak[i].ExportUSD != 4568498107 {
		t.Errorf("PAK bed linen 6302 at rank %d: %+v, want near the top with RCA ≈ 120", i+1, pak[max(i, 0)])
	}

	blr, _ := tb.RCA("BLR", RCAOptions{Top: 10})
	b.Reset()
	WriteRCAText(&b, "BLR", tb.Period, blr)
	t.Logf("\n%s", b.String())
	j := slices.IndexFunc(blr, func(r RCARow) bool { return r.Product == "3104" })
	if j < 0 || math.Abs(blr[j].RCA-107.1) > 0.5 {
		t.Errorf("BLR's top 10 lacks potash 3104 with RCA ≈ 107: %v", blr)
	}

	if got := roundTrip(t, tb); !sameTable(tb, got) {
		t.Error("the 2017 table does not survive Encode and Decode")
	}
}

func TestRealSections2019to2021(t *testing.T) {
	path := testenv.SharedData(t, "trade/world_exports_by_hs_section_2019_2021_oec_baci92.csv")
	res := load(t, Options{}, path)
	f := res.Files[0]
	if f.Kind != KindExportsSection || f.Kept != 4695 || f.Exporters != 226 || f.Products != 21 {
		t.Fatalf("summary %+v", f)
	}
	tb := res.Datasets[0].Tables[0]
	if tb.Period != (Period{2019, 2021}) || !tb.Period.Sum() || tb.Level != LevelSection {
		t.Fatalf("period %s level %s, want the 2019–2021 sum by section", tb.Period, tb.Level)
	}
	if w := float64(tb.totals().worldTotal); math.Abs(w/55.98e12-1) > 0.001 {
		t.Errorf("world total %.4g, README says 55.98 trillion", w)
	}
	tests := []struct {
		country, section string
		rca              float64
	}{
		{"PAK", "XI", 13.0}, {"PAK", "II", 4.1}, {"PAK", "VIII", 6.2},
		{"BLR", "VI", 1.4}, {"BLR", "I", 5.2}, {"BLR", "IX", 6.8},
	}
	for _, tc := range tests {
		rows, _ := tb.RCA(tc.country, RCAOptions{})
		k := slices.IndexFunc(rows, func(r RCARow) bool { return r.Product == tc.section })
		if k < 0 || math.Abs(rows[k].RCA-tc.rca) > 0.1 {
			t.Errorf("%s section %s: %v, README says RCA %.1f", tc.country, tc.section, rows, tc.rca)
		}
	}
	if !tb.Has("S19") {
		t.Error("OEC's asxxb (Chinese Taipei) should load as S19, BACI's 490")
	}
}
