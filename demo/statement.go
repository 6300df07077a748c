package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/entente/entente"
)

// Statement is a statement a demo roadmap is built from: its text and publication date.
type Statement struct {
	Title     string
	Text      string
	Published entente.Date
}

// LoadFromStatement builds the demo roadmap from a statement instead of the demo's own
// tables, the way a desk officer starts one: the statement is read and stored as a source,
// the parties it names are added (Pakistan and Belarus with the demo's details, any other
// country as the reader knows it), and every item its draft proposes — tracks, meetings with
// their dates, commitments, offers and requests — is applied to a new roadmap through the
// reading service. For Pakistan and Belarus the demo's ministries and officials are added too,
// and lead the tracks of their sectors. Each party gets an editor account and the installation
// an administrator. Nothing else of the demo (actions, agreements, notes) is made: the roadmap
// holds what the statement says.
func LoadFromStatement(ctx context.Context, s Services, st Statement, today entente.Date, passwords func() string) (*Result, error) {
	ctx = entente.WithCaller(ctx, entente.SystemCaller)
	l := &loader{ctx: ctx, s: s, today: today, bodies: map[string]*entente.Body{}, tracks: map[string]*entente.Track{},
		people: map[string]*entente.Person{}, meeting: map[string]*entente.Meeting{}, actions: map[string]*entente.Action{},
		users: map[string]*entente.User{}}
	src := &entente.Source{Title: st.Title, Text: st.Text, PublishedOn: st.Published}
	if err := s.Reading.ReadSource(ctx, src, entente.FormatText); err != nil {
		return nil, fmt.Errorf("reading the statement: %s", entente.ErrorMessage(err))
	}
	x, err := entente.ParseExtraction(src.Extraction, src.Text)
	if err != nil {
		return nil, err
	}
	if len(x.Parties) < 2 {
		return nil, fmt.Errorf("the statement names %d parties (%s); a roadmap needs two", len(x.Parties), strings.Join(x.Parties, ", "))
	}
	if err := l.statementParties(x.Parties); err != nil {
		return nil, fmt.Errorf("adding the statement's parties: %w", err)
	}
	if err := l.statementRoadmap(src, x); err != nil {
		return nil, fmt.Errorf("applying the statement: %w", err)
	}
	accounts, err := l.statementAccounts(x.Parties, passwords)
	if err != nil {
		return nil, fmt.Errorf("loading the demo accounts: %w", err)
	}
	return &Result{Roadmap: l.roadmap, Accounts: accounts}, nil
}

// demoParties are the parties the demo describes itself.
var demoParties = map[string]*entente.Party{
	"PAK": {Code: "PAK", Name: "Pakistan", Languages: []string{"ur", "en"}, TimeZone: "Asia/Karachi"},
	"BLR": {Code: "BLR", Name: "Belarus", Languages: []string{"be", "ru"}, TimeZone: "Europe/Minsk"},
}

// statementParties adds the parties a statement names, and the demo's directory when they
// include Pakistan and Belarus.
func (l *loader) statementParties(codes []string) error {
	for _, code := range codes {
		p, ok := demoParties[code]
		if ok {
			p = &entente.Party{Code: p.Code, Name: p.Name, Languages: p.Languages, TimeZone: p.TimeZone}
		} else {
			var err error
			if p, err = l.s.Reading.PartyNamed(code); err != nil {
				return err
			}
		}
		if err := l.s.Parties.CreateParty(l.ctx, p); err != nil {
			return err
		}
	}
	if l.pakistanBelarus(codes) {
		return l.directory()
	}
	return nil
}

func (l *loader) pakistanBelarus(codes []string) bool {
	return slices.Contains(codes, "PAK") && slices.Contains(codes, "BLR")
}

// statementRoadmap applies the statement to a new roadmap, makes it active and public like the
// demo's, and gives the tracks of the demo's sectors their lead ministries.
func (l *loader) statementRoadmap(src *entente.Source, x *entente.Extraction) error {
	res, err := l.s.Reading.ApplySource(l.ctx, src.ID, entente.SourceApplication{NewRoadmap: &entente.NewRoadmap{}, AcceptAll: true})
	if err != nil {
		return err
	}
	for _, it := range res.Items {
		if it.Outcome == entente.OutcomeSkipped {
			return fmt.Errorf("%s %s cannot be applied: %s", it.EntityType, it.Ref, it.Problem)
		}
	}
	active, public := entente.RoadmapActive, true
	description := "Drawn up from the statement “" + src.Title + "” of " + src.PublishedOn.String() + "."
	if l.roadmap, err = l.s.Roadmaps.UpdateRoadmap(l.ctx, res.Roadmap.ID, entente.RoadmapUpdate{Version: res.Roadmap.Version,
		Status: &active, Public: &public, Description: &description}); err != nil {
		return err
	}
	if !l.pakistanBelarus(x.Parties) {
		return nil
	}
	return l.statementTrackLeads()
}

// statementTrackLeads gives the tracks of the demo's sectors their lead ministries.
func (l *loader) statementTrackLeads() error {
	tracks, _, err := l.s.Tracks.FindTracks(l.ctx, entente.TrackFilter{RoadmapID: l.roadmap.ID, Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		return err
	}
	for _, t := range tracks {
		for _, row := range trackRows {
			if row.sector != t.Sector {
				continue
			}
			leads := []entente.TrackLead{{Party: "PAK", BodyID: l.bodies[row.pakLead].ID}, {Party: "BLR", BodyID: l.bodies[row.blrLead].ID}}
			if _, err := l.s.Tracks.UpdateTrack(l.ctx, t.ID, entente.TrackUpdate{Version: t.Version, Leads: &leads}); err != nil {
				return err
			}
		}
	}
	return nil
}

// statementAccounts makes an administrator of the installation and an editor of the roadmap
// for each party, in the demo's foreign ministry when the demo knows it.
func (l *loader) statementAccounts(parties []string, passwords func() string) ([]Account, error) {
	type row struct {
		email, name, party string
		role               entente.Role
		admin              bool
	}
	rows := []row{{"admin@entente.example", "Demo administrator", entente.JointSecretariat, entente.RoleAdministrator, true}}
	for _, code := range parties {
		rows = append(rows, row{"desk." + strings.ToLower(code) + "@entente.example", "Desk officer, " + code, code, entente.RoleEditor, false})
	}
	var out []Account
	for _, r := range rows {
		pw := passwords()
		u := &entente.User{Email: r.email, Name: r.name, Party: r.party, Admin: r.admin,
			Memberships: []entente.Membership{{RoadmapID: l.roadmap.ID, Role: r.role}}}
		for _, key := range []string{strings.ToLower(r.party) + "-mofa", strings.ToLower(r.party) + "-mfa"} {
			if b := l.bodies[key]; b != nil {
				u.BodyIDs = []int64{b.ID}
			}
		}
		if err := l.s.Users.CreateUser(l.ctx, u, pw); err != nil {
			return nil, err
		}
		out = append(out, Account{Email: r.email, Password: pw, Party: r.party, Role: r.role})
	}
	return out, nil
}
