package sqlstore_test

import (
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestUserWorksOnlyInBodiesOfTheirParty checks which bodies an account may be placed in: its
// party's and joint ones, while the joint secretariat's staff may work anywhere. A refused
// change leaves the account as it was.
func TestUserWorksOnlyInBodiesOfTheirParty(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		users := sqlstore.NewUserService(db)
		joint := &entente.Body{Name: "Joint Intergovernmental Commission", Kind: "commission", Parties: []string{"PAK", "BLR"}}
		must(t, f.services.bodies.CreateBody(system(), joint))
		cases := []struct {
			name, party string
			bodies      []int64
			problem     string // "" when the account is made
		}{
			{"own ministry", "PAK", []int64{f.pakMFA.ID}, ""},
			{"own ministry and a joint body", "BLR", []int64{f.blrMFA.ID, joint.ID}, ""},
			{"the other side's ministry", "PAK", []int64{f.pakMFA.ID, f.blrMFA.ID}, "belongs to BLR"},
			{"a body that does not exist", "BLR", []int64{999999}, "no body 999999"},
			{"the joint secretariat anywhere", entente.JointSecretariat, []int64{f.pakMFA.ID, f.blrMFA.ID}, ""},
		}
		for i, c := range cases {
			u := &entente.User{Email: "user" + string(rune('a'+i)) + "@mofa.example", Name: c.name, Party: c.party, BodyIDs: c.bodies}
			err := users.CreateUser(system(), u, "a long enough passphrase")
			switch {
			case c.problem == "" && err != nil:
				t.Errorf("%s: refused: %v", c.name, err)
			case c.problem != "" && (entente.ErrorCode(err) != entente.EINVALID || !strings.Contains(entente.ErrorFields(err)["body_ids"], c.problem)):
				t.Errorf("%s: got %v, want a body_ids problem with %q", c.name, err, c.problem)
			case c.problem != "":
				if _, err := users.FindUserByEmail(system(), u.Email); entente.ErrorCode(err) != entente.ENOTFOUND {
					t.Errorf("%s: a refused account was kept (%v)", c.name, err)
				}
			}
		}
		// Moving an account to the other side's ministry later is refused the same way.
		u, err := users.FindUserByEmail(system(), "usera@mofa.example")
		if err != nil {
			t.Fatal(err)
		}
		moved := []int64{f.blrMFA.ID}
		if _, err := users.UpdateUser(system(), u.ID, entente.UserUpdate{Version: u.Version, BodyIDs: &moved}); entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("moving a Pakistani account into Belarus's ministry: %v", err)
		}
		after, _ := users.FindUserByEmail(system(), u.Email)
		if len(after.BodyIDs) != 1 || after.BodyIDs[0] != f.pakMFA.ID {
			t.Errorf("the refused move changed the account's bodies to %v", after.BodyIDs)
		}
	})
}
