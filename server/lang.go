package server

import (
	"net/http"
	"strings"

	"github.com/entente/entente/i18n"
)

// handleLanguage remembers the user's choice of language in a cookie for a year and sends the
// browser back to the page it came from.
func (s *Server) handleLanguage(w http.ResponseWriter, r *http.Request) {
	code := r.PostFormValue("lang")
	for _, l := range i18n.Languages {
		if l.Code == code {
			http.SetCookie(w, &http.Cookie{Name: "lang", Value: code, Path: "/", MaxAge: 365 * 24 * 3600,
				HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
		}
	}
	redirect(w, r, localPath(r.PostFormValue("return")))
}

// localPath keeps a return address on this site: anything else goes home.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
		return "/"
	}
	return p
}
