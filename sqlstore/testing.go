package sqlstore

import (
	"context"
	"database/sql"

	"github.com/entente/entente"
)

// QueryForTest runs a read-only query on the database; tests use it to inspect the schema.
func (db *DB) QueryForTest(ctx context.Context, query string) (*sql.Rows, error) {
	return db.read.QueryContext(ctx, query)
}

// ExecForTest runs a statement directly, bypassing services and the audit trail; tests use it
// to tamper with rows as an attacker with database access would.
func (db *DB) ExecForTest(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return db.write.ExecContext(ctx, db.dialect.rebind(query), args...)
}

// DSNForTest returns the data source name the database was opened with.
func (db *DB) DSNForTest() string { return db.dsn }

// ExportsTable reports whether the export carries a table or leaves it out on purpose.
func ExportsTable(table string) bool {
	for _, t := range exportTables {
		if t.name == table {
			return true
		}
	}
	for _, t := range notExported {
		if t == table {
			return true
		}
	}
	return false
}

// CreateActionsForTest creates many actions in one transaction, as the caller in ctx; the
// benchmarks use it to build large roadmaps quickly.
func (db *DB) CreateActionsForTest(ctx context.Context, actions []*entente.Action) error {
	_, err := change(ctx, db, func(tx *Tx) (struct{}, error) {
		for _, a := range actions {
			if err := tx.createAction(a); err != nil {
				return struct{}{}, err
			}
		}
		return struct{}{}, nil
	})
	return err
}
