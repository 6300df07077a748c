package server_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// theStatement is the statement about the talks of 26 November 2024 the demo is built on.
func theStatement(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "pak-blr-2024-11-26.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// laterStatement reports the round in Minsk as held and plans the commission's session.
const laterStatement = `MINSK, 10 December 2024 – The delegations of Pakistan and Belarus met in Minsk today to turn the roadmap into concrete steps.

The two sides agreed to hold the eighth session of the Joint Ministerial Commission in Islamabad in February next year.`

func TestReadAndApplyThroughTheAPI(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.tokens["PAK"]
		r := e.do(t, "POST", "/api/v1/sources", tok, map[string]any{"text": theStatement(t), "date": "2024-11-26",
			"publisher": "Press Information Department"}).want(t, http.StatusCreated)
		var src entente.Source
		r.decode(t, &src)
		if r.header.Get("Location") != fmt.Sprintf("/api/v1/sources/%d", src.ID) || src.Language != "en" {
			t.Fatalf("source %+v at %s", src, r.header.Get("Location"))
		}
		x, err := entente.ParseExtraction(src.Extraction, src.Text)
		if err != nil || len(x.Events) != 6 || x.Events[3].HostParty != "BLR" {
			t.Fatalf("draft %v (%v)", x, err)
		}
		// The demo roadmap already holds the meetings of these talks: applying the statement
		// matches them all, and applying it again changes nothing.
		app := map[string]any{"roadmap_id": e.demo.Roadmap.ID, "accept_all": true}
		var res entente.SourceApplied
		e.do(t, "POST", fmt.Sprintf("/api/v1/sources/%d/apply", src.ID), tok, app).want(t, http.StatusOK).decode(t, &res)
		for _, it := range res.Items {
			if it.EntityType == "meeting" && it.Outcome == entente.OutcomeCreated {
				t.Errorf("meeting %s (%s) was created, not matched to the demo's", it.Ref, it.Title)
			}
		}
		var again entente.SourceApplied
		e.do(t, "POST", fmt.Sprintf("/api/v1/sources/%d/apply", src.ID), tok, app).want(t, http.StatusOK).decode(t, &again)
		if again.Created+again.Updated != 0 || again.Matched != len(again.Items) {
			t.Fatalf("the second application created %d and updated %d", again.Created, again.Updated)
		}

		// A later statement moves the round in Minsk to held and adds the commission's session.
		var later entente.Source
		e.do(t, "POST", "/api/v1/sources", tok, map[string]any{"text": laterStatement, "published_on": "2024-12-10"}).
			want(t, http.StatusCreated).decode(t, &later)
		var moved entente.SourceApplied
		e.do(t, "POST", fmt.Sprintf("/api/v1/sources/%d/apply", later.ID), tok, map[string]any{"roadmap_id": e.demo.Roadmap.ID,
			"meetings": []map[string]any{{"ref": "e1"}, {"ref": "e2", "title": "Eighth session of the JMC"}}}).want(t, http.StatusOK).decode(t, &moved)
		if len(moved.Items) != 2 || moved.Items[0].Outcome != entente.OutcomeUpdated || moved.Items[1].Outcome != entente.OutcomeCreated {
			t.Fatalf("later statement: %+v", moved.Items)
		}
		m, err := e.svc.Meetings.FindMeetingByID(itemSystemCtx(), moved.Items[0].EntityID)
		if err != nil || m.Status != entente.MeetingHeld || m.Location != "Minsk" {
			t.Fatalf("the round in Minsk is %+v (%v)", m, err)
		}
	})
}

func TestReadingRefusesBadInputThroughTheAPI(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		tok := e.tokens["PAK"]
		for _, tc := range []struct {
			name   string
			body   any
			status int
			field  string
			says   string
		}{
			{"empty text", map[string]any{"text": "", "date": "2024-11-26"}, 400, "text", "empty"},
			{"binary junk", map[string]any{"text": "\x00\x01\x02\x03\x04\x05\x06\x07PK\x03\x04", "date": "2024-11-26"}, 400, "text", "not text"},
			{"another language", map[string]any{"text": "Стороны договорились встретиться в Минске в феврале.", "date": "2024-11-26"}, 400, "text", "No English sentences found"},
			{"more than 5 MiB", map[string]any{"text": strings.Repeat("The sides met. ", entente.MaxSourceText/15+1), "date": "2024-11-26"}, 400, "text", "5 MiB"},
			{"a date that is not a date", map[string]any{"text": "The sides met today.", "date": "2025-02-30"}, 400, "date", "not a date"},
			{"no date", map[string]any{"text": "The sides met today."}, 400, "date", "required"},
			{"an unknown field", map[string]any{"text": "The sides met today.", "date": "2024-11-26", "body": "x"}, 400, "body", "not a field"},
			{"a draft that is no draft", map[string]any{"text": "The sides met.", "date": "2024-11-26", "extraction": []int{1}}, 400, "extraction", "not a draft"},
			{"a JSON array", `[1, 2]`, 400, "", "JSON object"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := e.do(t, "POST", "/api/v1/sources", tok, tc.body).want(t, tc.status)
				var p struct {
					Detail string `json:"detail"`
					Errors []struct{ Field, Detail string }
				}
				r.decode(t, &p)
				said := p.Detail
				for _, f := range p.Errors {
					if f.Field == tc.field {
						said += " " + f.Detail
					}
				}
				if !strings.Contains(said, tc.says) || (tc.field != "" && said == p.Detail) {
					t.Fatalf("problem %s, want %s to say %q", r.body, tc.field, tc.says)
				}
			})
		}
		var none entente.Source
		e.do(t, "POST", "/api/v1/sources", tok, map[string]any{"text": "Pakistan and Belarus discussed trade.", "date": "2024-11-26"}).
			want(t, http.StatusCreated).decode(t, &none)
		if !strings.Contains(string(none.Extraction), "No dates were found") {
			t.Fatalf("a text without dates has the draft %s", none.Extraction)
		}
		e.do(t, "POST", "/api/v1/sources", e.readTok["PAK"], map[string]any{"text": "The sides met.", "date": "2024-11-26"}).want(t, http.StatusForbidden)
		e.do(t, "POST", "/api/v1/sources", "", map[string]any{"text": "The sides met.", "date": "2024-11-26"}).want(t, http.StatusUnauthorized)
		path := fmt.Sprintf("/api/v1/sources/%d/apply", none.ID)
		e.do(t, "POST", path, tok, map[string]any{"roadmap_id": e.demo.Roadmap.ID, "meetings": []map[string]any{{"ref": "e9"}}}).want(t, http.StatusBadRequest)
		e.do(t, "POST", path, tok, map[string]any{"roadmap_id": e.demo.Roadmap.ID, "meetings": []map[string]any{{"ref": "e1", "color": "red"}}}).want(t, http.StatusBadRequest)
		e.do(t, "POST", "/api/v1/sources/999999/apply", tok, map[string]any{"accept_all": true}).want(t, http.StatusNotFound)
	})
}

// multipartRead posts the read form with a file, as a browser does.
func multipartRead(t *testing.T, e *env, token string, fields map[string]string, fileName, file string) response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if fileName != "" {
		fw, err := mw.CreateFormFile("file", fileName)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(file))
	}
	mw.Close()
	req := httptest.NewRequest("POST", "/read", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	e.handler.ServeHTTP(rec, req)
	return response{rec.Code, rec.Header(), rec.Body.Bytes()}
}

func TestReadAStatementPages(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		rm := e.demo.Roadmap.ID
		cl := pageClient{e: e, token: e.tokens["PAK"]}
		itemPageHas(t, cl.get(t, fmt.Sprintf("/roadmaps/%d/read", rm)), 200, "Read a statement", `enctype="multipart/form-data"`,
			`name="roadmap_id" value="`+fmt.Sprint(rm)+`"`, `value="2024-11-26"`)
		itemPageHas(t, cl.get(t, fmt.Sprintf("/roadmaps/%d", rm)), 200, fmt.Sprintf(`href="/roadmaps/%d/read"`, rm))
		itemPageHas(t, cl.get(t, "/"), 200, `href="/read"`)

		// Bad input shows the form again, with the problem next to the field.
		r := multipartRead(t, e, e.tokens["PAK"], map[string]string{"text": "Привет, мир. Это не английский текст.", "published_on": "2024-11-26"}, "", "")
		itemPageHas(t, r, http.StatusUnprocessableEntity, `id="p-text"`, "no English sentences found")
		r = multipartRead(t, e, e.tokens["PAK"], map[string]string{"text": laterStatement, "published_on": "2024-13-01"}, "", "")
		itemPageHas(t, r, http.StatusUnprocessableEntity, `id="p-published_on"`)
		r = multipartRead(t, e, e.tokens["PAK"], map[string]string{"published_on": "2024-11-26"}, "minutes.pdf", "%PDF-1.4")
		itemPageHas(t, r, http.StatusUnprocessableEntity, `id="p-file"`, "upload a .txt or .html file")

		// An uploaded page is read without its markup; its review marks the sentences and lists
		// the items, and never shows the page's markup as markup.
		page := `<html><head><script>alert("in two weeks")</script></head><body><nav>Home</nav><p>MINSK, 10 December 2024 – The delegations of Pakistan and Belarus met in Minsk today. <b>&lt;script&gt;</b></p>` +
			`<p>The two sides agreed to hold the eighth session of the Joint Ministerial Commission in Islamabad in February next year.</p></body></html>`
		r = multipartRead(t, e, e.tokens["PAK"], map[string]string{"published_on": "2024-12-10", "roadmap_id": fmt.Sprint(rm)}, "talks.html", page)
		itemPageHas(t, r, http.StatusSeeOther)
		review := r.header.Get("Location")
		got := cl.get(t, review)
		itemPageHas(t, got, 200, "<mark id=\"ev-", `href="#item-e1"`, "talks in Minsk", "10 December 2024",
			`name="decision.e1" value="accept" checked`, "&lt;script&gt;", "Commission session")
		itemPageLacks(t, got, "<script>alert", "<b>")

		// Applying: the round in Minsk is held now; the session is new.
		form := url.Values{}
		for k, v := range formOf(t, got.body) {
			form[k] = v
		}
		form.Set("e2.title", "Eighth session of the JMC")
		applied := cl.post(t, review+"/apply", form)
		itemPageHas(t, applied, 200, "Applied to", "Eighth session of the JMC", "updated", "created", fmt.Sprintf(`href="/roadmaps/%d/meetings"`, rm))
		itemPageHas(t, cl.get(t, fmt.Sprintf("/roadmaps/%d/meetings", rm)), 200, "Eighth session of the JMC")
		itemPageHas(t, cl.get(t, review), 200, "meeting #")

		// In Russian and Urdu the pages speak the language, right to left for Urdu.
		for lang, want := range map[string]string{"ru": "Прочитать заявление", "ur": "بیان پڑھیں"} {
			l := pageClient{e: e, token: e.tokens["PAK"], lang: lang}
			itemPageHas(t, l.get(t, fmt.Sprintf("/roadmaps/%d/read", rm)), 200, want)
			itemPageLacks(t, l.get(t, review), "reading.")
		}
	})
}

func TestApplyFormShowsProblemsNextToItems(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		cl := pageClient{e: e, token: e.tokens["BLR"]}
		r := multipartRead(t, e, e.tokens["BLR"], map[string]string{"text": theStatement(t), "published_on": "2024-11-26"}, "", "")
		itemPageHas(t, r, http.StatusSeeOther)
		review := r.header.Get("Location")
		page := cl.get(t, review)
		itemPageHas(t, page, 200, `name="target" value="new" checked`, "A new roadmap for PAK, BLR", `name="decision.t.agriculture"`)
		form := formOf(t, page.body)
		form.Set("e4.when.value", "next spring")
		form.Set("decision.c2", "reject")
		form.Set("c1.responsible", "")
		refused := cl.post(t, review+"/apply", form)
		itemPageHas(t, refused, http.StatusUnprocessableEntity, `id="p-e4.when"`, `value="next spring"`, `name="decision.c2" value="reject" checked`)
		form.Set("e4.when.value", "2024-12-12")
		form.Set("c1.responsible", "both")
		form.Set("new_title", "Roadmap read from the talks")
		done := cl.post(t, review+"/apply", form)
		itemPageHas(t, done, 200, "Applied to “Roadmap read from the talks”")
		if strings.Contains(string(done.body), "Reconvene this afternoon") {
			t.Fatal("the rejected commitment was applied")
		}
	})
}

// formOf reads the values a browser would post from the apply form of a review page: text
// inputs, checked radios and boxes, selected options and text areas.
func formOf(t *testing.T, page []byte) url.Values {
	t.Helper()
	return parseFormValues(t, string(page))
}
