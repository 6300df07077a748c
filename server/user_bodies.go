package server

import (
	"context"
	"net/http"
	"sort"
	"strconv"

	"github.com/entente/entente"
)

// UserRow is an account on the accounts page with the bodies it works in and those it could.
type UserRow struct {
	*entente.User
	WorksIn []string     // names of the bodies the user works in
	Bodies  []BodyChoice // the bodies the user may be placed in
}

// BodyChoice is a body offered for an account, ticked when the user works in it.
type BodyChoice struct {
	ID      int64
	Name    string
	Checked bool
}

// userRows pairs each account with the bodies it may work in: its party's and joint bodies,
// every body for the joint secretariat's staff (the rule sqlstore enforces).
func (s *Server) userRows(ctx context.Context, users []*entente.User) ([]UserRow, error) {
	var bodies []*entente.Body
	page := entente.Page{Limit: entente.MaxPageLimit}
	for {
		items, _, err := s.svc.Bodies.FindBodies(ctx, entente.BodyFilter{Page: page})
		if err != nil {
			return nil, err
		}
		bodies = append(bodies, items...)
		if len(items) < page.Size() {
			break
		}
		page.Cursor = entente.EncodeCursor(items[len(items)-1].ID)
	}
	sort.SliceStable(bodies, func(i, j int) bool { return bodies[i].Name < bodies[j].Name })
	rows := make([]UserRow, len(users))
	for i, u := range users {
		in := map[int64]bool{}
		for _, id := range u.BodyIDs {
			in[id] = true
		}
		rows[i].User = u
		for _, b := range bodies {
			if in[b.ID] {
				rows[i].WorksIn = append(rows[i].WorksIn, b.Name)
			}
			if b.IsJoint() || b.Party == u.Party || u.Party == entente.JointSecretariat {
				rows[i].Bodies = append(rows[i].Bodies, BodyChoice{ID: b.ID, Name: b.Name, Checked: in[b.ID]})
			}
		}
	}
	return rows, nil
}

// handleUserBodies sets the bodies an account works in, which decides the approval steps the
// user may take; the form sends every ticked body.
func (s *Server) handleUserBodies(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	ids := []int64{}
	for _, v := range r.PostForm["body"] {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			s.pageError(w, r, entente.Errorf(entente.EINVALID, "%q is not the number of a body.", v))
			return
		}
		ids = append(ids, n)
	}
	_, err = s.svc.Users.UpdateUser(r.Context(), id, entente.UserUpdate{Version: version, BodyIDs: &ids})
	switch entente.ErrorCode(err) {
	case "":
		redirect(w, r, withNotice("/admin/users", "notice.saved"))
	case entente.ECONFLICT:
		redirect(w, r, withNotice("/admin/users", "notice.not_saved"))
	case entente.EINVALID:
		f := newForm(s.locale(r), nil)
		f.fail(err)
		s.users(w, r, UsersPage{Page: s.page(r, "users.title"), BodiesProblem: f}, http.StatusUnprocessableEntity)
	default:
		s.pageError(w, r, err)
	}
}
