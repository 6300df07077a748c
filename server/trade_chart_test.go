package server

import (
	"testing"

	"github.com/entente/entente/i18n"
	"github.com/entente/entente/trade"
)

func TestNiceCeiling(t *testing.T) {
	tests := []struct{ in, want float64 }{
		{0, 1}, {-5, 1}, {1, 1}, {7, 10}, {12, 20}, {21, 25}, {26, 50}, {51, 100}, {4.5e9, 5e9}, {1.2e6, 2e6},
	}
	for _, tt := range tests {
		if got := niceCeiling(tt.in); got != tt.want {
			t.Errorf("niceCeiling(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func testLocale(t *testing.T, code string) *i18n.Locale {
	t.Helper()
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	return c.Locale(c.Match(code, ""))
}

// TestDrawSeries checks the layout of stacked bars: stacks sum to their totals, the tallest
// reaches the top tick, periods run left to right (right to left in Urdu).
func TestDrawSeries(t *testing.T) {
	series := &trade.SectionSeries{
		Periods: []trade.Period{trade.Year(2021), trade.Year(2022)},
		Lines: []trade.SeriesLine{
			{Section: 5, ValueUSD: []int64{10e6, 0}},
			{Section: 11, ValueUSD: []int64{30e6, 100e6}},
		},
		Total: []int64{40e6, 100e6},
	}
	for _, tt := range []struct {
		lang string
		rtl  bool
	}{{"en", false}, {"ur", true}} {
		l := testLocale(t, tt.lang)
		c := drawSeries(l, &SectionChart{L: l}, series, nil)
		if c.Empty != "" || len(c.Bars) != 2 || len(c.Legend) != 2 || len(c.Ticks) != 5 {
			t.Fatalf("%s: chart %+v", tt.lang, c)
		}
		if (c.Bars[0].X > c.Bars[1].X) != tt.rtl {
			t.Errorf("%s: bars at %d and %d", tt.lang, c.Bars[0].X, c.Bars[1].X)
		}
		if n := len(c.Bars[1].Segments); n != 1 {
			t.Errorf("%s: a zero value drew a segment (%d segments)", tt.lang, n)
		}
		bottom := chartHeight - chartBottom
		second := c.Bars[1].Segments[0]
		if second.Y != chartTop || second.Y+second.H != bottom {
			t.Errorf("%s: the largest stack spans %d–%d, want %d–%d", tt.lang, second.Y, second.Y+second.H, chartTop, bottom)
		}
		first := c.Bars[0].Segments
		if first[0].Y+first[0].H != bottom || first[1].Y+first[1].H != first[0].Y {
			t.Errorf("%s: the first stack does not rest on the axis and on itself: %+v", tt.lang, first)
		}
	}
}

func TestDrawSeriesWithoutTrade(t *testing.T) {
	l := testLocale(t, "en")
	c := drawSeries(l, &SectionChart{L: l}, &trade.SectionSeries{Periods: []trade.Period{trade.Year(2021)}, Total: []int64{0}}, nil)
	if c.Empty == "" || len(c.Bars) != 0 {
		t.Errorf("a series of nothing drew %+v", c)
	}
}
