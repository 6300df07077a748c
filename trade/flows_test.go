package trade

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

func ptr(f float64) *float64 { return &f }

func sameGrowth(a, b []*float64) bool {
	return slices.EqualFunc(a, b, func(x, y *float64) bool {
		return (x == nil) == (y == nil) && (x == nil || near(*x, *y))
	})
}

func TestBilateralFlowsAndGrowth(t *testing.T) {
	years := loadSmall(t)
	tables := []*Table{years[2022], years[2019], years[2021]} // any order
	tests := []struct {
		from, to string
		by       Level
		rows     []FlowRow
		total    []int64
	}{
		{"PAK", "BLR", LevelHS4, []FlowRow{
			// 4 → 8 over two years: √2 − 1 a year; then 8 → 15
			{ProductInfo: ProductInfo{Product: "6302"}, ValueUSD: []int64{4000, 8000, 15000}, Growth: []*float64{nil, ptr(0.41421356237309515), ptr(0.875)}},
			{ProductInfo: ProductInfo{Product: "5205"}, ValueUSD: []int64{0, 2000, 0}, Growth: []*float64{nil, nil, ptr(-1)}},
		}, []int64{4000, 10000, 15000}},
		{"BLR", "PAK", LevelSection, []FlowRow{
			{ProductInfo: ProductInfo{Product: "VI"}, ValueUSD: []int64{16000, 25000, 20000}, Growth: []*float64{nil, ptr(0.25), ptr(-0.2)}},
			{ProductInfo: ProductInfo{Product: "XI"}, ValueUSD: []int64{2000, 0, 0}, Growth: []*float64{nil, ptr(-1), nil}},
		}, []int64{18000, 25000, 20000}},
		{"DEU", "PAK", LevelChapter, []FlowRow{
			{ProductInfo: ProductInfo{Product: "87"}, ValueUSD: []int64{0, 0, 40000}, Growth: []*float64{nil, nil, nil}},
		}, []int64{0, 0, 40000}},
	}
	for _, tc := range tests {
		f, err := BilateralFlows(tables, tc.from, tc.to, FlowOptions{By: tc.by})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(f.Years, []int{2019, 2021, 2022}) || !slices.Equal(f.Total.ValueUSD, tc.total) {
			t.Errorf("%s→%s years %v total %v, want %v", tc.from, tc.to, f.Years, f.Total.ValueUSD, tc.total)
		}
		if len(f.Rows) != len(tc.rows) {
			t.Fatalf("%s→%s rows %+v", tc.from, tc.to, f.Rows)
		}
		for i, want := range tc.rows {
			got := f.Rows[i]
			if got.Product != want.Product || !slices.Equal(got.ValueUSD, want.ValueUSD) || !sameGrowth(got.Growth, want.Growth) {
				t.Errorf("%s→%s row %d: %s %v %v, want %s %v %v", tc.from, tc.to, i, got.Product, got.ValueUSD, got.Growth, want.Product, want.ValueUSD, want.Growth)
			}
		}
	}
}

func TestBilateralFlowsOptionsAndErrors(t *testing.T) {
	years := loadSmall(t)
	textiles, _ := TrackProducts("textiles")
	f, err := BilateralFlows([]*Table{years[2022]}, "DEU", "BLR", FlowOptions{Products: textiles, Top: 5})
	if err != nil || len(f.Rows) != 1 || f.Rows[0].Product != "5205" || f.Total.ValueUSD[0] != 10000 {
		t.Errorf("DEU→BLR textiles: %+v %v", f, err)
	}
	top, _ := BilateralFlows([]*Table{years[2022]}, "PAK", "DEU", FlowOptions{Top: 1})
	if len(top.Rows) != 1 || top.Rows[0].Product != "6302" || top.Total.ValueUSD[0] != 150000 {
		t.Errorf("PAK→DEU top 1 %+v (the total must count every product)", top)
	}
	if _, err := BilateralFlows([]*Table{years[2022], years[2022]}, "PAK", "BLR", FlowOptions{}); entente.ErrorCode(err) != entente.ECONFLICT {
		t.Errorf("two tables for one year: %v", err)
	}
	if _, err := BilateralFlows(nil, "PAK", "BLR", FlowOptions{}); entente.ErrorCode(err) != entente.ENOTFOUND {
		t.Errorf("no tables: %v", err)
	}
}

func TestSeriesBySection(t *testing.T) {
	years := loadSmall(t)
	s, err := SeriesBySection([]*Table{years[2022], years[2021]}, "PAK", "BLR")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Lines) != 1 || s.Lines[0].Roman != "XI" || !slices.Equal(s.Lines[0].ValueUSD, []int64{10000, 15000}) || !slices.Equal(s.Total, []int64{10000, 15000}) {
		t.Errorf("PAK→BLR by section: %+v", s)
	}
	world, _ := SeriesBySection([]*Table{years[2022]}, "DEU", "")
	if len(world.Lines) != 2 || world.Lines[0].Roman != "XI" || world.Lines[1].Roman != "XVII" || world.Total[0] != 110000 {
		t.Errorf("DEU to the world: %+v", world)
	}
	dir := t.TempDir()
	sum := load(t, Options{}, writeFile(t, dir, "sections_2019_2021.csv", []byte("Country ID,Section ID,Trade Value\naspak,11,300\naspak,2,30\n"))).Datasets[0].Tables[0]
	avg, _ := SeriesBySection([]*Table{sum}, "PAK", "")
	if avg.Note == "" || avg.Total[0] != 110 || avg.Lines[0].Section != 2 || avg.Lines[0].ValueUSD[0] != 10 {
		t.Errorf("a 3-year sum is not shown as its annual average: %+v", avg)
	}
	if _, err := SeriesBySection([]*Table{sum}, "PAK", "BLR"); entente.ErrorCode(err) != entente.EINVALID {
		t.Errorf("bilateral series from an export table: %v", err)
	}
}
