package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// unlabelled lists the form controls of the page that have no label.
const unlabelled = `[...document.querySelectorAll('input:not([type=hidden]):not([type=submit]), select, textarea')]
	.filter(e => !e.labels || e.labels.length === 0).map(e => e.name || e.id || e.outerHTML.slice(0, 60))`

// overflow is how many CSS pixels the page is wider than the window.
const overflow = `document.documentElement.scrollWidth - window.innerWidth`

// TestPagesAreLabelledAndFitAPhone checks the main pages as a signed-in editor: every input
// has a label, and at 360 px wide nothing pushes the page sideways (wide tables scroll in
// their own box).
func TestPagesAreLabelledAndFitAPhone(t *testing.T) {
	browserPath(t)
	d := startDemo(t)
	s := newSession(t, d.URL)
	pak := d.Accounts["PAK"]
	s.signIn(pak[0], pak[1])
	pages := []string{"/", "/roadmaps/1", "/roadmaps/1/actions", "/actions/10", "/roadmaps/1/meetings", "/meetings/1",
		"/roadmaps/1/agreements", "/agreements/1", "/roadmaps/1/commitments", "/roadmaps/1/interests",
		"/parties", "/bodies", "/people", "/search?q=minsk", "/account", "/roadmaps/1/edit",
		"/roadmaps/1/gantt", "/roadmaps/1/find-a-time", "/roadmaps/1/meetings/new", "/roadmaps/1/meetings/import",
		"/roadmaps/1/actions/new", "/agreements/1/versions", "/agreements/1/redline", "/parties/PAK", "/parties/PAK/calendar",
		"/bodies/1", "/people/1", "/commitments/1", "/interests/1", "/roadmaps/1/read", "/roadmaps/1/trade", "/roadmaps/1/members"}
	for _, p := range pages {
		s.open(p)
		if missing := get(s, chromedp.Evaluate[[]string](unlabelled)); len(missing) > 0 {
			t.Errorf("%s: inputs without a label: %s", p, strings.Join(missing, ", "))
		}
	}
	s.do(chromedp.EmulateViewport(360, 740))
	for _, p := range pages {
		s.open(p)
		if px := get(s, chromedp.Evaluate[int](overflow)); px > 0 {
			t.Errorf("%s is %d px wider than a 360 px phone", p, px)
		}
	}
	s.open("/roadmaps/1")
	s.screenshot("overview-phone")
}
