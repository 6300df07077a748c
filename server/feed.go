package server

import (
	"bytes"
	"io"
	"mime"
	"net"
	"net/http"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/ical"
)

// Calendar feeds: a user's feed at the secret address of a feed link, a roadmap's feed, one
// meeting as a file to add to a calendar, and the import of calendar files into meetings.

// feedPrefix is the path under which feed links are served; what follows it is a secret.
const feedPrefix = "/feeds/"

// logPath is a request's path as logs show it: the secret of a feed link is left out, so
// that a log never opens anyone's calendar.
func logPath(path string) string {
	if rest, ok := strings.CutPrefix(path, feedPrefix); ok && rest != "" {
		return feedPrefix + "[secret]"
	}
	return path
}

// siteHost is the host of the request without its port, which names this installation in
// the UIDs of its feeds.
func siteHost(r *http.Request) string {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	if host == "" {
		host = "localhost"
	}
	return strings.ToLower(host)
}

// siteURL is the address of this installation as the request reached it.
func siteURL(r *http.Request) string {
	scheme := "https"
	if r.TLS == nil {
		scheme = "http"
	}
	return scheme + "://" + r.Host
}

// feedWriter writes feeds for a request: UIDs on its host, links back to it, words in the
// reader's language.
func (s *Server) feedWriter(r *http.Request) ical.Writer {
	return ical.Writer{Host: siteHost(r), BaseURL: siteURL(r), Words: s.locale(r)}
}

// feeds collects feeds through the domain services, as the caller may read them.
func (s *Server) feeds() ical.Services {
	v := s.svc
	return ical.Services{Roadmaps: v.Roadmaps, Meetings: v.Meetings, Actions: v.Actions, Agreements: v.Agreements, Commitments: v.Commitments}
}

// serveCalendar answers with a feed as text/calendar; disposition is "inline" for feeds that
// calendar programs subscribe to and "attachment" for a file to download.
func (s *Server) serveCalendar(w http.ResponseWriter, r *http.Request, f *ical.Feed, disposition, filename string) {
	var buf bytes.Buffer
	if err := s.feedWriter(r).Write(&buf, f); err != nil {
		s.feedFailed(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": filename}))
	w.Header().Set("Cache-Control", "private, no-cache")
	w.Write(buf.Bytes())
}

// feedFailed answers a feed request that failed in plain text, which calendar programs show:
// not found, or an internal error logged without the secret of the address.
func (s *Server) feedFailed(w http.ResponseWriter, r *http.Request, err error) {
	code := entente.ErrorCode(err)
	if code == entente.EINTERNAL {
		s.log.Error("internal error", "request_id", entente.RequestIDFrom(r.Context()), "path", logPath(r.URL.Path), "error", err)
	}
	msg := entente.ErrorMessage(err)
	if code == entente.EINTERNAL {
		msg = "Something went wrong on our side. Request " + entente.RequestIDFrom(r.Context())
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, msg, statusOf[code])
}

// handleFeed serves the feed of a feed link: the meetings and deadlines of its owner's
// roadmaps, as the owner may read them. A revoked or unknown secret is 404.
func (s *Server) handleFeed(w http.ResponseWriter, r *http.Request) {
	c, err := s.svc.Feeds.CallerForFeed(r.Context(), r.PathValue("secret"))
	if err != nil {
		s.feedFailed(w, r, err)
		return
	}
	f, err := s.feeds().UserFeed(entente.WithCaller(r.Context(), c))
	if err != nil {
		s.feedFailed(w, r, err)
		return
	}
	f.Name = s.locale(r).T("feeds.user_calendar", "Name", c.Name)
	s.serveCalendar(w, r, f, "inline", "entente.ics")
}

// handleRoadmapCalendar serves a roadmap's feed: to everyone for a public roadmap, otherwise to
// its members with a session or an API token.
func (s *Server) handleRoadmapCalendar(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f, err := s.feeds().RoadmapFeed(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.serveCalendar(w, r, f, "inline", "roadmap-"+itoa(id)+".ics")
}

// handleMeetingCalendar sends one meeting as a calendar file to add to a calendar.
func (s *Server) handleMeetingCalendar(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f, err := s.feeds().MeetingFeed(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.serveCalendar(w, r, f, "attachment", "meeting-"+itoa(id)+".ics")
}

// importCalendar reads a calendar file and imports it into a roadmap's meetings; the roadmap
// and the caller's right to change it are checked before the file is read.
func (s *Server) importCalendar(r *http.Request, roadmapID int64, file io.Reader) (*entente.CalendarImport, error) {
	rm, err := s.svc.Roadmaps.FindRoadmapByID(r.Context(), roadmapID)
	if err != nil {
		return nil, err
	}
	c := entente.CallerFrom(r.Context())
	if !entente.CanEditRoadmap(c, rm.ID) {
		return nil, entente.Denied(c, "import meetings into this roadmap")
	}
	events, err := ical.Read(file, siteHost(r))
	if err != nil {
		return nil, err
	}
	return s.svc.Feeds.ImportMeetings(r.Context(), rm.ID, events)
}

// handleMeetingImportAPI imports a calendar file sent as the text/calendar body of the
// request, and answers which meetings it created, updated and left unchanged.
func (s *Server) handleMeetingImportAPI(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "text/calendar" {
		return &entente.Error{Code: entente.EINVALID, Message: "Send the calendar file as the request body, with Content-Type: text/calendar.",
			Fields: map[string]string{"file": "must be sent as text/calendar"}}
	}
	res, err := s.importCalendar(r, id, r.Body)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}
