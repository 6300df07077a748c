package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/testdb"
	"github.com/entente/entente/sqlstore"
)

// testNow is the instant every test database's clock shows.
var testNow = time.Date(2024, 11, 26, 9, 0, 0, 0, time.UTC)

// eachDB runs a test on a fresh SQLite database, and on a fresh PostgreSQL schema when
// ENTENTE_TEST_POSTGRES names a server (always in CI).
func eachDB(t *testing.T, test func(t *testing.T, db *sqlstore.DB)) {
	t.Run("sqlite", func(t *testing.T) { test(t, openSQLite(t)) })
	t.Run("postgres", func(t *testing.T) { test(t, openPostgres(t)) })
}

func openSQLite(t testing.TB) *sqlstore.DB { return testdb.SQLite(t, entente.FixedClock(testNow)) }

func openPostgres(t testing.TB) *sqlstore.DB { return testdb.Postgres(t, entente.FixedClock(testNow)) }

// addUser creates a user row directly, for tests of what users of each party may do.
func addUser(t testing.TB, db *sqlstore.DB, id int64, party string) {
	t.Helper()
	_, err := db.ExecForTest(context.Background(), `INSERT INTO users (id, email, name, party, created_at, updated_at)
		VALUES (?, ?, 'user', ?, '2024-01-01T00:00:00.000000Z', '2024-01-01T00:00:00.000000Z')`, id, itoa64(id)+"@example.org", party)
	must(t, err)
}

// system is a context acting as the command line.
func system() context.Context {
	return entente.WithCaller(context.Background(), entente.SystemCaller)
}

// as is a context acting as a user of a party with roles in roadmaps.
func as(userID int64, party string, roles map[int64]entente.Role, bodies ...int64) context.Context {
	return entente.WithCaller(context.Background(), &entente.Caller{UserID: userID, Name: "user", Party: party, Roles: roles, Bodies: bodies})
}

// must fails the test on an error.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// wantCode fails unless err carries the code.
func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	if got := entente.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}
