package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestMoUInTheBrowser takes the demo's memorandum on agricultural machinery from Belarus's
// internal draft to entry into force, as its users would in the browser: the administrator
// places the desk officers in the bodies of the approval chains; Belarus tables its draft;
// Pakistan answers with a change that the redline shows; Belarus agrees the text; both sides
// approve it step by step; both ministers sign with their key passphrases; both sides notify,
// and the agreement is in force with its signatures verified.
func TestMoUInTheBrowser(t *testing.T) {
	browserPath(t)
	d := startDemo(t)
	const mou = "/agreements/1"

	admin := newSession(t, d.URL)
	admin.signIn(d.Accounts["JOINT"][0], d.Accounts["JOINT"][1])
	placeInBodies(admin, d.Accounts["PAK"][0], "Ministry of Industries and Production", "Ministry of Law and Justice", "Cabinet Division")
	placeInBodies(admin, d.Accounts["BLR"][0], "Ministry of Industry", "Council of Ministers")

	blr, pak := newSession(t, d.URL), newSession(t, d.URL)
	blr.signIn(d.Accounts["BLR"][0], d.Accounts["BLR"][1])
	pak.signIn(d.Accounts["PAK"][0], d.Accounts["PAK"][1])

	// Belarus tables its internal draft as the shared version 2.
	blr.open(mou + "/versions?n=1")
	blr.do(chromedp.SetValue(chromedp.CSS("#f-scope"), "shared"), chromedp.SetValue(chromedp.CSS("#f-note"), "Belarus tables its draft"),
		chromedp.Click(chromedp.CSS("#version-form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	if h := blr.text("#version-h"); !strings.Contains(h, "2") {
		t.Fatalf("after tabling, the page shows %q", h)
	}

	// Pakistan proposes sixty days in round 1; the redline shows the change word by word.
	pak.open(mou + "/versions?n=2")
	pak.do(chromedp.Evaluate[chromedp.Void](`(() => { const t = document.querySelector('#text_0');
		t.value = t.value.replace('within 30 days', 'within 60 days'); })()`),
		chromedp.SetValue(chromedp.CSS("#f-round"), "1"), chromedp.SetValue(chromedp.CSS("#f-note"), "Pakistan's proposals"),
		chromedp.Click(chromedp.CSS("#version-form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	pak.open(mou + "/redline?from=2&to=3")
	if ins, del := pak.text("#redline-en ins"), pak.text("#redline-en del"); ins != "60" || del != "30" {
		t.Fatalf("the redline marks %q inserted and %q deleted, want 60 and 30", ins, del)
	}
	pak.screenshot("agreement-redline")

	// Belarus agrees version 3; until both chains approve it, nobody may sign.
	blr.open(mou)
	blr.do(chromedp.Click(chromedp.CSS("#agree-form button")), chromedp.WaitVisible(chromedp.CSS("#version-3 .badge.ok")))
	if reason := blr.text("#sign-blocked"); !strings.Contains(reason, "approved") {
		t.Fatalf("before the approvals, signing is blocked with %q", reason)
	}

	approveAll(pak, "PAK", 4)
	approveAll(blr, "BLR", 3)

	for _, party := range []string{"PAK", "BLR"} {
		minister := newSession(t, d.URL)
		acc := d.Signatories[party]
		minister.signIn(acc[0], acc[1])
		minister.open(mou)
		minister.do(chromedp.SendKeys(chromedp.CSS("#f-passphrase"), acc[2]), chromedp.SetValue(chromedp.CSS("#f-place"), "Islamabad"),
			chromedp.Click(chromedp.CSS("#sign-form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".notice, .problems")))
		if rows := minister.text("#signatures"); !strings.Contains(rows, party) {
			t.Fatalf("after %s signs, the signatures read %q", party, rows)
		}
	}

	// The text enters into force on the day of the last notification.
	blr.open(mou)
	blr.do(chromedp.SetValue(chromedp.CSS("#f-rule"), "last_notification"), chromedp.Click(chromedp.CSS("#rule-form button")),
		chromedp.WaitVisible(chromedp.CSS(".notice")))
	for _, s := range []struct {
		session *session
		party   string
	}{{blr, "BLR"}, {pak, "PAK"}} {
		s.session.open(mou)
		s.session.do(chromedp.SetValue(chromedp.CSS("#procedure-form #f-kind"), "notification"),
			chromedp.SetValue(chromedp.CSS("#procedure-form #f-done_on"), "2024-11-26"),
			chromedp.SetValue(chromedp.CSS("#procedure-form #f-document"), "Note verbale of "+s.party),
			chromedp.Click(chromedp.CSS("#procedure-form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".notice, .problems")))
	}
	pak.open(mou)
	if v := pak.text("#verification"); !strings.Contains(v, "2") || pak.attr("#verification", "class") != "verification ok" {
		t.Fatalf("the verification reads %q", v)
	}
	if rule := pak.text("#entry-into-force"); !strings.Contains(rule, "26") {
		t.Fatalf("the entry into force reads %q", rule)
	}
	if status := pak.text("main"); !strings.Contains(status, "In force") {
		t.Fatalf("the agreement is not shown in force:\n%.600s", status)
	}
	pak.screenshot("agreement")
}

// placeInBodies has the administrator tick the bodies an account works in, besides those it
// already has, on the accounts page.
func placeInBodies(s *session, email string, bodies ...string) {
	s.t.Helper()
	s.open("/admin/users")
	names, _ := jsonList(bodies)
	s.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const row = [...document.querySelectorAll('main tbody tr')].find(r => r.textContent.includes(%q));
		const details = row.querySelector('details.works-in'); details.open = true;
		details.querySelector('form').id = 'bodies-form';
		for (const label of details.querySelectorAll('label.check')) {
			if (%s.includes(label.textContent.trim())) label.querySelector('input').checked = true;
		}
	})()`, email, names)), chromedp.Click(chromedp.CSS("#bodies-form button")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	for _, b := range bodies {
		if !strings.Contains(s.text("main tbody"), b) {
			s.t.Fatalf("%s does not work in %s after saving", email, b)
		}
	}
}

// approveAll approves each step of a party's chain in turn.
func approveAll(s *session, party string, steps int) {
	s.t.Helper()
	for n := 1; n <= steps; n++ {
		s.open("/agreements/1")
		step := fmt.Sprintf("#step-%s-%d", party, n)
		s.do(chromedp.Click(chromedp.CSS(fmt.Sprintf("#decide-%s-%d button[value=approved]", party, n))),
			chromedp.WaitVisible(chromedp.CSS(step+".step-approved")))
	}
}

// jsonList writes strings as a JavaScript array literal.
func jsonList(xs []string) (string, error) {
	quoted := make([]string, len(xs))
	for i, x := range xs {
		quoted[i] = fmt.Sprintf("%q", x)
	}
	return "[" + strings.Join(quoted, ", ") + "]", nil
}
