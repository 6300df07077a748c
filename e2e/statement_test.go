package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// laterStatement reports the round in Minsk as held and plans the commission's session.
const laterStatement = `MINSK, 10 December 2024 – The delegations of Pakistan and Belarus met in Minsk today to turn the roadmap into concrete steps.

The two sides agreed to hold the eighth session of the Joint Ministerial Commission in Islamabad in February next year.`

// TestReadAStatement walks the read-a-statement flow as a Pakistani desk officer: paste a
// later statement into the demo roadmap, review the marked text and the items found, edit a
// meeting's title and reject a commitment, apply, and find the meetings in the roadmap — the
// round in Minsk now held, the commission's session new.
func TestReadAStatement(t *testing.T) {
	browserPath(t)
	d := startDemo(t)
	s := newSession(t, d.URL)
	pak := d.Accounts["PAK"]
	s.signIn(pak[0], pak[1])

	s.open("/roadmaps/1")
	s.do(chromedp.Click(chromedp.CSS(`.roadmap-nav a[href="/roadmaps/1/read"]`)), chromedp.WaitVisible(chromedp.CSS("#f-text")))
	s.do(chromedp.SetValue(chromedp.CSS("#f-text"), laterStatement), chromedp.SetValue(chromedp.CSS("#f-published_on"), "2024-12-10"),
		chromedp.SetValue(chromedp.CSS("#f-publisher"), "Ministry of Foreign Affairs of Belarus"))
	s.screenshot("read-statement")
	s.do(chromedp.Click(chromedp.CSS(".read-form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".source-review")))

	if marked := s.text(".statement-text mark"); !strings.Contains(marked, "met in Minsk today") {
		t.Fatalf("the first marked sentence is %q", marked)
	}
	if head := s.text("#item-e2 .item-head"); !strings.Contains(head, "February 2025") || !strings.Contains(head, "in February next year") {
		t.Fatalf("the commission's session reads %q, want its date as said and resolved", head)
	}
	s.do(chromedp.Click(chromedp.CSS("#item-e2 summary")), chromedp.WaitVisible(chromedp.CSS(`[name="e2.title"]`)),
		chromedp.SetValue(chromedp.CSS(`[name="e2.title"]`), "Eighth session of the Joint Ministerial Commission"),
		chromedp.Click(chromedp.CSS(`input[name="decision.e2"][value="edit"]`)),
		chromedp.Click(chromedp.CSS(`input[name="decision.c1"][value="reject"]`)))
	s.screenshot("review-statement")

	s.do(chromedp.Click(chromedp.CSS("#apply")), chromedp.WaitVisible(chromedp.CSS("table.applied")))
	result := s.text("table.applied")
	for _, want := range []string{"updated", "created", "Eighth session of the Joint Ministerial Commission"} {
		if !strings.Contains(result, want) {
			t.Fatalf("the result lacks %q:\n%s", want, result)
		}
	}
	if strings.Contains(result, "Commitment") {
		t.Fatalf("the rejected commitment was applied:\n%s", result)
	}
	s.screenshot("statement-applied")

	s.follow(chromedp.Click(chromedp.CSS(`a[href="/roadmaps/1/meetings"].button`)))
	meetings := s.text("main")
	if !strings.Contains(meetings, "Eighth session of the Joint Ministerial Commission") {
		t.Fatalf("the meetings page lacks the new session:\n%s", meetings)
	}
	s.screenshot("meetings-after-statement")
}
