package sqlstore

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/entente/entente"
)

// timeLayout stores instants as fixed-width UTC text in SQLite, so that text order is time
// order; PostgreSQL parses the same text into TIMESTAMPTZ.
const timeLayout = "2006-01-02T15:04:05.000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// timeArg is the argument for a nullable instant column.
func timeArg(t *time.Time) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return formatTime(*t)
}

// dateArg is the argument for a nullable civil date column.
func dateArg(d entente.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// idArg is the argument for a nullable reference: 0 means none.
func idArg(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// textArg is the argument for a nullable text reference such as a party code: "" means none.
func textArg(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// jsonArg stores a list as JSON text; a nil list is stored as [].
func jsonArg[T any](v []T) string {
	if v == nil {
		return "[]"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// timeCol scans an instant stored as text (SQLite) or TIMESTAMPTZ (PostgreSQL); NULL is zero.
type timeCol struct{ t *time.Time }

func (c timeCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.t = time.Time{}
	case time.Time:
		*c.t = v.UTC()
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	default:
		return fmt.Errorf("cannot scan %T into an instant", src)
	}
	return nil
}

func (c timeCol) parse(s string) error {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("stored instant %q: %w", s, err)
	}
	*c.t = t.UTC()
	return nil
}

// optTimeCol scans a nullable instant into a pointer.
type optTimeCol struct{ t **time.Time }

func (c optTimeCol) Scan(src any) error {
	if src == nil {
		*c.t = nil
		return nil
	}
	var t time.Time
	if err := (timeCol{&t}).Scan(src); err != nil {
		return err
	}
	*c.t = &t
	return nil
}

// dateCol scans a civil date stored as text (SQLite) or DATE (PostgreSQL); NULL is zero.
type dateCol struct{ d *entente.Date }

func (c dateCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.d = entente.Date{}
		return nil
	case time.Time:
		*c.d = entente.DateOf(v.UTC())
		return nil
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	}
	return fmt.Errorf("cannot scan %T into a date", src)
}

func (c dateCol) parse(s string) error {
	d, err := entente.ParseDate(s[:min(len(s), 10)])
	if err != nil {
		return fmt.Errorf("stored date: %w", err)
	}
	*c.d = d
	return nil
}

// idCol scans a nullable reference; NULL is 0.
type idCol struct{ id *int64 }

func (c idCol) Scan(src any) error {
	var n sql.NullInt64
	if err := n.Scan(src); err != nil {
		return err
	}
	*c.id = n.Int64
	return nil
}

// textCol scans nullable text; NULL is "".
type textCol struct{ s *string }

func (c textCol) Scan(src any) error {
	var n sql.NullString
	if err := n.Scan(src); err != nil {
		return err
	}
	*c.s = n.String
	return nil
}

// jsonCol scans a JSON list stored as text.
type jsonCol[T any] struct{ v *[]T }

func (c jsonCol[T]) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case string:
		s = v
	case []byte:
		s = string(v)
	case nil:
		*c.v = []T{}
		return nil
	default:
		return fmt.Errorf("cannot scan %T into a list", src)
	}
	out := []T{}
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return fmt.Errorf("stored list %q: %w", s, err)
	}
	*c.v = out
	return nil
}

// whenCols lists the four stored columns a When is rebuilt from, for a column prefix.
func whenCols(prefix string) string {
	return prefix + "_value, " + prefix + "_end, " + prefix + "_mod, " + prefix + "_approx"
}

// whenScan scans the four columns of whenCols; finish rebuilds the When and its bounds.
type whenScan struct {
	value, end, mod string
	approx          bool
}

func (w *whenScan) dest() []any { return []any{&w.value, &w.end, &w.mod, &w.approx} }

func (w *whenScan) when() entente.When {
	v, err := entente.ParseWhen(w.value, w.end, w.mod, w.approx)
	if err != nil {
		// Stored values were validated on the way in; keep what is there rather than fail a read.
		return entente.When{Value: w.value, End: w.end, Mod: w.mod, Approximate: w.approx}
	}
	return v
}

// whenValues returns the six stored columns of a When: what was said and the derived bounds
// that queries filter and sort on.
func whenValues(prefix string, w entente.When) []colval {
	return []colval{
		{prefix + "_value", w.Value}, {prefix + "_end", w.End}, {prefix + "_mod", w.Mod},
		{prefix + "_approx", w.Approximate},
		{prefix + "_earliest", dateArg(w.Earliest)}, {prefix + "_latest", dateArg(w.Latest)},
	}
}

// searchText is the lower-cased text a row is found by; lower-casing in Go works for Cyrillic
// and Arabic script alike, where SQL LIKE would not.
func searchText(parts ...string) string {
	return strings.ToLower(strings.Join(parts, "\n"))
}

// likePattern turns a user's query into a LIKE pattern matching it anywhere, with the
// wildcards of the query escaped.
func likePattern(q string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.ToLower(strings.TrimSpace(q))) + "%"
}

// rowScanner is *sql.Row or *sql.Rows.
type rowScanner interface {
	Scan(dest ...any) error
}
