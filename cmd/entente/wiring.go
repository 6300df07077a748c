package main

import (
	"context"
	"log/slog"

	"github.com/entente/entente"
	"github.com/entente/entente/chromium"
	"github.com/entente/entente/demo"
	"github.com/entente/entente/planning"
	"github.com/entente/entente/reading"
	"github.com/entente/entente/server"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/trade"
)

// openDB opens (and migrates) the database named by dsn.
func openDB(ctx context.Context, dsn string, clock entente.Clock) (*sqlstore.DB, error) {
	return sqlstore.Open(ctx, dsn, clock)
}

// services builds every domain service over the database.
func services(db *sqlstore.DB) server.Services {
	return server.Services{
		Parties: sqlstore.NewPartyService(db), Roadmaps: sqlstore.NewRoadmapService(db),
		Tracks: sqlstore.NewTrackService(db), Bodies: sqlstore.NewBodyService(db),
		People: sqlstore.NewPersonService(db), Actions: sqlstore.NewActionService(db),
		Meetings: sqlstore.NewMeetingService(db), Agreements: sqlstore.NewAgreementService(db),
		Commitments: sqlstore.NewCommitmentService(db), Interests: sqlstore.NewInterestService(db),
		Sources: sqlstore.NewSourceService(db), Notes: sqlstore.NewNoteService(db),
		Audit: sqlstore.NewAuditService(db), Users: sqlstore.NewUserService(db), Auth: sqlstore.NewAuthService(db),
		Positions: sqlstore.NewPositionService(db), Attachments: sqlstore.NewAttachmentService(db), Feeds: sqlstore.NewFeedService(db),
		Trade:     tradeStore(db),
		Reading:   readingService(db),
		Schedules: scheduleService(db),
		Calendars: sqlstore.NewCalendarService(db),
		// Agreements from the first draft to entry into force, and their signing copies.
		AgreementTexts: sqlstore.NewAgreementTextService(db), Approvals: sqlstore.NewApprovalService(db),
		Signing: sqlstore.NewSigningService(db), Procedures: sqlstore.NewProcedureService(db), Printer: pdfPrinter(),
	}
}

// scheduleService computes roadmap schedules over the database, with the database's clock for
// today and each lead party's stored calendar overrides.
func scheduleService(db *sqlstore.DB) *planning.ScheduleService {
	return planning.NewScheduleService(planning.Services{Roadmaps: sqlstore.NewRoadmapService(db),
		Actions: sqlstore.NewActionService(db), Meetings: sqlstore.NewMeetingService(db),
		Agreements: sqlstore.NewAgreementService(db), Parties: sqlstore.NewPartyService(db),
		Calendars: sqlstore.NewCalendarService(db), Changes: db}, db)
}

// tradeStore builds the trade store over the database. It caches decoded tables, so a server
// keeps the one its services hold.
func tradeStore(db *sqlstore.DB) trade.Store { return sqlstore.NewTradeService(db) }

// demoServices are the services the demo loader writes through.
func demoServices(s server.Services) demo.Services {
	return demo.Services{Parties: s.Parties, Roadmaps: s.Roadmaps, Tracks: s.Tracks, Bodies: s.Bodies,
		People: s.People, Actions: s.Actions, Meetings: s.Meetings, Agreements: s.Agreements,
		Commitments: s.Commitments, Interests: s.Interests, Notes: s.Notes, Users: s.Users,
		AgreementTexts: s.AgreementTexts, Approvals: s.Approvals, Signing: s.Signing, Procedures: s.Procedures,
		Reading: s.Reading}
}

// pdfPrinter prints signing copies with the Chromium on PATH; without one, the server answers
// that PDFs cannot be printed, and serves texts and Markdown as usual.
func pdfPrinter() server.Printer {
	path, err := chromium.Find()
	if err != nil {
		return nil
	}
	return chromium.NewPrinter(path)
}

// newServer wires the HTTP server over the database.
func newServer(log *slog.Logger, db *sqlstore.DB, clock entente.Clock) (*server.Server, error) {
	return server.NewServer(log, clock, services(db), sqlstore.NewSessionStore(db), db.Ping)
}

// readingService reads statements with package ingest and stores and applies them through the
// database's source service.
func readingService(db *sqlstore.DB) *reading.Service {
	sources := sqlstore.NewSourceService(db)
	return reading.NewService(sources, sources)
}
