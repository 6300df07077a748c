package sqlstore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestDialectsHaveTheSameSchema checks that both dialects' migrations end with the same tables
// and columns, in the same order.
func TestDialectsHaveTheSameSchema(t *testing.T) {
	lite := schemaOf(t, openSQLite(t), `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid`)
	pg := schemaOf(t, openPostgres(t), `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`)
	if !reflect.DeepEqual(lite, pg) {
		for table := range lite {
			if !reflect.DeepEqual(lite[table], pg[table]) {
				t.Errorf("table %s: sqlite %v, postgres %v", table, lite[table], pg[table])
			}
		}
		for table := range pg {
			if _, ok := lite[table]; !ok {
				t.Errorf("table %s exists only in postgres", table)
			}
		}
	}
}

func schemaOf(t *testing.T, db *sqlstore.DB, query string) map[string][]string {
	rows, err := db.QueryForTest(context.Background(), query)
	must(t, err)
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var table, col string
		must(t, rows.Scan(&table, &col))
		out[table] = append(out[table], col)
	}
	must(t, rows.Err())
	return out
}

// TestExportCoversEveryTable fails when a migration adds a table that the export neither
// carries nor leaves out on purpose.
func TestExportCoversEveryTable(t *testing.T) {
	tables := schemaOf(t, openSQLite(t), `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`)
	var missing []string
	for table := range tables {
		if !sqlstore.ExportsTable(table) {
			missing = append(missing, table)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Fatalf("tables neither exported nor excluded: %s", strings.Join(missing, ", "))
	}
}

// TestNewerSchemaIsRefused opens a database whose schema is newer than this program's.
func TestNewerSchemaIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "entente.db")
	db, err := sqlstore.Open(context.Background(), path, entente.FixedClock(testNow))
	must(t, err)
	db.Close()
	raw, err := sql.Open("sqlite", path)
	must(t, err)
	_, err = raw.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', '2030-01-01')", sqlstore.SchemaVersion()+1)
	must(t, err)
	raw.Close()
	_, err = sqlstore.Open(context.Background(), path, entente.FixedClock(testNow))
	if err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("opening a newer schema: %v", err)
	}
}

// TestConcurrentStartsMigrateOnce opens the same PostgreSQL schema from several goroutines at
// once, as several instances starting together would.
func TestConcurrentStartsMigrateOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		name := db.DSNForTest()
		errs := make(chan error, 4)
		for range 4 {
			go func() {
				d, err := sqlstore.Open(context.Background(), name, entente.FixedClock(testNow))
				if err == nil {
					d.Close()
				}
				errs <- err
			}()
		}
		for range 4 {
			must(t, <-errs)
		}
	})
}
