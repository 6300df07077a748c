package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/clause"
	"github.com/entente/entente/signingcopy"
)

// The JSON API of agreement texts: versions, redlines, the agreed text, comments, and exports
// of a version as text, Markdown and PDF.

// pathNumber reads a version number from the route.
func pathNumber(r *http.Request, name string) (int, error) {
	n, err := strconv.Atoi(r.PathValue(name))
	if err != nil || n <= 0 {
		return 0, entente.Errorf(entente.ENOTFOUND, "%q is not a version number.", r.PathValue(name))
	}
	return n, nil
}

// pathVersion reads the agreement id and the version number {n} of the route.
func pathVersion(r *http.Request) (int64, int, error) {
	id, err := pathID(r)
	if err != nil {
		return 0, 0, err
	}
	n, err := pathNumber(r, "n")
	return id, n, err
}

// handleVersionList serves GET /api/v1/agreements/{id}/versions.
func (s *Server) handleVersionList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	vs, err := s.svc.AgreementTexts.FindAgreementVersions(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, List[*entente.AgreementVersion]{Items: vs, Total: len(vs)})
}

// handleVersionCreate serves POST /api/v1/agreements/{id}/versions: a new version, never an
// edit of an old one.
func (s *Server) handleVersionCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var nv entente.NewAgreementVersion
	if err := decodeJSON(r, &nv); err != nil {
		return err
	}
	nv.AgreementID = id
	v, err := s.svc.AgreementTexts.CreateAgreementVersion(r.Context(), &nv)
	if err != nil {
		return err
	}
	w.Header().Set("Location", fmt.Sprintf("/api/v1/agreements/%d/versions/%d", id, v.Number))
	return writeJSON(w, http.StatusCreated, v)
}

// handleVersionView serves GET /api/v1/agreements/{id}/versions/{n}.
func (s *Server) handleVersionView(w http.ResponseWriter, r *http.Request) error {
	id, n, err := pathVersion(r)
	if err != nil {
		return err
	}
	v, err := s.svc.AgreementTexts.FindAgreementVersion(r.Context(), id, n)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

// handleVersionEdit answers an attempt to change or delete a saved version: versions are
// immutable, so the answer is 405 with the way to make a new one.
func (s *Server) handleVersionEdit(w http.ResponseWriter, r *http.Request) error {
	id, n, err := pathVersion(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.AgreementTexts.FindAgreementVersion(r.Context(), id, n); err != nil {
		return err
	}
	p := problemOf(r, entente.Errorf(entente.ECONFLICT, "Version %d cannot be changed or deleted: a saved version is never edited. "+
		"Save your text as a new version (POST /api/v1/agreements/%d/versions with base %d).", n, id, n))
	p.Status, p.Title = http.StatusMethodNotAllowed, http.StatusText(http.StatusMethodNotAllowed)
	w.Header().Set("Allow", "GET")
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	return json.NewEncoder(w).Encode(p)
}

// Redline is the difference between two versions of an agreement, language by language.
type Redline struct {
	AgreementID int64            `json:"agreement_id"`
	From        int              `json:"from"`
	To          int              `json:"to"`
	Languages   []clause.Redline `json:"languages"`
}

// handleVersionDiff serves GET /api/v1/agreements/{id}/versions/{n}/diff/{m}: the redline from
// version n to version m, as JSON, or as text with [-deleted-] and {+inserted+} marks when the
// client accepts text/plain rather than JSON.
func (s *Server) handleVersionDiff(w http.ResponseWriter, r *http.Request) error {
	id, n, err := pathVersion(r)
	if err != nil {
		return err
	}
	m, err := pathNumber(r, "m")
	if err != nil {
		return err
	}
	red, err := s.redline(r, id, n, m)
	if err != nil {
		return err
	}
	if prefersText(r) {
		var b bytes.Buffer
		if err := clause.WriteRedline(&b, red.Languages...); err != nil {
			return err
		}
		return writeText(w, "text/plain; charset=utf-8", "", b.Bytes())
	}
	return writeJSON(w, http.StatusOK, red)
}

// redline loads two versions the caller may see and compares them.
func (s *Server) redline(r *http.Request, id int64, from, to int) (*Redline, error) {
	old, err := s.svc.AgreementTexts.FindAgreementVersion(r.Context(), id, from)
	if err != nil {
		return nil, err
	}
	cur, err := s.svc.AgreementTexts.FindAgreementVersion(r.Context(), id, to)
	if err != nil {
		return nil, err
	}
	return &Redline{AgreementID: id, From: from, To: to, Languages: clause.DiffVersions(old.Texts, cur.Texts)}, nil
}

// prefersText reports whether the client asked for text/plain and not for JSON.
func prefersText(r *http.Request) bool {
	accept := r.Header.Get("Accept")
	return strings.Contains(accept, "text/plain") && !strings.Contains(accept, "application/json")
}

// writeText answers with a text or binary document, offered for download when name is set.
func writeText(w http.ResponseWriter, contentType, name string, body []byte) error {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Cache-Control", "no-store")
	if name != "" {
		w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	}
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(body)
	return err
}

// handleAgreeText serves POST /api/v1/agreements/{id}/agreed-text.
func (s *Server) handleAgreeText(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var at entente.AgreedText
	if err := decodeJSON(r, &at); err != nil {
		return err
	}
	a, err := s.svc.AgreementTexts.AgreeText(r.Context(), id, at)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, a)
}

// handleCommentList serves GET /api/v1/agreements/{id}/comments?text_version=&article=.
func (s *Server) handleCommentList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	f := entente.AgreementCommentFilter{AgreementID: id, TextVersion: int(q.id("text_version")), Article: q.str("article")}
	if err := q.probs.Err("query"); err != nil {
		return err
	}
	cs, err := s.svc.AgreementTexts.FindAgreementComments(r.Context(), f)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, List[*entente.AgreementComment]{Items: cs, Total: len(cs)})
}

// handleCommentCreate serves POST /api/v1/agreements/{id}/comments.
func (s *Server) handleCommentCreate(w http.ResponseWriter, r *http.Request) error {
	return create("agreement-comments", s.svc.AgreementTexts.CreateAgreementComment, func(r *http.Request, c *entente.AgreementComment) error {
		id, err := pathID(r)
		c.AgreementID = id
		return err
	})(w, r)
}

// exportFormats maps the formats of a version export to their media types and file suffixes.
var exportFormats = map[string]struct{ mediaType, suffix string }{
	"text":     {"text/plain; charset=utf-8", "txt"},
	"markdown": {"text/markdown; charset=utf-8", "md"},
	"pdf":      {"application/pdf", "pdf"},
}

// handleVersionExport serves GET /api/v1/agreements/{id}/versions/{n}/export?format=…: the
// version as plain text or Markdown (every language, one after another), or its signing copy
// as PDF (layout=side-by-side or sequential).
func (s *Server) handleVersionExport(w http.ResponseWriter, r *http.Request) error {
	id, n, err := pathVersion(r)
	if err != nil {
		return err
	}
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	format := q.oneOf("format", []string{"text", "markdown", "pdf"})
	layout := q.oneOf("layout", signingLayouts)
	if format == "" {
		q.probs.Add("format", "is required: text, markdown or pdf")
	}
	if err := q.probs.Err("query"); err != nil {
		return err
	}
	v, err := s.svc.AgreementTexts.FindAgreementVersion(r.Context(), id, n)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("agreement-%d-version-%d.%s", id, n, exportFormats[format].suffix)
	var body []byte
	switch format {
	case "pdf":
		body, err = s.signingCopyPDF(r, id, v, layout)
	default:
		body = []byte(signingcopy.Text(v, format == "markdown"))
	}
	if err != nil {
		return err
	}
	return writeText(w, exportFormats[format].mediaType, name, body)
}
