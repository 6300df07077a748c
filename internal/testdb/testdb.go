// Package testdb opens fresh entente databases for tests: a SQLite file in the test's temporary
// folder, and a schema of its own on the PostgreSQL server that ENTENTE_TEST_POSTGRES names.
// Both are closed (and the schema dropped) when the test ends. Where PostgreSQL is not
// configured the test skips, or fails under CI=true (see testenv).
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/sqlstore"
)

// SQLite opens a new, migrated SQLite database whose clock is clock.
func SQLite(t testing.TB, clock entente.Clock) *sqlstore.DB {
	t.Helper()
	db, err := sqlstore.Open(context.Background(), filepath.Join(t.TempDir(), "entente.db"), clock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Postgres opens entente in a new schema on the test server, with clock.
func Postgres(t testing.TB, clock entente.Clock) *sqlstore.DB {
	t.Helper()
	dsn, drop := PostgresSchema(t)
	db, err := sqlstore.Open(context.Background(), dsn, clock)
	if err != nil {
		drop()
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close(); drop() })
	return db
}

// PostgresSchema creates an empty schema on the test server and returns the address that
// uses it, with the function that drops it. Tests that open the database themselves (several
// processes, several instances) start here.
func PostgresSchema(t testing.TB) (dsn string, drop func()) {
	t.Helper()
	server := os.Getenv("ENTENTE_TEST_POSTGRES")
	if server == "" {
		testenv.Missing(t, "ENTENTE_TEST_POSTGRES is not set: set it to a PostgreSQL URL to run the PostgreSQL tests")
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "entente_test_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		admin.Close()
		t.Fatalf("cannot create a test schema on %s: %v", server, err)
	}
	u, err := url.Parse(server)
	if err != nil {
		admin.Close()
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	}
}
