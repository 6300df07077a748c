package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/entente/entente"
)

// Tx is one database transaction of one caller, with the instant it started: every row it
// writes carries that instant, and every write records an audit entry inside it.
type Tx struct {
	tx     *sql.Tx
	db     *DB
	ctx    context.Context
	now    time.Time
	caller *entente.Caller
}

// begin starts a transaction for the caller in ctx; write transactions go to the single writer.
func (db *DB) begin(ctx context.Context, write bool) (*Tx, error) {
	pool := db.read
	opts := &sql.TxOptions{ReadOnly: true}
	if write {
		pool, opts = db.write, nil
	}
	tx, err := pool.BeginTx(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("cannot begin a transaction: %w", err)
	}
	return &Tx{tx: tx, db: db, ctx: ctx, now: db.Now(), caller: entente.CallerFrom(ctx)}, nil
}

func (tx *Tx) exec(query string, args ...any) (sql.Result, error) {
	return tx.tx.ExecContext(tx.ctx, tx.db.dialect.rebind(query), args...)
}

func (tx *Tx) query(query string, args ...any) (*sql.Rows, error) {
	return tx.tx.QueryContext(tx.ctx, tx.db.dialect.rebind(query), args...)
}

func (tx *Tx) queryRow(query string, args ...any) *sql.Row {
	return tx.tx.QueryRowContext(tx.ctx, tx.db.dialect.rebind(query), args...)
}

// wallClock is the machine's real time, for what protects accounts (password changes, sign-in
// throttling, reset links) rather than what the roadmap records: the demo's clock may live in
// 2024 while sessions and locks must follow real time.
func (tx *Tx) wallClock() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// today is the civil date (UTC) of the transaction.
func (tx *Tx) today() entente.Date { return entente.DateOf(tx.now) }

// view runs fn in a read-only transaction.
func view[T any](ctx context.Context, db *DB, fn func(*Tx) (T, error)) (T, error) {
	var zero T
	tx, err := db.begin(ctx, false)
	if err != nil {
		return zero, err
	}
	defer tx.tx.Rollback()
	v, err := fn(tx)
	if err != nil {
		return zero, err
	}
	return v, tx.tx.Commit()
}

// change runs fn in a write transaction and commits when it succeeds; nothing is written when
// it fails. Driver errors for broken constraints become entente errors.
func change[T any](ctx context.Context, db *DB, fn func(*Tx) (T, error)) (T, error) {
	var zero T
	tx, err := db.begin(ctx, true)
	if err != nil {
		return zero, err
	}
	defer tx.tx.Rollback()
	v, err := fn(tx)
	if err != nil {
		return zero, db.translate(err)
	}
	if err := tx.tx.Commit(); err != nil {
		return zero, db.translate(err)
	}
	return v, nil
}

// translate turns constraint violations the code did not catch first into entente errors.
func (db *DB) translate(err error) error {
	var e *entente.Error
	switch {
	case errors.As(err, &e):
		return err
	case db.dialect.isUniqueViolation(err):
		return entente.Errorf(entente.ECONFLICT, "An item with the same key already exists.")
	case db.dialect.isForeignKeyViolation(err):
		return entente.Errorf(entente.ECONFLICT, "Other items refer to this one, or it refers to an item that does not exist.")
	}
	return err
}
