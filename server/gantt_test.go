package server

import (
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// locales returns the English and Urdu locales.
func locales(t *testing.T) (*i18n.Locale, *i18n.Locale) {
	t.Helper()
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	var en, ur *i18n.Locale
	for _, l := range i18n.Languages {
		switch l.Code {
		case "en":
			en = c.Locale(l)
		case "ur":
			ur = c.Locale(l)
		}
	}
	return en, ur
}

// chainSchedule is a schedule of n one-week actions, each after the one before, from today.
func chainSchedule(n int, today entente.Date) (*entente.Schedule, []*entente.Dependency) {
	s := &entente.Schedule{Today: today, Target: &entente.ScheduleTarget{Kind: entente.TargetDate, Date: today.AddDays(7*n + 14)}}
	var deps []*entente.Dependency
	for i := range n {
		start := today.AddDays(7 * i)
		s.Actions = append(s.Actions, entente.ActionSchedule{ID: int64(i + 1), Title: "Step <" + itoa(int64(i+1)) + ">",
			Status: entente.ActionNotStarted, EarlyStart: start, EarlyFinish: start.AddDays(4),
			LateStart: start.AddDays(14), LateFinish: start.AddDays(18), Slack: 10})
		if i > 0 {
			deps = append(deps, &entente.Dependency{PredecessorID: int64(i), SuccessorID: int64(i + 1), Kind: entente.FinishToStart})
		}
	}
	return s, deps
}

// TestGanttMirrorsForRightToLeft checks that every bar of the Urdu chart is the English one
// reflected across the drawing, with the titles on the other side.
func TestGanttMirrorsForRightToLeft(t *testing.T) {
	en, ur := locales(t)
	s, deps := chainSchedule(12, entente.NewDate(2025, 3, 3))
	ltr := buildGantt(newScheduleWords(en), ganttInput{schedule: s, deps: deps})
	rtl := buildGantt(newScheduleWords(ur), ganttInput{schedule: s, deps: deps})
	if ltr.Width != rtl.Width || ltr.LabelAnchor != "start" || rtl.LabelAnchor != "end" || rtl.LabelX != rtl.Width-8 {
		t.Fatalf("widths %d, %d; labels %s at %d, %s at %d", ltr.Width, rtl.Width, ltr.LabelAnchor, ltr.LabelX, rtl.LabelAnchor, rtl.LabelX)
	}
	for i := range ltr.Rows {
		a, b := ltr.Rows[i], rtl.Rows[i]
		if b.X != ltr.Width-(a.X+a.W) || b.W != a.W || b.Y != a.Y {
			t.Errorf("row %d: left-to-right %d+%d, right-to-left %d+%d; want the mirror image", i, a.X, a.W, b.X, b.W)
		}
	}
	if rtl.Today.X != ltr.Width-ltr.Today.X || rtl.Target.X != ltr.Width-ltr.Target.X {
		t.Errorf("today at %d and %d, target at %d and %d; want mirror images", ltr.Today.X, rtl.Today.X, ltr.Target.X, rtl.Target.X)
	}
	if len(ltr.Links) != 11 || len(rtl.Links) != 11 {
		t.Errorf("%d and %d connectors, want 11", len(ltr.Links), len(rtl.Links))
	}
}

// TestGanttRowsAreEscaped checks that titles cannot put markup into the chart.
func TestGanttRowsAreEscaped(t *testing.T) {
	en, _ := locales(t)
	s, deps := chainSchedule(2, entente.NewDate(2025, 3, 3))
	svg := string(buildGantt(newScheduleWords(en), ganttInput{schedule: s, deps: deps}).RowsSVG())
	if strings.Contains(svg, "<1>") || !strings.Contains(svg, "Step &lt;1&gt;") {
		t.Errorf("titles are not escaped:\n%s", svg)
	}
}

// TestGanttScalesToLongSpans checks the axis of a roadmap that runs for years: the chart
// stays within a few thousand pixels, month labels thin out, and too many dependencies are
// left undrawn rather than drawn by the thousand.
func TestGanttScalesToLongSpans(t *testing.T) {
	en, _ := locales(t)
	tests := []struct {
		actions  int
		maxWidth int
		links    bool
	}{
		{4, 1500, true},
		{300, 1500, true},   // six years
		{2500, 5000, false}, // 48 years, at a quarter of a pixel a day
	}
	for _, tt := range tests {
		s, deps := chainSchedule(tt.actions, entente.NewDate(2025, 3, 3))
		g := buildGantt(newScheduleWords(en), ganttInput{schedule: s, deps: deps})
		if g.Width > tt.maxWidth {
			t.Errorf("%d actions: %d px wide, want at most %d", tt.actions, g.Width, tt.maxWidth)
		}
		if g.LinksOmitted == tt.links {
			t.Errorf("%d actions: links omitted %v", tt.actions, g.LinksOmitted)
		}
		for i := 1; i < len(g.Ticks); i++ {
			if g.Ticks[i].X-g.Ticks[i-1].X < 40 {
				t.Errorf("%d actions: ticks %q and %q are %d px apart", tt.actions, g.Ticks[i-1].Label, g.Ticks[i].Label, g.Ticks[i].X-g.Ticks[i-1].X)
				break
			}
		}
	}
}

func TestPhraseFillsItsSlots(t *testing.T) {
	en, ur := locales(t)
	for _, l := range []*i18n.Locale{en, ur} {
		p := newPhrase(l, "schedule.bar_tip", "Title", "Start", "Finish", "Late")
		got := p.fill("T", "S", "F", "L")
		want := l.T("schedule.bar_tip", "Title", "T", "Start", "S", "Finish", "F", "Late", "L")
		if got != want {
			t.Errorf("%s: %q, want %q", l.Code, got, want)
		}
	}
}
