package server

import (
	"math"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
	"github.com/entente/entente/trade"
)

// SectionChart is a stacked bar chart of trade by HS section over the years, drawn as SVG by
// the server: one bar per period, one band per section, a value axis with round ticks. For
// right-to-left languages the years run from right to left and the axis stands on the right.
type SectionChart struct {
	L             *i18n.Locale
	ID            string
	Title         string
	Label         string // the accessible description of the drawing
	Width, Height int
	AxisX         int // where the value labels end (the axis side: left, or right in RTL)
	PlotStart     int // the ends of the grid lines
	PlotEnd       int
	Bars          []ChartBar
	Ticks         []ChartTick
	Legend        []ChartLegend
	Empty         string // why there is nothing to draw
	Note          string
	CSV           string
}

// ChartBar is one period's stack.
type ChartBar struct {
	X, W, LabelX int
	Label        string
	Total        string
	Segments     []ChartSegment
}

// ChartSegment is one section's band in a bar.
type ChartSegment struct {
	Y, H    int
	Section int
	Title   string
}

// ChartTick is a value on the axis.
type ChartTick struct {
	Y     int
	Label string
}

// ChartLegend names the colour of a section.
type ChartLegend struct {
	Section int
	Label   string
}

const (
	chartWidth  = 720
	chartHeight = 300
	chartTop    = 16
	chartBottom = 28 // room for the period labels
	chartAxis   = 64 // room for the value labels
	chartGap    = 0.3
)

// sectionCharts draws what each party sold the other by section when bilateral tables are
// loaded, or else what each sold the world.
func sectionCharts(l *i18n.Locale, sc *tradeScope) []*SectionChart {
	var out []*SectionChart
	if tabs := trade.OnePerPeriod(sc.tables, true); len(tabs) > 0 {
		for _, dir := range [][2]string{{sc.a, sc.b}, {sc.b, sc.a}} {
			c := &SectionChart{L: l, ID: "chart-" + dir[0] + "-" + dir[1], CSV: csvLink(sc, "series", sc.query(dir[0], dir[1])),
				Title: l.T("trade.chart.bilateral", "From", sc.name(dir[0]), "To", sc.name(dir[1]))}
			series, err := trade.SeriesBySection(tabs, dir[0], dir[1])
			out = append(out, drawSeries(l, c, series, err))
		}
		return out
	}
	tabs := trade.OnePerPeriod(sc.tables, false)
	for _, party := range []string{sc.a, sc.b} {
		c := &SectionChart{L: l, ID: "chart-" + party, CSV: csvLink(sc, "series", sc.query(party, sc.b)+"&world=1"),
			Title: l.T("trade.chart.world", "Party", sc.name(party))}
		if party == sc.b {
			c.CSV = csvLink(sc, "series", sc.query(party, sc.a)+"&world=1")
		}
		series, err := trade.SeriesBySection(tabs, party, "")
		out = append(out, drawSeries(l, c, series, err))
	}
	return out
}

// drawSeries lays out a series as stacked bars.
func drawSeries(l *i18n.Locale, c *SectionChart, s *trade.SectionSeries, err error) *SectionChart {
	if err != nil {
		c.Empty = entente.ErrorMessage(err)
		return c
	}
	largest := int64(0)
	for _, v := range s.Total {
		largest = max(largest, v)
	}
	if largest == 0 {
		c.Empty = l.T("trade.chart.nothing")
		return c
	}
	if s.Note != "" {
		c.Note = l.T("trade.chart.averages")
	}
	m := moneyFor(l, float64(largest))
	sc := chartScale{top: niceCeiling(float64(largest)), rtl: l.Dir == "rtl", slot: float64(chartWidth-chartAxis-8) / float64(len(s.Periods))}
	c.Width, c.Height = chartWidth, chartHeight
	c.AxisX, c.PlotStart, c.PlotEnd = chartAxis-8, chartAxis, chartWidth-8
	if sc.rtl {
		c.AxisX, c.PlotStart, c.PlotEnd = chartWidth-chartAxis+8, 8, chartWidth-chartAxis
	}
	// Ticks are whole numbers in the unit unless the steps are fractions of it.
	places := 0
	if step := sc.top / 4 / m.div; step != math.Trunc(step) {
		places = 1
	}
	for i := 0; i <= 4; i++ {
		v := sc.top * float64(i) / 4
		c.Ticks = append(c.Ticks, ChartTick{Y: sc.y(v), Label: l.Decimal(v/m.div, places)})
	}
	for i := range s.Periods {
		c.Bars = append(c.Bars, drawBar(l, m, sc, s, i))
	}
	for _, line := range s.Lines {
		c.Legend = append(c.Legend, ChartLegend{Section: line.Section, Label: sectionLabel(l, line.Section)})
	}
	c.Label = l.T("trade.chart.label", "Title", c.Title, "From", s.Periods[0].String(), "To", s.Periods[len(s.Periods)-1].String(), "Unit", l.T(m.unit))
	return c
}

// chartScale maps values to heights and periods to slots.
type chartScale struct {
	top  float64 // the value at the top of the plot
	slot float64 // the width of one period
	rtl  bool
}

func (sc chartScale) y(v float64) int {
	plot := float64(chartHeight - chartTop - chartBottom)
	return chartTop + int(math.Round(plot*(1-v/sc.top)))
}

// drawBar stacks the sections of period i, the first section at the bottom.
func drawBar(l *i18n.Locale, m money, sc chartScale, s *trade.SectionSeries, i int) ChartBar {
	x := chartAxis + int(sc.slot*(float64(i)+chartGap/2))
	w := max(2, int(sc.slot*(1-chartGap)))
	if sc.rtl {
		x = chartWidth - x - w
	}
	amount := func(v float64) string { return l.T("trade.amount", "Value", m.format(v), "Unit", l.T(m.unit)) }
	bar := ChartBar{X: x, W: w, LabelX: x + w/2, Label: s.Periods[i].String(), Total: amount(float64(s.Total[i]))}
	stacked := 0.0
	for _, line := range s.Lines {
		v := float64(line.ValueUSD[i])
		if v <= 0 {
			continue
		}
		y0, y1 := sc.y(stacked), sc.y(stacked+v)
		stacked += v
		bar.Segments = append(bar.Segments, ChartSegment{Y: y1, H: max(y0-y1, 1), Section: line.Section,
			Title: sectionLabel(l, line.Section) + ": " + amount(v)})
	}
	return bar
}

// sectionLabel names an HS section in the reader's language: "XI Textiles".
func sectionLabel(l *i18n.Locale, section int) string {
	return strings.TrimSpace(trade.SectionRoman(section) + " " + l.T("trade.section."+strconv.Itoa(section)))
}

// niceCeiling rounds a positive value up to 1, 2, 2.5 or 5 times a power of ten, so that the
// four ticks of the axis are round numbers.
func niceCeiling(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
		if f*p >= v {
			return f * p
		}
	}
	return 10 * p
}
