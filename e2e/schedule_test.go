package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCriticalPathInTheBrowser opens the demo's Gantt page as a visitor of the public
// roadmap: the critical path to the February 2025 signing is listed and drawn, the chart
// scrolls in its own box on a 360 px phone, and in Urdu the chart's titles stand on the right.
func TestCriticalPathInTheBrowser(t *testing.T) {
	browserPath(t)
	d := startDemo(t)
	s := newSession(t, d.URL)
	s.open("/roadmaps/1/gantt")
	paths := s.text(".critical-path")
	for _, step := range []string{"Identify agricultural machinery for joint assembly in Pakistan",
		"Negotiate the texts of the agreements", "Organise the signing ceremony"} {
		if !strings.Contains(paths, step) {
			t.Errorf("the critical path lacks %q:\n%s", step, paths)
		}
	}
	if target := get(s, chromedp.Evaluate[string](`document.querySelector('.gantt .target text').textContent`)); target != "Signing of agreements" {
		t.Errorf("the target line is labelled %q", target)
	}
	if n := get(s, chromedp.Evaluate[int](`document.querySelectorAll('.gantt .row.critical').length`)); n != 6 {
		t.Errorf("%d critical rows drawn, want the 6 actions of the two paths", n)
	}
	s.screenshot("gantt")

	s.do(chromedp.EmulateViewport(360, 740))
	s.open("/roadmaps/1/gantt")
	if px := get(s, chromedp.Evaluate[int](overflow)); px > 0 {
		t.Errorf("the Gantt page is %d px wider than a 360 px phone", px)
	}
	if scroll := get(s, chromedp.Evaluate[int](`(e => e.scrollWidth - e.clientWidth)(document.querySelector('.gantt-scroll'))`)); scroll <= 0 {
		t.Error("the chart does not scroll sideways in its box on a phone")
	}

	s.do(chromedp.EmulateViewport(1280, 900))
	s.do(chromedp.Click(chromedp.CSS(`form.lang button[value="ur"]`)), chromedp.WaitVisible(chromedp.CSS(`html[dir="rtl"]`)))
	s.open("/roadmaps/1/gantt")
	if anchor := s.attr(".gantt .row .name", "text-anchor"); anchor != "end" {
		t.Errorf("Urdu titles are anchored %q, want end (on the right)", anchor)
	}
	s.screenshot("gantt-ur")
}
