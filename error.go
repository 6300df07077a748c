package entente

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error codes. Every error that leaves a service carries one of them; the HTTP adapter maps each
// code to one status in a single table.
const (
	EINVALID      = "invalid"      // the input breaks a rule; Fields says which
	ENOTFOUND     = "not_found"    // no such row, or the caller may not know it exists
	ECONFLICT     = "conflict"     // a stale version, a duplicate, or a row others depend on
	EFORBIDDEN    = "forbidden"    // the caller is known but may not do this
	EUNAUTHORIZED = "unauthorized" // the caller is not signed in
	EINTERNAL     = "internal"     // a fault of ours; never shown in detail
)

// Error is an error as data: a code for programs, a message for people, and per-field problems
// for forms and API clients. Services return *Error for every expected failure.
type Error struct {
	Code    string
	Message string
	// Fields maps a field path ("due.value", "dependencies[2].lag_days") to what is wrong with it.
	Fields map[string]string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return fmt.Sprintf("entente error: code=%s message=%s", e.Code, e.Message)
	}
	return fmt.Sprintf("entente error: code=%s message=%s fields=%s", e.Code, e.Message, e.FieldList())
}

// FieldList renders the field problems sorted by field name, for logs and terminals.
func (e *Error) FieldList() string {
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + e.Fields[k]
	}
	return strings.Join(parts, "; ")
}

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// NotFound returns the ENOTFOUND error for an entity kind and id.
func NotFound(kind string, id any) *Error {
	return Errorf(ENOTFOUND, "%s %v not found", kind, id)
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for any other
// non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or a generic message for
// any other error so that internal details never reach a user.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// ErrorFields returns the field problems of the first *Error in err's chain, or nil.
func ErrorFields(err error) map[string]string {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// Problems collects field problems while a value is validated.
type Problems map[string]string

// Add records a problem for a field; the first problem of a field wins.
func (p Problems) Add(field, problem string) {
	if _, ok := p[field]; !ok {
		p[field] = problem
	}
}

// Addf records a formatted problem for a field.
func (p Problems) Addf(field, format string, args ...any) {
	p.Add(field, fmt.Sprintf(format, args...))
}

// Merge copies the problems of q under a prefix ("due" + "value" → "due.value").
func (p Problems) Merge(prefix string, q Problems) {
	for k, v := range q {
		if prefix != "" {
			k = prefix + "." + k
		}
		p.Add(k, v)
	}
}

// Err returns nil when there are no problems, else an EINVALID *Error naming them.
func (p Problems) Err(what string) error {
	if len(p) == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: "The " + what + " has invalid fields.", Fields: map[string]string(p)}
}
