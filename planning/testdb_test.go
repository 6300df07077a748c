package planning_test

import (
	"context"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/demo"
	"github.com/entente/entente/internal/testdb"
	"github.com/entente/entente/planning"
	"github.com/entente/entente/sqlstore"
)

// testNow is the morning of the leaders' talks, the demo's today.
var testNow = time.Date(2024, 11, 26, 6, 0, 0, 0, time.UTC)

// env is a schedule service over a real database holding the demo roadmap.
type env struct {
	db        *sqlstore.DB
	svc       planning.Services
	actions   entente.ActionService
	schedules *planning.ScheduleService
	roadmap   *entente.Roadmap
	ctx       context.Context // the system caller
}

// eachDB runs a test on SQLite, and on PostgreSQL when ENTENTE_TEST_POSTGRES names a server.
func eachDB(t *testing.T, test func(t *testing.T, e *env)) {
	t.Run("sqlite", func(t *testing.T) { test(t, newEnv(t, openSQLite(t))) })
	t.Run("postgres", func(t *testing.T) { test(t, newEnv(t, openPostgres(t))) })
}

func openSQLite(t testing.TB) *sqlstore.DB { return testdb.SQLite(t, entente.FixedClock(testNow)) }

func openPostgres(t testing.TB) *sqlstore.DB { return testdb.Postgres(t, entente.FixedClock(testNow)) }

// newEnv loads the demo into db and builds the schedule service over it.
func newEnv(t testing.TB, db *sqlstore.DB) *env {
	t.Helper()
	ctx := entente.WithCaller(context.Background(), entente.SystemCaller)
	svc := planning.Services{Roadmaps: sqlstore.NewRoadmapService(db), Actions: sqlstore.NewActionService(db),
		Meetings: sqlstore.NewMeetingService(db), Agreements: sqlstore.NewAgreementService(db), Parties: sqlstore.NewPartyService(db),
		Calendars: sqlstore.NewCalendarService(db), Changes: db}
	res, err := demo.Load(ctx, demo.Services{Parties: svc.Parties, Roadmaps: svc.Roadmaps,
		Tracks: sqlstore.NewTrackService(db), Bodies: sqlstore.NewBodyService(db), People: sqlstore.NewPersonService(db),
		Actions: svc.Actions, Meetings: svc.Meetings, Agreements: svc.Agreements,
		Commitments: sqlstore.NewCommitmentService(db), Interests: sqlstore.NewInterestService(db),
		Notes: sqlstore.NewNoteService(db), Users: sqlstore.NewUserService(db)}, demo.Today, func() string { return "correct horse battery staple" })
	if err != nil {
		t.Fatal(err)
	}
	// As at a server's start: the official notices shipped for Pakistan and Belarus are stored.
	if _, err := db.SeedCalendars(ctx); err != nil {
		t.Fatal(err)
	}
	return &env{db: db, svc: svc, actions: svc.Actions, roadmap: res.Roadmap, ctx: ctx,
		schedules: planning.NewScheduleService(svc, db)}
}

// actionID finds a demo action by its title.
func (e *env) actionID(t testing.TB, title string) int64 {
	t.Helper()
	items, _, err := e.actions.FindActions(e.ctx, entente.ActionFilter{RoadmapID: e.roadmap.ID, Q: title})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range items {
		if a.Title == title {
			return a.ID
		}
	}
	t.Fatalf("no demo action %q", title)
	return 0
}
