package sqlstore

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations
var migrations embed.FS

// migration is one numbered, append-only schema step of a dialect.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads migrations/<dialect>/NNNNN_name.sql in order.
func loadMigrations(dialect string) ([]migration, error) {
	dir := path.Join("migrations", dialect)
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, name, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration file %s is not named NNNNN_name.sql", e.Name())
		}
		b, err := migrations.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i := 1; i < len(out); i++ {
		if out[i].version == out[i-1].version {
			return nil, fmt.Errorf("migrations of %s number %d twice", dialect, out[i].version)
		}
	}
	return out, nil
}

// SchemaVersion returns the number of the newest migration this program knows.
func SchemaVersion() int {
	ms, _ := loadMigrations("sqlite")
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate brings the schema up to date. PostgreSQL instances starting together wait on an
// advisory lock, so each step runs once. A schema newer than this program is refused, since
// running old code on it could lose data.
func (db *DB) migrate(ctx context.Context) error {
	all, err := loadMigrations(db.dialect.name())
	if err != nil {
		return err
	}
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	unlock, err := db.dialect.lockMigrations(ctx, conn)
	if err != nil {
		return fmt.Errorf("cannot lock the schema for upgrade: %w", err)
	}
	defer unlock()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("cannot create the migrations table: %w", err)
	}
	var current int
	if err := conn.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&current); err != nil {
		return err
	}
	if known := SchemaVersion(); current > known {
		return fmt.Errorf("the database %s has schema version %d, newer than this entente knows (%d): "+
			"it was written by a newer entente; upgrade entente instead of opening it with this one", db.Name, current, known)
	}
	// Each step is applied unless recorded, so the numbering may have gaps.
	for _, m := range all {
		if err := db.applyMigration(ctx, conn, m); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) applyMigration(ctx context.Context, conn *sql.Conn, m migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Another process may have applied the step while this one waited for the lock.
	var done int
	q := db.dialect.rebind("SELECT COUNT(*) FROM schema_migrations WHERE version = ?")
	if err := tx.QueryRowContext(ctx, q, m.version).Scan(&done); err != nil {
		return err
	} else if done > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %05d_%s failed: %w", m.version, m.name, err)
	}
	q = db.dialect.rebind("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
	if _, err := tx.ExecContext(ctx, q, m.version, m.name, formatTime(db.Now())); err != nil {
		return err
	}
	return tx.Commit()
}
