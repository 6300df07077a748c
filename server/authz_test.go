package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/demo"
	"github.com/entente/entente/server"
)

// caller is one kind of visitor the authorization test signs in as.
type caller struct {
	name   string
	token  string // "" for an anonymous visitor
	party  string
	writes bool // may this caller change the demo roadmap at all
}

// internals are items internal to Pakistan that the test plants besides the demo's internal
// note, with their ids and the text no other party may ever read.
type internals struct {
	note, position, attachment, source int64
	texts                              []string
}

// TestEveryRouteKeepsInternalItemsAndWritesToThoseAllowed signs in as each role of each party
// and as an anonymous visitor and calls every route of the server. It fails when a route is
// not covered (its path cannot be built), when any answer to someone outside Pakistan
// contains Pakistan's internal texts, when an internal item of Pakistan is anything but "not
// found" for others, and when a caller who may not write changes anything (every change is
// audited, so the audit trail must not grow).
func TestEveryRouteKeepsInternalItemsAndWritesToThoseAllowed(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		ids := e.routeIDs(t)
		in := e.plantInternals(t, ids)
		ids.byName["positions"], ids.byName["attachments"], ids.byName["sources"] = in.position, in.attachment, in.source
		callers := e.callers(t)
		patterns := e.handler.(*server.Server).RoutePatterns()
		for _, pattern := range patterns {
			method, path, ok := ids.build(pattern)
			if !ok {
				t.Errorf("route %q is not covered by the authorization test: teach routeIDs.build its placeholders", pattern)
				continue
			}
			for _, c := range callers {
				if method == "GET" {
					e.checkRead(t, c, pattern, path, in)
				} else if !c.writes && !publicWrites[pattern] {
					e.checkRefusedWrite(t, c, method, pattern, path, in)
				}
			}
		}
		// Writes aimed at Pakistan's internal items by Belarus find nothing to change.
		blr := callers[2]
		for _, p := range []string{fmt.Sprintf("/notes/%d/delete", in.note), fmt.Sprintf("/positions/%d/delete", in.position),
			fmt.Sprintf("/attachments/%d/delete", in.attachment), fmt.Sprintf("/api/v1/notes/%d", in.note)} {
			method := "POST"
			if strings.HasPrefix(p, "/api/") {
				method = "DELETE"
			}
			e.checkRefusedWrite(t, blr, method, method+" "+p, p, in)
		}
	})
}

// publicWrites may be posted by anyone: they change only the visitor's own session.
var publicWrites = map[string]bool{"POST /lang": true, "POST /signin": true, "POST /signout": true, "POST /reset": true}

func (e *env) callers(t *testing.T) []caller {
	viewer := e.memberToken(t, "viewer@mofa.gov.pk", "PAK", entente.RoleViewer)
	return []caller{
		{"anonymous visitor", "", "", false},
		{"Pakistani editor", e.tokens["PAK"], "PAK", true},
		{"Belarusian editor", e.tokens["BLR"], "BLR", true},
		{"Pakistani viewer", viewer, "PAK", false},
		{"Belarusian read-only token", e.readTok["BLR"], "BLR", false},
		{"administrator of the joint secretariat", e.tokens["JOINT"], entente.JointSecretariat, true},
	}
}

// memberToken makes an account with a role in the demo roadmap and returns a write token.
func (e *env) memberToken(t *testing.T, email, party string, role entente.Role) string {
	sys := entente.WithCaller(context.Background(), entente.SystemCaller)
	u := &entente.User{Email: email, Name: "Member", Party: party, Memberships: []entente.Membership{{RoadmapID: e.demo.Roadmap.ID, Role: role}}}
	if err := e.svc.Users.CreateUser(sys, u, "correct horse battery staple"); err != nil {
		t.Fatal(err)
	}
	secret, _, err := e.svc.Users.CreateAPIToken(entente.WithCaller(context.Background(), u.Caller()), "test", entente.TokenScopeWrite)
	if err != nil {
		t.Fatal(err)
	}
	return secret
}

// checkRead asks for a page or a document and checks that nothing internal to Pakistan
// reaches anyone else, and that Pakistan's internal items are not found by them.
func (e *env) checkRead(t *testing.T, c caller, pattern, path string, in internals) {
	t.Helper()
	rec := e.request(c, "GET", path)
	if c.party == "PAK" {
		return
	}
	body := rec.Body.String()
	for _, text := range in.texts {
		if strings.Contains(body, text) {
			t.Errorf("%s: the %s reads Pakistan's internal text %q", pattern, c.name, text[:min(40, len(text))])
		}
	}
	if targetsInternal(path, in) && rec.Code != http.StatusNotFound && rec.Code != http.StatusSeeOther {
		t.Errorf("%s: the %s gets %d for an internal item of Pakistan, want 404", pattern, c.name, rec.Code)
	}
}

// checkRefusedWrite sends a change that the caller may not make and checks that it fails
// and writes nothing.
func (e *env) checkRefusedWrite(t *testing.T, c caller, method, pattern, path string, in internals) {
	t.Helper()
	before := e.auditCount(t)
	rec := e.request(c, method, path)
	if rec.Code < 400 && !(rec.Code == http.StatusSeeOther && refusalRedirect(rec)) {
		t.Errorf("%s: the %s's change was answered %d", pattern, c.name, rec.Code)
	}
	if after := e.auditCount(t); after != before {
		t.Errorf("%s: the %s changed something (%d audit entries written)", pattern, c.name, after-before)
	}
	if c.party != "PAK" {
		for _, text := range in.texts {
			if strings.Contains(rec.Body.String(), text) {
				t.Errorf("%s: the refusal to the %s quotes Pakistan's internal text", pattern, c.name)
			}
		}
	}
}

// refusalRedirect reports whether a redirect sends the browser to sign in or back with a
// notice that nothing was done.
func refusalRedirect(rec *httptest.ResponseRecorder) bool {
	loc := rec.Header().Get("Location")
	return strings.HasPrefix(loc, "/signin") || strings.Contains(loc, "notice.") && !strings.Contains(loc, "notice.saved") &&
		!strings.Contains(loc, "notice.created") && !strings.Contains(loc, "notice.deleted")
}

func targetsInternal(path string, in internals) bool {
	for _, p := range []string{fmt.Sprintf("/notes/%d", in.note), fmt.Sprintf("/positions/%d", in.position),
		fmt.Sprintf("/attachments/%d", in.attachment), fmt.Sprintf("/sources/%d", in.source)} {
		if strings.HasSuffix(path, p) || strings.Contains(path, p+"/") || strings.Contains(path, p+"?") {
			return true
		}
	}
	return false
}

// request sends one request as the caller, with an empty form or JSON body for changes.
func (e *env) request(c caller, method, path string) *httptest.ResponseRecorder {
	var req *http.Request
	switch {
	case method == "GET":
		req = httptest.NewRequest(method, path, nil)
	case strings.HasPrefix(path, "/api/"):
		req = httptest.NewRequest(method, path, strings.NewReader(`{"version": 1}`))
		req.Header.Set("Content-Type", "application/json")
	default:
		req = httptest.NewRequest(method, path, strings.NewReader("version=1"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	rec := httptest.NewRecorder()
	e.handler.ServeHTTP(rec, req)
	return rec
}

func (e *env) auditCount(t *testing.T) int {
	t.Helper()
	rep, err := e.db.VerifyAudit(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rep.Entries
}

// plantInternals adds a position, a file and a source internal to Pakistan.
func (e *env) plantInternals(t *testing.T, ids routeIDs) internals {
	t.Helper()
	pak := e.pakCaller(t)
	in := internals{note: ids.byName["notes"], texts: []string{demo.InternalNote}}
	pos := &entente.Position{EntityType: "action", EntityID: ids.byName["actions"], Stance: "reserve",
		Text: "Internal fallback: accept a six-month delay rather than lose the clause on tractors."}
	if err := e.svc.Positions.CreatePosition(pak, pos); err != nil {
		t.Fatal(err)
	}
	file := &entente.Attachment{EntityType: "action", EntityID: ids.byName["actions"], Scope: "PAK", FileName: "brief.txt"}
	if err := e.svc.Attachments.CreateAttachment(pak, file, []byte("Internal brief for the Cabinet summary, not for the other side.")); err != nil {
		t.Fatal(err)
	}
	src := &entente.Source{Title: "Internal cable", Text: "Internal cable on the negotiating line for February.",
		PublishedOn: entente.Date{Year: 2024, Month: 11, Day: 27}, Scope: "PAK"}
	if err := e.svc.Sources.CreateSource(pak, src); err != nil {
		t.Fatal(err)
	}
	in.position, in.attachment, in.source = pos.ID, file.ID, src.ID
	in.texts = append(in.texts, pos.Text, "Internal brief for the Cabinet summary", "Internal cable on the negotiating line")
	return in
}

func (e *env) pakCaller(t *testing.T) context.Context {
	email, pw := account(e, "PAK")
	u, err := e.svc.Auth.SignIn(context.Background(), email, pw, "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	return entente.WithCaller(context.Background(), u.Caller())
}

// routeIDs are the ids of demo items that fill the placeholders of the routes.
type routeIDs struct {
	byName map[string]int64 // the segment before {id} → an id of that kind
	parts  map[string]int64 // the segment before {part} → an id of that kind
}

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// build turns a route pattern into a method and a concrete path, or reports that it cannot.
func (ids routeIDs) build(pattern string) (string, string, bool) {
	method, path, found := strings.Cut(pattern, " ")
	if !found {
		method, path = "GET", pattern
	}
	path = strings.TrimSuffix(path, "{$}")
	segs := strings.Split(path, "/")
	for i, s := range segs {
		if !placeholder.MatchString(s) {
			continue
		}
		prev := ""
		if i > 0 {
			prev = segs[i-1]
		}
		var v int64
		switch s {
		case "{code}":
			segs[i] = "PAK"
			continue
		case "{table}":
			segs[i] = "rca.csv"
			continue
		case "{n}":
			segs[i] = "1"
			continue
		case "{m}":
			segs[i] = "2"
			continue
		case "{kind}":
			segs[i] = "mou"
			continue
		case "{part}":
			v = ids.parts[prev]
		default:
			v = ids.byName[prev]
		}
		if v == 0 {
			return "", "", false
		}
		segs[i] = fmt.Sprint(v)
	}
	if strings.HasSuffix(path, "/") && path != "/" {
		segs = append(segs, "missing")
	}
	return method, strings.Join(segs, "/"), true
}
