package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

func cmdServe(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "serve", "serve [--addr 127.0.0.1:8080] [--db entente.db]")
	addr := fs.String("addr", "127.0.0.1:8080", "the address to listen on")
	dsn := dbFlag(fs, e)
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	db, err := openDB(ctx, *dsn, entente.SystemClock{})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := seedCalendars(ctx, e, db); err != nil {
		return err
	}
	return listenAndServe(ctx, e, *addr, db, entente.SystemClock{})
}

// listenAndServe serves the database on addr until ctx ends, then shuts down gracefully.
func listenAndServe(ctx context.Context, e *env, addr string, db *sqlstore.DB, clock entente.Clock) error {
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	handler, err := newServer(log, db, clock)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	fmt.Fprintf(e.stdout, "entente is serving %s at http://%s/\n", db.Name, ln.Addr())
	go cleanSessions(ctx, sqlstore.NewSessionStore(db), log)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// cleanSessions deletes expired sessions every hour.
func cleanSessions(ctx context.Context, store *sqlstore.SessionStore, log *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := store.DeleteExpired(ctx); err != nil {
				log.Error("deleting expired sessions", "error", err)
			}
		}
	}
}
