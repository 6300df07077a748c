package server_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestMoUFromDraftToEntryIntoForce takes the demo's memorandum on agricultural machinery
// through the API: Belarus's draft, two negotiation rounds with redlines, the agreed text, the
// approvals of both sides, signing by two signatories at the ceremony, the notifications and
// entry into force; with the refusals on the way.
func TestMoUFromDraftToEntryIntoForce(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		pak, blr := e.tokens["PAK"], e.tokens["BLR"]
		mou := demoMoU(t, e)
		base := fmt.Sprintf("/api/v1/agreements/%d", mou.ID)
		var list struct {
			Items []entente.AgreementVersion
			Total int
		}
		// On 26 November Belarus's first draft is internal to Belarus.
		e.do(t, "GET", base+"/versions", pak, nil).want(t, 200).decode(t, &list)
		if list.Total != 0 {
			t.Fatalf("Pakistan sees %d versions of Belarus's internal draft", list.Total)
		}
		e.do(t, "GET", base+"/versions", blr, nil).want(t, 200).decode(t, &list)
		if list.Total != 1 || list.Items[0].Scope != "BLR" {
			t.Fatalf("Belarus sees %+v", list)
		}
		e.do(t, "GET", base+"/versions/1", pak, nil).want(t, 404)

		// Belarus tables its draft; Pakistan answers in round 1 while Belarus, working on the
		// same base, is refused and keeps its text.
		e.do(t, "POST", base+"/versions", blr, newVersion(1, 0, 30, false, false)).want(t, 201)
		var v3 entente.AgreementVersion
		e.do(t, "POST", base+"/versions", pak, newVersion(2, 1, 60, true, false)).want(t, 201).decode(t, &v3)
		if v3.Number != 3 || v3.Party != "PAK" || v3.Round != 1 {
			t.Fatalf("Pakistan's version %+v", v3)
		}
		e.do(t, "POST", base+"/versions", blr, newVersion(2, 1, 45, false, false)).wantProblem(t, 409,
			"Version 3 was saved by Desk officer, Pakistan (PAK) after you started from version 2")
		// A saved version is never edited.
		e.do(t, "PATCH", base+"/versions/3", pak, map[string]any{"round": 2}).wantProblem(t, 405, "a saved version is never edited")

		// The redline of round 1, as JSON and as text.
		var red struct {
			Languages []struct {
				Articles []struct {
					Status string
					Body   []struct{ Kind, Text string }
				}
			}
		}
		e.do(t, "GET", base+"/versions/2/diff/3", pak, nil).want(t, 200).decode(t, &red)
		if len(red.Languages) != 1 || red.Languages[0].Articles[1].Status != "changed" {
			t.Fatalf("redline %+v", red)
		}
		text := string(e.withAccept(t, base+"/versions/2/diff/3", pak, "text/plain").want(t, 200).body)
		for _, want := range []string{"within [-30-]{+60+} days", "{+, and in their local assembly in Pakistan+}"} {
			if !strings.Contains(text, want) {
				t.Fatalf("text redline lacks %q:\n%s", want, text)
			}
		}

		// Round 2: Belarus inserts an article, which renumbers the last; Pakistan comments
		// internally, and Belarus never sees it.
		e.do(t, "POST", base+"/versions", blr, newVersion(3, 2, 45, true, true)).want(t, 201)
		text = string(e.withAccept(t, base+"/versions/3/diff/4", blr, "text/plain").want(t, 200).body)
		if !strings.Contains(text, "Article 3 → 4 – Entry into force: renumbered") || !strings.Contains(text, "Article 3 – {+Intellectual property+}: added") {
			t.Fatalf("round 2 redline:\n%s", text)
		}
		e.do(t, "POST", base+"/comments", pak, map[string]any{"text_version": 4, "article": "3", "scope": "PAK",
			"body": "Ask the Ministry of Law whether Article 3 binds us to Belarusian patents."}).want(t, 201)
		var comments struct{ Items []entente.AgreementComment }
		e.do(t, "GET", base+"/comments?text_version=4", blr, nil).want(t, 200).decode(t, &comments)
		for _, c := range comments.Items {
			if c.Scope != entente.ScopeShared {
				t.Fatalf("Belarus reads Pakistan's internal comment %q", c.Body)
			}
		}

		agreeApproveSignAndBringIntoForce(t, e, base)
	})
}

// agreeApproveSignAndBringIntoForce agrees version 4, has both sides approve it, both
// ministers sign it and both parties notify, checking the refusals on the way.
func agreeApproveSignAndBringIntoForce(t *testing.T, e *env, base string) {
	pak, blr := e.tokens["PAK"], e.tokens["BLR"]
	var a entente.Agreement
	e.do(t, "GET", base, blr, nil).want(t, 200).decode(t, &a)
	e.do(t, "POST", base+"/agreed-text", blr, map[string]any{"version": a.Version, "text_version": 4}).want(t, 200).decode(t, &a)
	if a.Status != entente.AgreementTextAgreed || a.AgreedVersion != 4 {
		t.Fatalf("agreed: %s, version %d", a.Status, a.AgreedVersion)
	}
	pakSign, pakAccount := signatoryToken(t, e, "PAK")
	blrSign, blrAccount := signatoryToken(t, e, "BLR")
	pakKey, blrKey := keyOf(t, e, pak, "PAK"), keyOf(t, e, blr, "BLR")
	sign := func(token string, key int64, version int, passphrase string) response {
		return e.do(t, "POST", base+"/signatures", token, map[string]any{"text_version": version, "key_id": key, "passphrase": passphrase})
	}
	sign(pakSign, pakKey, 4, pakAccount.Passphrase).wantProblem(t, 400, "PAK has not approved version 4 at every step (next: step 1, Line ministry)")

	holdSteps(t, e, "desk.pakistan@entente.example", "PAK", "Ministry of Industries and Production", "Ministry of Foreign Affairs", "Ministry of Law", "Cabinet Division")
	holdSteps(t, e, "desk.belarus@entente.example", "BLR", "Ministry of Industry", "Ministry of Foreign Affairs", "Council of Ministers")
	decide := func(token string, step int, decision, note string) response {
		return e.do(t, "POST", base+"/approvals", token, map[string]any{"step": step, "text_version": 4, "decision": decision, "note": note})
	}
	decide(pak, 2, "approved", "").wantProblem(t, 400, "waits for step 1")
	decide(pak, 1, "approved", "").want(t, 201)
	decide(pak, 2, "returned", "Article 3 needs the Ministry of Law's view first.").want(t, 201)
	var ov entente.ApprovalOverview
	e.do(t, "GET", base+"/approvals", blr, nil).want(t, 200).decode(t, &ov)
	if !ov.Chains[0].Withheld || strings.Contains(fmt.Sprint(ov), "Ministry of Law's view") {
		t.Fatalf("Belarus sees Pakistan's chain in progress: %+v", ov)
	}
	for step := 2; step <= 4; step++ {
		decide(pak, step, "approved", "").want(t, 201)
	}
	for step := 1; step <= 3; step++ {
		decide(blr, step, "approved", "").want(t, 201)
	}
	ov = entente.ApprovalOverview{}
	e.do(t, "GET", base+"/approvals", blr, nil).want(t, 200).decode(t, &ov)
	if !ov.Chains[0].Complete || !ov.Chains[1].Complete || ov.Chains[0].Withheld {
		t.Fatalf("chains after approval: %+v", ov.Chains)
	}

	// The refusals at the ceremony: another version, a wrong passphrase, a key of the wrong party.
	sign(pakSign, pakKey, 3, pakAccount.Passphrase).wantProblem(t, 400, "version 3 is not the agreed text; version 4 is")
	sign(pakSign, pakKey, 4, "not the passphrase").wantProblem(t, 400, "The passphrase does not open this key.")
	sign(blrSign, pakKey, 4, blrAccount.Passphrase).wantProblem(t, 403, "not of BLR")
	sign(pakSign, pakKey, 4, pakAccount.Passphrase).want(t, 201)
	sign(blrSign, blrKey, 4, blrAccount.Passphrase).want(t, 201)
	e.do(t, "GET", base, blr, nil).want(t, 200).decode(t, &a)
	if a.Status != entente.AgreementSigned || a.SignedOn.IsZero() || a.AgreedVersion != 4 {
		t.Fatalf("after signing: %+v", a)
	}

	e.do(t, "PUT", base+"/entry-into-force", blr, map[string]any{"version": a.Version,
		"entry_into_force": map[string]any{"rule": "last_notification"}}).want(t, 200)
	for _, n := range []struct{ token, party string }{{blr, "BLR"}, {pak, "PAK"}} {
		e.do(t, "POST", base+"/procedures", n.token, map[string]any{"kind": "notification", "done_on": a.SignedOn.String(),
			"document": "Note verbale of " + n.party}).want(t, 201)
	}
	e.do(t, "GET", base, pak, nil).want(t, 200).decode(t, &a)
	if a.Status != entente.AgreementInForce || a.InForceOn != a.SignedOn {
		t.Fatalf("after the notifications: %s from %s", a.Status, a.InForceOn)
	}
	var v entente.Verification
	e.do(t, "GET", base+"/verify", pak, nil).want(t, 200).decode(t, &v)
	if !v.OK || len(v.Signatures) != 2 {
		t.Fatalf("verification %+v", v)
	}
	exported := e.do(t, "GET", base+"/versions/4/export?format=markdown", pak, nil).want(t, 200)
	if !strings.Contains(string(exported.body), "## Article 3 – Intellectual property") ||
		!strings.Contains(exported.header.Get("Content-Disposition"), "version-4.md") {
		t.Fatalf("markdown export: %s %s", exported.header, exported.body)
	}
}
