package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	sqlite3 "modernc.org/sqlite"
)

// dialect holds everything that differs between SQLite and PostgreSQL. All SQL elsewhere is
// written once, with ? placeholders, in the subset both engines share.
type dialect interface {
	name() string
	// rebind turns ? placeholders into the engine's own.
	rebind(query string) string
	// lockMigrations serialises schema upgrades across processes starting together.
	lockMigrations(ctx context.Context, conn *sql.Conn) (unlock func(), err error)
	// lockAuditChain serialises writers on the audit chain for the rest of the transaction.
	lockAuditChain(tx *Tx) error
	// resetSequence makes the next generated id of table follow its largest id, after rows were
	// inserted with explicit ids (import).
	resetSequence(tx *Tx, table string) error
	isUniqueViolation(err error) bool
	isForeignKeyViolation(err error) bool
}

type sqlite struct{}

func (sqlite) name() string               { return "sqlite" }
func (sqlite) rebind(query string) string { return query }

// SQLite upgrades inside an immediate transaction, which already excludes other writers.
func (sqlite) lockMigrations(context.Context, *sql.Conn) (func(), error) { return func() {}, nil }

// The single write connection and BEGIN IMMEDIATE already serialise SQLite writers.
func (sqlite) lockAuditChain(*Tx) error { return nil }

// AUTOINCREMENT keeps its counter in sqlite_sequence, which explicit ids already advance.
func (sqlite) resetSequence(*Tx, string) error { return nil }

func (sqlite) isUniqueViolation(err error) bool {
	var e *sqlite3.Error
	return errors.As(err, &e) && (e.Code() == 2067 || e.Code() == 1555) // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
}

func (sqlite) isForeignKeyViolation(err error) bool {
	var e *sqlite3.Error
	return errors.As(err, &e) && e.Code() == 787 // SQLITE_CONSTRAINT_FOREIGNKEY
}

type postgres struct{}

func (postgres) name() string { return "postgres" }

func (postgres) rebind(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// migrationLockKey is an arbitrary constant naming entente's schema-upgrade advisory lock.
const migrationLockKey = 726_573_001

func (postgres) lockMigrations(ctx context.Context, conn *sql.Conn) (func(), error) {
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", migrationLockKey); err != nil {
		return nil, err
	}
	return func() {
		conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1)", migrationLockKey)
	}, nil
}

const auditLockKey = 726_573_002

func (postgres) lockAuditChain(tx *Tx) error {
	_, err := tx.exec("SELECT pg_advisory_xact_lock(?)", auditLockKey)
	return err
}

func (postgres) resetSequence(tx *Tx, table string) error {
	_, err := tx.exec("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)")
	return err
}

func (postgres) isUniqueViolation(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && e.Code == "23505"
}

func (postgres) isForeignKeyViolation(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && e.Code == "23503"
}
