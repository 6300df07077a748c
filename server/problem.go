package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"sort"

	"github.com/entente/entente"
)

// statusOf maps each error code to its HTTP status: the one table of it.
var statusOf = map[string]int{
	entente.EINVALID:      http.StatusBadRequest,
	entente.ENOTFOUND:     http.StatusNotFound,
	entente.ECONFLICT:     http.StatusConflict,
	entente.EFORBIDDEN:    http.StatusForbidden,
	entente.EUNAUTHORIZED: http.StatusUnauthorized,
	entente.EINTERNAL:     http.StatusInternalServerError,
}

// errTooLarge is the error of a request body over the limit.
var errTooLarge = &entente.Error{Code: entente.EINVALID, Message: "The request body is larger than 1 MiB."}

// Problem is an RFC 9457 problem document, with entente's code, the request id, and one
// entry per invalid field.
type Problem struct {
	Type      string         `json:"type"`
	Title     string         `json:"title"`
	Status    int            `json:"status"`
	Detail    string         `json:"detail"`
	Instance  string         `json:"instance,omitempty"`
	Code      string         `json:"code"`
	RequestID string         `json:"request_id,omitempty"`
	Errors    []FieldProblem `json:"errors,omitempty"`
}

// FieldProblem says what is wrong with one field.
type FieldProblem struct {
	Field  string `json:"field"`
	Detail string `json:"detail"`
}

// problemOf builds the problem document of an error; internal errors say nothing of their cause.
func problemOf(r *http.Request, err error) Problem {
	code := entente.ErrorCode(err)
	status := statusOf[code]
	if errors.Is(err, errTooLarge) {
		status = http.StatusRequestEntityTooLarge
	}
	p := Problem{
		Type: "urn:entente:problem:" + code, Title: http.StatusText(status), Status: status,
		Detail: entente.ErrorMessage(err), Instance: r.URL.Path, Code: code,
		RequestID: entente.RequestIDFrom(r.Context()),
	}
	if code == entente.EINTERNAL {
		p.Detail = "Something went wrong on our side. Quote the request id when you report it."
	}
	fields := entente.ErrorFields(err)
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p.Errors = append(p.Errors, FieldProblem{Field: k, Detail: fields[k]})
	}
	return p
}

// writeProblem answers with the problem document of err, logging internal errors once.
func (s *Server) writeProblem(w http.ResponseWriter, r *http.Request, err error) {
	p := problemOf(r, err)
	if p.Code == entente.EINTERNAL {
		s.log.Error("internal error", "request_id", p.RequestID, "method", r.Method, "path", logPath(r.URL.Path), "error", err)
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	json.NewEncoder(w).Encode(p)
}
