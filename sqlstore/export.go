package sqlstore

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/entente/entente"
)

// exportTables lists, parents before children, every table the export carries, with the
// columns that order its rows. The audit trail, sessions and sign-in records are not exported:
// the audit trail is a chain of its own database (an import starts a new one), and sessions
// belong to one server.
var exportTables = []struct{ name, order string }{
	{"parties", "code"},
	{"calendar_overrides", "id"},
	{"calendar_seeds", "party, notice"},
	{"users", "id"},
	{"bodies", "id"},
	{"body_parties", "body_id, party"},
	{"user_bodies", "user_id, body_id"},
	{"people", "id"},
	{"roadmaps", "id"},
	{"roadmap_parties", "roadmap_id, party"},
	{"memberships", "user_id, roadmap_id"},
	{"tracks", "id"},
	{"track_leads", "track_id, party"},
	{"sources", "id"},
	{"commitments", "id"},
	{"actions", "id"},
	{"dependencies", "id"},
	{"meetings", "id"},
	{"meeting_participants", "id"},
	{"agenda_items", "id"},
	{"decisions", "id"},
	{"agreements", "id"},
	{"agreement_tracks", "agreement_id, track_id"},
	{"interests", "id"},
	{"source_links", "id"},
	{"notes", "id"},
	{"api_tokens", "id"},
	{"feed_links", "id"},
	{"positions", "id"},
	{"attachments", "id"},
	{"agreement_versions", "id"},
	{"agreement_texts", "id"},
	{"agreement_articles", "id"},
	{"agreement_comments", "id"},
	{"approval_steps", "party, kind, position"},
	{"agreement_approvals", "id"},
	{"signatory_keys", "id"},
	{"agreement_signatures", "id"},
	{"agreement_procedures", "id"},
}

// notExported lists the tables the export leaves out on purpose (see exportTables). Trade
// datasets are left out too: a BACI year is tens of megabytes of encoded tables, and they are
// loaded again from their files (entente trade load), which yields the same datasets. Wrong
// passphrases given for signing keys only throttle further attempts, like sign-in failures.
var notExported = []string{"schema_migrations", "audit_entries", "sessions", "sign_in_failures", "password_resets",
	"trade_datasets", "trade_tables", "key_unlock_failures"}

// exportFormat names the document's format.
const exportFormat = "entente-export"

// Export writes the whole database as one JSON document: every exported table with its
// columns and rows in key order, one row per line. Values are normalised (instants as UTC
// text, days as YYYY-MM-DD, flags as booleans) so SQLite and PostgreSQL export alike, and the
// same data always gives the same bytes.
func (db *DB) Export(ctx context.Context, w io.Writer) error {
	if !entente.CanAdminister(entente.CallerFrom(ctx)) {
		return entente.Denied(entente.CallerFrom(ctx), "export the whole database")
	}
	// The export itself is recorded; the audit trail is not part of the document, so the
	// record does not change what is exported.
	if _, err := change(ctx, db, func(tx *Tx) (struct{}, error) {
		return struct{}{}, tx.audit(auditRecord{action: "export", entityType: "database"})
	}); err != nil {
		return err
	}
	tx, err := db.begin(ctx, false)
	if err != nil {
		return err
	}
	defer tx.tx.Rollback()
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "{\"format\": %q, \"schema_version\": %d, \"tables\": [\n", exportFormat, SchemaVersion())
	for i, t := range exportTables {
		if i > 0 {
			bw.WriteString(",\n")
		}
		if err := tx.exportTable(bw, t.name, t.order); err != nil {
			return fmt.Errorf("exporting %s: %w", t.name, err)
		}
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

func (tx *Tx) exportTable(w *bufio.Writer, table, order string) error {
	rows, err := tx.query("SELECT * FROM " + table + " ORDER BY " + order)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	head, _ := json.Marshal(cols)
	fmt.Fprintf(w, "{\"table\": %q, \"columns\": %s, \"rows\": [", table, head)
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for n := 0; rows.Next(); n++ {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		row := make([]any, len(cols))
		for i, c := range cols {
			if row[i], err = normalise(c, vals[i]); err != nil {
				return fmt.Errorf("column %s: %w", c, err)
			}
		}
		b, err := json.Marshal(row)
		if err != nil {
			return err
		}
		if n > 0 {
			w.WriteByte(',')
		}
		w.WriteString("\n  ")
		w.Write(b)
	}
	w.WriteString("]}")
	return rows.Err()
}

// Column naming conventions the export relies on, and every migration keeps: instants end in
// _at; days end in _on, _earliest or _latest, or are planned_start; flags are the names in
// flagColumns or end in _approx; binary contents are named data or end in _data (exported as
// base64).
var flagColumns = map[string]bool{"admin": true, "disabled": true, "public": true, "bilateral": true, "revoked": true}

func columnKind(col string) string {
	switch {
	case strings.HasSuffix(col, "_at"):
		return "instant"
	case strings.HasSuffix(col, "_on"), strings.HasSuffix(col, "_earliest"), strings.HasSuffix(col, "_latest"), col == "planned_start":
		return "day"
	case flagColumns[col], strings.HasSuffix(col, "_approx"):
		return "flag"
	case col == "data" || strings.HasSuffix(col, "_data"):
		return "binary"
	}
	return ""
}

// normalise turns a driver value into its dialect-neutral JSON form.
func normalise(col string, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	if columnKind(col) == "binary" {
		b, ok := v.([]byte)
		if !ok {
			return nil, fmt.Errorf("binary column holds %T", v)
		}
		return base64.StdEncoding.EncodeToString(b), nil
	}
	if b, ok := v.([]byte); ok {
		v = string(b)
	}
	switch columnKind(col) {
	case "instant":
		var t time.Time
		if err := (timeCol{&t}).Scan(v); err != nil {
			return nil, err
		}
		return formatTime(t), nil
	case "day":
		var d entente.Date
		if err := (dateCol{&d}).Scan(v); err != nil {
			return nil, err
		}
		return d.String(), nil
	case "flag":
		switch b := v.(type) {
		case bool:
			return b, nil
		case int64:
			return b != 0, nil
		}
		return nil, fmt.Errorf("flag holds %T", v)
	}
	return v, nil
}

// exportDoc is the shape Import reads.
type exportDoc struct {
	Format        string `json:"format"`
	SchemaVersion int    `json:"schema_version"`
	Tables        []struct {
		Table   string              `json:"table"`
		Columns []string            `json:"columns"`
		Rows    [][]json.RawMessage `json:"rows"`
	} `json:"tables"`
}

// Import loads a document written by Export into an empty database, keeping every id,
// version and timestamp, in one transaction: on any error nothing is loaded. It records one
// audit entry for the whole import.
func (db *DB) Import(ctx context.Context, r io.Reader) error {
	var doc exportDoc
	dec := json.NewDecoder(r)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return entente.Errorf(entente.EINVALID, "The file is not an entente export: %v.", err)
	}
	if doc.Format != exportFormat {
		return entente.Errorf(entente.EINVALID, "The file is not an entente export (format %q).", doc.Format)
	}
	if doc.SchemaVersion != SchemaVersion() {
		return entente.Errorf(entente.EINVALID, "The export has schema version %d; this entente has %d. Export and import with the same version.",
			doc.SchemaVersion, SchemaVersion())
	}
	_, err := change(ctx, db, func(tx *Tx) (struct{}, error) {
		if !entente.CanAdminister(tx.caller) {
			return struct{}{}, entente.Denied(tx.caller, "import a database")
		}
		if err := tx.checkEmpty(); err != nil {
			return struct{}{}, err
		}
		rows := 0
		for _, t := range doc.Tables {
			if err := tx.importTable(t.Table, t.Columns, t.Rows); err != nil {
				return struct{}{}, err
			}
			rows += len(t.Rows)
		}
		return struct{}{}, tx.audit(auditRecord{action: "import", entityType: "database", after: map[string]int{"rows": rows}})
	})
	return err
}

// checkEmpty refuses to import into a database that already holds data.
func (tx *Tx) checkEmpty() error {
	for _, t := range exportTables {
		n, err := tx.count("SELECT COUNT(*) FROM " + t.name)
		if err != nil {
			return err
		}
		if n > 0 {
			return entente.Errorf(entente.ECONFLICT, "The database is not empty (table %s has %d rows); import only into a new database.", t.name, n)
		}
	}
	return nil
}

func (tx *Tx) importTable(table string, cols []string, rows [][]json.RawMessage) error {
	known := false
	for _, t := range exportTables {
		known = known || t.name == table
	}
	if !known {
		return entente.Errorf(entente.EINVALID, "The export has a table %q this entente does not know.", table)
	}
	var later [][2]any // (id, reference) pairs of self-references, set once every row exists
	for n, row := range rows {
		if len(row) != len(cols) {
			return entente.Errorf(entente.EINVALID, "Table %s, row %d has %d values for %d columns.", table, n+1, len(row), len(cols))
		}
		vals := make([]colval, len(cols))
		for i, raw := range row {
			v, err := importValue(raw)
			if s, ok := v.(string); ok && err == nil && columnKind(cols[i]) == "binary" {
				v, err = base64.StdEncoding.DecodeString(s)
			}
			if err != nil {
				return entente.Errorf(entente.EINVALID, "Table %s, row %d, column %s: %v.", table, n+1, cols[i], err)
			}
			if cols[i] == selfReferences[table] && v != nil {
				later = append(later, [2]any{vals[0].val, v})
				v = nil
			}
			vals[i] = colval{cols[i], v}
		}
		if err := tx.insertKeyed(table, vals); err != nil {
			return fmt.Errorf("table %s, row %d: %w", table, n+1, err)
		}
	}
	for _, l := range later {
		if _, err := tx.exec("UPDATE "+table+" SET "+selfReferences[table]+" = ? WHERE id = ?", l[1], l[0]); err != nil {
			return fmt.Errorf("table %s, row with id %v: %w", table, l[0], err)
		}
	}
	if len(cols) > 0 && cols[0] == "id" {
		return tx.db.dialect.resetSequence(tx, table)
	}
	return nil
}

// selfReferences names the column by which rows of a table refer to other rows of the same
// table; import sets them in a second pass, since a row may refer to a later one.
var selfReferences = map[string]string{"bodies": "parent_id", "meetings": "follows_up_id", "agreements": "superseded_by"}

// importValue turns a JSON value back into a driver argument.
func importValue(raw json.RawMessage) (any, error) {
	var v any
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	switch x := v.(type) {
	case json.Number:
		return x.Int64()
	case nil, string, bool:
		return x, nil
	}
	return nil, fmt.Errorf("unexpected value %s", raw)
}
