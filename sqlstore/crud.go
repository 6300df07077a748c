package sqlstore

import (
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// colval is one column and the value to write into it.
type colval struct {
	col string
	val any
}

// insertSQL builds the INSERT statement of a row.
func insertSQL(table string, cols []colval) (string, []any) {
	names := make([]string, len(cols))
	marks := make([]string, len(cols))
	args := make([]any, len(cols))
	for i, c := range cols {
		names[i], marks[i], args[i] = c.col, "?", c.val
	}
	return "INSERT INTO " + table + " (" + strings.Join(names, ", ") + ") VALUES (" + strings.Join(marks, ", ") + ")", args
}

// setSQL builds the SET list of an UPDATE statement.
func setSQL(cols []colval) (string, []any) {
	sets := make([]string, len(cols))
	args := make([]any, len(cols))
	for i, c := range cols {
		sets[i], args[i] = c.col+" = ?", c.val
	}
	return strings.Join(sets, ", "), args
}

// insert writes a row and returns its generated id.
func (tx *Tx) insert(table string, cols []colval) (int64, error) {
	q, args := insertSQL(table, cols)
	var id int64
	err := tx.queryRow(q+" RETURNING id", args...).Scan(&id)
	return id, err
}

// insertKeyed writes a row whose key is given rather than generated.
func (tx *Tx) insertKeyed(table string, cols []colval) error {
	q, args := insertSQL(table, cols)
	_, err := tx.exec(q, args...)
	return err
}

// updateVersioned rewrites the columns of row id if its version is still the one the caller
// read, and moves the version on. A stale version is ECONFLICT and changes nothing.
func (tx *Tx) updateVersioned(table, kind string, id int64, version int, cols []colval) error {
	return tx.updateVersionedBy(table, kind, "id", id, version, cols)
}

// updateVersionedBy is updateVersioned for a table keyed by another column.
func (tx *Tx) updateVersionedBy(table, kind, key string, id any, version int, cols []colval) error {
	sets, args := setSQL(cols)
	q := "UPDATE " + table + " SET " + sets + ", version = version + 1 WHERE " + key + " = ? AND version = ?"
	res, err := tx.exec(q, append(args, id, version)...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return staleVersion(kind)
	}
	return nil
}

// staleVersion is the error of an update based on a version someone else has since changed.
func staleVersion(kind string) error {
	return &entente.Error{Code: entente.ECONFLICT,
		Message: "The " + kind + " was changed by someone else since you opened it; review their version and apply your change again.",
		Fields:  map[string]string{"version": "is not the current version"}}
}

// checkVersion refuses an update whose version is not the row's current one.
func checkVersion(kind string, current, given int) error {
	if given != current {
		return staleVersion(kind)
	}
	return nil
}

// deleteRow deletes row id of table.
func (tx *Tx) deleteRow(table string, id int64) error {
	_, err := tx.exec("DELETE FROM "+table+" WHERE id = ?", id)
	return err
}

// count runs a COUNT(*) query.
func (tx *Tx) count(query string, args ...any) (int, error) {
	var n int
	err := tx.queryRow(query, args...).Scan(&n)
	return n, err
}

// notFoundIfNoRows turns sql.ErrNoRows into ENOTFOUND for the kind and id.
func notFoundIfNoRows(err error, kind string, id any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return entente.NotFound(kind, id)
	}
	return err
}

// where collects the conditions and arguments of a list query.
type where struct {
	conds []string
	args  []any
}

// and adds a condition with its arguments.
func (w *where) and(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// andIf adds the condition only when ok.
func (w *where) andIf(ok bool, cond string, args ...any) {
	if ok {
		w.and(cond, args...)
	}
}

// text adds a search of the row's search column for the user's query.
func (w *where) text(q string) {
	if strings.TrimSpace(q) != "" {
		w.and(`search LIKE ? ESCAPE '\'`, likePattern(q))
	}
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// listSpec describes a sortable list of one table.
type listSpec struct {
	table   string
	columns string
	// sorts maps the sort keys a list offers to their SQL expressions; "" is the default order.
	sorts map[string]string
}

// list counts the rows matching w and scans the requested page, continuing after the page's
// cursor row in the chosen order (keyset pagination: stable while rows are added).
func (tx *Tx) list(spec listSpec, w where, page entente.Page, scan func(rowScanner) error) (int, error) {
	total, err := tx.count("SELECT COUNT(*) FROM "+spec.table+w.sql(), w.args...)
	if err != nil {
		return 0, err
	}
	expr, ok := spec.sorts[page.Sort]
	if !ok {
		return 0, &entente.Error{Code: entente.EINVALID, Message: "The list cannot be sorted that way.",
			Fields: map[string]string{"sort": "is not one of the orders this list offers"}}
	}
	after, err := entente.DecodeCursor(page.Cursor)
	if err != nil {
		return 0, err
	}
	cmp, dir := ">", ""
	if page.Desc {
		cmp, dir = "<", " DESC"
	}
	if after > 0 {
		w.and("("+expr+", id) "+cmp+" (SELECT "+expr+", id FROM "+spec.table+" WHERE id = ?)", after)
	}
	q := "SELECT " + spec.columns + " FROM " + spec.table + w.sql() +
		" ORDER BY " + expr + dir + ", id" + dir + " LIMIT ?"
	rows, err := tx.query(q, append(w.args, page.Size())...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return 0, err
		}
	}
	return total, rows.Err()
}

// visibleRoadmaps restricts a query to rows of roadmaps the caller may read: public ones and
// those the caller holds a role in (as loaded with the caller at sign-in). The system and the
// installation's administrators see all.
func (tx *Tx) visibleRoadmaps(w *where, col string) {
	c := tx.caller
	if c.System || c.Admin {
		return
	}
	cond := col + " IN (SELECT id FROM roadmaps WHERE public = TRUE)"
	if ids := memberOf(c); len(ids) > 0 {
		cond = "(" + cond + " OR " + col + " IN (" + marks(len(ids)) + "))"
		w.and(cond, ids...)
		return
	}
	w.and(cond)
}

// memberOf lists the roadmaps the caller holds a role in, in id order.
func memberOf(c *entente.Caller) []any {
	ids := make([]int64, 0, len(c.Roles))
	for id := range c.Roles {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// marks returns n comma-separated placeholders.
func marks(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// visibleScope restricts a query to shared rows and those internal to the caller's party.
func (tx *Tx) visibleScope(w *where, col string) {
	if tx.caller.System {
		return
	}
	w.and("("+col+" = ? OR "+col+" = ?)", entente.ScopeShared, tx.caller.Party)
}

// fieldError is the EINVALID error of one field.
func fieldError(field, problem string) error {
	return &entente.Error{Code: entente.EINVALID, Message: "The " + field + " field is invalid: " + problem + ".",
		Fields: map[string]string{field: problem}}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// deleteEntity deletes a row that notes may be attached to, with its notes.
func (tx *Tx) deleteEntity(table, entityType string, id int64) error {
	if _, err := tx.exec("DELETE FROM notes WHERE entity_type = ? AND entity_id = ?", entityType, id); err != nil {
		return err
	}
	return tx.deleteRow(table, id)
}

// exists reports whether table has a row with the id.
func (tx *Tx) exists(table string, id int64) (bool, error) {
	n, err := tx.count("SELECT COUNT(*) FROM "+table+" WHERE id = ?", id)
	return n > 0, err
}
