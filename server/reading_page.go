package server

import (
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/entente/entente"
)

// ReadPage is the form to read a statement: paste its text or upload it (.txt, or .html whose
// markup is dropped), give the date it was published, and say what it is.
type ReadPage struct {
	Page
	Form *Form
	Date Field // the publication date, required
}

// handleReadNew shows the form to read a statement into a new roadmap (or any the user may
// edit, chosen on review).
func (s *Server) handleReadNew(w http.ResponseWriter, r *http.Request) {
	c := entente.CallerFrom(r.Context())
	if !entente.CanDraftSource(c) {
		s.pageError(w, r, entente.Denied(c, "read a statement"))
		return
	}
	s.readForm(w, r, nil, newForm(s.locale(r), url.Values{"published_on": {s.today().String()}}), http.StatusOK)
}

// handleReadRoadmap shows the form to read a statement into a roadmap.
func (s *Server) handleReadRoadmap(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err == nil && !entente.CanEditRoadmap(entente.CallerFrom(r.Context()), rm.ID) {
		err = entente.Denied(entente.CallerFrom(r.Context()), "read statements into this roadmap")
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := url.Values{"published_on": {s.today().String()}, "roadmap_id": {itoa(rm.ID)}}
	s.readForm(w, r, rm, newForm(s.locale(r), v), http.StatusOK)
}

func (s *Server) readForm(w http.ResponseWriter, r *http.Request, rm *entente.Roadmap, f *Form, status int) {
	p := ReadPage{Page: s.page(r, "reading.title"), Form: f, Date: f.DateField("published_on", "reading.published_on")}
	p.Date.Required = true
	p.Roadmap, p.Section = rm, "read"
	s.render(w, r, "read", status, p)
}

// readingProblems are the reader's refusals of a text, worded by the page's catalogue.
var readingProblems = []problemWording{
	{"text", "The statement is empty", "reading.problem.empty"},
	{"text", "The statement has no words", "reading.problem.empty"},
	{"text", "The statement is not text", "reading.problem.binary"},
	{"text", "The statement is", "reading.problem.too_long"},
	{"text", "No English sentences found", "reading.problem.not_english"},
	{"text", "The HTML file", "reading.problem.empty_page"},
	{"text", "The file is not readable HTML", "reading.problem.empty_page"},
	{"text", "is required", "reading.problem.no_text"},
	{"file", "", "reading.problem.file_kind"},
	{"published_on", "", "reading.problem.date"},
}

// handleReadSubmit reads the statement of the form and shows its review, or the form again
// with what is wrong.
func (s *Server) handleReadSubmit(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseMultipartForm(maxUpload) // a form that does not parse is an empty one
	v := r.Form
	if r.MultipartForm != nil {
		v = url.Values(r.MultipartForm.Value)
	}
	var rm *entente.Roadmap
	probs := entente.Problems{}
	src := &entente.Source{Title: strings.TrimSpace(v.Get("title")), URL: strings.TrimSpace(v.Get("url")),
		Publisher: strings.TrimSpace(v.Get("publisher")), PublishedOn: formDate(v, "published_on", probs),
		RoadmapID: formID(v, "roadmap_id", probs), Text: v.Get("text")}
	if src.RoadmapID != 0 {
		var err error
		if rm, err = s.svc.Roadmaps.FindRoadmapByID(r.Context(), src.RoadmapID); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	format, err := uploadedStatement(r, src)
	if err != nil {
		probs.Add("file", entente.ErrorMessage(err))
	}
	if strings.TrimSpace(src.Text) == "" && len(probs) == 0 {
		probs.Add("text", "is required")
	}
	err = probs.Err("statement")
	if err == nil {
		err = s.svc.Reading.ReadSource(r.Context(), src, format)
	}
	if err != nil {
		s.formFailed(w, r, err, func(f *Form) {
			f.Values = v
			translateProblems(f, readingProblems)
			s.readForm(w, r, rm, f, refusedStatus(err))
		})
		return
	}
	redirect(w, r, "/sources/"+itoa(src.ID))
}

// uploadedStatement takes the statement from the uploaded file, if there is one, and returns
// its format: html for .html and .htm files and pages sent as text/html, text otherwise.
func uploadedStatement(r *http.Request, src *entente.Source) (string, error) {
	if r.MultipartForm == nil || len(r.MultipartForm.File["file"]) == 0 {
		return entente.FormatText, nil
	}
	hdr := r.MultipartForm.File["file"][0]
	if hdr.Filename == "" && hdr.Size == 0 {
		return entente.FormatText, nil
	}
	ext := strings.ToLower(filepath.Ext(hdr.Filename))
	html := ext == ".html" || ext == ".htm" || strings.HasPrefix(hdr.Header.Get("Content-Type"), "text/html")
	if !html && ext != ".txt" && ext != ".text" && ext != "" {
		return "", entente.Errorf(entente.EINVALID, "upload a .txt or .html file")
	}
	text, err := readUploaded(hdr)
	if err != nil {
		return "", err
	}
	src.Text = text
	if html {
		return entente.FormatHTML, nil
	}
	return entente.FormatText, nil
}

// readUploaded reads an uploaded file, which the request's limit keeps under 6 MiB; the reader
// says when its text is too long.
func readUploaded(hdr *multipart.FileHeader) (string, error) {
	f, err := hdr.Open()
	if err != nil {
		return "", entente.Errorf(entente.EINVALID, "the file could not be read")
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxUpload))
	if err != nil {
		return "", entente.Errorf(entente.EINVALID, "the file could not be read")
	}
	return string(b), nil
}
