package server

import (
	"net/http"
	"net/url"

	"github.com/entente/entente"
)

// AccountPage is the signed-in user's own page: their roles, password and API tokens.
type AccountPage struct {
	Page
	User         *entente.User
	Roadmaps     map[int64]string
	PasswordForm *Form
	TokenForm    *Form
	Tokens       []*entente.APIToken
	NewToken     string // shown once, right after it is made
	// FeedLinks are the user's calendar feed links; NewFeedLink is the address of one just
	// made, shown once.
	FeedLinks   []*entente.FeedLink
	FeedForm    *Form
	NewFeedLink string
}

func (s *Server) account(w http.ResponseWriter, r *http.Request, p AccountPage, status int) {
	c := entente.CallerFrom(r.Context())
	if c.IsAnonymous() {
		s.pageError(w, r, entente.Errorf(entente.EUNAUTHORIZED, "sign in"))
		return
	}
	u, err := s.svc.Users.FindUserByID(r.Context(), c.UserID)
	if err == nil {
		p.Tokens, err = s.svc.Users.FindAPITokens(r.Context())
	}
	if err == nil {
		p.FeedLinks, err = s.svc.Feeds.FindFeedLinks(r.Context())
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.User, p.Section, p.Roadmaps = u, "account", map[int64]string{}
	roadmaps, _, _ := s.svc.Roadmaps.FindRoadmaps(r.Context(), entente.RoadmapFilter{Page: entente.Page{Limit: entente.MaxPageLimit}})
	for _, rm := range roadmaps {
		p.Roadmaps[rm.ID] = rm.Title
	}
	if p.PasswordForm == nil {
		p.PasswordForm = newForm(p.L, nil)
	}
	if p.FeedForm == nil {
		p.FeedForm = newForm(p.L, nil)
	}
	if p.TokenForm == nil {
		p.TokenForm = newForm(p.L, url.Values{"scope": {entente.TokenScopeRead}})
	}
	s.render(w, r, "account", status, p)
}

func (s *Server) handleAccount(w http.ResponseWriter, r *http.Request) {
	s.account(w, r, AccountPage{Page: s.page(r, "account.title")}, http.StatusOK)
}

// handlePasswordChange sets a new password; the session goes on, since it is renewed, while
// every other session of the user ends.
func (s *Server) handlePasswordChange(w http.ResponseWriter, r *http.Request) {
	pw := r.PostFormValue("new_password")
	var err error
	if pw != r.PostFormValue("confirm_password") {
		err = &entente.Error{Code: entente.EINVALID, Message: "The two passwords differ.",
			Fields: map[string]string{"confirm_password": "does not match the new password"}}
	} else {
		err = s.svc.Users.ChangePassword(r.Context(), r.PostFormValue("old_password"), pw)
	}
	if err != nil {
		s.formFailed(w, r, err, func(f *Form) {
			f.Values = url.Values{}
			s.account(w, r, AccountPage{Page: s.page(r, "account.title"), PasswordForm: f}, http.StatusUnprocessableEntity)
		})
		return
	}
	u, err := s.svc.Users.FindUserByID(r.Context(), entente.CallerFrom(r.Context()).UserID)
	if err == nil {
		err = s.signIn(r, u)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice("/account", "notice.password_changed"))
}

// handleTokenCreate makes an API token and shows its secret once.
func (s *Server) handleTokenCreate(w http.ResponseWriter, r *http.Request) {
	secret, _, err := s.svc.Users.CreateAPIToken(r.Context(), r.PostFormValue("name"), r.PostFormValue("scope"))
	if err != nil {
		s.formFailed(w, r, err, func(f *Form) {
			s.account(w, r, AccountPage{Page: s.page(r, "account.title"), TokenForm: f}, http.StatusUnprocessableEntity)
		})
		return
	}
	s.account(w, r, AccountPage{Page: s.page(r, "account.title"), NewToken: secret}, http.StatusOK)
}

func (s *Server) handleTokenRevoke(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = s.svc.Users.RevokeAPIToken(r.Context(), id)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice("/account", "notice.token_revoked"))
}
