// Package sqlstore implements entente's services over database/sql, on SQLite (the default,
// through the pure-Go modernc.org/sqlite driver) and on PostgreSQL (through pgx). All SQL of
// the program lives here, hand-written; the few places where the two dialects differ are in
// dialect.go. Every write records its audit entry in the same transaction.
package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/entente/entente"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// DB is an open entente database. SQLite runs in WAL mode with one write connection (so writes
// never race for the lock inside the process) and a pool of readers; PostgreSQL uses one pool.
type DB struct {
	dialect dialect
	write   *sql.DB
	read    *sql.DB
	clock   entente.Clock
	dsn     string
	// Name is what the database is, for messages: a file path or a PostgreSQL URL without its
	// password.
	Name string
}

// Open opens the database named by dsn (a SQLite file path, or a postgres:// URL), creates or
// upgrades its schema, and returns it. A database written by a newer entente is refused.
func Open(ctx context.Context, dsn string, clock entente.Clock) (*DB, error) {
	db, err := open(dsn, clock)
	if err != nil {
		return nil, err
	}
	db.dsn = dsn
	if err := db.write.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot reach the database %s: %w", db.Name, err)
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// IsPostgres reports whether dsn names a PostgreSQL database rather than a SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

func open(dsn string, clock entente.Clock) (*DB, error) {
	if clock == nil {
		clock = entente.SystemClock{}
	}
	if IsPostgres(dsn) {
		pool, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("cannot open the PostgreSQL database: %w", err)
		}
		pool.SetMaxOpenConns(20)
		pool.SetConnMaxIdleTime(5 * time.Minute)
		return &DB{dialect: postgres{}, write: pool, read: pool, clock: clock, Name: redact(dsn)}, nil
	}
	if dsn == "" {
		return nil, fmt.Errorf("no database given: name a SQLite file or a postgres:// URL")
	}
	write, err := sql.Open("sqlite", sqliteDSN(dsn, "immediate"))
	if err != nil {
		return nil, fmt.Errorf("cannot open the SQLite database %s: %w", dsn, err)
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	read, err := sql.Open("sqlite", sqliteDSN(dsn, "deferred"))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("cannot open the SQLite database %s: %w", dsn, err)
	}
	read.SetMaxOpenConns(8)
	return &DB{dialect: sqlite{}, write: write, read: read, clock: clock, Name: dsn}, nil
}

// sqliteDSN turns a file path into a modernc.org/sqlite DSN: foreign keys on, WAL journal (so
// readers never block the writer and a killed process loses no committed transaction), a busy
// timeout for other processes on the same file, and the transaction lock mode.
func sqliteDSN(path, txlock string) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Set("_txlock", txlock)
	// The path is part of a URI: escape the characters that would end it early.
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + escaped + "?" + q.Encode()
}

// redact hides the password of a database URL.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres"
	}
	return u.Redacted()
}

// Close closes the database.
func (db *DB) Close() error {
	err := db.write.Close()
	if db.read != db.write {
		if e := db.read.Close(); err == nil {
			err = e
		}
	}
	return err
}

// Dialect names the database engine: "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.dialect.name() }

// Ping checks that the database answers; the health check calls it.
func (db *DB) Ping(ctx context.Context) error { return db.read.PingContext(ctx) }

// ChangeStamp is the number of the last audit entry. Every write is audited in its own
// transaction and the audit chain takes one writer at a time, so the stamp grows with every
// committed change and never goes back: a cache of anything read may be kept while it holds.
func (db *DB) ChangeStamp(ctx context.Context) (int64, error) {
	var n int64
	err := db.read.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM audit_entries").Scan(&n)
	return n, err
}

// Now returns the current instant of the database's clock, in UTC, to the microsecond that the
// database keeps.
func (db *DB) Now() time.Time { return db.clock.Now().UTC().Truncate(time.Microsecond) }

// Today returns the current civil date in UTC.
func (db *DB) Today() entente.Date { return entente.DateOf(db.Now()) }
