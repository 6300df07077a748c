package server

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// Page is what every page shows around its content: the language, who is signed in, the
// roadmap being worked on, and the navigation.
type Page struct {
	L         *i18n.Locale
	Caller    *entente.Caller
	Title     string
	Path      string // the page's path and query, to come back to after switching language
	Section   string // the navigation item to mark as current
	Roadmap   *entente.Roadmap
	Today     entente.Date
	Notice    string // a message id to show once, such as "saved"
	RequestID string
	Languages []i18n.Language
}

// SignedIn reports whether a user is signed in.
func (p Page) SignedIn() bool { return !p.Caller.IsAnonymous() }

// CanEdit reports whether the caller may edit the current roadmap's items.
func (p Page) CanEdit() bool {
	return p.Roadmap != nil && entente.CanEditRoadmap(p.Caller, p.Roadmap.ID)
}

// locale picks the language of a request: the "lang" cookie, then Accept-Language.
func (s *Server) locale(r *http.Request) *i18n.Locale {
	choice := ""
	if c, err := r.Cookie("lang"); err == nil {
		choice = c.Value
	}
	return s.catalog.Locale(s.catalog.Match(choice, r.Header.Get("Accept-Language")))
}

// page returns the common page data for a request.
func (s *Server) page(r *http.Request, titleID string) Page {
	l := s.locale(r)
	p := Page{L: l, Caller: entente.CallerFrom(r.Context()), Title: l.T(titleID), Path: r.URL.RequestURI(),
		Today: s.today(), RequestID: entente.RequestIDFrom(r.Context()), Languages: i18n.Languages}
	// Only known notices are shown, so a crafted link cannot put words on the page.
	if n := r.URL.Query().Get("notice"); strings.HasPrefix(n, "notice.") && l.Has(n) {
		p.Notice = n
	}
	return p
}

// render writes a whole page: the layout around the page's content.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, status int, data any) {
	s.execute(w, r, name, "layout", status, data)
}

// renderFragment writes one named block of a page, for htmx to swap into the page.
func (s *Server) renderFragment(w http.ResponseWriter, r *http.Request, name, block string, data any) {
	s.execute(w, r, name, block, http.StatusOK, data)
}

func (s *Server) execute(w http.ResponseWriter, r *http.Request, name, block string, status int, data any) {
	t, ok := s.pages[name]
	if !ok {
		s.log.Error("no such page template", "page", name)
		http.Error(w, "Internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, block, data); err != nil {
		s.log.Error("rendering a page", "request_id", entente.RequestIDFrom(r.Context()), "page", name, "block", block, "error", err)
		http.Error(w, "Internal error. Request "+entente.RequestIDFrom(r.Context()), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

// isHTMX reports whether htmx made the request, which then wants a fragment, not a page.
func isHTMX(r *http.Request) bool { return r.Header.Get("HX-Request") == "true" }

// redirect sends the browser on after a successful form; htmx follows HX-Redirect.
func redirect(w http.ResponseWriter, r *http.Request, to string) {
	if isHTMX(r) {
		w.Header().Set("HX-Redirect", to)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// withNotice adds a one-time notice to a URL.
func withNotice(to, notice string) string {
	sep := "?"
	if strings.Contains(to, "?") {
		sep = "&"
	}
	return to + sep + "notice=" + url.QueryEscape(notice)
}

// ErrorPage is the view of an error page.
type ErrorPage struct {
	Page
	Status  int
	Message string
}

// pageError shows an error as a page in the user's language: not found, forbidden, or an
// internal error with the request id. A visitor who must sign in is sent to sign in.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	code := entente.ErrorCode(err)
	if code == entente.EUNAUTHORIZED && r.Method == http.MethodGet {
		http.Redirect(w, r, "/signin?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	status := statusOf[code]
	p := ErrorPage{Page: s.page(r, "error.title"), Status: status}
	switch code {
	case entente.ENOTFOUND:
		p.Message = p.L.T("error.not_found")
	case entente.EFORBIDDEN, entente.EUNAUTHORIZED:
		p.Message = p.L.T("error.forbidden")
	case entente.EINTERNAL:
		s.log.Error("internal error", "request_id", p.RequestID, "path", r.URL.Path, "error", err)
		p.Message = p.L.T("error.internal")
	default:
		p.Message = entente.ErrorMessage(err)
	}
	s.render(w, r, "error", status, p)
}

// templateFuncs are the functions every template may call.
func templateFuncs(assets interface{ URL(string) (string, error) }) template.FuncMap {
	return template.FuncMap{
		"asset": assets.URL,
		"add":   func(a, b int) int { return a + b },
		"sub":   func(a, b int) int { return a - b },
		"list":  func(xs ...string) []string { return xs },
		"pct": func(part, whole int) int {
			if whole == 0 {
				return 0
			}
			return 100 * part / whole
		},
	}
}

// handleNotFound answers every path no route serves with the not-found page.
func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.pageError(w, r, entente.Errorf(entente.ENOTFOUND, "no page at %s", r.URL.Path))
}
