package server

import (
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/entente/entente"
)

// handleFeedLinkCreate makes a feed link for the signed-in user and shows its address once.
func (s *Server) handleFeedLinkCreate(w http.ResponseWriter, r *http.Request) {
	secret, _, err := s.svc.Feeds.CreateFeedLink(r.Context(), r.PostFormValue("feed_name"))
	if err != nil {
		s.formFailed(w, r, err, func(f *Form) {
			// The field is feed_name on the page, where the token form has its own name.
			if problem, ok := f.Problems["name"]; ok {
				f.Problems["feed_name"] = problem
			}
			s.account(w, r, AccountPage{Page: s.page(r, "account.title"), FeedForm: f}, http.StatusUnprocessableEntity)
		})
		return
	}
	link := siteURL(r) + feedPrefix + url.PathEscape(secret)
	s.account(w, r, AccountPage{Page: s.page(r, "account.title"), NewFeedLink: link}, http.StatusOK)
}

// handleFeedLinkRevoke ends one of the user's feed links.
func (s *Server) handleFeedLinkRevoke(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = s.svc.Feeds.RevokeFeedLink(r.Context(), id)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice("/account", "notice.feed_link_revoked"))
}

// MeetingImportPage is the form that imports a calendar file into a roadmap's meetings, with
// what the last import did or why it was refused.
type MeetingImportPage struct {
	Page
	Form     *Form
	Result   *entente.CalendarImport
	Problems []string // what is wrong with a refused file, one line per problem
}

// meetingImport shows the import page of the roadmap in the path to those who may change it.
func (s *Server) meetingImport(w http.ResponseWriter, r *http.Request, p MeetingImportPage, status int) {
	rm, err := s.roadmapFor(r)
	if err == nil && !entente.CanEditRoadmap(p.Caller, rm.ID) {
		err = entente.Denied(p.Caller, "import meetings into this roadmap")
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Roadmap, p.Section = rm, "meetings"
	if p.Form == nil {
		p.Form = newForm(p.L, nil)
	}
	s.render(w, r, "meetings-import", status, p)
}

func (s *Server) handleMeetingImportForm(w http.ResponseWriter, r *http.Request) {
	s.meetingImport(w, r, MeetingImportPage{Page: s.page(r, "feeds.import_title")}, http.StatusOK)
}

// handleMeetingImport imports the uploaded file and shows what it did; a refused file shows
// each of its problems, and nothing of it is kept.
func (s *Server) handleMeetingImport(w http.ResponseWriter, r *http.Request) {
	p := MeetingImportPage{Page: s.page(r, "feeds.import_title")}
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	res, err := s.importUpload(r, id)
	switch code := entente.ErrorCode(err); code {
	case "":
		p.Result = res
		s.meetingImport(w, r, p, http.StatusOK)
	case entente.EINVALID:
		p.Form = newForm(p.L, nil)
		p.Form.Message, p.Problems = entente.ErrorMessage(err), fileProblems(err)
		s.meetingImport(w, r, p, http.StatusUnprocessableEntity)
	default:
		s.pageError(w, r, err)
	}
}

// importUpload reads the file of the import form and imports it.
func (s *Server) importUpload(r *http.Request, roadmapID int64) (*entente.CalendarImport, error) {
	if err := r.ParseMultipartForm(entente.MaxCalendarFileSize + 1<<20); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, &entente.Error{Code: entente.EINVALID, Message: "The calendar file is larger than 2 MiB; import it in parts.",
				Fields: map[string]string{"file": "is larger than 2 MiB"}}
		}
		return nil, &entente.Error{Code: entente.EINVALID, Message: "The upload could not be read: choose a calendar file.",
			Fields: map[string]string{"file": "is required"}}
	}
	f, _, err := r.FormFile("file")
	if err != nil {
		return nil, &entente.Error{Code: entente.EINVALID, Message: "Choose a calendar file.", Fields: map[string]string{"file": "is required"}}
	}
	defer f.Close()
	return s.importCalendar(r, roadmapID, f)
}

// fileProblems lists the problems of a refused file in order, each with the property it is
// about ("DTSTART: …"); problems of the file as a whole stand alone.
func fileProblems(err error) []string {
	fields := entente.ErrorFields(err)
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if k == "file" {
			out = append(out, fields[k])
			continue
		}
		prop := k[strings.LastIndexByte(k, '.')+1:]
		out = append(out, strings.ToUpper(prop)+": "+fields[k])
	}
	return out
}
