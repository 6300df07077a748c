package sqlstore_test

import (
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// fixture is a small roadmap between two parties, made by the system.
type fixture struct {
	db       *sqlstore.DB
	roadmap  *entente.Roadmap
	track    *entente.Track
	pakMFA   *entente.Body
	blrMFA   *entente.Body
	services services
}

type services struct {
	parties     *sqlstore.PartyService
	roadmaps    *sqlstore.RoadmapService
	tracks      *sqlstore.TrackService
	bodies      *sqlstore.BodyService
	people      *sqlstore.PersonService
	actions     *sqlstore.ActionService
	meetings    *sqlstore.MeetingService
	agreements  *sqlstore.AgreementService
	commitments *sqlstore.CommitmentService
	interests   *sqlstore.InterestService
	sources     *sqlstore.SourceService
	notes       *sqlstore.NoteService
	audit       *sqlstore.AuditService
}

func newServices(db *sqlstore.DB) services {
	return services{
		parties: sqlstore.NewPartyService(db), roadmaps: sqlstore.NewRoadmapService(db),
		tracks: sqlstore.NewTrackService(db), bodies: sqlstore.NewBodyService(db),
		people: sqlstore.NewPersonService(db), actions: sqlstore.NewActionService(db),
		meetings: sqlstore.NewMeetingService(db), agreements: sqlstore.NewAgreementService(db),
		commitments: sqlstore.NewCommitmentService(db), interests: sqlstore.NewInterestService(db),
		sources: sqlstore.NewSourceService(db), notes: sqlstore.NewNoteService(db),
		audit: sqlstore.NewAuditService(db),
	}
}

func newFixture(t testing.TB, db *sqlstore.DB) *fixture {
	t.Helper()
	s := newServices(db)
	ctx := system()
	must(t, s.parties.CreateParty(ctx, &entente.Party{Code: "PAK", Name: "Pakistan", Languages: []string{"ur", "en"}, TimeZone: "Asia/Karachi"}))
	must(t, s.parties.CreateParty(ctx, &entente.Party{Code: "BLR", Name: "Belarus", Languages: []string{"be", "ru"}, TimeZone: "Europe/Minsk"}))
	f := &fixture{db: db, services: s}
	f.pakMFA = &entente.Body{Party: "PAK", Name: "Ministry of Foreign Affairs", Kind: "ministry"}
	f.blrMFA = &entente.Body{Party: "BLR", Name: "Ministry of Foreign Affairs", Kind: "ministry"}
	must(t, s.bodies.CreateBody(ctx, f.pakMFA))
	must(t, s.bodies.CreateBody(ctx, f.blrMFA))
	f.roadmap = &entente.Roadmap{Title: "Cooperation roadmap", Parties: []string{"PAK", "BLR"}, Status: entente.RoadmapActive}
	must(t, s.roadmaps.CreateRoadmap(ctx, f.roadmap))
	f.track = &entente.Track{RoadmapID: f.roadmap.ID, Sector: "agriculture", Title: "Agriculture",
		Leads: []entente.TrackLead{{Party: "PAK", BodyID: f.pakMFA.ID}}}
	must(t, s.tracks.CreateTrack(ctx, f.track))
	return f
}

// action creates an action in the fixture's roadmap.
func (f *fixture) action(t testing.TB, title string, due string) *entente.Action {
	t.Helper()
	a := &entente.Action{RoadmapID: f.roadmap.ID, TrackID: f.track.ID, Title: title, LeadParty: "PAK", LeadBodyID: f.pakMFA.ID, DurationDays: 5}
	if due != "" {
		a.Due = entente.MustWhen(due, "", false)
	}
	must(t, f.services.actions.CreateAction(system(), a))
	return a
}
