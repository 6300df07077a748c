package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestWorkspace walks through the demo roadmap as a Pakistani desk officer would: the home
// page, the roadmap overview and its timeline, the actions filtered by track, a status changed
// in the table, and the same pages in Urdu, right to left.
func TestWorkspace(t *testing.T) {
	browserPath(t)
	d := startDemo(t)
	s := newSession(t, d.URL)

	s.open("/")
	if h := s.text("main h1"); h != "Roadmaps" {
		t.Fatalf("home heading %q", h)
	}
	s.screenshot("home")

	pak := d.Accounts["PAK"]
	s.signIn(pak[0], pak[1])
	s.open("/roadmaps/1")
	if !strings.Contains(s.text("main h1"), "Pakistan–Belarus") {
		t.Fatal("the overview does not show the roadmap")
	}
	s.do(chromedp.WaitVisible(chromedp.CSS(".timeline svg")))
	if label := s.attr(".timeline svg", "aria-labelledby"); label == "" {
		t.Fatal("the timeline has no accessible name")
	}
	s.screenshot("overview-en")

	// Filter the actions by the heavy machinery track.
	s.open("/roadmaps/1/actions")
	track := s.attr(`#f-track option:nth-child(5)`, "value")
	s.follow(chromedp.SetValue(chromedp.CSS("#f-track"), track), chromedp.Submit(chromedp.CSS("#f-track")))
	rows := s.text("table.actions tbody")
	if !strings.Contains(rows, "Heavy machinery") || strings.Contains(rows, "Political dialogue") {
		t.Fatalf("filtered by track, the table shows:\n%s", rows)
	}
	s.screenshot("actions")

	// Change the first action's status in the table; htmx swaps the row in place.
	id := strings.TrimPrefix(s.attr("table.actions tbody tr", "id"), "action-")
	// Choosing a status submits the row (htmx, on change); the server's new row replaces it, so
	// the row marked before the change is gone once the change is saved and settled.
	s.do(chromedp.Evaluate[chromedp.Void](`(() => { const row = document.querySelector('#action-`+id+`');
		row.dataset.before = 'status';
		const select = row.querySelector('select[name=status]');
		select.value = 'in_progress';
		select.dispatchEvent(new Event('change', {bubbles: true})); })()`),
		chromedp.WaitVisible(chromedp.CSS("#action-"+id+":not([data-before]):not(.htmx-swapping):not(.htmx-settling):not(.htmx-added)")))
	s.open("/actions/" + id)
	if st := s.text(".status-badge"); st != "in progress" {
		t.Fatalf("after the change the action is %q", st)
	}

	// Switch to Urdu: the page turns right to left and the timeline mirrors.
	s.open("/roadmaps/1")
	s.do(chromedp.Click(chromedp.CSS(`form.lang button[value="ur"]`)), chromedp.WaitVisible(chromedp.CSS(`html[dir="rtl"]`)))
	if lang := s.attr("html", "lang"); lang != "ur" {
		t.Fatalf("html lang = %q after switching to Urdu", lang)
	}
	if h := s.text("#tracks-h"); h == "Tracks" {
		t.Fatal("the Urdu page still reads in English")
	}
	s.screenshot("overview-ur")
}
