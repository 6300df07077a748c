package demo

import (
	"context"
	"fmt"

	"github.com/entente/entente"
)

// The memorandum on agricultural machinery from first draft to entry into force: Belarus
// drafts it, Pakistan answers in the Minsk round, both revise it in January, agree the text,
// approve it at home step by step, sign it at the February ceremony and notify each other
// through diplomatic channels. Each step happens on its day; what lies after the demo's today
// is not done, and the procedures after a signature are planned.

// approvalChains are each party's approval steps for memoranda and agreements; a step without
// a body is the line ministry of the agreement.
var approvalChains = map[string][]struct{ name, body string }{
	"PAK": {{"Line ministry", ""}, {"Ministry of Foreign Affairs", "pak-mofa"}, {"Ministry of Law and Justice", "pak-law"}, {"Federal Cabinet", "pak-cabinet"}},
	"BLR": {{"Line ministry", ""}, {"Ministry of Foreign Affairs", "blr-mfa"}, {"Council of Ministers", "blr-council"}},
}

// signatoryRows are the ministers who sign for each party, by their key in the directory.
var signatoryRows = []struct{ email, party, person, body string }{
	{"signatory.pakistan@entente.example", "PAK", "pak-fm", "pak-mofa"},
	{"signatory.belarus@entente.example", "BLR", "blr-fm", "blr-mfa"},
}

// mouStep is one dated step of the memorandum's story.
type mouStep struct {
	on entente.Date
	// planned is set on steps that are planned, rather than left out, when their day is after
	// today and the memorandum is signed: the domestic procedures.
	planned bool
	do      func(m *mouStory, on entente.Date, done bool) error
}

// mouStory carries what the story needs and has made.
type mouStory struct {
	l           *loader
	mou         *entente.Agreement
	signatories map[string]signatory // by party
	signed      bool
}

// signatory is a signing minister's key and the passphrase that unlocks it.
type signatory struct {
	key        *entente.SignatoryKey
	passphrase string
}

// agreementTexts configures the approval steps, registers the signatories with their keys and
// plays the memorandum's story up to today. It returns the signatories' accounts.
func (l *loader) agreementTexts(passwords func() string) ([]Account, error) {
	s := l.s
	if s.AgreementTexts == nil || s.Approvals == nil || s.Signing == nil || s.Procedures == nil {
		return nil, nil
	}
	if err := l.approvalSteps(); err != nil {
		return nil, err
	}
	accounts, signatories, err := l.signatories(passwords)
	if err != nil {
		return nil, err
	}
	mous, _, err := s.Agreements.FindAgreements(l.ctx, entente.AgreementFilter{RoadmapID: l.roadmap.ID, Kind: "mou", Q: "agricultural machinery"})
	if err != nil || len(mous) != 1 {
		return nil, fmt.Errorf("finding the memorandum on agricultural machinery: %d found, %v", len(mous), err)
	}
	m := &mouStory{l: l, mou: mous[0], signatories: signatories}
	for _, st := range m.steps() {
		due := !st.on.After(l.today)
		if !due && !(st.planned && m.signed) {
			continue
		}
		if err := st.do(m, st.on, due); err != nil {
			return nil, fmt.Errorf("the memorandum's step of %s: %w", st.on, err)
		}
	}
	return accounts, nil
}

// approvalSteps configures each party's chain for memoranda and agreements.
func (l *loader) approvalSteps() error {
	for _, party := range []string{"PAK", "BLR"} {
		var steps []entente.ApprovalStep
		for _, st := range approvalChains[party] {
			step := entente.ApprovalStep{Name: st.name}
			if st.body != "" {
				step.BodyID = l.bodies[st.body].ID
			}
			steps = append(steps, step)
		}
		for _, kind := range []string{"mou", "agreement"} {
			if _, err := l.s.Approvals.SetApprovalSteps(l.ctx, party, kind, steps); err != nil {
				return err
			}
		}
	}
	return nil
}

// signatories makes an account for each signing minister and a key sealed by its passphrase.
func (l *loader) signatories(passwords func() string) ([]Account, map[string]signatory, error) {
	var accounts []Account
	out := map[string]signatory{}
	for _, r := range signatoryRows {
		p := l.people[r.person]
		u := &entente.User{Email: r.email, Name: p.Name, Party: r.party, BodyIDs: []int64{l.bodies[r.body].ID},
			Memberships: []entente.Membership{{RoadmapID: l.roadmap.ID, Role: entente.RoleContributor}}}
		password, passphrase := passwords(), passwords()
		if err := l.s.Users.CreateUser(l.ctx, u, password); err != nil {
			return nil, nil, err
		}
		k, err := l.s.Signing.CreateSignatoryKey(l.ctx, &entente.NewSignatoryKey{PersonID: p.ID, UserID: u.ID, Passphrase: passphrase})
		if err != nil {
			return nil, nil, err
		}
		out[r.party] = signatory{key: k, passphrase: passphrase}
		accounts = append(accounts, Account{Email: r.email, Password: password, Party: r.party, Role: entente.RoleContributor, Passphrase: passphrase})
	}
	return accounts, out, nil
}

// as is the context of a party's desk officer.
func (m *mouStory) as(party string) context.Context {
	return entente.WithCaller(m.l.ctx, m.l.users[party].Caller())
}

// steps is the story, in the order of its days.
func (m *mouStory) steps() []mouStep {
	return []mouStep{
		{on: day(2024, 11, 22), do: version("BLR", 0, 0, "BLR", "First draft of the Ministry of Industry", mouDraft{meetWithin: 30})},
		{on: day(2024, 12, 2), do: version("BLR", 1, 0, entente.ScopeShared, "Belarus tables its draft", mouDraft{meetWithin: 30})},
		{on: day(2024, 12, 5), do: comment("PAK", 2, "4", "PAK", "Thirty days is too short: the Cabinet summary alone takes three weeks. Propose sixty.")},
		{on: day(2024, 12, 9), do: version("PAK", 2, 1, entente.ScopeShared, "Pakistan's proposals for the Minsk round", mouDraft{assembly: true, meetWithin: 60})},
		{on: day(2024, 12, 10), do: comment("BLR", 3, "4", entente.ScopeShared, "Belarus can accept forty-five days.")},
		{on: day(2025, 1, 20), do: version("BLR", 3, 2, entente.ScopeShared, "Belarus's revision after Minsk", mouDraft{assembly: true, meetWithin: 45, intellectual: true})},
		{on: day(2025, 1, 27), do: version("PAK", 4, 2, entente.ScopeShared, "Pakistan accepts with one change", mouDraft{assembly: true, meetWithin: 45, intellectual: true, diplomatic: true})},
		{on: day(2025, 1, 30), do: agree(5)},
		{on: day(2025, 2, 3), do: approve("PAK", 1)}, {on: day(2025, 2, 4), do: approve("BLR", 1)},
		{on: day(2025, 2, 5), do: approve("PAK", 2)}, {on: day(2025, 2, 6), do: approve("BLR", 2)},
		{on: day(2025, 2, 7), do: approve("PAK", 3)}, {on: day(2025, 2, 11), do: approve("BLR", 3)},
		{on: day(2025, 2, 12), do: approve("PAK", 4)},
		{on: day(2025, 2, 18), do: sign},
		{on: day(2025, 2, 20), planned: true, do: notify("BLR", "Note verbale No. 02-11/1187 of the Ministry of Foreign Affairs of the Republic of Belarus")},
		{on: day(2025, 2, 26), planned: true, do: notify("PAK", "Note verbale No. Eur-II/2/2025 of the Ministry of Foreign Affairs of Pakistan")},
	}
}

// version saves a version as a party's desk officer.
func version(party string, base, round int, scope, note string, d mouDraft) func(*mouStory, entente.Date, bool) error {
	return func(m *mouStory, _ entente.Date, _ bool) error {
		_, err := m.l.s.AgreementTexts.CreateAgreementVersion(m.as(party), &entente.NewAgreementVersion{AgreementID: m.mou.ID,
			Base: base, Round: round, Scope: scope, Note: note, Drafts: d.texts()})
		return err
	}
}

// comment adds a desk officer's comment on an article of a version.
func comment(party string, version int, article, scope, body string) func(*mouStory, entente.Date, bool) error {
	return func(m *mouStory, _ entente.Date, _ bool) error {
		return m.l.s.AgreementTexts.CreateAgreementComment(m.as(party), &entente.AgreementComment{AgreementID: m.mou.ID,
			TextVersion: version, Article: article, Scope: scope, Body: body})
	}
}

// agree records the agreed text and the rule of entry into force: the day of the last
// notification, as the text says.
func agree(version int) func(*mouStory, entente.Date, bool) error {
	return func(m *mouStory, _ entente.Date, _ bool) error {
		a, err := m.l.s.Agreements.FindAgreementByID(m.l.ctx, m.mou.ID)
		if err != nil {
			return err
		}
		if a, err = m.l.s.AgreementTexts.AgreeText(m.l.ctx, a.ID, entente.AgreedText{Version: a.Version, TextVersion: version}); err != nil {
			return err
		}
		_, err = m.l.s.Procedures.SetEntryRule(m.l.ctx, a.ID, entente.EntryRuleUpdate{Version: a.Version,
			Rule: entente.EntryRule{Rule: entente.EntryOnLastNotification}})
		return err
	}
}

// approve has a step of a party approve the agreed version on the step's day.
func approve(party string, step int) func(*mouStory, entente.Date, bool) error {
	return func(m *mouStory, on entente.Date, _ bool) error {
		_, err := m.l.s.Approvals.DecideApproval(m.l.ctx, m.mou.ID, entente.ApprovalDecision{Party: party, Step: step,
			TextVersion: 5, Decision: entente.ApprovalApproved, DecidedOn: on})
		return err
	}
}

// sign has both ministers sign the agreed version at the ceremony in Islamabad.
func sign(m *mouStory, on entente.Date, _ bool) error {
	for _, party := range []string{"PAK", "BLR"} {
		sg := m.signatories[party]
		if _, err := m.l.s.Signing.SignAgreement(m.l.ctx, entente.SignRequest{AgreementID: m.mou.ID, TextVersion: 5, Party: party,
			KeyID: sg.key.ID, Passphrase: sg.passphrase, Place: "Islamabad", SignedOn: on,
			MeetingID: m.l.meeting["signing"].ID}); err != nil {
			return err
		}
	}
	m.signed = true
	return nil
}

// notify records a party's notification that its procedures are complete: done on its day,
// or planned for it.
func notify(party, document string) func(*mouStory, entente.Date, bool) error {
	return func(m *mouStory, on entente.Date, done bool) error {
		p := &entente.Procedure{AgreementID: m.mou.ID, Party: party, Kind: entente.ProcedureNotification, PlannedOn: on}
		if done {
			p.DoneOn, p.Document = on, document
		}
		return m.l.s.Procedures.CreateProcedure(m.l.ctx, p)
	}
}
