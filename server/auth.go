package server

import (
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/entente/entente"
)

// Session keys.
const (
	sessionUser       = "user_id"
	sessionSignedInAt = "signed_in_at"
)

// authenticate finds the caller of a request: the owner of a bearer token, the user of a
// session cookie, or an anonymous visitor. A credential that is not valid (a revoked token, a
// session from before a password change) is refused rather than treated as anonymous, so that
// a client learns its credential no longer works.
func (s *Server) authenticate(r *http.Request) (*entente.Caller, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		secret, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || strings.TrimSpace(secret) == "" {
			return nil, entente.Errorf(entente.EUNAUTHORIZED, "Send API tokens as \"Authorization: Bearer <token>\".")
		}
		return s.svc.Auth.CallerForToken(r.Context(), strings.TrimSpace(secret))
	}
	id := s.sessions.GetInt64(r.Context(), sessionUser)
	if id == 0 {
		return entente.Anonymous, nil
	}
	at := time.UnixMicro(s.sessions.GetInt64(r.Context(), sessionSignedInAt))
	c, err := s.svc.Auth.CallerForUser(r.Context(), id, at)
	if err != nil {
		s.sessions.Destroy(r.Context())
		return entente.Anonymous, nil
	}
	return c, nil
}

// signIn starts a session for a user whose password was checked, with a new session token
// (so a token planted before sign-in is worthless).
func (s *Server) signIn(r *http.Request, u *entente.User) error {
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		return err
	}
	s.sessions.Put(r.Context(), sessionUser, u.ID)
	s.sessions.Put(r.Context(), sessionSignedInAt, time.Now().UnixMicro())
	return nil
}

// signOut ends the session.
func (s *Server) signOut(r *http.Request) error { return s.sessions.Destroy(r.Context()) }

// clientAddress is the network address a request came from, for sign-in throttling.
func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
