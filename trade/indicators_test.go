package trade

import (
	"math"
	"slices"
	"testing"

	"github.com/entente/entente"
)

// The small world of testdata/baci_small_2022.csv, in thousands of USD:
//
//	PAK → BLR 6302: 15     PAK → DEU 6302: 100, 5205: 50
//	BLR → PAK 3104: 20     BLR → DEU 3104: 200, 8701: 30
//	DEU → PAK 8701: 40     DEU → BLR 8701: 60, 5205: 10
//
// Exports: PAK 165, BLR 250, DEU 110; world 525. Imports: PAK 60, BLR 85, DEU 380.
// World by product: 6302 115, 5205 60, 3104 220, 8701 130.

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func TestRCAHandComputed(t *testing.T) {
	tb := loadSmall(t)[2022]
	tests := []struct {
		country string
		product string
		rca     float64
		share   float64
	}{
		{"PAK", "6302", 525.0 / 165, 115.0 / 165},            // (115/165)/(115/525)
		{"PAK", "5205", 50 * 525.0 / (165 * 60), 50.0 / 165}, // (50/165)/(60/525)
		{"BLR", "3104", 525.0 / 250, 220.0 / 250},
		{"BLR", "8701", 30 * 525.0 / (250 * 130), 30.0 / 250},
		{"DEU", "8701", 100 * 525.0 / (110 * 130), 100.0 / 110},
		{"DEU", "5205", 10 * 525.0 / (110 * 60), 10.0 / 110},
	}
	for _, tc := range tests {
		rows, err := tb.RCA(tc.country, RCAOptions{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rows {
			if r.Product == tc.product {
				found = true
				if !near(r.RCA, tc.rca) || !near(r.Share, tc.share) {
					t.Errorf("%s %s: RCA %v share %v, want %v %v", tc.country, tc.product, r.RCA, r.Share, tc.rca, tc.share)
				}
			}
		}
		if !found {
			t.Errorf("%s has no RCA row for %s", tc.country, tc.product)
		}
	}
	rows, _ := tb.RCA("PAK", RCAOptions{})
	if rows[0].Product != "6302" || rows[1].Product != "5205" || len(rows) != 2 {
		t.Errorf("PAK rows %v, want 6302 then 5205", rows)
	}
	byValue, _ := tb.RCA("DEU", RCAOptions{ByValue: true, Top: 1})
	if len(byValue) != 1 || byValue[0].Product != "8701" || byValue[0].ExportUSD != 100000 {
		t.Errorf("DEU by value, top 1: %v", byValue)
	}
	textiles, _ := TrackProducts("textiles")
	onlyTextiles, _ := tb.RCA("PAK", RCAOptions{Products: textiles})
	if len(onlyTextiles) != 2 {
		t.Errorf("PAK textiles %v, want 5205 and 6302", onlyTextiles)
	}
	mining, _ := TrackProducts("mining_minerals")
	if none, _ := tb.RCA("PAK", RCAOptions{Products: mining}); len(none) != 0 {
		t.Errorf("PAK mining rows %v, want none", none)
	}
}

func TestRCAMatrixMatchesRCA(t *testing.T) {
	tb := loadSmall(t)[2022]
	m := tb.RCAMatrix()
	for c, country := range m.Countries {
		rows, _ := tb.RCA(country, RCAOptions{})
		want := map[string]float64{}
		for _, r := range rows {
			want[r.Product] = r.RCA
		}
		for p, code := range m.Products {
			if got := m.At(c, p); !near(got, want[ProductCode(LevelHS4, code)]) {
				t.Errorf("matrix %s %04d = %v, list says %v", country, code, got, want[ProductCode(LevelHS4, code)])
			}
		}
	}
}

func TestComplementarityHandComputed(t *testing.T) {
	tb := loadSmall(t)[2022]
	tests := []struct {
		exporter, importer string
		index              float64
		top                string
	}{
		// PAK exports 6302 .69697, 5205 .30303; BLR imports 6302 15/85, 8701 60/85, 5205 10/85
		{"PAK", "BLR", 100 * 25.0 / 85, "6302"},
		// BLR exports 3104 .88, 8701 .12; PAK imports 3104 1/3, 8701 2/3
		{"BLR", "PAK", 100 * (1.0/3 + 0.12), "3104"},
		// DEU exports 8701 100/110, 5205 10/110; PAK imports 8701 40/60: min is 40/60
		{"DEU", "PAK", 100 * 40.0 / 60, "8701"},
	}
	for _, tc := range tests {
		c, err := tb.Complementarity(tc.exporter, tc.importer, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !c.Available || !near(c.Index, tc.index) {
			t.Errorf("TC(%s,%s) = %v (available %v), want %v", tc.exporter, tc.importer, c.Index, c.Available, tc.index)
		}
		if tc.top != "" && c.Products[0].Product != tc.top {
			t.Errorf("TC(%s,%s) top product %s, want %s", tc.exporter, tc.importer, c.Products[0].Product, tc.top)
		}
	}
}

func TestIntensityHandComputed(t *testing.T) {
	tb := loadSmall(t)[2022]
	tests := []struct {
		from, to string
		index    float64
		to_      int64
	}{
		{"PAK", "BLR", (15.0 / 165) / (85.0 / 525), 15000},
		{"BLR", "PAK", (20.0 / 250) / (60.0 / 525), 20000},
		{"DEU", "PAK", (40.0 / 110) / (60.0 / 525), 40000},
	}
	for _, tc := range tests {
		in, err := tb.Intensity(tc.from, tc.to)
		if err != nil {
			t.Fatal(err)
		}
		if !in.Available || !near(in.Index, tc.index) || in.ToPartnerUSD != tc.to_ {
			t.Errorf("TII(%s,%s) = %v on %d, want %v on %d", tc.from, tc.to, in.Index, in.ToPartnerUSD, tc.index, tc.to_)
		}
	}
}

func TestPotentialHandComputed(t *testing.T) {
	tb := loadSmall(t)[2022]
	tests := []struct {
		from, to string
		ease     float64
		product  string
		untapped float64
	}{
		// PAK sells 6302 to BLR beyond expectation (1 × 15 × 0.5615 < 15), so only 5205 is left:
		// supply 50/60, demand 10, actual 0.
		{"PAK", "BLR", 7875.0 / 14025, "5205", 50.0 / 60 * 10000 * 7875 / 14025},
		// BLR sells 3104 to PAK beyond expectation (1 × 20 × 0.7 < 20); 8701: supply 30/130, demand 40.
		{"BLR", "PAK", 0.7, "8701", 30.0 / 130 * 40000 * 0.7},
	}
	for _, tc := range tests {
		p, err := tb.Potential(tc.from, tc.to, PotentialOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !p.Available || !near(p.Ease, tc.ease) || len(p.Rows) != 1 {
			t.Fatalf("potential %s→%s: %+v", tc.from, tc.to, p)
		}
		r := p.Rows[0]
		if r.Product != tc.product || !near(r.UntappedUSD, tc.untapped) || r.ActualUSD != 0 || !near(p.UntappedUSD, tc.untapped) {
			t.Errorf("potential %s→%s: %+v, want %s untapped %v", tc.from, tc.to, r, tc.product, tc.untapped)
		}
	}
	strong, _ := tb.Potential("BLR", "PAK", PotentialOptions{MinRCA: 1})
	if len(strong.Rows) != 0 {
		t.Errorf("MinRCA 1 kept %v (BLR's RCA in 8701 is 0.48)", strong.Rows)
	}
	if p, _ := tb.Potential("PAK", "BLR", PotentialOptions{}); p.Note != "" {
		t.Errorf("a measured ease carries a note: %q", p.Note)
	}
}

func TestPotentialWithoutBilateralTradeTakesNeutralEase(t *testing.T) {
	// In 2019 DEU sells PAK nothing; DEU holds 6 of the world's 8 of 5205, PAK imports 2 of it.
	p, err := loadSmall(t)[2019].Potential("DEU", "PAK", PotentialOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Available || p.Ease != 1 || p.Note == "" || len(p.Rows) != 1 {
		t.Fatalf("DEU→PAK 2019: %+v", p)
	}
	if r := p.Rows[0]; r.Product != "5205" || !near(r.Supply, 0.75) || !near(r.UntappedUSD, 1500) {
		t.Errorf("DEU→PAK 2019 row %+v, want 5205 supply 0.75 untapped 1500", r)
	}
	if _, err := loadSmall(t)[2021].Potential("BLR", "BLR", PotentialOptions{}); entente.ErrorCode(err) != entente.EINVALID {
		t.Errorf("a party's potential in its own market: %v", err)
	}
}

func TestIndicatorsOnExportOnlyTablesSaySo(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "exports_2017.csv", []byte("reporter_iso,product_code,export_value_usd\npak,6302,100\nblr,3104,50\n"))
	tb := load(t, Options{}, path).Datasets[0].Tables[0]
	c, err := tb.Complementarity("PAK", "BLR", 0)
	if err != nil || c.Available || c.Reason == "" {
		t.Errorf("complementarity on exports only: %+v %v", c, err)
	}
	in, err := tb.Intensity("PAK", "BLR")
	if err != nil || in.Available || in.Reason == "" {
		t.Errorf("intensity on exports only: %+v %v", in, err)
	}
	p, err := tb.Potential("PAK", "BLR", PotentialOptions{})
	if err != nil || p.Available || p.Reason == "" || len(p.Rows) != 0 {
		t.Errorf("potential on exports only: %+v %v", p, err)
	}
	if _, err := BilateralFlows([]*Table{tb}, "PAK", "BLR", FlowOptions{}); entente.ErrorCode(err) != entente.EINVALID {
		t.Errorf("flows on exports only: %v", err)
	}
	rows, err := tb.RCA("PAK", RCAOptions{})
	if err != nil || len(rows) != 1 || !near(rows[0].RCA, 150.0/100) {
		t.Errorf("RCA works on exports only: %v %v", rows, err)
	}
}

func TestUnknownParties(t *testing.T) {
	tb := loadSmall(t)[2022]
	if _, err := tb.RCA("FRA", RCAOptions{}); entente.ErrorCode(err) != entente.ENOTFOUND {
		t.Errorf("RCA of a country absent from the table: %v", err)
	}
	if _, err := tb.RCA("XYZ", RCAOptions{}); entente.ErrorCode(err) != entente.EINVALID {
		t.Errorf("RCA of a non-code: %v", err)
	}
	if _, err := tb.Intensity("PAK", "PAK"); entente.ErrorCode(err) != entente.EINVALID {
		t.Errorf("intensity of a party with itself: %v", err)
	}
	if _, err := tb.Potential("PAK", "FRA", PotentialOptions{}); entente.ErrorCode(err) != entente.ENOTFOUND {
		t.Errorf("potential to an absent market: %v", err)
	}
}

func TestTotals(t *testing.T) {
	tb := loadSmall(t)[2022]
	x, m, err := tb.CountryTotal("PAK")
	if err != nil || x != 165000 || m != 60000 || tb.WorldUSD() != 525000 {
		t.Errorf("PAK exports %d imports %d, world %d (%v); want 165000, 60000, 525000", x, m, tb.WorldUSD(), err)
	}
	rows, err := tb.ProductTotals("PAK", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []ProductTotal{
		{ProductInfo: productInfo(LevelHS4, 6302), ExportUSD: 115000, WorldUSD: 115000},
		{ProductInfo: productInfo(LevelHS4, 5205), ExportUSD: 50000, WorldUSD: 60000},
		{ProductInfo: productInfo(LevelHS4, 8701), ImportUSD: 40000, WorldUSD: 130000},
		{ProductInfo: productInfo(LevelHS4, 3104), ImportUSD: 20000, WorldUSD: 220000},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("PAK by product:\n got %v\nwant %v", rows, want)
	}
	agri, _ := TrackProducts("heavy_machinery")
	if rows, _ := tb.ProductTotals("PAK", agri); len(rows) != 1 || rows[0].Product != "8701" {
		t.Errorf("PAK heavy machinery: %v", rows)
	}
	if _, _, err := tb.CountryTotal("FRA"); entente.ErrorCode(err) != entente.ENOTFOUND {
		t.Errorf("absent country: %v", err)
	}
}

func TestComplementarityBothWays(t *testing.T) {
	tb := loadSmall(t)[2022]
	ab, ba, err := tb.ComplementarityBothWays("PAK", "BLR", 1)
	if err != nil || !near(ab.Index, 100*25.0/85) || !near(ba.Index, 100*(1.0/3+0.12)) || ba.Exporter != "BLR" || len(ab.Products) != 1 {
		t.Errorf("both ways: %+v %+v %v", ab, ba, err)
	}
}
