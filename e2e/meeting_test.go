package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestMeetingDecisionBecomesAction creates a meeting, writes its minutes, records a decision
// and turns it into an action in one step, as the joint secretariat does after a round.
func TestMeetingDecisionBecomesAction(t *testing.T) {
	browserPath(t)
	d := startDemo(t)
	s := newSession(t, d.URL)
	pak := d.Accounts["PAK"]
	s.signIn(pak[0], pak[1])

	s.open("/roadmaps/1/meetings/new")
	s.do(chromedp.SetValue(chromedp.CSS("#f-kind"), "working_group"),
		chromedp.SendKeys(chromedp.CSS("#f-title"), "Working group on agricultural machinery"),
		chromedp.SendKeys(chromedp.CSS(`#f-when\.value`), "2025-01-15"),
		chromedp.SendKeys(chromedp.CSS("#f-location"), "Minsk"),
		chromedp.Submit(chromedp.CSS("#f-title")),
		chromedp.WaitVisible(chromedp.CSS("#decisions")))
	if h := s.text("main h1"); !strings.Contains(h, "agricultural machinery") {
		t.Fatalf("after creating, the page is %q", h)
	}
	meeting := strings.TrimPrefix(get(s, chromedp.Location()), d.URL)
	meeting = strings.SplitN(meeting, "?", 2)[0]

	// Minutes with simple formatting.
	s.open(meeting + "/edit")
	s.do(chromedp.SendKeys(chromedp.CSS("#f-minutes"), "The sides agreed on three models.\n\n- tractors\n- **combines**"),
		chromedp.Submit(chromedp.CSS("#f-title")), chromedp.WaitVisible(chromedp.CSS(".minutes-text")))
	if m := s.text(".minutes-text"); !strings.Contains(m, "combines") || strings.Contains(m, "**") {
		t.Fatalf("the minutes read %q", m)
	}

	// A decision, then the action made from it in one step (htmx swaps the decisions).
	s.do(chromedp.SendKeys(chromedp.CSS("#decisions textarea"), "Prepare a list of machinery for joint assembly"),
		chromedp.Click(chromedp.CSS("#decisions form.stack button")),
		chromedp.WaitVisible(chromedp.CSS("#decisions .decision-to-action")))
	s.do(chromedp.Click(chromedp.CSS("#decisions .decision-to-action > p > button")),
		chromedp.WaitVisible(chromedp.CSS("#decisions .decision-action a")))
	s.screenshot("meeting")
	s.follow(chromedp.Click(chromedp.CSS("#decisions .decision-action a")))
	if h := s.text("main h1"); !strings.Contains(h, "machinery for joint assembly") {
		t.Fatalf("the action made from the decision is %q", h)
	}
}
