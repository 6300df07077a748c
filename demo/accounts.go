package demo

import (
	"time"

	"github.com/entente/entente"
)

func timeMonth(m int) time.Month { return time.Month(m) }

// accounts makes one editor per party and an administrator of the installation, each with a
// fresh password.
func (l *loader) accounts(passwords func() string) ([]Account, error) {
	rows := []struct {
		email, name, party string
		role               entente.Role
		admin              bool
		body               string
	}{
		{"admin@entente.example", "Demo administrator", entente.JointSecretariat, entente.RoleAdministrator, true, ""},
		{"desk.pakistan@entente.example", "Desk officer, Pakistan", "PAK", entente.RoleEditor, false, "pak-mofa"},
		{"desk.belarus@entente.example", "Desk officer, Belarus", "BLR", entente.RoleEditor, false, "blr-mfa"},
	}
	var out []Account
	for _, r := range rows {
		pw := passwords()
		u := &entente.User{Email: r.email, Name: r.name, Party: r.party, Admin: r.admin,
			Memberships: []entente.Membership{{RoadmapID: l.roadmap.ID, Role: r.role}}}
		if r.body != "" {
			u.BodyIDs = []int64{l.bodies[r.body].ID}
		}
		if err := l.s.Users.CreateUser(l.ctx, u, pw); err != nil {
			return nil, err
		}
		l.users[r.party] = u
		out = append(out, Account{Email: r.email, Password: pw, Party: r.party, Role: r.role})
	}
	return out, nil
}

// InternalNote is the text of the demo's note internal to Pakistan, which no Belarusian user
// may ever read; the access tests look for it in every answer.
const InternalNote = "Internal: the Cabinet summary needs vetting by the Ministry of Law before it is tabled; allow two extra weeks."

// notes adds a note internal to Pakistan, written by its desk officer, and a shared one by
// the Belarusian desk officer.
func (l *loader) notes(accounts []Account) error {
	for _, n := range []struct {
		by   string
		note *entente.Note
	}{
		{"PAK", &entente.Note{EntityType: "action", EntityID: l.actions["pak-approval"].ID, Scope: "PAK", Body: InternalNote}},
		{"BLR", &entente.Note{EntityType: "meeting", EntityID: l.meeting["minsk"].ID, Scope: entente.ScopeShared,
			Body: "Both sides confirm the round is held in Minsk; exact dates to follow through diplomatic channels."}},
	} {
		ctx := entente.WithCaller(l.ctx, l.users[n.by].Caller())
		if err := l.s.Notes.CreateNote(ctx, n.note); err != nil {
			return err
		}
	}
	return nil
}
