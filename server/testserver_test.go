package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/demo"
	"github.com/entente/entente/internal/testdb"
	"github.com/entente/entente/planning"
	"github.com/entente/entente/reading"
	"github.com/entente/entente/server"
	"github.com/entente/entente/sqlstore"
)

// testNow is the instant of the test server's clock: the morning of the leaders' talks.
var testNow = time.Date(2024, 11, 26, 6, 0, 0, 0, time.UTC)

// env is a server over a real database loaded with the demo roadmap, with an API token for
// each demo account.
type env struct {
	db      *sqlstore.DB
	handler http.Handler
	demo    *demo.Result
	svc     server.Services
	tokens  map[string]string // party (JOINT for the administrator) → write token
	readTok map[string]string // party → read token
}

// eachDB runs a test against a server on SQLite, and on PostgreSQL when ENTENTE_TEST_POSTGRES
// names a server (always in CI).
func eachDB(t *testing.T, test func(t *testing.T, e *env)) {
	t.Run("sqlite", func(t *testing.T) { test(t, newEnv(t, openSQLite(t))) })
	t.Run("postgres", func(t *testing.T) { test(t, newEnv(t, openPostgres(t))) })
}

func openSQLite(t testing.TB) *sqlstore.DB { return testdb.SQLite(t, entente.FixedClock(testNow)) }

func openPostgres(t testing.TB) *sqlstore.DB { return testdb.Postgres(t, entente.FixedClock(testNow)) }

func services(db *sqlstore.DB) server.Services {
	return server.Services{
		Parties: sqlstore.NewPartyService(db), Roadmaps: sqlstore.NewRoadmapService(db),
		Tracks: sqlstore.NewTrackService(db), Bodies: sqlstore.NewBodyService(db),
		People: sqlstore.NewPersonService(db), Actions: sqlstore.NewActionService(db),
		Meetings: sqlstore.NewMeetingService(db), Agreements: sqlstore.NewAgreementService(db),
		Commitments: sqlstore.NewCommitmentService(db), Interests: sqlstore.NewInterestService(db),
		Sources: sqlstore.NewSourceService(db), Notes: sqlstore.NewNoteService(db),
		Audit: sqlstore.NewAuditService(db), Users: sqlstore.NewUserService(db), Auth: sqlstore.NewAuthService(db),
		Schedules: planning.NewScheduleService(planning.Services{Roadmaps: sqlstore.NewRoadmapService(db),
			Actions: sqlstore.NewActionService(db), Meetings: sqlstore.NewMeetingService(db),
			Agreements: sqlstore.NewAgreementService(db), Parties: sqlstore.NewPartyService(db),
			Calendars: sqlstore.NewCalendarService(db), Changes: db}, db),
		Positions: sqlstore.NewPositionService(db), Attachments: sqlstore.NewAttachmentService(db), Feeds: sqlstore.NewFeedService(db),
		Calendars: sqlstore.NewCalendarService(db),
		Reading:   reading.NewService(sqlstore.NewSourceService(db), sqlstore.NewSourceService(db)),
		// Agreements from the first draft to entry into force; PDFs need a browser (see pdfEnv).
		AgreementTexts: sqlstore.NewAgreementTextService(db), Approvals: sqlstore.NewApprovalService(db),
		Signing: sqlstore.NewSigningService(db), Procedures: sqlstore.NewProcedureService(db),
	}
}

func newEnv(t testing.TB, db *sqlstore.DB) *env {
	t.Helper()
	svc := services(db)
	res, err := demo.Load(context.Background(), demo.Services{Parties: svc.Parties, Roadmaps: svc.Roadmaps,
		Tracks: svc.Tracks, Bodies: svc.Bodies, People: svc.People, Actions: svc.Actions, Meetings: svc.Meetings,
		Agreements: svc.Agreements, Commitments: svc.Commitments, Interests: svc.Interests, Notes: svc.Notes,
		Users: svc.Users, AgreementTexts: svc.AgreementTexts, Approvals: svc.Approvals, Signing: svc.Signing,
		Procedures: svc.Procedures}, demo.Today, func() string { return "correct horse battery staple" })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SeedCalendars(context.Background()); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := server.NewServer(log, entente.FixedClock(testNow), svc, sqlstore.NewSessionStore(db), db.Ping)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{db: db, demo: res, svc: svc, tokens: map[string]string{}, readTok: map[string]string{}, handler: srv}
	for _, a := range res.Accounts {
		u, err := svc.Auth.SignIn(context.Background(), a.Email, a.Password, "127.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		ctx := entente.WithCaller(context.Background(), u.Caller())
		if e.tokens[a.Party], _, err = svc.Users.CreateAPIToken(ctx, "test", entente.TokenScopeWrite); err != nil {
			t.Fatal(err)
		}
		if e.readTok[a.Party], _, err = svc.Users.CreateAPIToken(ctx, "test", entente.TokenScopeRead); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

// response is what a request got back.
type response struct {
	status int
	header http.Header
	body   []byte
}

// do sends a request with an optional token (the raw secret, or "" for an anonymous visitor)
// and a body (a string is sent as is, anything else as JSON).
func (e *env) do(t testing.TB, method, path, token string, body any) response {
	t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = bytes.NewBufferString(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	e.handler.ServeHTTP(rec, req)
	validate(t, req, rec)
	return response{rec.Code, rec.Header(), rec.Body.Bytes()}
}

// decode reads a response's JSON.
func (r response) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decoding %s: %v", r.body, err)
	}
}

// want fails unless the response has the status.
func (r response) want(t testing.TB, status int) response {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
	}
	return r
}

// pageClient requests pages as one demo user (by API token, or an anonymous visitor when
// token is "") in one language. Form posts are sent as a browser without JavaScript sends
// them, and as htmx sends them when htmx is set.
type pageClient struct {
	e     *env
	token string
	lang  string
	htmx  bool
}

func (c pageClient) send(t testing.TB, method, path string, form url.Values) response {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	if form != nil {
		req = httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if c.lang != "" {
		req.Header.Set("Accept-Language", c.lang)
	}
	if c.htmx {
		req.Header.Set("HX-Request", "true")
	}
	rec := httptest.NewRecorder()
	c.e.handler.ServeHTTP(rec, req)
	return response{rec.Code, rec.Header(), rec.Body.Bytes()}
}

func (c pageClient) get(t testing.TB, path string) response {
	t.Helper()
	return c.send(t, "GET", path, nil)
}

func (c pageClient) post(t testing.TB, path string, form url.Values) response {
	t.Helper()
	return c.send(t, "POST", path, form)
}
