// Package server is entente's HTTP adapter: the JSON API under /api/v1, the web pages, the
// exports, and the middleware around them. It knows the domain's services by their interfaces
// only; cmd/entente wires in the real ones.
package server

import (
	"context"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
	"github.com/entente/entente/trade"
	"github.com/entente/entente/web"
)

// Services are the domain services the server calls.
type Services struct {
	Parties     entente.PartyService
	Roadmaps    entente.RoadmapService
	Tracks      entente.TrackService
	Bodies      entente.BodyService
	People      entente.PersonService
	Actions     entente.ActionService
	Meetings    entente.MeetingService
	Agreements  entente.AgreementService
	Commitments entente.CommitmentService
	Interests   entente.InterestService
	Sources     entente.SourceService
	Notes       entente.NoteService
	Audit       entente.AuditService
	Users       entente.UserService
	Auth        entente.AuthService
	Schedules   entente.ScheduleService
	Positions   entente.PositionService
	Attachments entente.AttachmentService
	// Feeds keeps users' calendar feed links and imports calendar files into meetings.
	Feeds entente.FeedService
	// Reading reads statements into sources and applies what users accept of them.
	Reading entente.ReadingService
	// Calendars keeps the parties' calendar overrides and gives their working calendars.
	Calendars CalendarService
	// Trade holds the loaded trade statistics; nil serves the trade pages without data.
	Trade trade.Store
	// AgreementTexts, Approvals, Signing and Procedures carry agreements from the first draft
	// to entry into force.
	AgreementTexts entente.AgreementTextService
	Approvals      entente.ApprovalService
	Signing        entente.SigningService
	Procedures     entente.ProcedureService
	// Printer prints signing copies to PDF; nil when no browser is available.
	Printer Printer
}

// Session lifetimes: a session ends after an hour without requests, and after twelve hours in
// any case.
const (
	sessionIdle     = time.Hour
	sessionLifetime = 12 * time.Hour
)

// Server serves entente over HTTP.
type Server struct {
	log      *slog.Logger
	clock    entente.Clock
	svc      Services
	sessions *scs.SessionManager
	ping     func(context.Context) error
	catalog  *i18n.Catalog
	assets   *web.Assets
	pages    map[string]*template.Template
	handler  http.Handler
}

// NewServer returns a server over the services. Browser sessions are kept in store; ping
// checks the database for /healthz. It fails only if the embedded templates or catalogues do
// not parse.
func NewServer(log *slog.Logger, clock entente.Clock, svc Services, store scs.CtxStore, ping func(context.Context) error) (*Server, error) {
	catalog, err := i18n.New()
	if err != nil {
		return nil, err
	}
	assets, err := web.NewAssets()
	if err != nil {
		return nil, err
	}
	pages, err := web.Pages(templateFuncs(assets))
	if err != nil {
		return nil, err
	}
	sm := scs.New()
	sm.Store = store
	sm.IdleTimeout = sessionIdle
	sm.Lifetime = sessionLifetime
	sm.Cookie.Name = "entente_session"
	sm.Cookie.HttpOnly = true
	sm.Cookie.Secure = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	s := &Server{log: log, clock: clock, svc: svc, sessions: sm, ping: ping, catalog: catalog, assets: assets, pages: pages}
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.Handle(rt.pattern, rt.handler)
	}
	s.handler = s.middleware(mux)
	return s, nil
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// today is the civil date (UTC) of the server's clock.
func (s *Server) today() entente.Date { return entente.DateOf(s.clock.Now().UTC()) }
