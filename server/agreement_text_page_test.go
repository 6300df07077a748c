package server_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// draftForm is the new-version form as a browser posts it.
func draftForm(base, round int, scope string, texts ...string) url.Values {
	v := url.Values{"base": {fmt.Sprint(base)}, "round": {fmt.Sprint(round)}, "scope": {scope}}
	for i := 0; i+1 < len(texts); i += 2 {
		v.Set(fmt.Sprintf("lang_%d", i/2), texts[i])
		v.Set(fmt.Sprintf("text_%d", i/2), texts[i+1])
	}
	return v
}

func TestAgreementTextPagesFromDraftToApproval(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		mou := demoMoU(t, e)
		path := fmt.Sprintf("/agreements/%d", mou.ID)
		pak, blr := pageClient{e: e, token: e.tokens["PAK"]}, pageClient{e: e, token: e.tokens["BLR"]}
		// Belarus's first draft is Belarus's alone.
		itemPageHas(t, blr.get(t, path), 200, `id="agreement-approvals"`, `id="version-1"`, "internal to BLR", "First draft of the Ministry of Industry")
		r := pak.get(t, path)
		itemPageHas(t, r, 200, "No version of the text has been saved yet.")
		itemPageLacks(t, r, "First draft of the Ministry of Industry")
		itemPageHas(t, blr.get(t, path+"/versions"), 200, `id="version-form"`, "## Article 4 – Joint Working Group", `name="lang_0" value="en"`)

		// Belarus tables its draft; Pakistan, still on an older base, is refused and keeps its text.
		en := mouText("en", 30, false, false).Text
		itemPageHas(t, blr.post(t, path+"/versions", draftForm(1, 0, "shared", "en", en)), http.StatusSeeOther)
		mine := strings.Replace(en, "30 days", "75 days", 1)
		r = pak.post(t, path+"/versions", draftForm(0, 1, "shared", "en", mine))
		itemPageHas(t, r, http.StatusConflict, "Version 2 was saved by Desk officer, Belarus (BLR)", "within 75 days", `id="compare-newer"`)
		itemPageHas(t, pak.post(t, path+"/versions", draftForm(2, 1, "shared", "en", strings.Replace(en, "30 days", "60 days", 1))), http.StatusSeeOther)
		itemPageHas(t, pak.get(t, path+"/redline?from=2&to=3"), 200, "<del>30</del><ins>60</ins>", `id="redline-en"`)
		// A draft without article headings is refused, next to its text, which stays as typed.
		r = pak.post(t, path+"/versions", draftForm(3, 1, "shared", "en", "Memorandum\n\nThe Parties agree on nothing yet."))
		itemPageHas(t, r, http.StatusUnprocessableEntity, `id="p-text_0"`, "The Parties agree on nothing yet.")

		// Pakistan's internal comment and position on Article 2 never reach Belarus.
		itemPageHas(t, pak.post(t, path+"/comments", url.Values{"text_version": {"3"}, "article": {"2"}, "scope": {"PAK"},
			"body": {"Sixty days is the least the Cabinet needs."}}), http.StatusSeeOther)
		itemPageHas(t, pak.post(t, path+"/positions", url.Values{"text_version": {"3"}, "article": {"2"}, "scope": {"PAK"},
			"stance": {"reserve"}, "text": {"Fall back to forty-five days only at the Minister's word."}}), http.StatusSeeOther)
		itemPageHas(t, pak.get(t, path+"/versions?n=3"), 200, "Sixty days is the least", "Fall back to forty-five days")
		r = blr.get(t, path+"/versions?n=3")
		itemPageHas(t, r, 200, `id="article-2"`)
		itemPageLacks(t, r, "Sixty days is the least", "Fall back to forty-five days")

		// Belarus records the agreed text; Pakistan's line ministry approves it on the page.
		itemPageHas(t, blr.get(t, path), 200, `id="agree-form"`)
		itemPageHas(t, blr.post(t, path+"/agree", url.Values{"version": {fmt.Sprint(agreementVersion(t, e, mou.ID))}, "text_version": {"3"}}), http.StatusSeeOther)
		holdSteps(t, e, "desk.pakistan@entente.example", "PAK", "Ministry of Industries and Production")
		itemPageHas(t, pak.get(t, path), 200, `id="decide-PAK-1"`)
		itemPageHas(t, pak.post(t, path+"/approvals", url.Values{"step": {"1"}, "text_version": {"3"}, "decision": {"returned"}}),
			http.StatusUnprocessableEntity, "note")
		itemPageHas(t, pak.post(t, path+"/approvals", url.Values{"step": {"1"}, "text_version": {"3"}, "decision": {"approved"}}), http.StatusSeeOther)
		itemPageHas(t, blr.get(t, path), 200, "in progress (internal to that side)", `id="sign-blocked"`)
		for lang, want := range map[string]string{"ru": "Одобрение каждой из сторон", "ur": "ہر فریق کی منظوریاں"} {
			itemPageHas(t, pageClient{e: e, token: e.tokens["PAK"], lang: lang}.get(t, path), 200, want)
		}
	})
}

// agreementVersion reads an agreement's current version, for forms that change it.
func agreementVersion(t *testing.T, e *env, id int64) int {
	a, err := e.svc.Agreements.FindAgreementByID(textsSystemCtx(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a.Version
}

// TestDraftUploadReadsMarkdownFiles posts the new-version form with a Markdown file, and
// refuses a file of another kind.
func TestDraftUploadReadsMarkdownFiles(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	mou := demoMoU(t, e)
	post := func(name, content string) response {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		for k, v := range map[string]string{"base": "1", "round": "0", "scope": "BLR", "lang_0": "ru"} {
			mw.WriteField(k, v)
		}
		fw, _ := mw.CreateFormFile("file_0", name)
		fw.Write([]byte(content))
		mw.Close()
		req := httptest.NewRequest("POST", fmt.Sprintf("/agreements/%d/versions", mou.ID), &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", "Bearer "+e.tokens["BLR"])
		rec := httptest.NewRecorder()
		e.handler.ServeHTTP(rec, req)
		return response{rec.Code, rec.Header(), rec.Body.Bytes()}
	}
	md := "# Меморандум\n\n## Статья 1. Цель\n\nСтороны сотрудничают.\n"
	itemPageHas(t, post("draft.pdf", md), http.StatusUnprocessableEntity, "draft.pdf is not a .txt or .md file")
	r := post("проект.md", md)
	itemPageHas(t, r, http.StatusSeeOther)
	if loc := r.header.Get("Location"); !strings.Contains(loc, "versions?n=2") {
		t.Fatalf("went to %s", loc)
	}
	itemPageHas(t, pageClient{e: e, token: e.tokens["BLR"]}.get(t, fmt.Sprintf("/agreements/%d/versions?n=2", mou.ID)), 200,
		"Статья 1 – Цель", "Стороны сотрудничают.")
}

// TestSigningFormOnTheAgreementPage agrees and approves Belarus's draft behind the page's
// back, then has Pakistan's signatory sign on the page: a wrong passphrase is refused and never
// shown again, the right one signs, and the page shows the signature verified.
func TestSigningFormOnTheAgreementPage(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	mou := demoMoU(t, e)
	sys := textsSystemCtx()
	if _, err := e.svc.AgreementTexts.CreateAgreementVersion(sys, &entente.NewAgreementVersion{AgreementID: mou.ID, Base: 1,
		Party: "BLR", Drafts: []entente.Draft{mouText("en", 30, false, false)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.AgreementTexts.AgreeText(sys, mou.ID, entente.AgreedText{Version: agreementVersion(t, e, mou.ID), TextVersion: 2}); err != nil {
		t.Fatal(err)
	}
	for party, steps := range map[string]int{"PAK": 4, "BLR": 3} {
		for step := 1; step <= steps; step++ {
			if _, err := e.svc.Approvals.DecideApproval(sys, mou.ID, entente.ApprovalDecision{Party: party, Step: step, TextVersion: 2, Decision: "approved"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	token, account := signatoryToken(t, e, "PAK")
	c := pageClient{e: e, token: token}
	path := fmt.Sprintf("/agreements/%d", mou.ID)
	r := c.get(t, path)
	itemPageHas(t, r, 200, `id="sign-form"`, `id="copy-side-by-side"`, "Sign version 2")
	key := keyOf(t, e, token, "PAK")
	form := url.Values{"text_version": {"2"}, "key_id": {fmt.Sprint(key)}, "passphrase": {"Not the passphrase at all"}, "place": {"Islamabad"}}
	r = c.post(t, path+"/sign", form)
	itemPageHas(t, r, http.StatusUnprocessableEntity, "The passphrase does not open this key.", `value="Islamabad"`)
	itemPageLacks(t, r, "Not the passphrase at all")
	form.Set("passphrase", account.Passphrase)
	itemPageHas(t, c.post(t, path+"/sign", form), http.StatusSeeOther)
	itemPageHas(t, c.get(t, path), 200, `id="signatures"`, "Ishaq Dar", `id="verification"`, "The signature verifies")
}
