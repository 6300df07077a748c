package server

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// UsersPage is the administrators' list of accounts with the form to add one.
type UsersPage struct {
	Page
	Users []UserRow
	// BodiesProblem is a refused change of the bodies an account works in.
	BodiesProblem *Form
	Form          *Form
	Parties       []string
	ResetLink     string // shown once after an account is made or a reset is asked for
	ResetFor      string
}

func (s *Server) users(w http.ResponseWriter, r *http.Request, p UsersPage, status int) {
	c := entente.CallerFrom(r.Context())
	if !entente.CanAdminister(c) {
		s.pageError(w, r, entente.Denied(c, "manage accounts"))
		return
	}
	users, _, err := s.svc.Users.FindUsers(r.Context(), entente.UserFilter{Q: r.URL.Query().Get("q"), Page: entente.Page{Limit: entente.MaxPageLimit, Sort: "name"}})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	parties, _, err := s.svc.Parties.FindParties(r.Context(), entente.PartyFilter{})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for _, pt := range parties {
		p.Parties = append(p.Parties, pt.Code)
	}
	p.Parties = append(p.Parties, entente.JointSecretariat)
	if p.Users, err = s.userRows(r.Context(), users); err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Section = "users"
	if p.Form == nil {
		p.Form = newForm(p.L, nil)
	}
	s.render(w, r, "users", status, p)
}

func (s *Server) handleUserList(w http.ResponseWriter, r *http.Request) {
	s.users(w, r, UsersPage{Page: s.page(r, "users.title")}, http.StatusOK)
}

// handleUserCreate makes an account with a random password nobody knows, and shows the
// administrator a one-time link with which the new user sets their own.
func (s *Server) handleUserCreate(w http.ResponseWriter, r *http.Request) {
	u := &entente.User{Email: strings.TrimSpace(r.PostFormValue("email")), Name: strings.TrimSpace(r.PostFormValue("name")),
		Party: r.PostFormValue("party"), Admin: r.PostFormValue("admin") == "true"}
	err := s.svc.Users.CreateUser(r.Context(), u, unguessable())
	var secret string
	if err == nil {
		secret, err = s.svc.Users.CreatePasswordReset(r.Context(), u.ID)
	}
	if err != nil {
		s.formFailed(w, r, err, func(f *Form) {
			s.users(w, r, UsersPage{Page: s.page(r, "users.title"), Form: f}, http.StatusUnprocessableEntity)
		})
		return
	}
	s.users(w, r, UsersPage{Page: s.page(r, "users.title"), ResetLink: resetLink(r, secret), ResetFor: u.Email}, http.StatusOK)
}

// handleUserReset makes a one-time link for a user to set a new password.
func (s *Server) handleUserReset(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	var secret string
	var u *entente.User
	if err == nil {
		u, err = s.svc.Users.FindUserByID(r.Context(), id)
	}
	if err == nil {
		secret, err = s.svc.Users.CreatePasswordReset(r.Context(), id)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.users(w, r, UsersPage{Page: s.page(r, "users.title"), ResetLink: resetLink(r, secret), ResetFor: u.Email}, http.StatusOK)
}

// handleUserFlags enables, disables, or changes the administrator flag of an account.
func (s *Server) handleUserFlags(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	disabled, admin := r.PostFormValue("disabled") == "true", r.PostFormValue("admin") == "true"
	if _, err := s.svc.Users.UpdateUser(r.Context(), id, entente.UserUpdate{Version: version, Disabled: &disabled, Admin: &admin}); err != nil {
		if entente.ErrorCode(err) == entente.ECONFLICT {
			redirect(w, r, withNotice("/admin/users", "notice.not_saved"))
			return
		}
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice("/admin/users", "notice.saved"))
}

func resetLink(r *http.Request, secret string) string {
	scheme := "https"
	if r.TLS == nil {
		scheme = "http"
	}
	return scheme + "://" + r.Host + "/reset?secret=" + url.QueryEscape(secret)
}

// unguessable is a throwaway password for an account whose user sets their own.
func unguessable() string {
	b := make([]byte, 24)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// MembersPage lists who works on a roadmap, with their roles.
type MembersPage struct {
	Page
	Members []*entente.User
	Form    *Form
	Roles   []string
	Manage  bool
}

func (s *Server) members(w http.ResponseWriter, r *http.Request, f *Form, status int) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := MembersPage{Page: s.page(r, "members.title"), Form: f, Roles: []string{"administrator", "editor", "contributor", "viewer"}}
	p.Roadmap, p.Section = rm, "members"
	p.Manage = entente.CanManageRoadmap(p.Caller, rm.ID)
	if p.Members, _, err = s.svc.Users.FindUsers(r.Context(), entente.UserFilter{RoadmapID: rm.ID, Page: entente.Page{Limit: entente.MaxPageLimit, Sort: "name"}}); err != nil {
		s.pageError(w, r, err)
		return
	}
	if p.Form == nil {
		p.Form = newForm(p.L, url.Values{"role": {"viewer"}})
	}
	s.render(w, r, "members", status, p)
}

func (s *Server) handleMemberList(w http.ResponseWriter, r *http.Request) {
	s.members(w, r, nil, http.StatusOK)
}

// handleMemberSet gives an account (by e-mail address) a role in the roadmap, or takes it away.
func (s *Server) handleMemberSet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	u, err := s.svc.Users.FindUserByEmail(r.Context(), r.PostFormValue("email"))
	if err == nil {
		err = s.svc.Users.SetRole(r.Context(), u.ID, id, entente.Role(r.PostFormValue("role")))
	} else if entente.ErrorCode(err) == entente.ENOTFOUND {
		err = &entente.Error{Code: entente.EINVALID, Message: "No account has this address.",
			Fields: map[string]string{"email": "no account has this address; an administrator of the installation makes accounts"}}
	}
	if err != nil {
		s.formFailed(w, r, err, func(f *Form) { s.members(w, r, f, http.StatusUnprocessableEntity) })
		return
	}
	redirect(w, r, withNotice("/roadmaps/"+itoa(id)+"/members", "notice.saved"))
}
