package server

import (
	"cmp"
	"html"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// Gantt is the SVG drawing of a roadmap's schedule: one row per action, grouped by track, a
// bar from the projected start to the projected finish, a whisker to the latest allowed
// finish, dependencies as connectors, and today and the target as vertical lines. Critical
// actions are highlighted, late, at-risk and blocked ones marked in words. The drawing has a
// fixed width and scrolls sideways on a small screen; for right-to-left languages the titles
// stand on the right and time runs from right to left.
type Gantt struct {
	Width, Height int
	LabelX        int    // where the titles are anchored
	LabelAnchor   string // start (left-to-right) or end (right-to-left)
	Groups        []GanttGroup
	Rows          []GanttRow
	Ticks         []TimelineTick
	Links         []string // path data of the dependency connectors
	LinksOmitted  bool     // too many dependencies to draw
	Today, Target *GanttLine
	Label         string // the accessible description of the drawing
}

// GanttGroup is the heading band of one track.
type GanttGroup struct {
	Y, TextY int
	Label    string
}

// GanttRow is one action.
type GanttRow struct {
	Y, Mid      int // the top and the middle of the row
	TextY, BarY int // the baseline of its texts and the top of its bar
	Href, Label string
	Tip         string // the full description, shown on hover
	X, W        int    // the bar
	Diamond     string // path data of a milestone, instead of a bar
	Whisker     string // path data of the line to the latest allowed finish, if any
	Behind      bool   // the latest allowed finish is before the projected one
	Class       string // done, critical, late, at-risk, blocked
	Marks       string // the flags in words
	MarkX       int
}

// GanttLine is a vertical line across the chart, today or the target, with its label.
type GanttLine struct {
	X, LabelX int
	Label     string
	Anchor    string // of the label: start or end
}

// Layout of the chart, in pixels.
const (
	ganttLabelWidth  = 300 // the column of titles
	ganttGap         = 12  // between the titles and the first day
	ganttAxis        = 46  // the month labels, then the labels of today and the target
	ganttRowHeight   = 22
	ganttGroupHeight = 24
	ganttBarHeight   = 12
	ganttMarks       = 150 // room after the last day for the flags in words
	ganttTitleRunes  = 42  // a longer title is cut, the full one in the tip
	ganttMaxLinks    = 2000
)

// ganttScale maps days to x. A day d occupies [x(d), x(d+1)) in left-to-right drawing; in
// right-to-left drawing the axis is mirrored.
type ganttScale struct {
	from   entente.Date
	perDay float64
	left   int // x of the first day's start
	width  int // of the whole drawing
	rtl    bool
}

// x is the boundary at the start of day d.
func (s ganttScale) x(d entente.Date) int {
	x := s.left + int(math.Round(float64(d.DaysSince(s.from))*s.perDay))
	if s.rtl {
		return s.width - x
	}
	return x
}

// span returns the left edge and the width of the days first..last.
func (s ganttScale) span(first, last entente.Date) (int, int) {
	a, b := s.x(first), s.x(last.AddDays(1))
	if a > b {
		a, b = b, a
	}
	return a, max(b-a, 2)
}

// sign is +1 when time runs to the right, -1 when it runs to the left.
func (s ganttScale) sign() int {
	if s.rtl {
		return -1
	}
	return 1
}

// ganttInput is what buildGantt draws.
type ganttInput struct {
	schedule *entente.Schedule
	deps     []*entente.Dependency
	tracks   []*entente.Track // in the roadmap's order
}

// buildGantt lays out the schedule; nil when it has no actions.
func buildGantt(w *scheduleWords, in ganttInput) *Gantt {
	l := w.l
	sch := in.schedule
	if len(sch.Actions) == 0 {
		return nil
	}
	from, to := ganttRange(sch)
	days := to.DaysSince(from) + 1
	perDay := math.Max(0.25, math.Min(10, 960/float64(days)))
	chart := int(math.Ceil(float64(days) * perDay))
	g := &Gantt{Width: ganttLabelWidth + ganttGap + chart + ganttMarks, LabelX: 8, LabelAnchor: "start"}
	sc := ganttScale{from: from, perDay: perDay, left: ganttLabelWidth + ganttGap, width: g.Width, rtl: l.Dir == "rtl"}
	if sc.rtl {
		g.LabelX, g.LabelAnchor = g.Width-8, "end"
	}
	ends := g.placeRows(w, sc, in)
	g.Height = ganttAxis + len(g.Groups)*ganttGroupHeight + len(g.Rows)*ganttRowHeight + 8
	g.Ticks = ganttTicks(l, sc, from, to)
	if len(in.deps) <= ganttMaxLinks {
		g.Links = ganttLinks(sc, in.deps, ends)
	} else {
		g.LinksOmitted = true
	}
	g.Today = &GanttLine{X: sc.x(sch.Today), LabelX: sc.x(sch.Today) + 4*sc.sign(), Label: l.T("timeline.today"), Anchor: g.LabelAnchor}
	if t := sch.Target; t != nil {
		// The target's name stands before its line, towards today, where there is room.
		x := sc.x(t.Date.AddDays(1))
		g.Target = &GanttLine{X: x, LabelX: x - 4*sc.sign(), Label: targetName(l, t), Anchor: "end"}
		if sc.rtl {
			g.Target.Anchor = "start"
		}
	}
	g.Label = l.T("schedule.chart_label", "Count", len(sch.Actions), "From", l.Month(from.Year, from.Month), "To", l.Month(to.Year, to.Month))
	return g
}

// ganttRange covers today, the target and every date of the schedule, in whole months.
func ganttRange(sch *entente.Schedule) (entente.Date, entente.Date) {
	from, to := sch.Today, sch.Today
	if sch.Target != nil {
		to = maxDate(to, sch.Target.Date)
	}
	for _, a := range sch.Actions {
		from = minDate(minDate(from, a.EarlyStart), a.LateFinish)
		to = maxDate(maxDate(to, a.EarlyFinish), a.LateFinish)
	}
	return entente.Date{Year: from.Year, Month: from.Month, Day: 1}, to.EndOfMonth()
}

// barEnds are where a row's bar starts and finishes in drawing coordinates (start is the
// right end in right-to-left drawing), and its middle, for the connectors.
type barEnds struct{ start, finish, mid int }

// placeRows groups the actions by track, in the roadmap's order of tracks (actions without
// one last), each group ordered by projected start, and draws each row.
func (g *Gantt) placeRows(w *scheduleWords, sc ganttScale, in ganttInput) map[int64]barEnds {
	order := map[int64]int{}
	names := map[int64]string{0: w.l.T("schedule.no_track")}
	for i, t := range in.tracks {
		order[t.ID], names[t.ID] = i, t.Title
	}
	rank := func(id int64) int {
		if r, ok := order[id]; ok {
			return r
		}
		return len(order) // no track, or one the caller may not see
	}
	acts := make([]*entente.ActionSchedule, len(in.schedule.Actions))
	for i := range in.schedule.Actions {
		acts[i] = &in.schedule.Actions[i]
	}
	slices.SortStableFunc(acts, func(a, b *entente.ActionSchedule) int {
		return cmp.Or(cmp.Compare(rank(a.TrackID), rank(b.TrackID)), a.EarlyStart.Compare(b.EarlyStart), cmp.Compare(a.ID, b.ID))
	})
	critical := in.schedule.OnCriticalPath()
	ends := make(map[int64]barEnds, len(acts))
	y, group := ganttAxis, -1
	for _, a := range acts {
		if r := rank(a.TrackID); r != group {
			group = r
			g.Groups = append(g.Groups, GanttGroup{Y: y, TextY: y + 16, Label: names[trackKey(a.TrackID, order)]})
			y += ganttGroupHeight
		}
		row := ganttRow(w, sc, a, y, critical[a.ID])
		g.Rows = append(g.Rows, row)
		start, finish := row.X, row.X+row.W
		if sc.rtl {
			start, finish = finish, start
		}
		ends[a.ID] = barEnds{start: start, finish: finish, mid: row.Mid}
		y += ganttRowHeight
	}
	return ends
}

// trackKey is the track's id when it names a known track, else 0 (no track).
func trackKey(id int64, order map[int64]int) int64 {
	if _, ok := order[id]; ok {
		return id
	}
	return 0
}

// ganttRow draws one action at y.
func ganttRow(w *scheduleWords, sc ganttScale, a *entente.ActionSchedule, y int, onPath bool) GanttRow {
	row := GanttRow{Y: y, Mid: y + ganttRowHeight/2, TextY: y + 15, BarY: y + (ganttRowHeight-ganttBarHeight)/2,
		Href: "/actions/" + itoa(a.ID), Label: cutTitle(a.Title, ganttTitleRunes)}
	row.X, row.W = sc.span(a.EarlyStart, a.EarlyFinish)
	flags := w.marks(a)
	var classes, words []string
	for _, f := range flags {
		classes = append(classes, f.Class)
		if f.Class != "critical" {
			words = append(words, f.Label)
		}
	}
	if onPath && !a.Critical {
		classes = append(classes, "critical")
	}
	if a.Status == entente.ActionDone {
		classes = append(classes, "done")
	}
	row.Class = strings.Join(classes, " ")
	outer := row.X + row.W
	if sc.rtl {
		outer = row.X
	}
	if a.Milestone {
		cx := sc.x(a.EarlyFinish.AddDays(1))
		row.Diamond = diamond(cx, row.Mid, ganttBarHeight/2+1)
		outer = cx + (ganttBarHeight/2+1)*sc.sign()
	}
	if a.Status != entente.ActionDone && a.LateFinish != a.EarlyFinish {
		late := sc.x(a.LateFinish.AddDays(1))
		edge := sc.x(a.EarlyFinish.AddDays(1))
		row.Whisker = "M" + px(edge) + " " + px(row.Mid) + "H" + px(late) +
			"M" + px(late) + " " + px(row.Mid-4) + "V" + px(row.Mid+4)
		row.Behind = a.LateFinish.Before(a.EarlyFinish)
		if (late-outer)*sc.sign() > 0 {
			outer = late
		}
	}
	row.Marks = strings.Join(words, " · ")
	row.MarkX = outer + 6*sc.sign()
	row.Tip = ganttTip(w, a, flags)
	return row
}

// ganttTip describes a row in words: dates, latest finish, slack and flags.
func ganttTip(w *scheduleWords, a *entente.ActionSchedule, flags []Flag) string {
	tip := w.tip.fill(isolate(a.Title), w.date(a.EarlyStart), w.date(a.EarlyFinish), w.date(a.LateFinish))
	if a.Status != entente.ActionDone {
		tip += "; " + w.slackText(a.Slack)
	}
	for _, f := range flags {
		tip += "; " + f.Label
	}
	return tip
}

// diamond is the path of a milestone's diamond centred on (x, y).
func diamond(x, y, r int) string {
	return "M" + px(x) + " " + px(y-r) + "L" + px(x+r) + " " + px(y) + "L" + px(x) + " " +
		px(y+r) + "L" + px(x-r) + " " + px(y) + "Z"
}

// RowsSVG draws the rows as SVG markup, every text and attribute escaped. The rows are
// written here rather than by the page's template because a roadmap may have thousands of
// actions: the template spends microseconds per field where this spends nanoseconds.
func (g *Gantt) RowsSVG() template.HTML {
	var b strings.Builder
	b.Grow(len(g.Rows) * 480)
	for i := range g.Rows {
		g.writeRow(&b, &g.Rows[i])
	}
	return template.HTML(b.String())
}

// LinksSVG draws the dependency connectors, each ending in an arrow.
func (g *Gantt) LinksSVG() template.HTML {
	var b strings.Builder
	b.Grow(len(g.Links) * 80)
	for _, d := range g.Links {
		b.WriteString(`<path d="` + html.EscapeString(d) + `" marker-end="url(#gantt-arrow)"></path>`)
	}
	return template.HTML(b.String())
}

// writeRow writes one row: its link, title, bar or diamond, whisker, marks and tip.
func (g *Gantt) writeRow(b *strings.Builder, r *GanttRow) {
	w := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	w(`<a href="`, html.EscapeString(r.Href), `"><g class="row `, html.EscapeString(r.Class), `">`)
	w(`<text class="name" x="`, px(g.LabelX), `" y="`, px(r.TextY), `" text-anchor="`, g.LabelAnchor, `">`, html.EscapeString(r.Label), `</text>`)
	if r.Diamond != "" {
		w(`<path class="bar" d="`, r.Diamond, `"></path>`)
	} else {
		w(`<rect class="bar" x="`, px(r.X), `" y="`, px(r.BarY), `" width="`, px(r.W), `" height="`, px(ganttBarHeight), `" rx="2"></rect>`)
	}
	if r.Whisker != "" {
		class := "whisker"
		if r.Behind {
			class += " behind"
		}
		w(`<path class="`, class, `" d="`, r.Whisker, `"></path>`)
	}
	if r.Marks != "" {
		w(`<text class="marks" x="`, px(r.MarkX), `" y="`, px(r.TextY), `" text-anchor="`, g.LabelAnchor, `">`, html.EscapeString(r.Marks), `</text>`)
	}
	w(`<title>`, html.EscapeString(r.Tip), "</title></g></a>\n")
}

// ganttLinks draws each dependency as an elbow from the predecessor's finish (or start, for
// start-to-start) to the successor's start (or finish, for finish-to-finish).
func ganttLinks(sc ganttScale, deps []*entente.Dependency, ends map[int64]barEnds) []string {
	var out []string
	step := 5 * sc.sign()
	for _, d := range deps {
		p, okp := ends[d.PredecessorID]
		q, okq := ends[d.SuccessorID]
		if !okp || !okq {
			continue
		}
		x1, x2 := p.finish, q.start
		switch d.Kind {
		case entente.StartToStart:
			x1 = p.start
		case entente.FinishToFinish:
			x2 = q.finish
		}
		out = append(out, "M"+px(x1)+" "+px(p.mid)+"h"+px(step)+"V"+px(q.mid)+"H"+px(x2))
	}
	return out
}

// ganttTicks labels the months, thinned so that labels stay apart: at the narrowest scale
// (a quarter of a pixel a day) every eighth month is labelled.
func ganttTicks(l *i18n.Locale, sc ganttScale, from, to entente.Date) []TimelineTick {
	step := max(1, int(math.Ceil(56/(30.4*sc.perDay))))
	var out []TimelineTick
	for d := from; !d.After(to); d = d.AddMonths(step) {
		label := l.T("month.short."+strconv.Itoa(int(d.Month))) + " " + strconv.Itoa(d.Year%100)
		out = append(out, TimelineTick{X: sc.x(d), Label: label})
	}
	return out
}

// cutTitle shortens a title to n runes, ending with an ellipsis.
func cutTitle(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// px writes a coordinate.
func px(n int) string { return strconv.Itoa(n) }
