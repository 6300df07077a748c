package server

import (
	"sort"
	"strconv"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// Timeline is the SVG drawing of a roadmap's dated items: meetings, agreements and commitments
// on their own lanes, action deadlines as a count per month, today marked. A date stated as a
// month or a year is drawn as the whole range it covers. For right-to-left languages the axis
// runs from right to left.
type Timeline struct {
	Width, Height int
	Lanes         []TimelineLane
	Ticks         []TimelineTick
	Bars          []TimelineBar // action deadlines per month
	Today         *TimelineTick
	Label         string // the accessible description of the drawing
}

// TimelineLane is one row of the timeline.
type TimelineLane struct {
	Label string
	Y     int
	Items []TimelineItem
}

// TimelineItem is one dated item: a mark (a day) or a bar (a range).
type TimelineItem struct {
	X, W, Y     int
	Label, Date string
	Href        string
	Class       string // kind and status, for the colours
	Range       bool
	Critical    bool
}

// TimelineTick is a month on the axis.
type TimelineTick struct {
	X     int
	Label string
}

// TimelineBar is the number of actions due in a month.
type TimelineBar struct {
	X, W, Y, H, Count int
	Label             string
}

// timelineEvent is an item before it is placed.
type timelineEvent struct {
	lane        int
	first, last entente.Date
	label, date string
	href, class string
	critical    bool
}

const (
	timelineWidth  = 960
	timelineMargin = 16
	laneHeight     = 46
	axisHeight     = 34
	barsHeight     = 60
)

// timelineScale maps days to x.
type timelineScale struct {
	from  entente.Date
	days  int
	width int
	rtl   bool
}

func (s timelineScale) x(d entente.Date) int {
	x := timelineMargin + d.DaysSince(s.from)*(s.width-2*timelineMargin)/max(1, s.days)
	if s.rtl {
		return s.width - x
	}
	return x
}

// span returns the left edge and the width of the days first..last.
func (s timelineScale) span(first, last entente.Date) (int, int) {
	a, b := s.x(first), s.x(last.AddDays(1))
	if a > b {
		a, b = b, a
	}
	return a, max(b-a, 3)
}

// buildTimeline places the events between their first and last days.
func buildTimeline(l *i18n.Locale, laneLabels []string, events []timelineEvent, dues map[entente.Date]int, today entente.Date) *Timeline {
	if len(events) == 0 && len(dues) == 0 {
		return nil
	}
	from, to := today, today
	for _, e := range events {
		from, to = minDate(from, e.first), maxDate(to, e.last)
	}
	for d := range dues {
		from, to = minDate(from, d), maxDate(to, d)
	}
	from = entente.Date{Year: from.Year, Month: from.Month, Day: 1}
	to = to.EndOfMonth()
	sc := timelineScale{from: from, days: to.DaysSince(from) + 1, width: timelineWidth, rtl: l.Dir == "rtl"}
	t := &Timeline{Width: timelineWidth, Label: l.T("timeline.label", "From", l.Month(from.Year, from.Month), "To", l.Month(to.Year, to.Month))}
	for i, label := range laneLabels {
		t.Lanes = append(t.Lanes, TimelineLane{Label: label, Y: axisHeight + i*laneHeight})
	}
	for _, e := range events {
		x, w := sc.span(e.first, e.last)
		lane := &t.Lanes[e.lane]
		lane.Items = append(lane.Items, TimelineItem{X: x, W: w, Y: lane.Y + 14, Label: e.label, Date: e.date,
			Href: e.href, Class: e.class, Range: e.last.After(e.first), Critical: e.critical})
	}
	t.Ticks = monthTicks(l, sc, from, to)
	tick := TimelineTick{X: sc.x(today), Label: l.T("timeline.today")}
	t.Today = &tick
	t.Height = axisHeight + len(laneLabels)*laneHeight + barsHeight
	t.Bars = dueBars(l, sc, dues, axisHeight+len(laneLabels)*laneHeight)
	return t
}

// monthTicks labels the months, thinning them out so that labels do not overlap.
func monthTicks(l *i18n.Locale, sc timelineScale, from, to entente.Date) []TimelineTick {
	months := (to.Year-from.Year)*12 + int(to.Month-from.Month) + 1
	step := 1 + months/12
	var out []TimelineTick
	for i, d := 0, from; !d.After(to); i, d = i+1, d.AddMonths(1) {
		if i%step == 0 {
			out = append(out, TimelineTick{X: sc.x(d), Label: l.T("month.short."+strconv.Itoa(int(d.Month))) + " " + strconv.Itoa(d.Year%100)})
		}
	}
	return out
}

// dueBars draws, for each month, a bar as high as the number of actions due in it.
func dueBars(l *i18n.Locale, sc timelineScale, dues map[entente.Date]int, top int) []TimelineBar {
	perMonth := map[entente.Date]int{}
	most := 0
	for d, n := range dues {
		m := entente.Date{Year: d.Year, Month: d.Month, Day: 1}
		perMonth[m] += n
		most = max(most, perMonth[m])
	}
	months := make([]entente.Date, 0, len(perMonth))
	for m := range perMonth {
		months = append(months, m)
	}
	sort.Slice(months, func(i, j int) bool { return months[i].Before(months[j]) })
	var out []TimelineBar
	for _, m := range months {
		n := perMonth[m]
		x, w := sc.span(m, m.EndOfMonth())
		h := max(2, n*(barsHeight-20)/max(1, most))
		out = append(out, TimelineBar{X: x + 1, W: max(w-2, 1), Y: top + barsHeight - 8 - h, H: h, Count: n,
			Label: l.T("timeline.dues", "Count", n, "Month", l.Month(m.Year, m.Month))})
	}
	return out
}

func minDate(a, b entente.Date) entente.Date {
	if b.Before(a) {
		return b
	}
	return a
}

func maxDate(a, b entente.Date) entente.Date {
	if b.After(a) {
		return b
	}
	return a
}
