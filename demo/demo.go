// Package demo loads the Pakistan–Belarus cooperation roadmap: the parties, their ministries
// and the joint commission, the leaders' talks of 26 November 2024 in Islamabad and the chain
// of meetings that followed, the agreements to be signed in February 2025, the commitments and
// interests of both sides, and the actions that lead to the signing. What lies before the
// demo's "today" is held or done; what lies after it is planned.
package demo

import (
	"context"
	"fmt"

	"github.com/entente/entente"
)

// Services are the domain services the demo writes through.
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
	Notes       entente.NoteService
	Users       entente.UserService
	// Reading reads and applies a statement, for the demo built from one (LoadFromStatement).
	Reading entente.ReadingService
	// AgreementTexts, Approvals, Signing and Procedures carry the memorandum on agricultural
	// machinery from its first draft; without them the demo has no texts.
	AgreementTexts entente.AgreementTextService
	Approvals      entente.ApprovalService
	Signing        entente.SigningService
	Procedures     entente.ProcedureService
}

// Account is a demo user and the password made for them.
type Account struct {
	Email, Password, Party string
	Role                   entente.Role
	Passphrase             string // a signatory's: it unlocks their signing key
}

// Result is what Load made.
type Result struct {
	Roadmap  *entente.Roadmap
	Accounts []Account
	// Signatories are the accounts of the ministers who sign agreements, with their passphrases.
	Signatories []Account
}

// Today is the demo's default "today": the day of the leaders' talks.
var Today = entente.Date{Year: 2024, Month: 11, Day: 26}

// loader carries what Load has made so far.
type loader struct {
	ctx     context.Context
	s       Services
	today   entente.Date
	roadmap *entente.Roadmap
	bodies  map[string]*entente.Body
	tracks  map[string]*entente.Track
	people  map[string]*entente.Person
	meeting map[string]*entente.Meeting
	actions map[string]*entente.Action
	users   map[string]*entente.User // the demo accounts by party
}

// Load writes the demo roadmap into empty services as the system, with the given "today".
// passwords makes the password of each demo account.
func Load(ctx context.Context, s Services, today entente.Date, passwords func() string) (*Result, error) {
	ctx = entente.WithCaller(ctx, entente.SystemCaller)
	l := &loader{ctx: ctx, s: s, today: today, bodies: map[string]*entente.Body{}, tracks: map[string]*entente.Track{},
		people: map[string]*entente.Person{}, meeting: map[string]*entente.Meeting{}, actions: map[string]*entente.Action{},
		users: map[string]*entente.User{}}
	steps := []func() error{l.parties, l.directory, l.makeRoadmap, l.makeTracks, l.meetings, l.agreements,
		l.commitments, l.interests, l.makeActions, l.dependencies}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("loading the demo: %w", err)
		}
	}
	accounts, err := l.accounts(passwords)
	if err != nil {
		return nil, fmt.Errorf("loading the demo accounts: %w", err)
	}
	if err := l.notes(accounts); err != nil {
		return nil, fmt.Errorf("loading the demo notes: %w", err)
	}
	signatories, err := l.agreementTexts(passwords)
	if err != nil {
		return nil, fmt.Errorf("loading the demo agreement texts: %w", err)
	}
	return &Result{Roadmap: l.roadmap, Accounts: accounts, Signatories: signatories}, nil
}

// held reports whether something dated w has happened by the demo's today.
func (l *loader) held(w entente.When) bool {
	return !w.Earliest.IsZero() && !w.Earliest.After(l.today)
}

func (l *loader) parties() error {
	for _, p := range []*entente.Party{
		{Code: "PAK", Name: "Pakistan", Languages: []string{"ur", "en"}, TimeZone: "Asia/Karachi"},
		{Code: "BLR", Name: "Belarus", Languages: []string{"be", "ru"}, TimeZone: "Europe/Minsk"},
	} {
		if err := l.s.Parties.CreateParty(l.ctx, p); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) makeRoadmap() error {
	l.roadmap = &entente.Roadmap{
		Title: "Pakistan–Belarus cooperation roadmap",
		Description: "The plan the two governments agreed to draw up at the leaders' talks in Islamabad on " +
			"26 November 2024: cooperation in agriculture, mining and minerals, information technology and " +
			"heavy machinery, with agreements to be signed in February 2025.",
		Parties: []string{"PAK", "BLR"}, Status: entente.RoadmapActive, Public: true,
		Horizon: entente.MustWhen("2025", "END", false),
	}
	return l.s.Roadmaps.CreateRoadmap(l.ctx, l.roadmap)
}
