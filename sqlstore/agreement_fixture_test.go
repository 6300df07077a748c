package sqlstore_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// Users of the agreement fixture: desk officers of each side, a PAK lawyer, and the two
// signatories' accounts.
const (
	pakDesk     = 11
	pakLawyer   = 12
	pakSignUser = 13
	blrDesk     = 21
	blrSignUser = 23
)

// passphrase opens the fixture signatories' keys.
const passphrase = "Islamabad, February 2025"

// agreementFixture is an MoU of the fixture's roadmap with each side's approval steps, users
// who hold them, and a signatory with a generated key on each side.
type agreementFixture struct {
	*fixture
	texts      *sqlstore.AgreementTextService
	approvals  *sqlstore.ApprovalService
	signing    *sqlstore.SigningService
	procedures *sqlstore.ProcedureService
	mou        *entente.Agreement
	pakLaw     *entente.Body
	ceremony   *entente.Meeting
	pakPerson  *entente.Person
	blrPerson  *entente.Person
	pakKey     *entente.SignatoryKey
	blrKey     *entente.SignatoryKey
}

func newAgreementFixture(t testing.TB, db *sqlstore.DB) *agreementFixture {
	t.Helper()
	f := &agreementFixture{fixture: newFixture(t, db), texts: sqlstore.NewAgreementTextService(db),
		approvals: sqlstore.NewApprovalService(db), signing: sqlstore.NewSigningService(db), procedures: sqlstore.NewProcedureService(db)}
	ctx, s := system(), f.services
	f.pakLaw = &entente.Body{Party: "PAK", Name: "Ministry of Law and Justice", Kind: "ministry"}
	must(t, s.bodies.CreateBody(ctx, f.pakLaw))
	f.ceremony = &entente.Meeting{RoadmapID: f.roadmap.ID, Kind: "signing_ceremony", Title: "Signing", Location: "Islamabad",
		When: entente.MustWhen("2024-11", "", false)}
	must(t, s.meetings.CreateMeeting(ctx, f.ceremony))
	f.mou = &entente.Agreement{RoadmapID: f.roadmap.ID, Kind: "mou", Title: "MoU on agricultural machinery", LeadParty: "BLR",
		TrackIDs: []int64{f.track.ID}, MeetingID: f.ceremony.ID}
	must(t, s.agreements.CreateAgreement(ctx, f.mou))
	for _, u := range []struct {
		id    int64
		party string
	}{{pakDesk, "PAK"}, {pakLawyer, "PAK"}, {pakSignUser, "PAK"}, {blrDesk, "BLR"}, {blrSignUser, "BLR"}} {
		addUser(t, db, u.id, u.party)
	}
	_, err := f.approvals.SetApprovalSteps(ctx, "PAK", "mou", []entente.ApprovalStep{{Name: "Line ministry"}, {Name: "Ministry of Law", BodyID: f.pakLaw.ID}})
	must(t, err)
	_, err = f.approvals.SetApprovalSteps(ctx, "BLR", "mou", []entente.ApprovalStep{{Name: "Ministry of Foreign Affairs", BodyID: f.blrMFA.ID}})
	must(t, err)
	f.pakPerson = &entente.Person{Name: "Ishaq Dar", Role: "Minister of Foreign Affairs", Party: "PAK"}
	f.blrPerson = &entente.Person{Name: "Maxim Ryzhenkov", Role: "Minister of Foreign Affairs", Party: "BLR"}
	must(t, s.people.CreatePerson(ctx, f.pakPerson))
	must(t, s.people.CreatePerson(ctx, f.blrPerson))
	f.pakKey, err = f.signing.CreateSignatoryKey(f.as(pakSignUser), &entente.NewSignatoryKey{PersonID: f.pakPerson.ID, Passphrase: passphrase})
	must(t, err)
	f.blrKey, err = f.signing.CreateSignatoryKey(f.as(blrSignUser), &entente.NewSignatoryKey{PersonID: f.blrPerson.ID, Passphrase: passphrase})
	must(t, err)
	return f
}

// as is the context of a fixture user: contributors and editors of the roadmap in their bodies.
func (f *agreementFixture) as(user int64) context.Context {
	role := map[int64]entente.Role{f.roadmap.ID: entente.RoleEditor}
	switch user {
	case pakDesk:
		return as(user, "PAK", role, f.pakMFA.ID)
	case pakLawyer:
		return as(user, "PAK", role, f.pakLaw.ID)
	case pakSignUser:
		return as(user, "PAK", map[int64]entente.Role{f.roadmap.ID: entente.RoleContributor})
	case blrDesk:
		return as(user, "BLR", role, f.blrMFA.ID)
	case blrSignUser:
		return as(user, "BLR", map[int64]entente.Role{f.roadmap.ID: entente.RoleContributor})
	}
	panic(fmt.Sprint("no fixture user ", user))
}

// mouDraft is the English text of the MoU; days is the deadline of its working group.
func mouDraft(days int, extra string) string {
	return fmt.Sprintf(`Memorandum of Understanding on Cooperation in Agricultural Machinery

The Government of the Islamic Republic of Pakistan and the Government of the Republic of Belarus, hereinafter the Parties,

Article 1. Scope
The Parties shall cooperate in the supply of tractors and combine harvesters%s.

Article 2. Working group
A Joint Working Group shall meet within %d days.

Article 3. Entry into force
This Memorandum shall enter into force on the date of the last notification.
`, extra, days)
}

// mouDraftRu is the Russian text.
func mouDraftRu(days int) string {
	return fmt.Sprintf(`Меморандум о взаимопонимании о сотрудничестве в области сельскохозяйственной техники

Статья 1. Сфера
Стороны сотрудничают в поставках тракторов и комбайнов.

Статья 2. Рабочая группа
Совместная рабочая группа собирается в течение %d дней.

Статья 3. Вступление в силу
Настоящий Меморандум вступает в силу с даты последнего уведомления.
`, days)
}

// save saves a version as a user of a party.
func (f *agreementFixture) save(t testing.TB, user int64, base, round int, scope string, days int) *entente.AgreementVersion {
	t.Helper()
	v, err := f.texts.CreateAgreementVersion(f.as(user), &entente.NewAgreementVersion{AgreementID: f.mou.ID, Base: base,
		Round: round, Scope: scope, Drafts: []entente.Draft{{Language: "en", Text: mouDraft(days, "")}, {Language: "ru", Text: mouDraftRu(days)}}})
	must(t, err)
	return v
}

// agreeAndApprove agrees version n and has every step of both sides approve it.
func (f *agreementFixture) agreeAndApprove(t testing.TB, n int) {
	t.Helper()
	a, err := f.services.agreements.FindAgreementByID(system(), f.mou.ID)
	must(t, err)
	_, err = f.texts.AgreeText(f.as(blrDesk), f.mou.ID, entente.AgreedText{Version: a.Version, TextVersion: n})
	must(t, err)
	for _, d := range []struct {
		user int64
		step int
	}{{pakDesk, 1}, {pakLawyer, 2}, {blrDesk, 1}} {
		_, err := f.approvals.DecideApproval(f.as(d.user), f.mou.ID, entente.ApprovalDecision{Step: d.step, TextVersion: n, Decision: "approved"})
		must(t, err)
	}
}

// sign signs version n for both parties with their passphrases.
func (f *agreementFixture) sign(t testing.TB, n int) {
	t.Helper()
	for _, s := range []struct {
		user  int64
		party string
		key   int64
	}{{pakSignUser, "PAK", f.pakKey.ID}, {blrSignUser, "BLR", f.blrKey.ID}} {
		_, err := f.signing.SignAgreement(f.as(s.user), entente.SignRequest{AgreementID: f.mou.ID, TextVersion: n, KeyID: s.key, Passphrase: passphrase})
		must(t, err)
	}
}

// signedMoU takes the MoU from first draft to signature: version 1 by Belarus, version 2 by
// Pakistan in round 1, agreed, approved and signed.
func (f *agreementFixture) signedMoU(t testing.TB) {
	t.Helper()
	f.save(t, blrDesk, 0, 0, entente.ScopeShared, 30)
	f.save(t, pakDesk, 1, 1, entente.ScopeShared, 60)
	f.agreeAndApprove(t, 2)
	f.sign(t, 2)
}

// wantMessage fails unless err has the code and its message contains want.
func wantMessage(t testing.TB, err error, code, want string) {
	t.Helper()
	if entente.ErrorCode(err) != code || !strings.Contains(entente.ErrorMessage(err), want) {
		t.Fatalf("error %v, want %s with %q", err, code, want)
	}
}
