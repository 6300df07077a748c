package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/entente/entente"
	"github.com/entente/entente/demo"
)

// mouText is one language's text of the memorandum as the negotiators type it.
func mouText(lang string, days int, assembly, intellectual bool) entente.Draft {
	supply := "The Parties shall cooperate in the supply of tractors and combine harvesters"
	if assembly {
		supply += ", and in their local assembly in Pakistan"
	}
	arts := []string{"Scope\n" + supply + ".", fmt.Sprintf("Joint Working Group\nA Joint Working Group shall meet within %d days.", days)}
	if intellectual {
		arts = append(arts, "Intellectual property\nEach Party shall protect the intellectual property transferred under this Memorandum.")
	}
	arts = append(arts, "Entry into force\nThis Memorandum shall enter into force on the date of the last notification.")
	keyword := "Article"
	if lang == "ru" {
		keyword = "Статья"
	}
	var b strings.Builder
	b.WriteString("Memorandum of Understanding on Agricultural Machinery\n\n")
	for i, a := range arts {
		fmt.Fprintf(&b, "%s %d. %s\n\n", keyword, i+1, a)
	}
	return entente.Draft{Language: lang, Text: b.String()}
}

func newVersion(base, round int, days int, assembly, intellectual bool) map[string]any {
	return map[string]any{"base": base, "round": round, "drafts": []entente.Draft{mouText("en", days, assembly, intellectual)}}
}

// demoMoU finds the demo's memorandum on agricultural machinery.
func demoMoU(t testing.TB, e *env) *entente.Agreement {
	t.Helper()
	list, _, err := e.svc.Agreements.FindAgreements(textsSystemCtx(), entente.AgreementFilter{RoadmapID: e.demo.Roadmap.ID, Kind: "mou", Q: "agricultural machinery"})
	if err != nil || len(list) != 1 {
		t.Fatalf("the demo's memorandum: %v %d", err, len(list))
	}
	return list[0]
}

// withAccept sends a GET with an Accept header.
func (e *env) withAccept(t testing.TB, path, token, accept string) response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept", accept)
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	e.handler.ServeHTTP(rec, req)
	validate(t, req, rec)
	return response{rec.Code, rec.Header(), rec.Body.Bytes()}
}

// wantProblem fails unless the response is a problem with the status whose text has want.
func (r response) wantProblem(t testing.TB, status int, want string) {
	t.Helper()
	r.want(t, status)
	if !strings.Contains(string(r.body), want) {
		t.Fatalf("problem %s lacks %q", r.body, want)
	}
}

// holdSteps makes a demo desk officer a member of every body that approves for their party.
func holdSteps(t testing.TB, e *env, email, party string, bodies ...string) {
	t.Helper()
	ctx := textsSystemCtx()
	u, err := e.svc.Users.FindUserByEmail(ctx, email)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, name := range bodies {
		list, _, err := e.svc.Bodies.FindBodies(ctx, entente.BodyFilter{Party: party, Q: name})
		if err != nil || len(list) == 0 {
			t.Fatalf("body %q: %v", name, err)
		}
		ids = append(ids, list[0].ID)
	}
	if _, err := e.svc.Users.UpdateUser(ctx, u.ID, entente.UserUpdate{Version: u.Version, BodyIDs: &ids}); err != nil {
		t.Fatal(err)
	}
}

// signatoryToken signs a demo signatory in and makes a write token for them.
func signatoryToken(t testing.TB, e *env, party string) (string, demo.Account) {
	t.Helper()
	for _, a := range e.demo.Signatories {
		if a.Party != party {
			continue
		}
		u, err := e.svc.Auth.SignIn(context.Background(), a.Email, a.Password, "127.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		tok, _, err := e.svc.Users.CreateAPIToken(entente.WithCaller(context.Background(), u.Caller()), "signing", entente.TokenScopeWrite)
		if err != nil {
			t.Fatal(err)
		}
		return tok, a
	}
	t.Fatalf("no demo signatory of %s", party)
	return "", demo.Account{}
}

// keyOf finds the id of a party's signing key through the API.
func keyOf(t testing.TB, e *env, token, party string) int64 {
	var keys struct{ Items []entente.SignatoryKey }
	e.do(t, "GET", "/api/v1/signatory-keys?party="+party, token, nil).want(t, 200).decode(t, &keys)
	if len(keys.Items) != 1 {
		t.Fatalf("%s has %d keys", party, len(keys.Items))
	}
	return keys.Items[0].ID
}

// textsSystemCtx acts as the system, to arrange what a test needs behind the API's back.
func textsSystemCtx() context.Context {
	return entente.WithCaller(context.Background(), entente.SystemCaller)
}

// The contract test reads the documents the export gives: Markdown as text, PDF as bytes.
func init() {
	openapi3filter.RegisterBodyDecoder("text/markdown", openapi3filter.FileBodyDecoder)
	openapi3filter.RegisterBodyDecoder("application/pdf", openapi3filter.FileBodyDecoder)
}
