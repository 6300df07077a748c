package server_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestAdministratorPlacesUsersInBodies sets the bodies the Pakistani desk officer works in
// from the accounts page: only Pakistan's and joint bodies are offered, another side's body
// or a body that is not a number is refused without changing the account, and only the
// administrator may do it.
func TestAdministratorPlacesUsersInBodies(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		sys := entente.WithCaller(context.Background(), entente.SystemCaller)
		desk, err := e.svc.Users.FindUserByEmail(sys, "desk.pakistan@entente.example")
		if err != nil {
			t.Fatal(err)
		}
		body := func(party, name string) *entente.Body {
			list, _, err := e.svc.Bodies.FindBodies(sys, entente.BodyFilter{Party: party, Q: name})
			if err != nil || len(list) == 0 {
				t.Fatalf("no %s body %q: %v", party, name, err)
			}
			return list[0]
		}
		law, cabinet, minsk := body("PAK", "Ministry of Law"), body("PAK", "Cabinet Division"), body("BLR", "Council of Ministers")
		admin := pageClient{e: e, token: e.tokens["JOINT"]}
		page := admin.get(t, "/admin/users")
		section := string(page.body)
		section = section[strings.Index(section, fmt.Sprintf(`id="bodies-%d"`, desk.ID)):]
		section = section[:strings.Index(section, "</details>")]
		if !strings.Contains(section, fmt.Sprintf(`value="%d"`, law.ID)) || strings.Contains(section, fmt.Sprintf(`value="%d"`, minsk.ID)) {
			t.Errorf("the desk officer's choices are wrong: %s", section)
		}
		path := fmt.Sprintf("/admin/users/%d/bodies", desk.ID)
		set := func(c pageClient, version int, bodies ...string) response {
			return c.post(t, path, url.Values{"version": {fmt.Sprint(version)}, "body": bodies})
		}
		if r := set(admin, desk.Version, fmt.Sprint(law.ID), fmt.Sprint(minsk.ID)); r.status != 422 || !strings.Contains(string(r.body), "belongs to BLR") {
			t.Errorf("another side's body: status %d", r.status)
		}
		if r := set(admin, desk.Version, "the cabinet"); r.status != 400 {
			t.Errorf("a body that is not a number: status %d", r.status)
		}
		if r := set(pageClient{e: e, token: e.tokens["PAK"]}, desk.Version, fmt.Sprint(law.ID)); r.status != 403 && r.status != 404 {
			t.Errorf("a desk officer placing themselves: status %d", r.status)
		}
		if got, _ := e.svc.Users.FindUserByID(sys, desk.ID); got.Version != desk.Version {
			t.Fatalf("a refused change changed the account")
		}
		if r := set(admin, desk.Version, fmt.Sprint(law.ID), fmt.Sprint(cabinet.ID)); r.status != 303 {
			t.Fatalf("setting two bodies: status %d", r.status)
		}
		got, _ := e.svc.Users.FindUserByID(sys, desk.ID)
		if len(got.BodyIDs) != 2 {
			t.Errorf("the desk officer now works in %v", got.BodyIDs)
		}
		if !strings.Contains(string(admin.get(t, "/admin/users").body), "Cabinet Division") {
			t.Error("the accounts page does not say where the desk officer works")
		}
	})
}
