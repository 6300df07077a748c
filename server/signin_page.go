package server

import (
	"net/http"
	"net/url"

	"github.com/entente/entente"
)

// SignInPage is the sign-in form.
type SignInPage struct {
	Page
	Form *Form
	Next string
}

func (s *Server) handleSignInForm(w http.ResponseWriter, r *http.Request) {
	p := SignInPage{Page: s.page(r, "signin.title"), Form: newForm(s.locale(r), nil), Next: localPath(r.URL.Query().Get("next"))}
	s.render(w, r, "signin", http.StatusOK, p)
}

// handleSignIn checks the password and starts a session. A refusal says the same whatever the
// reason (no such account, wrong password, locked), and keeps only the e-mail address typed.
func (s *Server) handleSignIn(w http.ResponseWriter, r *http.Request) {
	email, password := r.PostFormValue("email"), r.PostFormValue("password")
	next := localPath(r.PostFormValue("next"))
	u, err := s.svc.Auth.SignIn(r.Context(), email, password, clientAddress(r))
	if err != nil {
		if entente.ErrorCode(err) != entente.EUNAUTHORIZED {
			s.pageError(w, r, err)
			return
		}
		p := SignInPage{Page: s.page(r, "signin.title"), Form: newForm(s.locale(r), url.Values{"email": {email}}), Next: next}
		p.Form.Message = p.L.T("signin.refused")
		s.render(w, r, "signin", http.StatusUnauthorized, p)
		return
	}
	if err := s.signIn(r, u); err != nil {
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice(next, "notice.signed_in"))
}

func (s *Server) handleSignOut(w http.ResponseWriter, r *http.Request) {
	if err := s.signOut(r); err != nil {
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice("/", "notice.signed_out"))
}

// ResetPage is the form to set a new password with a one-time link.
type ResetPage struct {
	Page
	Form   *Form
	Secret string
}

func (s *Server) handleResetForm(w http.ResponseWriter, r *http.Request) {
	p := ResetPage{Page: s.page(r, "reset.title"), Form: newForm(s.locale(r), nil), Secret: r.URL.Query().Get("secret")}
	s.render(w, r, "reset", http.StatusOK, p)
}

func (s *Server) handleReset(w http.ResponseWriter, r *http.Request) {
	secret, pw := r.PostFormValue("secret"), r.PostFormValue("new_password")
	var err error
	if pw != r.PostFormValue("confirm_password") {
		err = &entente.Error{Code: entente.EINVALID, Message: "The two passwords differ.",
			Fields: map[string]string{"confirm_password": "does not match the new password"}}
	} else {
		err = s.svc.Users.ResetPassword(r.Context(), secret, pw)
	}
	if err != nil {
		s.formFailed(w, r, err, func(f *Form) {
			f.Values = url.Values{} // never send passwords back
			if entente.ErrorFields(err) == nil {
				f.Message = f.L.T("reset.invalid")
			}
			s.render(w, r, "reset", http.StatusUnprocessableEntity, ResetPage{Page: s.page(r, "reset.title"), Form: f, Secret: secret})
		})
		return
	}
	redirect(w, r, withNotice("/signin", "notice.password_reset"))
}
