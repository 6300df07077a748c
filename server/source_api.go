package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/entente/entente"
)

// maxStatementBody is the largest body POST /api/v1/sources reads: a statement of the largest
// size entente stores (5 MiB) with room for its JSON and the other fields.
const maxStatementBody = entente.MaxSourceText + 512<<10

// errStatementTooLarge is the error of a statement request over maxStatementBody.
var errStatementTooLarge = &entente.Error{Code: entente.EINVALID, Message: fmt.Sprintf(
	"The request body is larger than %d bytes: a statement may be at most 5 MiB of text.", maxStatementBody),
	Fields: map[string]string{"text": "is longer than 5 MiB"}}

// sourceRequest is the body of POST /api/v1/sources: a statement's text and publication date
// (date, or published_on as a source has it), what is said about it, and optionally the draft
// to keep instead of reading the text.
type sourceRequest struct {
	Text        string          `json:"text"`
	Date        entente.Date    `json:"date"`
	PublishedOn entente.Date    `json:"published_on"`
	Format      string          `json:"format"` // text (default) or html
	Title       string          `json:"title"`
	URL         string          `json:"url"`
	Publisher   string          `json:"publisher"`
	Language    string          `json:"language"`
	RoadmapID   int64           `json:"roadmap_id"`
	Scope       string          `json:"scope"`
	Extraction  json.RawMessage `json:"extraction"`
}

// handleSourceRead stores a statement with the draft read from it (or the one given) and
// answers 201 with the source, its draft included.
func (s *Server) handleSourceRead(w http.ResponseWriter, r *http.Request) error {
	var req sourceRequest
	if err := decodeStatement(r, &req); err != nil {
		return err
	}
	date := req.Date
	if date.IsZero() {
		date = req.PublishedOn
	}
	if date.IsZero() {
		return &entente.Error{Code: entente.EINVALID, Message: "Give the date the statement was published: it resolves relative dates such as \"in two weeks\".",
			Fields: map[string]string{"date": "is required: the publication date (YYYY-MM-DD)"}}
	}
	src := &entente.Source{Text: req.Text, PublishedOn: date, Title: req.Title, URL: req.URL, Publisher: req.Publisher,
		Language: req.Language, RoadmapID: req.RoadmapID, Scope: req.Scope, Extraction: req.Extraction}
	if err := s.svc.Reading.ReadSource(r.Context(), src, req.Format); err != nil {
		return renameField(err, "published_on", "date")
	}
	w.Header().Set("Location", fmt.Sprintf("/api/v1/sources/%d", src.ID))
	return writeJSON(w, http.StatusCreated, src)
}

// decodeStatement reads the JSON body of a statement request strictly, up to
// maxStatementBody.
func decodeStatement(r *http.Request, dst any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return entente.Errorf(entente.EINVALID, "Send the request body as application/json, not %s.", ct)
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxStatementBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return errStatementTooLarge
		}
		return entente.Errorf(entente.EINVALID, "The request body could not be read.")
	}
	return decodeObject(body, dst)
}

// renameField moves a field problem to the name the request used for it.
func renameField(err error, from, to string) error {
	fields := entente.ErrorFields(err)
	if _, ok := fields[from]; !ok {
		return err
	}
	out := &entente.Error{Code: entente.ErrorCode(err), Message: entente.ErrorMessage(err), Fields: map[string]string{}}
	for k, v := range fields {
		if k == from {
			k = to
		}
		out.Fields[k] = v
	}
	return out
}

// handleSourceApply applies the accepted items of a source's draft and answers what became of
// each: created, matched, updated or skipped.
func (s *Server) handleSourceApply(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var app entente.SourceApplication
	if err := decodeJSON(r, &app); err != nil {
		return err
	}
	res, err := s.svc.Reading.ApplySource(r.Context(), id, app)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}
