package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync"

	"github.com/entente/entente"
)

// maxBody is the largest request body the API reads.
const maxBody = 1 << 20

// decodeJSON reads a JSON object into dst (a pointer to a struct) strictly: at most 1 MiB,
// one object, no unknown fields, every field of the right type. Each bad field is reported
// under its own name, so that a client (or a form) can show the problem next to it.
func decodeJSON(r *http.Request, dst any) error {
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return errTooLarge
		}
		return entente.Errorf(entente.EINVALID, "The request body could not be read.")
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return entente.Errorf(entente.EINVALID, "Send the request body as application/json, not %s.", ct)
	}
	return decodeObject(body, dst)
}

// decodeObject decodes one JSON object into the struct dst points to.
func decodeObject(body []byte, dst any) error {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&raw); err != nil || raw == nil {
		return syntaxProblem(err)
	}
	if dec.More() {
		return entente.Errorf(entente.EINVALID, "The request body holds more than one JSON value.")
	}
	v := reflect.ValueOf(dst).Elem()
	fields := jsonFields(v.Type())
	probs := entente.Problems{}
	for name, value := range raw {
		idx, ok := fields[name]
		if !ok {
			probs.Add(name, "is not a field of this request")
			continue
		}
		fv := v.FieldByIndex(idx)
		target := reflect.New(fv.Type())
		fd := json.NewDecoder(bytes.NewReader(value))
		fd.DisallowUnknownFields()
		if err := fd.Decode(target.Interface()); err != nil {
			probs.Add(name, fieldProblem(err))
			continue
		}
		fv.Set(target.Elem())
	}
	return probs.Err("request")
}

func syntaxProblem(err error) error {
	var syn *json.SyntaxError
	switch {
	case err == nil:
		return entente.Errorf(entente.EINVALID, "The request body must be a JSON object, not null.")
	case errors.As(err, &syn):
		return entente.Errorf(entente.EINVALID, "The request body is not valid JSON (at byte %d: %v).", syn.Offset, err)
	case errors.Is(err, io.EOF):
		return entente.Errorf(entente.EINVALID, "The request body is empty; send a JSON object.")
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return entente.Errorf(entente.EINVALID, "The request body must be a JSON object, not a %s.", typ.Value)
	}
	return entente.Errorf(entente.EINVALID, "The request body is not valid JSON: %v.", err)
}

// fieldProblem words a decoding error of one field.
func fieldProblem(err error) string {
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		where := ""
		if typ.Field != "" {
			where = " at " + typ.Field
		}
		return fmt.Sprintf("must be %s%s, not %s", kindName(typ.Type), where, typ.Value)
	}
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "json: ")
	return msg
}

func kindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "an integer"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Pointer:
		return kindName(t.Elem())
	}
	return "a " + t.String()
}

var fieldCache sync.Map // reflect.Type → map[string][]int

// jsonFields maps the JSON names of a struct's fields to their indexes.
func jsonFields(t reflect.Type) map[string][]int {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string][]int)
	}
	m := map[string][]int{}
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = f.Index
	}
	fieldCache.Store(t, m)
	return m
}
