package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// apiFunc is a JSON API handler; a returned error becomes a problem document.
type apiFunc func(w http.ResponseWriter, r *http.Request) error

// api turns an apiFunc into a handler.
func (s *Server) api(h apiFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.writeProblem(w, r, err)
		}
	})
}

// writeJSON answers with a JSON document.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(v)
}

// List is the JSON of one page of a list.
type List[T any] struct {
	Items      []T    `json:"items"`
	Total      int    `json:"total"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// pathID reads the {id} of the route.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, entente.Errorf(entente.ENOTFOUND, "%q is not an id.", r.PathValue("id"))
	}
	return id, nil
}

// getByID serves GET …/{id} with a find function.
func getByID[T any](find func(context.Context, int64) (T, error)) apiFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r)
		if err != nil {
			return err
		}
		v, err := find(r.Context(), id)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, v)
	}
}

// deleteByID serves DELETE …/{id}.
func deleteByID(del func(context.Context, int64) error) apiFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r)
		if err != nil {
			return err
		}
		if err := del(r.Context(), id); err != nil {
			return err
		}
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
}

// create serves POST to a collection: decode, create, answer 201 with the location of the new
// item. prepare may fill fields from the path (the meeting of an agenda item).
func create[T any](collection string, create func(context.Context, *T) error, prepare func(*http.Request, *T) error) apiFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		v := new(T)
		if err := decodeJSON(r, v); err != nil {
			return err
		}
		if prepare != nil {
			if err := prepare(r, v); err != nil {
				return err
			}
		}
		if err := create(r.Context(), v); err != nil {
			return err
		}
		w.Header().Set("Location", fmt.Sprintf("/api/v1/%s/%v", collection, reflect.ValueOf(v).Elem().FieldByName("ID").Interface()))
		return writeJSON(w, http.StatusCreated, v)
	}
}

// update serves PATCH …/{id}: the body holds the fields to change and the version they are
// based on.
func update[U any, T any](update func(context.Context, int64, U) (T, error)) apiFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r)
		if err != nil {
			return err
		}
		var u U
		if err := decodeJSON(r, &u); err != nil {
			return err
		}
		if reflect.ValueOf(u).FieldByName("Version").Int() <= 0 {
			return &entente.Error{Code: entente.EINVALID, Message: "Say which version you are changing.",
				Fields: map[string]string{"version": "is required: the version you read"}}
		}
		v, err := update(r.Context(), id, u)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, v)
	}
}

// list serves GET on a collection: parse the filter from the query, find, and give the cursor
// of the next page when the page is full.
func list[T any, F any](parse func(*query) F, find func(context.Context, F) ([]T, int, error), idOf func(T) int64) apiFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		q := &query{values: r.URL.Query(), probs: entente.Problems{}}
		f := parse(q)
		page := q.page()
		if err := q.probs.Err("query"); err != nil {
			return err
		}
		reflect.ValueOf(&f).Elem().FieldByName("Page").Set(reflect.ValueOf(page))
		items, total, err := find(r.Context(), f)
		if err != nil {
			return err
		}
		out := List[T]{Items: items, Total: total}
		if out.Items == nil {
			out.Items = []T{}
		}
		if idOf != nil && len(items) == page.Size() && len(items) > 0 {
			out.NextCursor = entente.EncodeCursor(idOf(items[len(items)-1]))
		}
		return writeJSON(w, http.StatusOK, out)
	}
}

// query reads typed filter parameters from a URL query, collecting problems by parameter name.
type query struct {
	values url.Values
	probs  entente.Problems
}

func (q *query) str(name string) string { return strings.TrimSpace(q.values.Get(name)) }

func (q *query) id(name string) int64 {
	s := q.str(name)
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		q.probs.Add(name, "must be a positive integer id")
	}
	return n
}

func (q *query) date(name string) entente.Date {
	s := q.str(name)
	if s == "" {
		return entente.Date{}
	}
	d, err := entente.ParseDate(s)
	if err != nil {
		q.probs.Add(name, err.Error())
	}
	return d
}

func (q *query) party(name string) string {
	s := strings.ToUpper(q.str(name))
	if s != "" && !entente.ValidPartyCode(s) {
		q.probs.Add(name, "must be a party code such as PAK")
	}
	return s
}

func (q *query) oneOf(name string, allowed []string) string {
	s := q.str(name)
	if s == "" {
		return ""
	}
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	q.probs.Add(name, "must be one of "+strings.Join(allowed, ", "))
	return s
}

func (q *query) flag(name string) bool {
	switch q.str(name) {
	case "", "0", "false", "no":
		return false
	case "1", "true", "yes", "on":
		return true
	}
	q.probs.Add(name, "must be true or false")
	return false
}

// page reads limit, cursor, sort and order.
func (q *query) page() entente.Page {
	p := entente.Page{Cursor: q.str("cursor"), Sort: q.str("sort")}
	if s := q.str("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > entente.MaxPageLimit {
			q.probs.Addf("limit", "must be between 1 and %d", entente.MaxPageLimit)
		}
		p.Limit = n
	}
	switch q.str("order") {
	case "", "asc":
	case "desc":
		p.Desc = true
	default:
		q.probs.Add("order", "must be asc or desc")
	}
	return p
}
